/**
 * Opening a file: asks the policy module (policy/case-access.ts), audits a refusal, every read of
 * a restricted or sealed file, and every use of break-glass access.
 */
import { isAuditedOnRead } from '@qadiya/domain';
import { recordAuditAlone } from '../audit/audit-log';
import type { CaseRow } from '../db/schema';
import { AppError } from '../http/errors';
import { decideCaseAccess } from '../policy/case-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { teamRolesOf } from './cases.repository';

export async function requireCaseAccess(
  ctx: UseCaseContext,
  file: CaseRow,
  purpose: 'read' | 'act' = 'act',
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
    await teamRolesOf(ctx.db, file.id, ctx.actor.userId),
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

/** Whether the actor may still open the file (asked after an event, without auditing a refusal). */
export async function canStillOpen(ctx: UseCaseContext, file: CaseRow): Promise<boolean> {
  const decision = decideCaseAccess(
    ctx.actor,
    {
      id: file.id,
      institutionId: file.institution_id,
      unitId: file.unit_id,
      confidentiality: file.confidentiality,
      intake: { status: file.intake_status, caseType: file.case_type },
    },
    await teamRolesOf(ctx.db, file.id, ctx.actor.userId),
  );
  return decision.allowed;
}
