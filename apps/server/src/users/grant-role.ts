import { BREAK_GLASS_MAX_HOURS, NATIONAL_ROLES, type GrantKind, type Role } from '@qadiya/domain';
import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../http/errors';
import { invalidField } from '../http/validation';
import { findInstitutionById, findUnitById } from '../organisation/institutions.repository';
import { actorUserIdForFk } from '../policy/actor';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findUserById } from './users.repository';

export interface GrantRoleInput {
  userId: string;
  role: Role;
  grantKind?: GrantKind | undefined;
  /** null = national scope (admin, auditor, analyst). */
  institutionId: string | null;
  unitId?: string | null | undefined;
  caseId?: string | null | undefined;
  reason?: string | null | undefined;
  validFrom?: Date | undefined;
  validUntil?: Date | null | undefined;
}

/** Grants a role. Nobody may change their own assignments: that would be self-promotion. */
export async function grantRole(ctx: UseCaseContext, input: GrantRoleInput) {
  const user = await findUserById(ctx.db, input.userId);
  if (!user) throw notFound('User', input.userId);
  await authorizeGrant(ctx, input);
  return ctx.db.transaction().execute((trx) => grantRoleInTransaction(ctx, trx, input));
}

/**
 * The access check of a grant. It runs before the transaction opens: a refusal is audited in a
 * transaction of its own, which must not wait behind (or roll back with) the refused change.
 */
export async function authorizeGrant(
  ctx: UseCaseContext,
  input: Pick<GrantRoleInput, 'institutionId'> & { userId?: string },
): Promise<void> {
  await requireAccess(ctx, 'role.grant', {
    institutionId: input.institutionId,
    object: input.userId ? { type: 'user', id: input.userId } : undefined,
  });
  if (input.userId === ctx.actor.userId) {
    throw new AppError('SELF_GRANT_FORBIDDEN', 'You cannot change your own role assignments');
  }
}

/** Writes a grant already authorised with `authorizeGrant`, inside the caller's transaction. */
export async function grantRoleInTransaction(
  ctx: UseCaseContext,
  trx: Transaction<Database>,
  input: GrantRoleInput,
) {
  const grantKind = input.grantKind ?? 'standard';
  await checkGrantShape(ctx, trx, input, grantKind);
  const assignment = await trx
    .insertInto('role_assignments')
    .values({
      user_id: input.userId,
      role: input.role,
      grant_kind: grantKind,
      institution_id: input.institutionId,
      unit_id: input.unitId ?? null,
      case_id: input.caseId ?? null,
      reason: input.reason ?? null,
      valid_from: input.validFrom ?? ctx.origin.occurredAt,
      valid_until: input.validUntil ?? null,
      granted_by: actorUserIdForFk(ctx.actor),
      created_at: ctx.origin.occurredAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx.origin, {
    action: 'role.granted',
    outcome: 'success',
    actor: auditActor(ctx.actor),
    object: { type: 'role_assignment', id: assignment.id },
    institutionId: assignment.institution_id,
    details: {
      userId: input.userId,
      role: assignment.role,
      grantKind,
      unitId: assignment.unit_id,
      caseId: assignment.case_id,
      reason: assignment.reason,
      validUntil: assignment.valid_until?.toISOString() ?? null,
    },
  });
  return assignment;
}

/** The rules of DESIGN.md for each grant kind, as 400s naming the field at fault. */
async function checkGrantShape(
  ctx: UseCaseContext,
  trx: Transaction<Database>,
  input: GrantRoleInput,
  grantKind: GrantKind,
): Promise<void> {
  const now = ctx.origin.occurredAt;
  if (input.institutionId === null) {
    if (!NATIONAL_ROLES.includes(input.role)) {
      throw invalidField(
        'institutionId',
        `the ${input.role} role is always held at an institution`,
      );
    }
    if (grantKind !== 'standard')
      throw invalidField('grantKind', 'national assignments are standard grants');
    if (input.unitId) throw invalidField('unitId', 'a national assignment has no unit');
  } else if (!(await findInstitutionById(trx, input.institutionId))) {
    throw invalidField('institutionId', 'no such institution');
  }
  if (input.unitId) {
    const unit = await findUnitById(trx, input.unitId);
    if (unit?.institution_id !== input.institutionId) {
      throw invalidField('unitId', 'the unit does not belong to that institution');
    }
  }
  const hasCase = Boolean(input.caseId);
  if ((grantKind === 'specific' || grantKind === 'excluded') && !hasCase) {
    throw invalidField('caseId', `a ${grantKind} grant is about one case`);
  }
  if (input.caseId) {
    const file = await trx
      .selectFrom('cases')
      .select('institution_id')
      .where('id', '=', input.caseId)
      .executeTakeFirst();
    if (!file) throw invalidField('caseId', 'no such case');
    if (file.institution_id !== input.institutionId) {
      throw invalidField(
        'institutionId',
        "a grant about one case is held at that case's institution",
      );
    }
  }
  if (grantKind === 'standard' && hasCase) {
    throw invalidField('caseId', 'a standard grant is not about one case; use a specific grant');
  }
  if ((grantKind === 'excluded' || grantKind === 'break_glass') && !input.reason?.trim()) {
    throw invalidField('reason', `a ${grantKind.replace('_', '-')} grant needs a written reason`);
  }
  if (input.validUntil && input.validUntil.getTime() <= (input.validFrom ?? now).getTime()) {
    throw invalidField('validUntil', 'must be after validFrom');
  }
  if (grantKind === 'break_glass') {
    const limit = now.getTime() + BREAK_GLASS_MAX_HOURS * 3_600_000;
    if (!input.validUntil) throw invalidField('validUntil', 'a break-glass grant must expire');
    if (input.validUntil.getTime() > limit) {
      throw invalidField(
        'validUntil',
        `a break-glass grant lasts at most ${BREAK_GLASS_MAX_HOURS} hours`,
      );
    }
  }
}
