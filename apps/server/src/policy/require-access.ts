/**
 * Call it before opening the use case's transaction, never inside one: a refusal is audited in a
 * transaction of its own (it must survive the refused change being rolled back), and embedded
 * PGlite has a single connection that the open transaction would be holding.
 *
 * `requireAccess` is the first call of every use case that touches an object: it asks the policy
 * module, audits a refusal (and any break-glass use) and throws a 403 when refused.
 */
import { recordAuditAlone } from '../audit/audit-log';
import { AppError } from '../http/errors';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { decide, type Permission, type PolicyTarget } from './policy';

export interface AccessTarget extends PolicyTarget {
  /** For the audit row: what was asked for. */
  object?: { type: string; id: string };
}

export async function requireAccess(
  ctx: UseCaseContext,
  permission: Permission,
  target: AccessTarget,
): Promise<void> {
  const decision = decide(ctx.actor, permission, target);
  if (!decision.allowed) {
    await recordAuditAlone(ctx.db, ctx.origin, {
      action: 'access.denied',
      outcome: 'denied',
      actor: auditActor(ctx.actor),
      object: target.object ?? null,
      institutionId: target.institutionId,
      details: { permission, reason: decision.reason },
    });
    throw new AppError('FORBIDDEN', 'You are not allowed to do this', { permission });
  }
  if (decision.via === 'break_glass') {
    await recordAuditAlone(ctx.db, ctx.origin, {
      action: 'access.break_glass_used',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: target.object ?? null,
      institutionId: target.institutionId,
      details: { permission, assignmentId: decision.assignmentId },
    });
  }
}
