import type { AuditOutcome } from '../db/schema';
import { AppError } from '../http/errors';
import { scopeFor } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { recordAuditAlone } from './audit-log';
import { verifyAuditChain } from './verify-audit-chain';

export interface AuditLogFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  actorUserId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  institutionId?: string | undefined;
  outcome?: AuditOutcome | undefined;
  /** Newest first; pass the last seq you received to get the next page. */
  beforeSeq?: number | undefined;
  limit: number;
}

/**
 * The audit log as an auditor sees it: national auditors see every row, an institution's auditor
 * the rows about that institution. The scope is part of the SQL. The query itself is audited.
 */
export async function queryAuditLog(ctx: UseCaseContext, filter: AuditLogFilter) {
  const scope = scopeFor(ctx.actor, 'audit.read');
  if (!scope.national && scope.institutionIds.length === 0) {
    await requireAccess(ctx, 'audit.read', { institutionId: filter.institutionId ?? null });
  }
  if (
    filter.institutionId &&
    !scope.national &&
    !scope.institutionIds.includes(filter.institutionId)
  ) {
    await requireAccess(ctx, 'audit.read', { institutionId: filter.institutionId });
  }
  let query = ctx.db.selectFrom('audit_log').selectAll();
  if (!scope.national) query = query.where('institution_id', 'in', scope.institutionIds);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.objectType) query = query.where('object_type', '=', filter.objectType);
  if (filter.objectId) query = query.where('object_id', '=', filter.objectId);
  if (filter.institutionId) query = query.where('institution_id', '=', filter.institutionId);
  if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
  if (filter.beforeSeq) query = query.where('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();
  await recordAuditAlone(ctx.db, ctx.origin, {
    action: 'audit.queried',
    outcome: 'success',
    actor: auditActor(ctx.actor),
    details: {
      filter: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() },
      rows: rows.length,
    },
  });
  return rows;
}

/** Recomputes the whole chain; national auditors only (it reads every row). */
export async function verifyAuditLog(ctx: UseCaseContext) {
  const scope = scopeFor(ctx.actor, 'audit.read');
  if (!scope.national) {
    await requireAccess(ctx, 'audit.read', { institutionId: null });
    throw new AppError('FORBIDDEN', 'Only national auditors can verify the whole chain');
  }
  return verifyAuditChain(ctx.db);
}
