/**
 * Booking a court's time: the panel must be active judges of the court, and no judge or room may
 * be in two scheduled hearings at once. The check is race-free: before looking for a clash the
 * transaction takes an advisory lock on the court, then one per judge in sorted order (a judge may
 * also sit elsewhere). Every booking takes the court lock first and judges in the same order, so
 * two bookings never wait on each other in a cycle. Works alike on PostgreSQL and PGlite.
 */
import { sql } from 'kysely';
import { ruleViolation } from '../../http/errors';
import { invalidField } from '../../http/validation';
import type { ActionContext } from './action-context';
import { fileLeadUserId, insertSubjectDeadline } from './action-deadlines';

export const HEARING_DEADLINE = {
  name: 'hearing',
  title: { ar: 'موعد جلسة', en: 'Hearing' },
} as const;

export interface Booking {
  courtId: string;
  room: string;
  judgeIds: readonly string[];
  startsAt: Date;
  endsAt: Date;
  summonedPartyIds: readonly string[];
}

/** The court that hears the file: the file's own institution, which must be a court. */
export async function courtOfFile({ trx, file }: ActionContext): Promise<string> {
  const institution = await trx
    .selectFrom('institutions')
    .select(['id', 'kind'])
    .where('id', '=', file.institution_id)
    .executeTakeFirstOrThrow();
  if (institution.kind !== 'court') {
    throw ruleViolation('HEARING_NOT_AT_A_COURT', {
      ar: 'لا تُعقد الجلسات إلا في محكمة',
      en: 'Hearings are held only on the files of a court',
    });
  }
  return institution.id;
}

/**
 * The judges among `judgeIds` who may not sit on this file's panel now: not an active judge of the
 * court (standard grant, not revoked, valid now, account active), or recused from the file.
 */
export async function unfitJudges(
  { trx, file, now }: ActionContext,
  courtId: string,
  judgeIds: readonly string[],
): Promise<string[]> {
  if (judgeIds.length === 0) return [];
  const active = await trx
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select('ra.user_id')
    .distinct()
    .where('ra.user_id', 'in', [...judgeIds])
    .where('ra.role', '=', 'judge')
    .where('ra.grant_kind', '=', 'standard')
    .where('ra.institution_id', '=', courtId)
    .where('ra.revoked_at', 'is', null)
    .where('ra.valid_from', '<=', now)
    .where((eb) => eb.or([eb('ra.valid_until', 'is', null), eb('ra.valid_until', '>', now)]))
    .where('u.is_active', '=', true)
    .execute();
  const recused = await trx
    .selectFrom('role_assignments')
    .select('user_id')
    .where('user_id', 'in', [...judgeIds])
    .where('grant_kind', '=', 'excluded')
    .where('case_id', '=', file.id)
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', now)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', now)]))
    .execute();
  const fit = new Set(active.map((r) => r.user_id));
  for (const r of recused) fit.delete(r.user_id);
  return judgeIds.filter((id) => !fit.has(id));
}

/** Parties summoned to a hearing must be parties of the file. */
export async function requireSummonedParties(
  { trx, file }: ActionContext,
  partyIds: readonly string[],
): Promise<void> {
  if (partyIds.length === 0) return;
  const found = await trx
    .selectFrom('parties')
    .select('id')
    .where('case_id', '=', file.id)
    .where('id', 'in', [...partyIds])
    .execute();
  const known = new Set(found.map((p) => p.id));
  const unknown = partyIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw invalidField(
      'payload.summonedPartyIds',
      `not parties of this file: ${unknown.join(', ')}`,
    );
  }
}

/**
 * Books the slot and creates the hearing, its panel and its deadline; refuses a double booking
 * with HEARING_DOUBLE_BOOKED naming the judges and the room that clash. Returns the hearing id.
 */
export async function bookHearing(context: ActionContext, booking: Booking): Promise<string> {
  const { trx, file, now } = context;
  await lockSlot(context, booking);
  const clashes = await trx
    .selectFrom('hearings as h')
    .leftJoin('hearing_judges as hj', 'hj.hearing_id', 'h.id')
    .select(['h.id', 'h.court_id', 'h.room', 'h.starts_at', 'h.ends_at', 'hj.judge_id'])
    .where('h.status', '=', 'scheduled')
    .where('h.starts_at', '<', booking.endsAt)
    .where('h.ends_at', '>', booking.startsAt)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('h.court_id', '=', booking.courtId),
          eb(eb.fn('lower', ['h.room']), '=', booking.room.toLowerCase()),
        ]),
        eb('hj.judge_id', 'in', [...booking.judgeIds]),
      ]),
    )
    .execute();
  if (clashes.length > 0) {
    const judgeIds = [
      ...new Set(
        clashes.flatMap((c) =>
          c.judge_id && booking.judgeIds.includes(c.judge_id) ? [c.judge_id] : [],
        ),
      ),
    ];
    const isRoomTaken = clashes.some(
      (c) => c.court_id === booking.courtId && c.room.toLowerCase() === booking.room.toLowerCase(),
    );
    const hearings = [...new Map(clashes.map((c) => [c.id, c])).values()].map((c) => ({
      hearingId: c.id,
      startsAt: c.starts_at.toISOString(),
      endsAt: c.ends_at.toISOString(),
    }));
    throw ruleViolation(
      'HEARING_DOUBLE_BOOKED',
      {
        ar: 'القاضي أو القاعة محجوز لجلسة أخرى في الوقت نفسه',
        en: `Already booked at that time: ${[
          ...judgeIds.map((id) => `judge ${id}`),
          ...(isRoomTaken ? [`room "${booking.room}"`] : []),
        ].join(', ')}`,
      },
      { judgeIds, room: isRoomTaken ? booking.room : null, hearings },
    );
  }
  const hearing = await trx
    .insertInto('hearings')
    .values({
      case_id: file.id,
      court_id: booking.courtId,
      room: booking.room,
      starts_at: booking.startsAt,
      ends_at: booking.endsAt,
      summoned_party_ids: [...booking.summonedPartyIds],
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('hearing_judges')
    .values(booking.judgeIds.map((judgeId) => ({ hearing_id: hearing.id, judge_id: judgeId })))
    .execute();
  // The presiding judge of the file and the court's registry both prepare for the hearing.
  await insertSubjectDeadline(context, {
    ...HEARING_DEADLINE,
    kind: 'hearing',
    priority: 'normal',
    dueAt: booking.startsAt,
    subjectId: hearing.id,
    assignee: { userId: await fileLeadUserId(context), role: 'court_clerk' },
  });
  return hearing.id;
}

async function lockSlot({ trx }: ActionContext, booking: Booking): Promise<void> {
  const keys = [
    `qadiya:hearing:court:${booking.courtId}`,
    ...[...booking.judgeIds].sort().map((id) => `qadiya:hearing:judge:${id}`),
  ];
  for (const key of keys) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  }
}
