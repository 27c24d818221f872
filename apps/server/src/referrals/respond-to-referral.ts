/**
 * A service answers a referral: accepts or declines one it was sent, closes one it accepted, each
 * with its feedback, against the version it saw (409 STALE_VERSION otherwise). The policy decides
 * at the referral's institution: only that service's staff answer it. Every answer is audited.
 */
import { referralStatusAfter, type ReferralResponse } from '@qadiya/domain';
import { recordAudit } from '../audit/audit-log';
import { AppError, notFound, ruleViolation, staleVersion } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findReferral, lockReferral } from './referrals.repository';

export interface ReferralAnswer {
  version: number;
  feedback?: string | undefined;
}

const AUDIT_ACTION = {
  accept: 'referral.accepted',
  decline: 'referral.declined',
  close: 'referral.closed',
} as const;

const OUT_OF_ORDER = {
  ar: 'لا يمكن ذلك في حالة الإحالة الحالية: تُقبل الإحالة المرسلة أو تُرفض، وتُغلق الإحالة المقبولة',
  en: 'Not possible in the referral’s current status: a sent referral is accepted or declined, an accepted one is closed',
};

export async function respondToReferral(
  ctx: UseCaseContext,
  referralId: string,
  response: ReferralResponse,
  answer: ReferralAnswer,
) {
  const found = await ctx.db
    .selectFrom('service_referrals')
    .select(['id', 'institution_id'])
    .where('id', '=', referralId)
    .executeTakeFirst();
  if (!found) throw notFound('Referral', referralId);
  await requireAccess(ctx, 'referral.respond', {
    institutionId: found.institution_id,
    object: { type: 'service_referral', id: found.id },
  });
  const now = ctx.origin.occurredAt;
  const feedback = answer.feedback?.trim() || null;
  // A decline or a closing says why; whitespace is not feedback.
  if (response !== 'accept' && feedback === null) {
    throw new AppError('VALIDATION_FAILED', 'Invalid body field "feedback": is required', {
      issues: [{ field: 'feedback', in: 'body', problem: 'is required' }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const referral = await lockReferral(trx, referralId);
    if (!referral) throw notFound('Referral', referralId);
    if (referral.version !== answer.version) throw staleVersion('Referral', referral.version);
    const next = referralStatusAfter(referral.status, response);
    if (!next) {
      throw ruleViolation('REFERRAL_STATUS_CONFLICT', OUT_OF_ORDER, { status: referral.status });
    }
    const by = actorUserIdForFk(ctx.actor);
    await trx
      .updateTable('service_referrals')
      .set({
        status: next,
        version: referral.version + 1,
        ...(response === 'close'
          ? { closed_at: now, closed_by: by, closing_feedback: feedback }
          : { responded_at: now, responded_by: by, feedback }),
      })
      .where('id', '=', referral.id)
      .execute();
    await recordAudit(trx, ctx.origin, {
      action: AUDIT_ACTION[response],
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'service_referral', id: referral.id },
      institutionId: referral.institution_id,
      details: {
        caseId: referral.case_id,
        service: referral.service,
        statusBefore: referral.status,
        statusAfter: next,
        version: referral.version + 1,
        feedback,
      },
    });
  });
  const updated = await findReferral(ctx.db, referralId);
  if (!updated) throw notFound('Referral', referralId);
  return updated;
}
