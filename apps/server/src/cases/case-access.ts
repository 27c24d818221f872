/**
 * Opening a file: asks the policy module (policy/case-access.ts), audits a refusal, every read of
 * a restricted or sealed file, and every use of break-glass access.
 */
import { isAuditedOnRead, type Role } from '@qadiya/domain';
import { recordAuditAlone } from '../audit/audit-log';
import type { CaseRow } from '../db/schema';
import { AppError, notFound } from '../http/errors';
import { decideCaseAccess } from '../policy/case-access';
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
    {
      id: file.id,
      institutionId: file.institution_id,
      unitId: file.unit_id,
      confidentiality: file.confidentiality,
      intake: { status: file.intake_status, caseType: file.case_type },
    },
    teamRoles ?? (await teamRolesOf(ctx.db, file.id, ctx.actor.userId)),
  );
  const base = {
    actor: auditActor(ctx.actor),
    object: { type: 'case', id: file.id },
    institutionId: file.institution_id,
  };
  if (!decision.allowed) {
    await recordAuditAlone(ctx.db, ctx.origin, {
      ...base,
      action: 'access.denied',
      outcome: 'denied',
      details: { permission: `case.${purpose}`, reason: decision.reason },
    });
    throw new AppError('FORBIDDEN', 'You do not have access to this file');
  }
  if (decision.isBreakGlass) {
    await recordAuditAlone(ctx.db, ctx.origin, {
      ...base,
      action: 'access.break_glass_used',
      outcome: 'success',
      details: { purpose, assignmentId: decision.breakGlassAssignmentId },
    });
  } else if (purpose === 'read' && isAuditedOnRead(file.confidentiality)) {
    await recordAuditAlone(ctx.db, ctx.origin, {
      ...base,
      action: 'access.restricted_read',
      outcome: 'success',
      details: { confidentiality: file.confidentiality },
    });
  }
  return decision;
}

/**
 * Whether the actor may still open the file (asked after an event, without auditing a refusal):
 * their team roles in it if so, to show the page with; undefined if not.
 */
export async function teamRolesIfStillOpen(
  ctx: UseCaseContext,
  file: CaseRow,
): Promise<Role[] | undefined> {
  const teamRoles = await teamRolesOf(ctx.db, file.id, ctx.actor.userId);
  const decision = decideCaseAccess(
    ctx.actor,
    {
      id: file.id,
      institutionId: file.institution_id,
      unitId: file.unit_id,
      confidentiality: file.confidentiality,
      intake: { status: file.intake_status, caseType: file.case_type },
    },
    teamRoles,
  );
  return decision.allowed ? teamRoles : undefined;
}
