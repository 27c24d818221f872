/**
 * The civil claim exists only as configuration (packages/domain/src/case-types/civil-claim.ts):
 * this drives one through the API from registration to closure, with no engine or server code of
 * its own, checking the state, the version, the timeline and the events offered at each step.
 */
import { caseTypeDefinition } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildPerson, caseApi, type CaseApi } from '../support/cases';
import { buildInstitution, signedInUser } from '../support/factories';
import { call, eventSeqs, LONG_AGO, type Headers } from './case-api-kit';

type SignedIn = Awaited<ReturnType<typeof signedInUser>>;

describe('a civil claim, defined as configuration only', () => {
  let t: TestApp;
  let api: CaseApi;
  let court: Awaited<ReturnType<typeof buildInstitution>>;
  let clerk: SignedIn;
  let judges: SignedIn[];

  beforeAll(async () => {
    t = await buildTestApp();
    api = caseApi(t.app);
    court = await buildInstitution(t.handle.db, { kind: 'court', courtLevel: 'first_instance' });
    const staff = (role: 'judge' | 'court_clerk') =>
      signedInUser(t.handle.db, {
        institutionId: court.id,
        grants: [{ role, institutionId: court.id, validFrom: LONG_AGO }],
      });
    clerk = await staff('court_clerk');
    judges = [await staff('judge'), await staff('judge')];
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
  });

  const at = (days: number, hour: number) => {
    const date = new Date(t.clock.now().getTime() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const offered = (body: { availableEvents: { name: string }[] }) =>
    body.availableEvents.map((e) => e.name).sort();

  async function step(
    headers: Headers,
    caseId: string,
    event: string,
    payload: object,
    expected: { state: string; version: number },
  ) {
    const response = await api.fire(headers, caseId, event, payload);
    expect({ event, status: response.status, error: response.body.error }).toEqual({
      event,
      status: 200,
      error: undefined,
    });
    expect(response.body).toMatchObject(expected);
    expect(await eventSeqs(t.handle.db, caseId)).toEqual(
      Array.from({ length: expected.version }, (_, i) => i + 1),
    );
    return response.body;
  }

  async function fileClaim() {
    const registered = await api.register(clerk.headers, {
      caseType: 'civil_claim',
      institutionId: court.id,
      summary: 'مطالبة بقيمة شيكات مرتجعة',
    });
    expect(registered.status).toBe(201);
    return registered.body;
  }

  it('goes from filed through a hearing and judgment to closed', async () => {
    const claim = await fileClaim();
    expect(claim).toMatchObject({
      caseType: 'civil_claim',
      caseTypeLabels: { ar: 'دعوى حقوقية', en: 'Civil claim' },
      state: 'filed',
      version: 1,
      intakeStatus: 'accepted',
      isDisposed: false,
      number: expect.stringMatching(/^\d+\/\d{4}$/),
    });
    expect(claim.reference).toBe(`${court.code}/CV/${claim.number as string}`);
    const id = claim.id as string;
    const page = await api.get(clerk.headers, id);
    const lead = page.body.team.find((m: { isLead: boolean }) => m.isLead);
    expect(judges.map((j) => j.user.id)).toContain(lead.userId);
    const judge = judges.find((j) => j.user.id === lead.userId)!;
    expect(offered(page.body)).toEqual(['add_party', 'schedule_hearing']);
    expect(offered((await api.get(judge.headers, id)).body)).toEqual([
      'record_settlement',
      'schedule_hearing',
    ]);

    const claimant = await buildPerson(t.handle.db, { firstName: 'خالد' });
    const lawyer = await buildPerson(t.handle.db, { firstName: 'ياسر' });
    await step(
      clerk.headers,
      id,
      'add_party',
      { personId: claimant.id, role: 'complainant' },
      {
        state: 'filed',
        version: 2,
      },
    );
    const withParties = await step(
      clerk.headers,
      id,
      'add_party',
      { personId: lawyer.id, role: 'lawyer' },
      { state: 'filed', version: 3 },
    );
    const partyIds = (withParties.parties as { id: string }[]).map((p) => p.id);

    const scheduled = await step(
      clerk.headers,
      id,
      'schedule_hearing',
      {
        startsAt: at(7, 9),
        room: 'قاعة الحقوق 1',
        judgeIds: [judge.user.id],
        summonedPartyIds: partyIds,
      },
      { state: 'scheduled', version: 4 },
    );
    const firstHearing = scheduled.hearings[0].id as string;
    expect(offered((await api.get(judge.headers, id)).body)).toEqual([
      'adjourn_hearing',
      'hold_hearing',
      'record_settlement',
      'schedule_hearing',
    ]);
    const adjourned = await step(
      judge.headers,
      id,
      'adjourn_hearing',
      { hearingId: firstHearing, reasonCode: 'lawyer_request', nextStartsAt: at(21, 10) },
      { state: 'scheduled', version: 5 },
    );
    const nextHearing = (adjourned.hearings as { id: string; status: string }[]).find(
      (h) => h.status === 'scheduled',
    )!.id;
    await step(
      judge.headers,
      id,
      'hold_hearing',
      { hearingId: nextHearing, minutes: 'حضر الطرفان وقدم المدعي بيناته' },
      { state: 'in_trial', version: 6 },
    );

    // The clerk may not give judgment, nor the judge close the claim.
    const judgment = {
      inFavourOf: 'claimant',
      amountAwarded: 12_500,
      reasoning: 'ثبت الدين بالبينة الخطية',
    };
    const byClerk = await api.fire(clerk.headers, id, 'give_judgment', judgment);
    expect(byClerk.body.error.code).toBe('ROLE_NOT_PERMITTED');
    const judged = await step(judge.headers, id, 'give_judgment', judgment, {
      state: 'judged',
      version: 7,
    });
    expect(judged).toMatchObject({ isDisposed: true, disposedAt: expect.any(String) });
    expect(offered((await api.get(clerk.headers, id)).body)).toEqual(['close_claim']);
    expect((await api.fire(judge.headers, id, 'close_claim', {})).body.error.code).toBe(
      'ROLE_NOT_PERMITTED',
    );
    const closed = await step(
      clerk.headers,
      id,
      'close_claim',
      { note: 'نفذ الحكم طوعاً' },
      { state: 'closed', version: 8 },
    );
    expect(closed.stateLabels).toEqual({ ar: 'مغلقة', en: 'Closed' });
    expect(offered(closed)).toEqual([]);

    // Nothing leaves the final state.
    const after = await api.fire(judge.headers, id, 'schedule_hearing', {
      startsAt: at(30, 9),
      room: 'قاعة الحقوق 1',
      judgeIds: [judge.user.id],
    });
    expect(after.status).toBe(409);
    expect(after.body.error).toMatchObject({
      code: 'EVENT_NOT_ALLOWED',
      details: { state: 'closed', allowedEvents: [] },
    });

    const timeline = await call(t, clerk.headers, 'GET', `/cases/${id}/events`);
    expect(timeline.status).toBe(200);
    const events = timeline.body.events as {
      seq: number;
      eventType: string;
      stateBefore: string | null;
      stateAfter: string;
      workflowVersion: number;
      labels: { en: string };
    }[];
    expect(events.map((e) => [e.seq, e.eventType, e.stateBefore, e.stateAfter])).toEqual([
      [1, 'registered', null, 'filed'],
      [2, 'add_party', 'filed', 'filed'],
      [3, 'add_party', 'filed', 'filed'],
      [4, 'schedule_hearing', 'filed', 'scheduled'],
      [5, 'adjourn_hearing', 'scheduled', 'scheduled'],
      [6, 'hold_hearing', 'scheduled', 'in_trial'],
      [7, 'give_judgment', 'in_trial', 'judged'],
      [8, 'close_claim', 'judged', 'closed'],
    ]);
    expect(new Set(events.map((e) => e.workflowVersion))).toEqual(
      new Set([caseTypeDefinition('civil_claim')!.version]),
    );
    expect(events[6]!.labels.en).toBe('Give judgment');

    // The hearings: the first adjourned to the second, which was held; no open hearing deadline.
    const hearings = await t.handle.db
      .selectFrom('hearings')
      .select(['id', 'status', 'adjourn_reason', 'next_hearing_id', 'court_id'])
      .where('case_id', '=', id)
      .orderBy('starts_at')
      .execute();
    expect(hearings).toEqual([
      {
        id: firstHearing,
        status: 'adjourned',
        adjourn_reason: 'lawyer_request',
        next_hearing_id: nextHearing,
        court_id: court.id,
      },
      {
        id: nextHearing,
        status: 'held',
        adjourn_reason: null,
        next_hearing_id: null,
        court_id: court.id,
      },
    ]);
    const open = await t.handle.db
      .selectFrom('deadlines')
      .select('name')
      .where('case_id', '=', id)
      .where('completed_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
  });

  it('may end in a settlement instead', async () => {
    const claim = await fileClaim();
    const id = claim.id as string;
    const lead = (await api.get(clerk.headers, id)).body.team[0].userId as string;
    const leadJudge = judges.find((j) => j.user.id === lead)!;
    const settled = await step(
      leadJudge.headers,
      id,
      'record_settlement',
      { terms: 'يدفع المدعى عليه المبلغ على ثلاثة أقساط' },
      { state: 'settled', version: 2 },
    );
    expect(settled).toMatchObject({ isDisposed: true });
    expect(offered(settled)).toEqual([]);
  });
});
