/**
 * Opening a file: asks the policy module (policy/case-access.ts), audits a refusal, every read of
 * a restricted or sealed file, and every use of break-glass access.
 */
import { isAuditedOnRead, type Role } from '@qadiya/domain';
import type { Transaction } from 'kysely';
import { recordAuditAlone, type AuditEntry } from '../audit/audit-log';
import type { CaseRow, Database } from '../db/schema';
import { AppError, notFound } from '../http/errors';
import { decideCaseAccess, openedSubjectOf, type CaseAccessDecision } from '../policy/case-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findCaseWithTeamRoles, teamRolesOf } from './cases.repository';

/**
 * Opens a file for the actor: reads it with the actor's team roles in one statement, then lets
 * the policy module decide (requireCaseAccess). 404 when there is no such file.
 */
export async function openCase(
  ctx: UseCaseContext,
  caseId: string,
  purpose: 'read' | 'act' = 'act',
  notFoundAs = 'Case',
) {
  const found = await findCaseWithTeamRoles(ctx.db, caseId, ctx.actor.userId);
  if (!found) throw notFound(notFoundAs, caseId);
  const access = await requireCaseAccess(ctx, found.file, purpose, found.teamRoles);
  return { file: found.file, teamRoles: found.teamRoles, access };
}

/** The answer to a refused opening, the same wherever a file is opened. */
function accessRefused(): AppError {
  return new AppError('FORBIDDEN', 'You do not have access to this file');
}

function auditBase(ctx: UseCaseContext, file: CaseRow) {
  return {
    actor: auditActor(ctx.actor),
    object: { type: 'case', id: file.id },
    institutionId: file.institution_id,
  };
}

/** The audit row of a refused opening: every refusal is audited. */
function refusalAuditEntry(
  ctx: UseCaseContext,
  file: CaseRow,
  purpose: 'read' | 'act',
  reason: string,
): AuditEntry {
  return {
    ...auditBase(ctx, file),
    action: 'access.denied',
    outcome: 'denied',
    details: { permission: `case.${purpose}`, reason },
  };
}

/**
 * The audit row an allowed opening calls for: every use of break-glass access, and every read of
 * a restricted or sealed file. None for an ordinary opening.
 */
function grantAuditEntry(
  ctx: UseCaseContext,
  file: CaseRow,
  purpose: 'read' | 'act',
  decision: Extract<CaseAccessDecision, { allowed: true }>,
): AuditEntry | null {
  if (decision.isBreakGlass) {
    return {
      ...auditBase(ctx, file),
      action: 'access.break_glass_used',
      outcome: 'success',
      details: { purpose, assignmentId: decision.breakGlassAssignmentId },
    };
  }
  if (purpose === 'read' && isAuditedOnRead(file.confidentiality)) {
    return {
      ...auditBase(ctx, file),
      action: 'access.restricted_read',
      outcome: 'success',
      details: { confidentiality: file.confidentiality },
    };
  }
  return null;
}

/**
 * Asks the policy module whether the actor may open the file and audits the answer where the
 * rules say so. `teamRoles` are the actor's roles in the file's team when the caller has already
 * read them (openCase); otherwise they are read here.
 */
export async function requireCaseAccess(
  ctx: UseCaseContext,
  file: CaseRow,
  purpose: 'read' | 'act' = 'act',
  teamRoles?: readonly Role[],
) {
  const decision = decideCaseAccess(
    ctx.actor,
    openedSubjectOf(file),
    teamRoles ?? (await teamRolesOf(ctx.db, file.id, ctx.actor.userId)),
  );
  if (!decision.allowed) {
    await recordAuditAlone(
      ctx.db,
      ctx.origin,
      refusalAuditEntry(ctx, file, purpose, decision.reason),
    );
    throw accessRefused();
  }
  const audit = grantAuditEntry(ctx, file, purpose, decision);
  if (audit) await recordAuditAlone(ctx.db, ctx.origin, audit);
  return decision;
}

/** A refused opening inside a transaction: the caller audits it after the rollback. */
export class CaseAccessRefusal extends Error {
  constructor(readonly audit: AuditEntry) {
    super('access refused');
  }
}

/**
 * Opens a file to change it, inside the change's transaction: reads it with the actor's team
 * roles and locks its row in one statement, then the policy module decides. Nothing is written on
 * another connection while the row is locked (a transaction waiting for a second connection of
 * the pool could wait for ever under load), so the audit the decision calls for is returned:
 *
 * - a refusal throws CaseAccessRefusal, which the caller audits after the rollback
 *   (`auditAccessRefusal`);
 * - a break-glass use comes back as `accessAudit`, which the caller writes with the change, or
 *   alone if the change fails: either way, every use is audited.
 */
export async function openCaseToChange(
  ctx: UseCaseContext,
  trx: Transaction<Database>,
  caseId: string,
) {
  const found = await findCaseWithTeamRoles(trx, caseId, ctx.actor.userId, { forUpdate: true });
  if (!found) throw notFound('Case', caseId);
  const decision = decideCaseAccess(ctx.actor, openedSubjectOf(found.file), found.teamRoles);
  if (!decision.allowed) {
    throw new CaseAccessRefusal(refusalAuditEntry(ctx, found.file, 'act', decision.reason));
  }
  const accessAudit = grantAuditEntry(ctx, found.file, 'act', decision);
  return { file: found.file, access: decision, accessAudit };
}

/** Audits a CaseAccessRefusal in a transaction of its own, and gives the 403 to answer with. */
export async function auditAccessRefusal(
  ctx: UseCaseContext,
  refusal: CaseAccessRefusal,
): Promise<AppError> {
  await recordAuditAlone(ctx.db, ctx.origin, refusal.audit);
  return accessRefused();
}

/**
 * Whether the actor may still open the file after changing it (asked without auditing a refusal),
 * from their team roles in it as the change left them: those roles if so, to show the page with;
 * undefined if not.
 */
export function teamRolesIfStillOpen(
  ctx: UseCaseContext,
  file: CaseRow,
  teamRoles: Role[],
): Role[] | undefined {
  return decideCaseAccess(ctx.actor, openedSubjectOf(file), teamRoles).allowed
    ? teamRoles
    : undefined;
}
