/**
 * hearing.schedule, hearing.adjourn and hearing.hold: a court's hearings on a file. Scheduling
 * books the court's time (hearing-booking.ts); adjourning closes the hearing with a coded reason
 * and books the next one with the same room and panel; holding records the minutes (ضبط الجلسة).
 * Each hearing has a deadline due at its start, completed when the hearing is adjourned or held.
 */
import { ruleViolation } from '../../http/errors';
import { invalidField } from '../../http/validation';
import type { ActionContext, ActionHandler } from './action-context';
import { completeSubjectDeadlines } from './action-deadlines';
import { bookHearing, courtOfFile, requireSummonedParties, unfitJudges } from './hearing-booking';

const DEFAULT_DURATION_MINUTES = 60;

export const scheduleHearing: ActionHandler = async (context) => {
  const { payload } = context;
  const courtId = await courtOfFile(context);
  const room = (payload.room as string).trim();
  if (room === '') throw invalidField('payload.room', 'is blank');
  const judgeIds = payload.judgeIds as string[];
  const unfit = await unfitJudges(context, courtId, judgeIds);
  if (unfit.length > 0) {
    throw invalidField(
      'payload.judgeIds',
      `not active judges of this court, or recused from this file: ${unfit.join(', ')}`,
    );
  }
  const summonedPartyIds = (payload.summonedPartyIds as string[] | undefined) ?? [];
  await requireSummonedParties(context, summonedPartyIds);
  const startsAt = new Date(payload.startsAt as string);
  const minutes = (payload.durationMinutes as number | undefined) ?? DEFAULT_DURATION_MINUTES;
  await bookHearing(context, {
    courtId,
    room,
    judgeIds,
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    summonedPartyIds,
  });
};

export const adjournHearing: ActionHandler = async (context) => {
  const { trx, payload } = context;
  const hearing = await scheduledHearing(context, payload.hearingId as string);
  await trx
    .updateTable('hearings')
    .set({
      status: 'adjourned',
      adjourn_reason: payload.reasonCode as string,
      minutes: (payload.minutes as string | undefined) ?? null,
    })
    .where('id', '=', hearing.id)
    .execute();
  await completeSubjectDeadlines(context, 'hearing', [hearing.id]);
  const panel = await trx
    .selectFrom('hearing_judges')
    .select('judge_id')
    .where('hearing_id', '=', hearing.id)
    .execute();
  const judgeIds = panel.map((j) => j.judge_id);
  const unfit = await unfitJudges(context, hearing.court_id, judgeIds);
  if (unfit.length > 0) {
    throw ruleViolation(
      'PANEL_JUDGE_NOT_ACTIVE',
      {
        ar: 'أحد قضاة الهيئة لم يعد قاضياً فاعلاً في المحكمة أو تنحى عن الملف',
        en: 'A judge of the panel is no longer an active judge of this court, or is recused',
      },
      { judgeIds: unfit },
    );
  }
  const startsAt = new Date(payload.nextStartsAt as string);
  const length = hearing.ends_at.getTime() - hearing.starts_at.getTime();
  const nextId = await bookHearing(context, {
    courtId: hearing.court_id,
    room: hearing.room,
    judgeIds,
    startsAt,
    endsAt: new Date(startsAt.getTime() + length),
    summonedPartyIds: hearing.summoned_party_ids,
  });
  await trx
    .updateTable('hearings')
    .set({ next_hearing_id: nextId })
    .where('id', '=', hearing.id)
    .execute();
};

export const holdHearing: ActionHandler = async (context) => {
  const { trx, payload } = context;
  const hearing = await scheduledHearing(context, payload.hearingId as string);
  await trx
    .updateTable('hearings')
    .set({ status: 'held', minutes: payload.minutes as string })
    .where('id', '=', hearing.id)
    .execute();
  await completeSubjectDeadlines(context, 'hearing', [hearing.id]);
};

/** A scheduled hearing of this file (the engine's guard has checked it; this reads the row). */
async function scheduledHearing({ trx, file }: ActionContext, hearingId: string) {
  const hearing = await trx
    .selectFrom('hearings')
    .select(['id', 'court_id', 'room', 'starts_at', 'ends_at', 'summoned_party_ids'])
    .where('id', '=', hearingId)
    .where('case_id', '=', file.id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  if (!hearing) throw invalidField('payload.hearingId', 'no scheduled hearing of this file');
  return hearing;
}
