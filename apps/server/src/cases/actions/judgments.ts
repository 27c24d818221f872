/**
 * judgment.record: the court's judgment per charge (and so per defendant): convicted, acquitted or
 * dismissed, with the sentence of a conviction. The engine's guards have checked that every
 * charge before the court is judged once and no other charge is. The judgment ends the file's
 * hearings: one that had begun by the pronouncement is where it was given (held); later ones are
 * cancelled, which frees the judges and the room.
 */
import { sql } from 'kysely';
import { localDateString, type ChargeDisposition } from '@qadiya/domain';
import { AppError } from '../../http/errors';
import { invalidField } from '../../http/validation';
import type { ActionHandler } from './action-context';

interface ChargeJudgment {
  chargeId: string;
  outcome: Extract<ChargeDisposition, 'convicted' | 'acquitted' | 'dismissed'>;
  sentence?: string;
  custodialMonths?: number;
  fineAmount?: number;
}

export const recordJudgment: ActionHandler = async ({ trx, ctx, file, payload, now }) => {
  const pronouncedAt = new Date(payload.pronouncedAt as string);
  if (pronouncedAt.getTime() > now.getTime() + 60_000) {
    throw invalidField('payload.pronouncedAt', 'is in the future');
  }
  const judgments = payload.judgments as ChargeJudgment[];
  judgments.forEach((judgment, index) => {
    if (judgment.outcome === 'convicted') return;
    for (const field of ['sentence', 'custodialMonths', 'fineAmount'] as const) {
      if (judgment[field] !== undefined) {
        throw invalidField(
          `payload.judgments.${index}.${field}`,
          `only a conviction carries a sentence, not "${judgment.outcome}"`,
        );
      }
    }
  });
  // A judgment cannot come before the offence it judges: such dates contradict each other.
  const judgedOn = localDateString(pronouncedAt, ctx.config.timeZone);
  const offenceAfter = await trx
    .selectFrom('charges')
    .select(['id', 'incident_date'])
    .where('case_id', '=', file.id)
    .where(
      'id',
      'in',
      judgments.map((j) => j.chargeId),
    )
    .where('incident_date', '>', judgedOn)
    .executeTakeFirst();
  if (offenceAfter) {
    throw new AppError(
      'OFFENCE_AFTER_JUDGMENT',
      `The offence of a judged charge (${offenceAfter.incident_date ?? ''}) is after the judgment (${judgedOn})`,
      {
        chargeId: offenceAfter.id,
        offenceDate: offenceAfter.incident_date,
        judgmentDate: judgedOn,
      },
    );
  }
  for (const judgment of judgments) {
    await trx
      .updateTable('charges')
      .set({
        disposition: judgment.outcome,
        disposed_at: pronouncedAt,
        custodial_months: judgment.custodialMonths ?? null,
        fine_amount: judgment.fineAmount === undefined ? null : judgment.fineAmount.toFixed(2),
      })
      .where('id', '=', judgment.chargeId)
      .where('case_id', '=', file.id)
      .where('disposition', '=', 'indicted')
      .execute();
  }
  const minutes = (payload.minutes as string | undefined) ?? null;
  await trx
    .updateTable('hearings')
    .set({
      status: sql<
        'held' | 'cancelled'
      >`case when starts_at <= ${pronouncedAt} then 'held' else 'cancelled' end`,
      minutes: sql<
        string | null
      >`case when starts_at <= ${pronouncedAt} then coalesce(minutes, ${minutes}) else minutes end`,
    })
    .where('case_id', '=', file.id)
    .where('status', '=', 'scheduled')
    .execute();
  await trx
    .updateTable('deadlines')
    .set({ completed_at: now })
    .where('case_id', '=', file.id)
    .where('kind', '=', 'hearing')
    .where('completed_at', 'is', null)
    .execute();
};
