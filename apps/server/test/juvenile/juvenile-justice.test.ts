/**
 * Juvenile justice (Decree-Law 4/2016; issue 5) through the HTTP API: ages derived from dates of
 * birth on the exact birthday, under-12s refused and referred to child protection, the age to be
 * verified, the counsellor's social research report and its gate, mediation (Art. 23) from offer to
 * closure and from failure to indictment before the juvenile court, juvenile detention, and who may
 * see a juvenile file.
 */
import { localDateString, type Role } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema';
import { buildTestApp, type TestApp } from '../support/app';
import { buildOffence, buildPerson, caseApi, type CaseApi } from '../support/cases';
import { buildInstitution, signedInUser, uniqueSuffix } from '../support/factories';
import { call, deliverReferralsFrom, type Headers } from '../cases/case-api-kit';

type Db = Kysely<Database>;
type User = Awaited<ReturnType<typeof signedInUser>>;

const INCIDENT = '2026-10-01';

describe('juvenile justice', () => {
  let t: TestApp;
  let api: CaseApi;
  let db: Db;
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let juvenileCourt: Awaited<ReturnType<typeof buildInstitution>>;
  let magistrateCourt: Awaited<ReturnType<typeof buildInstitution>>;
  let socialServices: Awaited<ReturnType<typeof buildInstitution>>;
  let prosecutor: User;
  let otherProsecutor: User;
  let chief: User;
  let counsellor: User;
  let otherCounsellor: User;
  let mediator: User;
  let clerk: User;
  let judge: User;
  let misdemeanourId: string;
  let felonyId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    api = caseApi(t.app);
    db = t.handle.db;
    office = await buildInstitution(db, {
      kind: 'prosecution_office',
      units: ['general', 'juvenile'],
    });
    juvenileCourt = await buildInstitution(db, { kind: 'court', courtLevel: 'juvenile' });
    magistrateCourt = await buildInstitution(db, { kind: 'court', courtLevel: 'magistrate' });
    socialServices = await buildInstitution(db, { kind: 'social_services' });
    const at = (role: Role, institutionId: string) =>
      signedInUser(db, { institutionId, grants: [{ role, institutionId }] });
    prosecutor = await at('prosecutor', office.id);
    otherProsecutor = await signedInUser(db, {
      institutionId: office.id,
      grants: [{ role: 'prosecutor', institutionId: office.id, unitId: office.units[0]!.id }],
    });
    chief = await at('chief_prosecutor', office.id);
    counsellor = await at('child_protection_counsellor', socialServices.id);
    otherCounsellor = await at('child_protection_counsellor', socialServices.id);
    mediator = await at('mediator', socialServices.id);
    clerk = await at('court_clerk', juvenileCourt.id);
    judge = await at('judge', juvenileCourt.id);
    misdemeanourId = (await buildOffence(db, 'misdemeanour')).id;
    felonyId = (await buildOffence(db, 'felony')).id;
  });
  afterAll(async () => {
    await t.app.close();
  });

  /** A prosecution file of our office (led by our prosecutor, the only one without a unit). */
  async function registerFile(incidentDate: string | null = INCIDENT) {
    const response = await api.register(chief.headers, {
      caseType: 'prosecution_file',
      institutionId: office.id,
      summary: `ملف أحداث ${uniqueSuffix()}`,
      ...(incidentDate ? { incidentDate } : {}),
    });
    expect(response.status).toBe(201);
    const id = response.body.id as string;
    // Rotation may pick either prosecutor: make ours the lead, as a chief would.
    await fireOk(chief.headers, id, 'reassign', {
      userId: prosecutor.user.id,
      reason: 'نيابة الأحداث',
    });
    return id;
  }

  async function fireOk(headers: Headers, caseId: string, event: string, payload: object = {}) {
    const response = await api.fire(headers, caseId, event, payload);
    expect({
      event,
      status: response.status,
      body: response.status === 200 ? null : response.body,
    }).toEqual({ event, status: 200, body: null });
    return response.body;
  }

  async function addAccused(
    caseId: string,
    dateOfBirth: string | null,
    sex: 'male' | 'female' = 'male',
  ) {
    const person = dateOfBirth
      ? await buildPerson(db, { dateOfBirth, sex })
      : await db
          .updateTable('persons')
          .set({ date_of_birth: null })
          .where('id', '=', (await buildPerson(db, { sex })).id)
          .returningAll()
          .executeTakeFirstOrThrow();
    await fireOk(prosecutor.headers, caseId, 'add_party', { personId: person.id, role: 'accused' });
    const page = await api.get(prosecutor.headers, caseId);
    const party = (page.body.parties as { id: string; personId: string }[]).find(
      (p) => p.personId === person.id,
    )!;
    return { person, partyId: party.id };
  }

  async function addVictim(caseId: string) {
    const victim = await buildPerson(db, { sex: 'female', dateOfBirth: '1980-01-01' });
    await fireOk(prosecutor.headers, caseId, 'add_party', { personId: victim.id, role: 'victim' });
  }

  /** A juvenile file under investigation: an accused of 15, a victim, a misdemeanour charge. */
  async function juvenileFile() {
    const id = await registerFile();
    const { partyId, person } = await addAccused(id, '2011-03-15');
    await addVictim(id);
    await fireOk(prosecutor.headers, id, 'open_investigation');
    await fireOk(prosecutor.headers, id, 'add_charge', { partyId, offenceId: misdemeanourId });
    return { id, partyId, person };
  }

  async function instructAndReport(caseId: string) {
    await fireOk(prosecutor.headers, caseId, 'instruct_counsellor', {
      counsellorUserId: counsellor.user.id,
      dueDate: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
    });
    await fireOk(counsellor.headers, caseId, 'submit_social_report', {
      familySituation: 'يعيش مع والدته وإخوته الثلاثة',
      education: 'طالب في الصف العاشر',
      health: 'لا أمراض مزمنة',
      circumstances: 'شجار في ساحة المدرسة',
      recommendation: 'mediation',
    });
  }

  describe('age, derived from the date of birth on the offence date', () => {
    it('makes a file juvenile on the 12th birthday exactly: restricted, juvenile unit, audited', async () => {
      const id = await registerFile();
      await addAccused(id, '2014-10-01');
      const page = await api.get(prosecutor.headers, id);
      expect(page.body).toMatchObject({
        isJuvenile: true,
        confidentiality: 'restricted',
        unitId: office.units[1]!.id,
        juvenile: { isJuvenileFile: true, ageToVerify: false },
      });
      expect(page.body.parties[0]).toMatchObject({ ageAtOffence: 12, ageStatus: 'juvenile' });
      const audit = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'case.juvenile_status_changed')
        .where('object_id', '=', id)
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('refuses to charge a child under 12 (a day short of 12) and refers them to child protection', async () => {
      const id = await registerFile();
      const { partyId } = await addAccused(id, '2014-10-02');
      const page = await api.get(prosecutor.headers, id);
      expect(page.body.parties[0]).toMatchObject({ ageAtOffence: 11, ageStatus: 'under_age' });
      await fireOk(prosecutor.headers, id, 'open_investigation');
      const charge = await api.fire(prosecutor.headers, id, 'add_charge', {
        partyId,
        offenceId: misdemeanourId,
      });
      expect(charge.status).toBe(409);
      expect(charge.body.error.code).toBe('UNDER_AGE_OF_CRIMINAL_RESPONSIBILITY');
      const arrest = await api.fire(prosecutor.headers, id, 'arrest', {
        partyId,
        arrestedAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
        lastResortJustification: 'لا شيء',
      });
      expect(arrest.body.error.code).toBe('UNDER_AGE_DETENTION_REFUSED');
      const closed = await fireOk(prosecutor.headers, id, 'refer_to_child_protection', {
        socialServicesId: socialServices.id,
      });
      expect(closed.state).toBe('closed');
    });

    it('refuses a birth after the offence with a coded 400, and leaves the file as it was', async () => {
      const id = await registerFile();
      const person = await buildPerson(db, { dateOfBirth: '2026-10-05' });
      const response = await api.fire(prosecutor.headers, id, 'add_party', {
        personId: person.id,
        role: 'accused',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('BIRTH_AFTER_OFFENCE');
      expect((await api.get(prosecutor.headers, id)).body.parties).toEqual([]);
    });

    it('blocks decisions while an age is unknown, until the date of birth is corrected (audited)', async () => {
      const id = await registerFile();
      const { person } = await addAccused(id, null);
      expect((await api.get(prosecutor.headers, id)).body.juvenile).toMatchObject({
        isJuvenileFile: false,
        ageToVerify: true,
      });
      const close = await api.fire(prosecutor.headers, id, 'close_file', {
        reasonCode: 'insufficient_evidence',
      });
      expect(close.status).toBe(409);
      expect(close.body.error.code).toBe('AGE_TO_BE_VERIFIED');

      const corrected = await call(t, prosecutor.headers, 'GET', `/persons/${person.id}`);
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/persons/${person.id}`,
        headers: prosecutor.headers,
        payload: { version: corrected.body.version, dateOfBirth: '2010-06-01' },
      });
      expect(patch.statusCode).toBe(200);
      const page = await api.get(prosecutor.headers, id);
      expect(page.body).toMatchObject({ isJuvenile: true, confidentiality: 'restricted' });
      expect(page.body.parties[0]).toMatchObject({ ageAtOffence: 16, ageStatus: 'juvenile' });
      // Now a juvenile file: the decision waits for the social research report instead.
      const again = await api.fire(prosecutor.headers, id, 'close_file', {
        reasonCode: 'insufficient_evidence',
      });
      expect(again.body.error.code).toBe('SOCIAL_REPORT_REQUIRED');
    });

    it('lets a prosecutor decide on an unknown age with a recorded justification', async () => {
      const id = await registerFile();
      await addAccused(id, null);
      await fireOk(prosecutor.headers, id, 'override_age_verification', {
        justification: 'المشتكى عليه بالغ ظاهرياً ولا توجد وثائق؛ أحيل للفحص الطبي',
      });
      const page = await api.get(prosecutor.headers, id);
      expect(page.body.juvenile).toMatchObject({
        ageToVerify: false,
        ageOverride: {
          justification: 'المشتكى عليه بالغ ظاهرياً ولا توجد وثائق؛ أحيل للفحص الطبي',
        },
      });
      await fireOk(prosecutor.headers, id, 'close_file', { reasonCode: 'insufficient_evidence' });
    });
  });

  describe('the social research report', () => {
    it("puts the task in the instructed counsellor's queue, lets only them open the file, and gates decisions", async () => {
      const { id } = await juvenileFile();
      const blocked = await api.fire(prosecutor.headers, id, 'close_file', {
        reasonCode: 'insufficient_evidence',
      });
      expect(blocked.body.error.code).toBe('SOCIAL_REPORT_REQUIRED');

      // Not instructed yet: the counsellor is refused, and the refusal is audited.
      expect((await api.get(counsellor.headers, id)).status).toBe(403);
      await fireOk(prosecutor.headers, id, 'instruct_counsellor', {
        counsellorUserId: counsellor.user.id,
        dueDate: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
      });
      const queue = await call(t, counsellor.headers, 'GET', '/work-queue');
      expect(queue.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'social_research_report',
            case: expect.objectContaining({ id, isJuvenile: true }),
          }),
        ]),
      );
      const page = await api.get(counsellor.headers, id);
      expect(page.status).toBe(200);
      expect(page.body.juvenile.socialReport).toMatchObject({ status: 'instructed' });
      // Another counsellor of the same institution is not on the file.
      expect((await api.get(otherCounsellor.headers, id)).status).toBe(403);
      const denied = await db
        .selectFrom('audit_log')
        .select('actor_user_id')
        .where('action', '=', 'access.denied')
        .where('object_id', '=', id)
        .execute();
      expect(denied.map((row) => row.actor_user_id)).toEqual(
        expect.arrayContaining([counsellor.user.id, otherCounsellor.user.id]),
      );
      // The counsellor may not decide; the other counsellor may not report.
      const stranger = await api.fire(otherCounsellor.headers, id, 'submit_social_report', {}, 1);
      expect(stranger.status).toBe(403);

      await fireOk(counsellor.headers, id, 'submit_social_report', {
        familySituation: 'يعيش مع جدته',
        education: 'متسرب من المدرسة',
        health: 'سليم',
        circumstances: 'تأثير رفاق أكبر سناً',
        recommendation: 'vocational_training',
        recommendationNote: 'إلحاقه ببرنامج تدريب مهني',
      });
      const after = await api.get(prosecutor.headers, id);
      expect(after.body.juvenile.socialReport).toMatchObject({
        status: 'submitted',
        reports: [
          expect.objectContaining({
            recommendation: 'vocational_training',
            counsellor: expect.objectContaining({ userId: counsellor.user.id }),
          }),
        ],
      });
      expect(
        (await call(t, counsellor.headers, 'GET', '/work-queue')).body.items.filter(
          (item: { case: { id: string } }) => item.case.id === id,
        ),
      ).toEqual([]);
      // Every read of the juvenile file is audited.
      const reads = await db
        .selectFrom('audit_log')
        .select('actor_user_id')
        .where('action', '=', 'access.restricted_read')
        .where('object_id', '=', id)
        .execute();
      expect(reads.map((row) => row.actor_user_id)).toContain(counsellor.user.id);
    });

    it('refuses a counsellor who is not one of the social services', async () => {
      const { id } = await juvenileFile();
      const response = await api.fire(prosecutor.headers, id, 'instruct_counsellor', {
        counsellorUserId: mediator.user.id,
        dueDate: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      });
      expect(response.status).toBe(400);
      expect(response.body.error.details.issues[0].field).toBe('payload.counsellorUserId');
    });
  });

  describe('mediation (Art. 23)', () => {
    it('goes from offer to agreement to fulfilment, and closes the file by diversion', async () => {
      const { id } = await juvenileFile();
      await instructAndReport(id);
      await fireOk(prosecutor.headers, id, 'offer_mediation', { note: 'عرضت على الحدث ووليه' });
      // Out of order: an agreement before the referral.
      const early = await api.fire(mediator.headers, id, 'record_mediation_agreement', {}, 1);
      expect(early.status).toBe(403); // the mediator is not on the file yet
      const earlyByProsecutor = await api.fire(
        prosecutor.headers,
        id,
        'record_mediation_fulfilled',
      );
      expect(earlyByProsecutor.status).toBe(409);
      expect(earlyByProsecutor.body.error).toMatchObject({
        code: 'EVENT_NOT_ALLOWED',
        details: { state: 'mediation_offered' },
      });
      expect(earlyByProsecutor.body.error.details.allowedEvents).toEqual(
        expect.arrayContaining(['refer_to_mediation', 'decline_mediation']),
      );
      const noConsent = await api.fire(prosecutor.headers, id, 'refer_to_mediation', {
        consentGivenBy: 'guardian',
        victimConsent: false,
        admissionOfFacts: true,
        mediatorUserId: mediator.user.id,
      });
      expect(noConsent.body.error.code).toBe('MEDIATION_CONSENT_MISSING');
      await fireOk(prosecutor.headers, id, 'refer_to_mediation', {
        consentGivenBy: 'guardian',
        victimConsent: true,
        admissionOfFacts: true,
        mediatorUserId: mediator.user.id,
      });
      const mediatorQueue = await call(t, mediator.headers, 'GET', '/work-queue');
      expect(mediatorQueue.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'mediation_session',
            case: expect.objectContaining({ id }),
          }),
        ]),
      );
      const signedAt = new Date(t.clock.now().getTime() - 3_600_000).toISOString();
      const placement = await api.fire(mediator.headers, id, 'record_mediation_agreement', {
        signedAt,
        minutes: 'محضر الوساطة',
        obligations: [{ kind: 'placement', detail: 'إيداع في دار رعاية' }],
        complianceDueDate: '2026-12-31',
      });
      expect(placement.body.error.code).toBe('MEDIATION_PLACEMENT_REFUSED');
      const backwards = await api.fire(mediator.headers, id, 'record_mediation_agreement', {
        signedAt,
        minutes: 'محضر الوساطة',
        obligations: [{ kind: 'repair_damage', detail: 'إصلاح الضرر' }],
        complianceDueDate: '2020-01-01',
      });
      expect(backwards.status).toBe(400);
      await fireOk(mediator.headers, id, 'record_mediation_agreement', {
        signedAt,
        minutes: 'اتفق الطرفان بحضور ولي الأمر',
        obligations: [
          { kind: 'repair_damage', detail: 'دفع ثمن الهاتف المكسور' },
          { kind: 'no_contact', detail: 'عدم التعرض للمجني عليه' },
        ],
        complianceDueDate: '2026-12-31',
      });
      const closed = await fireOk(prosecutor.headers, id, 'record_mediation_fulfilled', {
        note: 'نفذ الحدث الالتزامات',
      });
      expect(closed).toMatchObject({ state: 'closed', isDisposed: true });
      const page = await api.get(prosecutor.headers, id);
      expect(page.body.mediation).toMatchObject({
        status: 'fulfilled',
        mediator: { userId: mediator.user.id },
        agreement: {
          complianceDueDate: '2026-12-31',
          obligations: [{ kind: 'repair_damage' }, { kind: 'no_contact' }],
        },
      });
      expect(page.body.mediation.steps.map((s: { status: string }) => s.status)).toEqual([
        'offered',
        'in_mediation',
        'agreed',
        'fulfilled',
      ]);
      expect(page.body.charges.map((c: { disposition: string }) => c.disposition)).toEqual([
        'diverted',
      ]);
      // The mediation is over: the mediator no longer sees the file.
      expect((await api.get(mediator.headers, id)).status).toBe(403);
    });

    it('after a failed mediation, indicts before the juvenile court only, and the court sees the path', async () => {
      const { id, partyId } = await juvenileFile();
      await instructAndReport(id);
      const unoffered = await api.fire(prosecutor.headers, id, 'indict', {
        courtId: juvenileCourt.id,
        chargeIds: [(await api.get(prosecutor.headers, id)).body.charges[0].id],
      });
      expect(unoffered.body.error.code).toBe('MEDIATION_NOT_OFFERED');
      await fireOk(prosecutor.headers, id, 'offer_mediation');
      await fireOk(prosecutor.headers, id, 'refer_to_mediation', {
        consentGivenBy: 'juvenile',
        victimConsent: true,
        admissionOfFacts: true,
        mediatorUserId: mediator.user.id,
      });
      // The failure ends the mediator's part: the event stands, and the answer says so.
      const failed = await fireOk(mediator.headers, id, 'record_mediation_failure', {
        reason: 'رفض المجني عليه التسوية في الجلسة',
      });
      expect(failed).toMatchObject({ accessEnded: true, state: 'under_investigation' });
      expect(failed).not.toHaveProperty('parties');
      expect((await api.get(mediator.headers, id)).status).toBe(403);
      const page = await api.get(prosecutor.headers, id);
      expect(page.body).toMatchObject({ state: 'under_investigation', mediationStatus: 'failed' });
      const chargeIds = [page.body.charges[0].id as string];
      const wrongCourt = await api.fire(prosecutor.headers, id, 'indict', {
        courtId: magistrateCourt.id,
        chargeIds,
      });
      expect(wrongCourt.body.error).toMatchObject({
        code: 'COURT_NOT_COMPETENT',
        details: { competentLevels: ['juvenile'] },
      });
      await fireOk(prosecutor.headers, id, 'indict', { courtId: juvenileCourt.id, chargeIds });

      // The clerk finds it in the inbox without its summary, takes it in, and joins its team.
      const [courtFile] = await deliverReferralsFrom(t.app.services, id);
      const inbox = await call(t, clerk.headers, 'GET', '/inbox');
      const row = (inbox.body.items as { id: string; summary: string | null }[]).find(
        (item) => item.id === courtFile!.id,
      );
      expect(row).toMatchObject({ summary: null, confidentiality: 'restricted', isJuvenile: true });
      const accepted = await call(t, clerk.headers, 'POST', `/cases/${courtFile!.id}/accept`, {
        version: courtFile!.version,
      });
      expect(accepted.status).toBe(200);
      const court = await api.get(clerk.headers, courtFile!.id);
      expect(court.status).toBe(200);
      expect(court.body).toMatchObject({
        isJuvenile: true,
        mediation: { status: 'failed' },
        juvenile: { isJuvenileFile: true, socialReport: { status: 'submitted' } },
      });
      expect(court.body.parties[0]).toMatchObject({ ageStatus: 'juvenile', ageAtOffence: 15 });
      // Another prosecutor of the office (not on the file) is refused, and never lists it.
      expect((await api.get(otherProsecutor.headers, id)).status).toBe(403);
      const list = await call(t, otherProsecutor.headers, 'GET', '/cases?limit=200');
      expect((list.body.items as { id: string }[]).map((item) => item.id)).not.toContain(id);
      // The chief prosecutor, who assigns the office's files, sees it.
      expect((await api.get(chief.headers, id)).status).toBe(200);
      expect(partyId).toBeTruthy();
    });
  });

  describe('juvenile detention and sentences', () => {
    it('needs a justification, never an adult facility, and the shorter limits', async () => {
      const { id, partyId } = await juvenileFile();
      const arrestedAt = new Date(t.clock.now().getTime() - 3_600_000).toISOString();
      const unjustified = await api.fire(prosecutor.headers, id, 'arrest', { partyId, arrestedAt });
      expect(unjustified.body.error.code).toBe('JUVENILE_DETENTION_NOT_JUSTIFIED');
      const adults = await api.fire(prosecutor.headers, id, 'arrest', {
        partyId,
        arrestedAt,
        facility: 'adult_centre',
        lastResortJustification: 'خطر الفرار',
      });
      expect(adults.body.error.code).toBe('JUVENILE_IN_ADULT_FACILITY');
      await fireOk(prosecutor.headers, id, 'arrest', {
        partyId,
        arrestedAt,
        facility: 'juvenile_centre',
        lastResortJustification: 'خطر على المجني عليه بعد تهديده',
      });
      const page = await api.get(prosecutor.headers, id);
      const detention = page.body.detentions[0];
      expect(detention).toMatchObject({
        isJuvenile: true,
        facility: 'juvenile_centre',
        lastResortJustification: 'خطر على المجني عليه بعد تهديده',
      });
      const tooLong = await api.fire(prosecutor.headers, id, 'order_detention', {
        detentionId: detention.id,
        duration: 48,
        reason: 'استكمال التحقيق',
      });
      expect(tooLong.body.error).toMatchObject({
        code: 'DETENTION_ORDER_TOO_LONG',
        details: { maxPerOrder: 24 },
      });
      await fireOk(prosecutor.headers, id, 'order_detention', {
        detentionId: detention.id,
        duration: 24,
        reason: 'استكمال التحقيق',
      });

      // An adult's detention expiring sooner still comes after the juvenile's in the queue.
      const adultFile = await registerFile();
      const adult = await addAccused(adultFile, '1990-01-01');
      await fireOk(prosecutor.headers, adultFile, 'arrest', {
        partyId: adult.partyId,
        arrestedAt: new Date(t.clock.now().getTime() - 2 * 3_600_000).toISOString(),
      });
      const adultDetention = (await api.get(prosecutor.headers, adultFile)).body.detentions[0];
      await fireOk(prosecutor.headers, adultFile, 'order_detention', {
        detentionId: adultDetention.id,
        duration: 12,
        reason: 'استكمال التحقيق',
      });
      const queue = await call(t, prosecutor.headers, 'GET', '/work-queue?kind=detention');
      const order = (queue.body.items as { case: { id: string } }[])
        .map((item) => item.case.id)
        .filter((caseId) => caseId === id || caseId === adultFile);
      expect(order).toEqual([id, adultFile]);
    });

    it('refuses a life sentence for a juvenile, and a judgment dated before the offence', async () => {
      const { id } = await juvenileFile();
      await instructAndReport(id);
      await fireOk(prosecutor.headers, id, 'add_charge', {
        partyId: (await api.get(prosecutor.headers, id)).body.parties[0].id,
        offenceId: felonyId,
      });
      const charges = (await api.get(prosecutor.headers, id)).body.charges as { id: string }[];
      await fireOk(prosecutor.headers, id, 'offer_mediation');
      await fireOk(prosecutor.headers, id, 'decline_mediation', { declinedBy: 'victim' });
      await fireOk(prosecutor.headers, id, 'indict', {
        courtId: juvenileCourt.id,
        chargeIds: charges.map((c) => c.id),
      });
      const [courtFile] = await deliverReferralsFrom(t.app.services, id);
      await call(t, clerk.headers, 'POST', `/cases/${courtFile!.id}/accept`, {
        version: courtFile!.version,
      });
      const court = await api.get(clerk.headers, courtFile!.id);
      const courtCharges = court.body.charges as { id: string }[];
      const judgment = (sentence: string, pronouncedAt: string) => ({
        pronouncedAt,
        judgments: courtCharges.map((c) => ({
          chargeId: c.id,
          outcome: 'convicted',
          sentence,
          custodialMonths: 6,
        })),
      });
      const lead = court.body.team.find((m: { isLead: boolean }) => m.isLead);
      expect(lead.userId).toBe(judge.user.id);
      const startsAt = new Date(t.clock.now().getTime() + 3 * 86_400_000);
      await fireOk(clerk.headers, courtFile!.id, 'schedule_hearing', {
        startsAt: startsAt.toISOString(),
        room: 'قاعة الأحداث',
        judgeIds: [judge.user.id],
      });
      // Outside the file (the court's calendar and cause list) the juvenile is initials only.
      const day = localDateString(startsAt, t.config.timeZone);
      const calendar = await call(
        t,
        clerk.headers,
        'GET',
        `/hearings?courtId=${juvenileCourt.id}&from=${day}&to=${day}`,
      );
      const listed = (
        calendar.body.items as {
          case: { id: string };
          parties: { name: string; isMasked: boolean }[];
        }[]
      ).find((h) => h.case.id === courtFile!.id);
      const accused = (await api.get(clerk.headers, courtFile!.id)).body.parties[0];
      expect(listed?.parties[0]).toMatchObject({ isMasked: true });
      expect(listed?.parties[0]?.name).not.toContain(accused.nameAr.split(' ')[0]);
      expect(listed?.parties[0]?.name).toMatch(/^\S\. /);
      const now = t.clock.now().toISOString();
      const life = await api.fire(judge.headers, courtFile!.id, 'record_judgment', {
        ...judgment('life_imprisonment', now),
      });
      expect(life.body.error.code).toBe('JUVENILE_SENTENCE_NOT_ALLOWED');
      const beforeOffence = await api.fire(
        judge.headers,
        courtFile!.id,
        'record_judgment',
        judgment('imprisonment', '2026-09-01T09:00:00Z'),
      );
      expect(beforeOffence.status).toBe(400);
      expect(beforeOffence.body.error.code).toBe('OFFENCE_AFTER_JUDGMENT');
      const given = await api.fire(
        judge.headers,
        courtFile!.id,
        'record_judgment',
        judgment('imprisonment', now),
      );
      expect(given.status).toBe(200);
    });
  });
});
