/**
 * referral.send: refers a victim of the file to a service on the national referral pathway. The
 * guards have already refused a referral without consent (audited, nothing sent) and an override
 * by anyone but a chief prosecutor; here the receiving service is checked, a second open referral
 * to the same service is refused, and an override is recorded in the audit log on its own row,
 * so that an auditor finds every referral sent against a victim's will.
 */
import type { ReferralConsent, ReferralService } from '@qadiya/domain';
import { recordAudit } from '../../audit/audit-log';
import { AppError } from '../../http/errors';
import { invalidField } from '../../http/validation';
import { actorUserIdForFk } from '../../policy/actor';
import { auditActor } from '../../use-case-context';
import type { ActionHandler } from './action-context';
import { answerRiskResponse } from './risk-assessment';

export const sendReferral: ActionHandler = async (context) => {
  const { trx, ctx, file, payload, now, eventId } = context;
  const victimPartyId = payload.victimPartyId as string;
  const service = payload.service as ReferralService;
  const institutionId = payload.institutionId as string;
  const consent = payload.consent as ReferralConsent;
  const overrideReason = (payload.overrideReason as string | undefined)?.trim();
  if (consent === 'given' && overrideReason !== undefined) {
    throw invalidField('payload.overrideReason', 'is recorded only with a consent override');
  }
  const institution = await trx
    .selectFrom('institutions')
    .select(['kind', 'is_active'])
    .where('id', '=', institutionId)
    .executeTakeFirst();
  if (institution?.kind !== 'social_services' || !institution.is_active) {
    throw invalidField('payload.institutionId', 'is not an active social services institution');
  }
  const open = await trx
    .selectFrom('service_referrals')
    .select('id')
    .where('case_id', '=', file.id)
    .where('victim_party_id', '=', victimPartyId)
    .where('service', '=', service)
    .where('institution_id', '=', institutionId)
    .where('status', 'in', ['sent', 'accepted'])
    .executeTakeFirst();
  if (open) {
    throw new AppError(
      'ALREADY_EXISTS',
      'This victim already has an open referral to that service',
      { referralId: open.id },
    );
  }
  const referral = await trx
    .insertInto('service_referrals')
    .values({
      case_id: file.id,
      victim_party_id: victimPartyId,
      service,
      institution_id: institutionId,
      consent,
      override_reason: consent === 'override' ? (overrideReason ?? null) : null,
      note: (payload.note as string | undefined) ?? null,
      sent_at: now,
      sent_by: actorUserIdForFk(ctx.actor),
      event_id: eventId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (consent === 'override') {
    await recordAudit(trx, ctx.origin, {
      action: 'referral.consent_overridden',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'service_referral', id: referral.id },
      institutionId: file.institution_id,
      details: { caseId: file.id, victimPartyId, service, institutionId, reason: overrideReason },
    });
  }
  // A place in a shelter answers a high risk as a protection measure does.
  if (service === 'shelter') await answerRiskResponse(context, victimPartyId);
};
