/**
 * A service's referrals: those sent to the institutions where the actor holds the service provider
 * role, filtered in SQL by the policy's scope. Anyone else is refused (403, audited). The list names
 * victims with their phone numbers, so each answer is recorded in the audit log with the referrals
 * it showed, as every view of a family protection file is.
 */
import { recordAuditAlone } from '../audit/audit-log';
import { scopeFor } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findServiceReferrals } from './referrals.repository';
import type { ListReferralsQuery } from './referrals.schemas';

export async function listReferrals(ctx: UseCaseContext, query: ListReferralsQuery) {
  const scope = scopeFor(ctx.actor, 'referral.read');
  if (scope.institutionIds.length === 0) {
    // Holds the role nowhere: the policy refuses, and the refusal is audited.
    await requireAccess(ctx, 'referral.read', { institutionId: ctx.actor.institutionId });
    return { rows: [], total: 0 };
  }
  const result = await findServiceReferrals(ctx.db, scope.institutionIds, query);
  if (result.rows.length > 0) {
    await recordAuditAlone(ctx.db, ctx.origin, {
      action: 'access.restricted_read',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      institutionId: scope.institutionIds.length === 1 ? (scope.institutionIds[0] ?? null) : null,
      details: { referralIds: result.rows.map((row) => row.id) },
    });
  }
  return result;
}
