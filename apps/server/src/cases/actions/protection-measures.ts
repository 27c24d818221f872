/**
 * measure.issue, measure.violation and measure.revoke: protection measures on a family protection
 * file. A measure's expiry is a deadline of the file's lead (about the measure: its subject), so it
 * comes up in the work queue; time alone makes the measure expired (measureStatusAt), no job has
 * to run. A violation is recorded while the measure was in force, marks it violated and, when
 * asked, opens a new prosecution file for the violation in the same matter.
 */
import { isMeasureInForce, type ProtectionMeasureKind } from '@qadiya/domain';
import { ruleViolation } from '../../http/errors';
import { invalidField } from '../../http/validation';
import { actorUserIdForFk } from '../../policy/actor';
import type { ActionContext, ActionHandler } from './action-context';
import {
  completeSubjectDeadlines,
  insertSubjectDeadline,
  leadOrLeadRole,
} from './action-deadlines';
import { answerRiskResponse } from './risk-assessment';
import { openViolationFile } from './violation-file';

export const MEASURE_EXPIRY_DEADLINE = 'protection_measure_expiry';
/** Clocks of the devices a time was typed on may run a little ahead of the server's. */
const CLOCK_GRACE_MS = 60_000;

const NOT_IN_FORCE = {
  ar: 'لم يكن تدبير الحماية سارياً في ذلك الوقت (انتهت مدته أو أُلغي)',
  en: 'The protection measure was not in force at that time (it had expired or was revoked)',
};

export const issueMeasure: ActionHandler = async (context) => {
  const { trx, ctx, file, payload, now, eventId } = context;
  const expiresAt = new Date(payload.expiresAt as string);
  if (expiresAt.getTime() <= now.getTime()) {
    throw invalidField('payload.expiresAt', 'is not in the future');
  }
  const protectedPartyId = payload.protectedPartyId as string;
  const measure = await trx
    .insertInto('protection_measures')
    .values({
      case_id: file.id,
      kind: payload.measureKind as ProtectionMeasureKind,
      protected_party_id: protectedPartyId,
      against_party_id: payload.againstPartyId as string,
      authority: payload.authority as 'prosecution' | 'court',
      conditions: payload.conditions as string,
      issued_at: now,
      issued_by: actorUserIdForFk(ctx.actor),
      expires_at: expiresAt,
      event_id: eventId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertSubjectDeadline(context, {
    name: MEASURE_EXPIRY_DEADLINE,
    kind: 'deadline',
    title: {
      ar: 'انتهاء مدة تدبير الحماية: التجديد أو تقييم الخطورة من جديد',
      en: 'A protection measure expires: renew it or assess the risk again',
    },
    priority: 'high',
    dueAt: expiresAt,
    subjectId: measure.id,
    assignee: await leadOrLeadRole(context),
  });
  await answerRiskResponse(context, protectedPartyId);
};

/** The measure of this file named by the payload, or a 400 naming the field. */
async function measureOfFile({ trx, file, payload }: ActionContext) {
  const measure = await trx
    .selectFrom('protection_measures')
    .selectAll()
    .where('id', '=', payload.measureId as string)
    .where('case_id', '=', file.id)
    .executeTakeFirst();
  if (!measure) throw invalidField('payload.measureId', 'is not a protection measure of this file');
  return measure;
}

export const recordViolation: ActionHandler = async (context) => {
  const { trx, ctx, file, payload, now, eventId } = context;
  const measure = await measureOfFile(context);
  const occurredAt = new Date(payload.occurredAt as string);
  if (occurredAt.getTime() > now.getTime() + CLOCK_GRACE_MS) {
    throw invalidField('payload.occurredAt', 'is in the future');
  }
  if (occurredAt.getTime() < measure.issued_at.getTime()) {
    throw invalidField('payload.occurredAt', 'is before the measure was issued');
  }
  // A violation may be recorded after a revocation or the expiry, if it happened before them.
  const storedThen =
    measure.revoked_at && measure.revoked_at.getTime() <= occurredAt.getTime()
      ? 'revoked'
      : 'active';
  if (!isMeasureInForce(storedThen, measure.expires_at, occurredAt)) {
    throw ruleViolation('MEASURE_NOT_IN_FORCE', NOT_IN_FORCE, { measureId: measure.id });
  }
  const violation = await trx
    .insertInto('protection_measure_violations')
    .values({
      measure_id: measure.id,
      case_id: file.id,
      occurred_at: occurredAt,
      description: payload.description as string,
      recorded_at: now,
      recorded_by: actorUserIdForFk(ctx.actor),
      event_id: eventId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (measure.status === 'active') {
    await trx
      .updateTable('protection_measures')
      .set({ status: 'violated' })
      .where('id', '=', measure.id)
      .execute();
  }
  if (payload.openNewFile === true) {
    const newFile = await openViolationFile(context, measure, {
      id: violation.id,
      occurredAt,
      description: payload.description as string,
    });
    await trx
      .updateTable('protection_measure_violations')
      .set({ new_case_id: newFile.id })
      .where('id', '=', violation.id)
      .execute();
  }
};

export const revokeMeasure: ActionHandler = async (context) => {
  const { trx, ctx, payload, now } = context;
  const measure = await measureOfFile(context);
  if (!isMeasureInForce(measure.status, measure.expires_at, now)) {
    throw ruleViolation('MEASURE_NOT_IN_FORCE', {
      ar: 'تدبير الحماية غير سارٍ الآن (انتهت مدته أو أُلغي)',
      en: 'The protection measure is not in force now (it has expired or was revoked)',
    });
  }
  await trx
    .updateTable('protection_measures')
    .set({
      status: 'revoked',
      revoked_at: now,
      revoked_by: actorUserIdForFk(ctx.actor),
      revoke_reason: payload.reason as string,
    })
    .where('id', '=', measure.id)
    .execute();
  await completeSubjectDeadlines(context, 'deadline', [measure.id]);
};
