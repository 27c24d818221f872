/**
 * Hearings and judgments on court files: the panel must be judges of the court, no judge or room
 * is booked twice (also under concurrent scheduling), adjournment books the next hearing, and the
 * judgment disposes of each charge before the court.
 */
import type { DatabaseHandle } from '../../src/db/database';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedTestDatabase } from '../support/database';
import { buildUser } from '../support/factories';
import {
  buildCourt,
  buildCourtCase,
  deadlinesOf,
  fire,
  HOUR,
  refusal,
  slot,
} from './lifecycle-fixtures';

let handle: DatabaseHandle;
// The first suite of a worker also migrates its database: slow on a loaded machine.
beforeAll(async () => {
  handle = await sharedTestDatabase();
}, 180_000);

const hearingsOf = (caseId: string) =>
  handle.db
    .selectFrom('hearings')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('starts_at')
    .execute();

const panelOf = async (hearingId: string) =>
  (
    await handle.db
      .selectFrom('hearing_judges')
      .select('judge_id')
      .where('hearing_id', '=', hearingId)
      .execute()
  )
    .map((j) => j.judge_id)
    .sort();

function schedule(
  userId: string,
  caseId: string,
  startsAt: Date,
  room: string,
  judgeIds: string[],
  extra: Record<string, unknown> = {},
) {
  return fire(handle.db, userId, caseId, 'schedule_hearing', {
    startsAt: startsAt.toISOString(),
    durationMinutes: 60,
    room,
    judgeIds,
    ...extra,
  });
}

describe('scheduling', () => {
  it('books a hearing with its panel and a deadline for the lead judge and the registry', async () => {
    const { court, judges, clerk } = await buildCourt(handle.db);
    const [lead, second] = judges;
    const { file, partyId } = await buildCourtCase(handle.db, court.id, lead!.id);
    const startsAt = slot(2, 9);
    const result = await schedule(clerk.id, file.id, startsAt, ' قاعة 1 ', [lead!.id, second!.id], {
      durationMinutes: 90,
      summonedPartyIds: [partyId],
    });
    expect(result.file.state).toBe('scheduled');

    const [hearing] = await hearingsOf(file.id);
    expect(hearing).toMatchObject({
      court_id: court.id,
      room: 'قاعة 1',
      status: 'scheduled',
      summoned_party_ids: [partyId],
    });
    expect(hearing!.starts_at.getTime()).toBe(startsAt.getTime());
    expect(hearing!.ends_at.getTime()).toBe(startsAt.getTime() + 1.5 * HOUR);
    expect(await panelOf(hearing!.id)).toEqual([lead!.id, second!.id].sort());

    const [deadline] = await deadlinesOf(handle.db, file.id);
    expect(deadline).toMatchObject({
      kind: 'hearing',
      name: 'hearing',
      priority: 'normal',
      subject_id: hearing!.id,
      assignee_user_id: lead!.id,
      assignee_role: 'court_clerk',
      institution_id: court.id,
      completed_at: null,
    });
    expect(deadline!.due_at.getTime()).toBe(startsAt.getTime());
  });

  it('refuses to double-book a judge or a room, and allows back-to-back hearings', async () => {
    const { court, judges, clerk } = await buildCourt(handle.db);
    const [a, b, c] = judges;
    const first = await buildCourtCase(handle.db, court.id, a!.id);
    const second = await buildCourtCase(handle.db, court.id, b!.id);
    const startsAt = slot(3, 10);
    await schedule(clerk.id, first.file.id, startsAt, 'Hall 1', [a!.id]);

    const halfHourLater = new Date(startsAt.getTime() + HOUR / 2);
    const judgeClash = await refusal(
      schedule(clerk.id, second.file.id, halfHourLater, 'Hall 2', [a!.id, c!.id]),
    );
    expect(judgeClash.status).toBe(409);
    expect(judgeClash.code).toBe('HEARING_DOUBLE_BOOKED');
    expect(judgeClash.details).toMatchObject({ judgeIds: [a!.id], room: null });
    expect(judgeClash.message).toContain(a!.id);

    const roomClash = await refusal(
      schedule(clerk.id, second.file.id, halfHourLater, 'hall 1', [b!.id]),
    );
    expect(roomClash.code).toBe('HEARING_DOUBLE_BOOKED');
    expect(roomClash.details).toMatchObject({ judgeIds: [], room: 'hall 1' });
    expect(roomClash.details.hearings).toHaveLength(1);
    expect(await hearingsOf(second.file.id)).toHaveLength(0);

    // The same room at another court is another room.
    const other = await buildCourt(handle.db, 1);
    const elsewhere = await buildCourtCase(handle.db, other.court.id, other.judges[0]!.id);
    await schedule(other.clerk.id, elsewhere.file.id, startsAt, 'Hall 1', [other.judges[0]!.id]);

    const backToBack = new Date(startsAt.getTime() + HOUR);
    await schedule(clerk.id, second.file.id, backToBack, 'Hall 1', [a!.id, b!.id]);
    expect(await hearingsOf(second.file.id)).toHaveLength(1);
  });

  it('lets exactly one of ten concurrent bookings of one slot through', async () => {
    const { court, judges, clerk } = await buildCourt(handle.db, 1);
    const judge = judges[0]!;
    const files = [];
    for (let i = 0; i < 10; i++) files.push(await buildCourtCase(handle.db, court.id, judge.id));
    const startsAt = slot(4, 11);
    const results = await Promise.allSettled(
      files.map(({ file }, i) =>
        // Half clash on the judge only, half on the room too.
        schedule(clerk.id, file.id, startsAt, i % 2 === 0 ? 'Hall 9' : `Hall 9-${i}`, [judge.id]),
      ),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(9);
    for (const r of rejected) {
      expect((r.reason as { code: string }).code).toBe('HEARING_DOUBLE_BOOKED');
    }
    const booked = await handle.db
      .selectFrom('hearing_judges as hj')
      .innerJoin('hearings as h', 'h.id', 'hj.hearing_id')
      .select('h.id')
      .where('hj.judge_id', '=', judge.id)
      .where('h.starts_at', '=', startsAt)
      .execute();
    expect(booked).toHaveLength(1);
  });

  it('accepts only active judges of the court who are not recused, and no past hearing', async () => {
    const { court, judges, clerk } = await buildCourt(handle.db, 2);
    const [lead, recused] = judges;
    const { file } = await buildCourtCase(handle.db, court.id, lead!.id);
    const otherCourt = await buildCourt(handle.db, 1);
    const formerJudge = await buildUser(handle.db, {
      institutionId: court.id,
      grants: [
        {
          role: 'judge',
          institutionId: court.id,
          validUntil: new Date(Date.now() - 1000),
          validFrom: new Date(Date.now() - 10 * HOUR),
        },
      ],
    });
    await handle.db
      .insertInto('role_assignments')
      .values({
        user_id: recused!.id,
        role: 'judge',
        grant_kind: 'excluded',
        institution_id: court.id,
        case_id: file.id,
        reason: 'قرابة مع المتهم',
      })
      .execute();
    const startsAt = slot(5, 9);
    for (const notAJudge of [clerk.id, otherCourt.judges[0]!.id, formerJudge.id, recused!.id]) {
      const error = await refusal(
        schedule(clerk.id, file.id, startsAt, 'Hall 3', [lead!.id, notAJudge]),
      );
      expect(error.status).toBe(400);
      expect(error.details.issues).toEqual([
        expect.objectContaining({
          field: 'payload.judgeIds',
          problem: expect.stringContaining(notAJudge),
        }),
      ]);
    }

    const past = await refusal(
      schedule(clerk.id, file.id, new Date(Date.now() - HOUR), 'Hall 3', [lead!.id]),
    );
    expect(past.code).toBe('HEARING_IN_PAST');

    const stranger = await refusal(
      schedule(clerk.id, file.id, startsAt, 'Hall 3', [lead!.id], {
        summonedPartyIds: ['00000000-0000-4000-8000-000000000001'],
      }),
    );
    expect(stranger.details.issues).toEqual([
      expect.objectContaining({ field: 'payload.summonedPartyIds' }),
    ]);
    expect(await hearingsOf(file.id)).toHaveLength(0);
  });
});

describe('adjournment and minutes', () => {
  it('adjourns with a reason and books the next hearing with the same room and panel', async () => {
    const { court, judges, clerk } = await buildCourt(handle.db);
    const [lead, member, busy] = judges;
    const { file, partyId } = await buildCourtCase(handle.db, court.id, lead!.id);
    const startsAt = slot(2, 12);
    await schedule(clerk.id, file.id, startsAt, 'Hall 4', [lead!.id, member!.id], {
      durationMinutes: 45,
      summonedPartyIds: [partyId],
    });
    const [hearing] = await hearingsOf(file.id);

    // The member is busy at the proposed next date: nothing changes.
    const nextStartsAt = slot(9, 9);
    const blocker = await buildCourtCase(handle.db, court.id, busy!.id);
    await schedule(clerk.id, blocker.file.id, nextStartsAt, 'Hall 7', [member!.id, busy!.id]);
    const adjourn = (at: Date) =>
      fire(handle.db, lead!.id, file.id, 'adjourn_hearing', {
        hearingId: hearing!.id,
        reasonCode: 'witness_absent',
        nextStartsAt: at.toISOString(),
        minutes: 'تخلف شاهد النيابة عن الحضور',
      });
    const clash = await refusal(adjourn(nextStartsAt));
    expect(clash.code).toBe('HEARING_DOUBLE_BOOKED');
    expect(clash.details.judgeIds).toEqual([member!.id]);
    expect((await hearingsOf(file.id)).map((h) => h.status)).toEqual(['scheduled']);

    const later = new Date(nextStartsAt.getTime() + 2 * HOUR);
    const result = await adjourn(later);
    expect(result.file.state).toBe('scheduled');
    const [old, next] = await hearingsOf(file.id);
    expect(old).toMatchObject({
      status: 'adjourned',
      adjourn_reason: 'witness_absent',
      minutes: 'تخلف شاهد النيابة عن الحضور',
      next_hearing_id: next!.id,
    });
    expect(next).toMatchObject({
      status: 'scheduled',
      room: 'Hall 4',
      summoned_party_ids: [partyId],
    });
    expect(next!.starts_at.getTime()).toBe(later.getTime());
    expect(next!.ends_at.getTime() - next!.starts_at.getTime()).toBe(45 * 60_000);
    expect(await panelOf(next!.id)).toEqual([lead!.id, member!.id].sort());

    const deadlines = await deadlinesOf(handle.db, file.id);
    expect(deadlines.map((d) => [d.subject_id, d.completed_at === null])).toEqual([
      [old!.id, false],
      [next!.id, true],
    ]);

    const past = await refusal(adjourn(new Date(Date.now() - HOUR)));
    expect(past.code).toBe('HEARING_NOT_SCHEDULED');
  });

  it('holds a hearing with its minutes and completes its deadline', async () => {
    const { court, judges, clerk } = await buildCourt(handle.db, 1);
    const { file } = await buildCourtCase(handle.db, court.id, judges[0]!.id);
    await schedule(clerk.id, file.id, slot(1, 8), 'Hall 5', [judges[0]!.id]);
    const [hearing] = await hearingsOf(file.id);
    const result = await fire(handle.db, judges[0]!.id, file.id, 'hold_hearing', {
      hearingId: hearing!.id,
      minutes: 'حضر المتهم ووكيله وتليت لائحة الاتهام',
    });
    expect(result.file.state).toBe('in_trial');
    const [held] = await hearingsOf(file.id);
    expect(held).toMatchObject({
      status: 'held',
      minutes: 'حضر المتهم ووكيله وتليت لائحة الاتهام',
    });
    const [deadline] = await deadlinesOf(handle.db, file.id);
    expect(deadline!.completed_at).not.toBeNull();
  });
});

describe('judgment', () => {
  it('disposes of each charge before the court and refuses one that is not', async () => {
    const { court, judges, clerk } = await buildCourt(handle.db, 1);
    const judge = judges[0]!;
    const { file, indictedChargeIds, droppedChargeId } = await buildCourtCase(
      handle.db,
      court.id,
      judge.id,
    );
    const [convicted, acquitted] = indictedChargeIds;
    await schedule(clerk.id, file.id, slot(1, 9), 'Hall 6', [judge.id]);
    const [hearing] = await hearingsOf(file.id);
    await fire(handle.db, judge.id, file.id, 'hold_hearing', {
      hearingId: hearing!.id,
      minutes: 'مرافعة',
    });
    // A further hearing is booked, then made moot by the judgment.
    await schedule(clerk.id, file.id, slot(6, 9), 'Hall 6', [judge.id]);

    const pronouncedAt = new Date(Date.now() - 60_000).toISOString();
    const judge_ = (judgments: unknown[]) =>
      fire(handle.db, judge.id, file.id, 'record_judgment', { pronouncedAt, judgments });

    const notBefore = await refusal(
      judge_([
        { chargeId: convicted, outcome: 'convicted', custodialMonths: 12 },
        { chargeId: acquitted, outcome: 'acquitted' },
        { chargeId: droppedChargeId, outcome: 'acquitted' },
      ]),
    );
    expect(notBefore.code).toBe('CHARGE_NOT_BEFORE_COURT');

    const sentencedAcquittal = await refusal(
      judge_([
        { chargeId: convicted, outcome: 'convicted', custodialMonths: 12 },
        { chargeId: acquitted, outcome: 'acquitted', custodialMonths: 6 },
      ]),
    );
    expect(sentencedAcquittal.status).toBe(400);
    expect(sentencedAcquittal.details.issues).toEqual([
      expect.objectContaining({ field: 'payload.judgments.1.custodialMonths' }),
    ]);

    const result = await judge_([
      { chargeId: convicted, outcome: 'convicted', custodialMonths: 18, fineAmount: 250.5 },
      { chargeId: acquitted, outcome: 'acquitted' },
    ]);
    expect(result.file.state).toBe('appeal_window');
    const charges = await handle.db
      .selectFrom('charges')
      .select(['id', 'disposition', 'custodial_months', 'fine_amount', 'disposed_at'])
      .where('case_id', '=', file.id)
      .execute();
    const byId = new Map(charges.map((c) => [c.id, c]));
    expect(byId.get(convicted!)).toMatchObject({
      disposition: 'convicted',
      custodial_months: 18,
      fine_amount: '250.50',
    });
    expect(byId.get(convicted!)!.disposed_at?.toISOString()).toBe(pronouncedAt);
    expect(byId.get(acquitted!)).toMatchObject({
      disposition: 'acquitted',
      custodial_months: null,
      fine_amount: null,
    });
    expect(byId.get(droppedChargeId)!.disposition).toBe('dropped');

    expect((await hearingsOf(file.id)).map((h) => h.status)).toEqual(['held', 'cancelled']);
    const deadlines = await deadlinesOf(handle.db, file.id);
    expect(deadlines.filter((d) => d.kind === 'hearing' && d.completed_at === null)).toEqual([]);
    expect(deadlines.filter((d) => d.completed_at === null).map((d) => d.name)).toEqual([
      'appeal_window',
    ]);
  });
});
