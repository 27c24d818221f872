/**
 * One matter through every stage, through the HTTP API: police report, referral, acceptance,
 * detention with an extension, questioning, indictment, hearings (one adjourned), judgment with
 * one conviction and one acquittal, appeal, final judgment and the execution file. At each step
 * it checks the state, the timeline, the numbering and the links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_HANDLERS } from '../../src/outbox/handlers';
import { deliverDueMessages } from '../../src/outbox/outbox-worker';
import { buildTestApp, type TestApp } from '../support/app';
import { buildOffence, buildPerson, caseApi, type CaseApi } from '../support/cases';
import { buildInstitution, signedInUser } from '../support/factories';

type Headers = Record<string, string>;

describe('a matter from police report to execution', () => {
  let t: TestApp;
  let api: CaseApi;
  const inDays = (days: number, hour = 9) => {
    const date = new Date(t.clock.now().getTime() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    api = caseApi(t.app);
  });
  afterAll(async () => {
    await t.app.close();
  });

  // Other test files share this database and may deliver our messages first: either way the file
  // lands in the inbox, which acceptFromInbox checks. Idempotent redelivery is outbox.test.ts's.
  async function deliver(): Promise<void> {
    await deliverDueMessages(t.app.services, OUTBOX_HANDLERS);
  }

  async function acceptFromInbox(headers: Headers, expectedType: string): Promise<string> {
    let inbox = await t.app.inject({ method: 'GET', url: '/api/v1/inbox', headers });
    // Another file's worker may hold our message for a moment: deliver and look again.
    for (
      let attempt = 0;
      attempt < 10 && inbox.json<{ total: number }>().total === 0;
      attempt += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await deliver();
      inbox = await t.app.inject({ method: 'GET', url: '/api/v1/inbox', headers });
    }
    expect(inbox.statusCode).toBe(200);
    const pending = inbox.json<{
      items: { id: string; caseType: string; version: number; number: string | null }[];
    }>().items;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ caseType: expectedType, number: null });
    // The receiver sees where the file comes from and what it is about before accepting it.
    expect(pending[0]).toMatchObject({
      referredFrom: { nameAr: expect.any(String), nameEn: expect.any(String) },
      summary: expect.any(String),
    });
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${pending[0]!.id}/accept`,
      headers,
      payload: { version: pending[0]!.version },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      intakeStatus: 'accepted',
      number: expect.stringMatching(/^1\/\d{4}$/),
    });
    return pending[0]!.id;
  }

  async function expectFire(
    headers: Headers,
    caseId: string,
    event: string,
    payload: object,
    state: string,
  ) {
    const response = await api.fire(headers, caseId, event, payload);
    expect({
      event,
      status: response.status,
      body: response.status === 200 ? null : response.body,
    }).toEqual({
      event,
      status: 200,
      body: null,
    });
    expect(response.body.state).toBe(state);
    return response.body;
  }

  it('follows the file through every institution', async () => {
    const db = t.handle.db;
    const police = await buildInstitution(db, { kind: 'police_unit' });
    const prosecution = await buildInstitution(db, {
      kind: 'prosecution_office',
      units: ['general'],
    });
    const magistrate = await buildInstitution(db, { kind: 'court', courtLevel: 'magistrate' });
    const firstInstance = await buildInstitution(db, {
      kind: 'court',
      courtLevel: 'first_instance',
    });
    const appealCourt = await buildInstitution(db, { kind: 'court', courtLevel: 'appeal' });
    const investigator = await signedInUser(db, {
      grants: [{ role: 'police_investigator', institutionId: police.id }],
    });
    const prosecutor = await signedInUser(db, {
      grants: [
        { role: 'prosecutor', institutionId: prosecution.id, unitId: prosecution.units[0]!.id },
      ],
    });
    const clerk = await signedInUser(db, {
      grants: [{ role: 'court_clerk', institutionId: firstInstance.id }],
    });
    const judgeA = await signedInUser(db, {
      grants: [{ role: 'judge', institutionId: firstInstance.id }],
    });
    const judgeB = await signedInUser(db, {
      grants: [{ role: 'judge', institutionId: firstInstance.id }],
    });
    const appealClerk = await signedInUser(db, {
      grants: [{ role: 'court_clerk', institutionId: appealCourt.id }],
    });
    const appealJudge = await signedInUser(db, {
      grants: [{ role: 'judge', institutionId: appealCourt.id }],
    });
    const accused = await buildPerson(db, { sex: 'male', dateOfBirth: '1991-02-03' });
    const victim = await buildPerson(db, {
      sex: 'female',
      dateOfBirth: '1994-07-21',
      firstName: 'سلمى',
    });
    const felony = await buildOffence(db, 'felony');
    const misdemeanour = await buildOffence(db, 'misdemeanour');

    // 1. The police report: registered, numbered 1/year at the police unit, led by its officer.
    const report = await api.register(investigator.headers, {
      caseType: 'police_report',
      institutionId: police.id,
      summary: 'اعتداء بالضرب في سوق البيرة',
      incidentDate: inDays(-2).slice(0, 10),
    });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({
      state: 'reported',
      version: 1,
      number: expect.stringMatching(/^1\/\d{4}$/),
    });
    expect(report.body.reference).toBe(`${police.code}/PR/${report.body.number as string}`);
    const reportId = report.body.id as string;

    await expectFire(
      investigator.headers,
      reportId,
      'add_party',
      { personId: accused.id, role: 'accused' },
      'reported',
    );
    await expectFire(
      investigator.headers,
      reportId,
      'add_party',
      { personId: victim.id, role: 'victim' },
      'reported',
    );
    await expectFire(
      investigator.headers,
      reportId,
      'start_evidence_gathering',
      {},
      'evidence_gathering',
    );
    const referred = await expectFire(
      investigator.headers,
      reportId,
      'refer_to_prosecution',
      { prosecutionOfficeId: prosecution.id },
      'referred',
    );
    expect(referred.version).toBe(5);

    // 2. Hand-over through the outbox; the prosecution accepts from its inbox.
    await deliver();
    const fileId = await acceptFromInbox(prosecutor.headers, 'prosecution_file');
    const file = await api.get(prosecutor.headers, fileId);
    expect(file.body).toMatchObject({ state: 'registered', matterId: report.body.matterId });
    expect(file.body.reference).toMatch(new RegExp(`^${prosecution.code}/PF/1/\\d{4}$`));
    expect(file.body.team).toMatchObject([
      { userId: prosecutor.user.id, isLead: true, role: 'prosecutor' },
    ]);
    expect(file.body.parties.map((p: { role: string }) => p.role).sort()).toEqual([
      'accused',
      'victim',
    ]);
    expect(file.body.linkedFiles).toMatchObject([
      { caseType: 'police_report', canOpen: false, reference: null },
    ]);
    // Neither side can touch the other's file.
    expect((await api.get(prosecutor.headers, reportId)).status).toBe(403);
    const foreign = await api.fire(
      prosecutor.headers,
      reportId,
      'close_report',
      { reason: 'x' },
      5,
    );
    expect(foreign.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const intruder = await api.fire(investigator.headers, fileId, 'open_investigation', {}, 2);
    expect(intruder.body).toMatchObject({ error: { code: 'FORBIDDEN' } });

    // 3. Investigation: charges, arrest, detention order, a court extension, questioning.
    const accusedParty = file.body.parties.find((p: { role: string }) => p.role === 'accused')
      .id as string;
    await expectFire(prosecutor.headers, fileId, 'open_investigation', {}, 'under_investigation');
    await expectFire(
      prosecutor.headers,
      fileId,
      'add_charge',
      { partyId: accusedParty, offenceId: felony.id },
      'under_investigation',
    );
    const charged = await expectFire(
      prosecutor.headers,
      fileId,
      'add_charge',
      { partyId: accusedParty, offenceId: misdemeanour.id },
      'under_investigation',
    );
    expect(charged.parties.find((p: { id: string }) => p.id === accusedParty).roleLabels).toEqual({
      ar: 'متهم',
      en: 'Accused (felony)',
    });
    const arrested = await expectFire(
      prosecutor.headers,
      fileId,
      'arrest',
      {
        partyId: accusedParty,
        arrestedAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      },
      'under_investigation',
    );
    const detentionId = arrested.detentions[0].id as string;
    await expectFire(
      prosecutor.headers,
      fileId,
      'order_detention',
      { detentionId, duration: 48, reason: 'خشية التأثير على الشهود' },
      'under_investigation',
    );
    const extended = await expectFire(
      prosecutor.headers,
      fileId,
      'extend_detention',
      { detentionId, duration: 15, reason: 'قرار محكمة الصلح بالتمديد' },
      'under_investigation',
    );
    expect(extended.detentions[0].orders.map((o: { authority: string }) => o.authority)).toEqual([
      'prosecution',
      'court',
    ]);
    expect(extended.deadlines.filter((d: { kind: string }) => d.kind === 'detention')).toHaveLength(
      1,
    );
    await expectFire(
      prosecutor.headers,
      fileId,
      'question',
      { partyId: accusedParty, summary: 'أنكر المشتكى عليه التهمة' },
      'under_investigation',
    );

    // 4. Indictment: a felony goes to a first-instance court, not a magistrate court.
    const chargeIds = extended.charges.map((c: { id: string }) => c.id) as string[];
    const wrongCourt = await api.fire(prosecutor.headers, fileId, 'indict', {
      courtId: magistrate.id,
      chargeIds,
    });
    expect(wrongCourt.status).toBe(409);
    expect(wrongCourt.body.error.code).toBe('COURT_NOT_COMPETENT');
    const indicted = await expectFire(
      prosecutor.headers,
      fileId,
      'indict',
      { courtId: firstInstance.id, chargeIds },
      'indicted',
    );
    expect(
      indicted.charges.every((c: { disposition: string }) => c.disposition === 'indicted'),
    ).toBe(true);
    expect(indicted.isDisposed).toBe(true);

    // 5. The court accepts; the case goes to one of its two judges by rotation.
    await deliver();
    const courtCaseId = await acceptFromInbox(clerk.headers, 'court_case');
    const courtCase = await api.get(clerk.headers, courtCaseId);
    expect(courtCase.body).toMatchObject({ state: 'filed', matterId: report.body.matterId });
    const leadJudge = courtCase.body.team.find((m: { isLead: boolean }) => m.isLead)
      .userId as string;
    expect([judgeA.user.id, judgeB.user.id]).toContain(leadJudge);
    const judge = leadJudge === judgeA.user.id ? judgeA : judgeB;
    expect(courtCase.body.charges.map((c: { disposition: string }) => c.disposition)).toEqual([
      'indicted',
      'indicted',
    ]);

    // 6. Hearings: scheduled, adjourned once, then held; judgment with a conviction and an acquittal.
    const scheduled = await expectFire(
      clerk.headers,
      courtCaseId,
      'schedule_hearing',
      { startsAt: inDays(3), room: 'قاعة 2', judgeIds: [judge.user.id] },
      'scheduled',
    );
    const firstHearing = scheduled.hearings[0].id as string;
    const adjourned = await expectFire(
      judge.headers,
      courtCaseId,
      'adjourn_hearing',
      {
        hearingId: firstHearing,
        reasonCode: 'witness_absent',
        nextStartsAt: inDays(10),
        minutes: 'تغيب شاهد النيابة',
      },
      'scheduled',
    );
    const nextHearing = adjourned.hearings.find((h: { status: string }) => h.status === 'scheduled')
      .id as string;
    await expectFire(
      judge.headers,
      courtCaseId,
      'hold_hearing',
      { hearingId: nextHearing, minutes: 'استمعت المحكمة للشهود' },
      'in_trial',
    );
    const [felonyCharge, misdemeanourCharge] = adjourned.charges as { id: string }[];
    const judged = await expectFire(
      judge.headers,
      courtCaseId,
      'record_judgment',
      {
        pronouncedAt: t.clock.now().toISOString(),
        judgments: [
          { chargeId: felonyCharge!.id, outcome: 'convicted', custodialMonths: 24 },
          { chargeId: misdemeanourCharge!.id, outcome: 'acquitted' },
        ],
      },
      'appeal_window',
    );
    expect(judged.charges.map((c: { disposition: string }) => c.disposition)).toEqual([
      'convicted',
      'acquitted',
    ]);
    expect(judged.deadlines.map((d: { name: string }) => d.name)).toContain('appeal_window');
    const tooEarly = await api.fire(clerk.headers, courtCaseId, 'declare_final', {});
    expect(tooEarly.body.error.code).toBe('APPEAL_WINDOW_OPEN');

    // 7. Appeal: the appellate court receives, hears and decides.
    await expectFire(
      clerk.headers,
      courtCaseId,
      'file_appeal',
      { appellateCourtId: appealCourt.id, appellant: 'defence', grounds: 'خطأ في تطبيق القانون' },
      'under_appeal',
    );
    await deliver();
    const appealId = await acceptFromInbox(appealClerk.headers, 'appeal_case');
    await expectFire(
      appealClerk.headers,
      appealId,
      'schedule_hearing',
      { startsAt: inDays(20), room: 'القاعة الكبرى', judgeIds: [appealJudge.user.id] },
      'scheduled',
    );
    const appealHearing = (await api.get(appealJudge.headers, appealId)).body.hearings[0]
      .id as string;
    await expectFire(
      appealJudge.headers,
      appealId,
      'hold_hearing',
      { hearingId: appealHearing, minutes: 'مرافعة الدفاع' },
      'in_trial',
    );
    await expectFire(
      appealJudge.headers,
      appealId,
      'decide_appeal',
      { outcome: 'upheld', reasoning: 'رد الاستئناف موضوعاً' },
      'decided',
    );

    // 8. Final judgment and the execution file at the prosecution.
    await expectFire(
      clerk.headers,
      courtCaseId,
      'record_appeal_outcome',
      { outcome: 'upheld' },
      'final',
    );
    await expectFire(
      clerk.headers,
      courtCaseId,
      'refer_for_execution',
      { prosecutionOfficeId: prosecution.id },
      'archived',
    );
    await deliver();
    const executionId = await acceptFromInbox(prosecutor.headers, 'execution_file');
    const execution = await api.get(prosecutor.headers, executionId);
    expect(execution.body.charges).toMatchObject([
      { disposition: 'convicted', custodialMonths: 24 },
    ]);
    await expectFire(
      prosecutor.headers,
      executionId,
      'commit_to_custody',
      { correctionCentreId: police.id, startsOn: inDays(1).slice(0, 10) },
      'in_execution',
    );

    // The whole chain: five files of one matter, linked in order, each numbered by its institution.
    const files = await db
      .selectFrom('cases')
      .select(['id', 'case_type', 'reference', 'serial'])
      .where('matter_id', '=', report.body.matterId as string)
      .orderBy('opened_at')
      .execute();
    expect(files.map((f) => f.case_type).sort()).toEqual([
      'appeal_case',
      'court_case',
      'execution_file',
      'police_report',
      'prosecution_file',
    ]);
    expect(files.every((f) => f.serial === 1)).toBe(true);
    const links = await db
      .selectFrom('case_links')
      .selectAll()
      .where(
        'from_case_id',
        'in',
        files.map((f) => f.id),
      )
      .execute();
    expect(links.map((l) => l.link_kind).sort()).toEqual([
      'appeal',
      'execution',
      'referral',
      'referral',
    ]);

    // The timeline: every event in order, versions without gaps, states before and after.
    const timeline = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${courtCaseId}/events`,
      headers: clerk.headers,
    });
    const events = timeline.json<{
      events: { seq: number; eventType: string; stateAfter: string }[];
    }>().events;
    expect(events.map((e) => e.eventType)).toEqual([
      'received',
      'accepted',
      'schedule_hearing',
      'adjourn_hearing',
      'hold_hearing',
      'record_judgment',
      'file_appeal',
      'record_appeal_outcome',
      'refer_for_execution',
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.at(-1)?.stateAfter).toBe('archived');
  });
});
