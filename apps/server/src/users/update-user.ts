import { recordAudit } from '../audit/audit-log';
import { notFound, staleVersion } from '../http/errors';
import { invalidField } from '../http/validation';
import { findInstitutionById } from '../organisation/institutions.repository';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findUserById, updateUserAtVersion } from './users.repository';

export interface UpdateUserInput {
  version: number;
  displayNameAr?: string | undefined;
  displayNameEn?: string | undefined;
  email?: string | null | undefined;
  sex?: 'female' | 'male' | null | undefined;
  institutionId?: string | null | undefined;
}

/** Edits a user's profile. Moving a user needs the right over both institutions. */
export async function updateUser(ctx: UseCaseContext, userId: string, input: UpdateUserInput) {
  const current = await findUserById(ctx.db, userId);
  if (!current) throw notFound('User', userId);
  await requireAccess(ctx, 'user.manage', {
    institutionId: current.institution_id,
    object: { type: 'user', id: userId },
  });
  const isMoving =
    input.institutionId !== undefined && input.institutionId !== current.institution_id;
  if (isMoving) {
    await requireAccess(ctx, 'user.manage', {
      institutionId: input.institutionId ?? null,
      object: { type: 'user', id: userId },
    });
    if (input.institutionId && !(await findInstitutionById(ctx.db, input.institutionId))) {
      throw invalidField('institutionId', 'no such institution');
    }
  }
  const changes = {
    ...(input.displayNameAr !== undefined ? { display_name_ar: input.displayNameAr } : {}),
    ...(input.displayNameEn !== undefined ? { display_name_en: input.displayNameEn } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.sex !== undefined ? { sex: input.sex } : {}),
    ...(isMoving ? { institution_id: input.institutionId ?? null } : {}),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await updateUserAtVersion(
      trx,
      userId,
      input.version,
      changes,
      ctx.origin.occurredAt,
    );
    if (!updated) {
      const latest = await findUserById(trx, userId);
      throw staleVersion('User', latest?.version ?? current.version);
    }
    await recordAudit(trx, ctx.origin, {
      action: 'user.updated',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'user', id: userId },
      institutionId: updated.institution_id,
      details: {
        changes: Object.keys(changes),
        fromInstitutionId: isMoving ? current.institution_id : undefined,
      },
    });
    return updated;
  });
}
