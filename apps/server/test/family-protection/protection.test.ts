/**
 * Victim protection on family protection files (issue 6, items 3–5) through the HTTP API: the risk
 * assessment scored with the questionnaire, a high result as an urgent task in the lead's work
 * queue, the history kept; referrals to services refused without consent (audited, nothing sent)
 * unless a chief prosecutor overrides in writing; what the service sees (minimum information, never
 * the file) and how it answers (accept, decline, close, with versions); protection measures whose
 * expiry is a deadline, their violations, and the new linked file a violation may open.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/schema';
import { addToTeam, auditRows, call, snapshot, type Headers } from '../cases/case-api-kit';
import { buildTestApp, type TestApp } from '../support/app';
import { buildPerson, caseApi, type CaseApi } from '../support/cases';
import { buildInstitution, signedInUser, uniqueSuffix } from '../support/factories';

type Db = Kysely<Database>;
type User = Awaited<ReturnType<typeof signedInUser>>;

const QUESTIONS = [
  'strangulation',
  'threats_to_kill',
  'weapon_used',
  'weapon_access',
  'separation',
  'honour_threats',
  'escalation',
  'pregnancy',
  'children_exposed',
  'stalking',
  'controlling',
  'jealousy',
  'forced_sex',
  'substance_abuse',
  'suicide_threats',
  'believes_capable',
];
/** Every question answered "no", except those answered "yes". */
const answers = (...yes: string[]) =>
  Object.fromEntries(QUESTIONS.map((q) => [q, yes.includes(q) ? 'yes' : 'no']));
const OVERRIDE_REASON = 'خطر وشيك على حياة الضحية وأطفالها، ورفضها ناتج عن تهديد المشتكى عليه';

describe('victim protection', () => {
  let t: TestApp;
  let api: CaseApi;
  let db: Db;
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let shelter: Awaited<ReturnType<typeof buildInstitution>>;
  let otherService: Awaited<ReturnType<typeof buildInstitution>>;
  let prosecutor: User;
  let chief: User;
  let provider: User;
  let otherProvider: User;
  let lawyer: User;

  beforeAll(async () => {
    t = await buildTestApp();
    api = caseApi(t.app);
    db = t.handle.db;
    office = await buildInstitution(db, {
      kind: 'prosecution_office',
      units: ['general', 'family_protection'],
    });
    shelter = await buildInstitution(db, { kind: 'social_services' });
    otherService = await buildInstitution(db, { kind: 'social_services' });
    const at = (role: Role, institutionId: string) =>
      signedInUser(db, { institutionId, grants: [{ role, institutionId }] });
    prosecutor = await at('prosecutor', office.id);
    chief = await at('chief_prosecutor', office.id);
    provider = await at('service_provider', shelter.id);
    otherProvider = await at('service_provider', otherService.id);
    const bar = await buildInstitution(db, { kind: 'bar_association' });
    lawyer = await at('lawyer', bar.id);
  });
  afterAll(async () => {
    await t.app.close();
  });

  async function fireOk(headers: Headers, caseId: string, event: string, payload: object = {}) {
    const response = await api.fire(headers, caseId, event, payload);
    expect({
      event,
      status: response.status,
      body: response.status === 200 ? null : response.body,
    }).toEqual({ event, status: 200, body: null });
    return response.body;
  }

  async function registerFile() {
    const response = await api.register(chief.headers, {
      caseType: 'prosecution_file',
      institutionId: office.id,
      summary: `شكوى عنف أسري ${uniqueSuffix()}`,
      incidentDate: '2026-10-01',
    });
    expect(response.status).toBe(201);
    const id = response.body.id as string;
    await fireOk(chief.headers, id, 'reassign', { userId: prosecutor.user.id, reason: 'حماية' });
    await fireOk(prosecutor.headers, id, 'open_investigation');
    return id;
  }

  /** A family protection file: a man accused of violence against his wife. */
  async function familyFile() {
    const id = await registerFile();
    const accused = await buildPerson(db, { sex: 'male' });
    const victim = await db
      .updateTable('persons')
      .set({ phone: '0599123456' })
      .where('id', '=', (await buildPerson(db, { sex: 'female', firstName: 'سناء' })).id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await fireOk(prosecutor.headers, id, 'add_party', { personId: accused.id, role: 'accused' });
    await fireOk(prosecutor.headers, id, 'add_party', {
      personId: victim.id,
      role: 'victim',
      relationshipToAccused: 'spouse',
    });
    const page = (await api.get(prosecutor.headers, id)).body;
    expect(page.isFamilyProtection).toBe(true);
    const partyOf = (personId: string) =>
      (page.parties as { id: string; personId: string }[]).find((p) => p.personId === personId)!.id;
    return { id, victimPartyId: partyOf(victim.id), accusedPartyId: partyOf(accused.id), victim };
  }

  async function openTasks(caseId: string, name: string) {
    const queue = await call(t, prosecutor.headers, 'GET', '/work-queue?limit=200');
    expect(queue.status).toBe(200);
    return (
      queue.body.items as { name: string; priority: string; kind: string; case: { id: string } }[]
    ).filter((item) => item.case.id === caseId && item.name === name);
  }

  const referralsOf = async (caseId: string) =>
    db.selectFrom('service_referrals').selectAll().where('case_id', '=', caseId).execute();

  describe('risk assessment', () => {
    it('publishes the questionnaire the form asks', async () => {
      const response = await call(t, prosecutor.headers, 'GET', '/risk-questionnaire');
      expect(response.status).toBe(200);
      expect(response.body.questions.map((q: { id: string }) => q.id)).toEqual(QUESTIONS);
      expect(response.body.thresholds).toEqual({ medium: 8, high: 14, severe: 18 });
      expect(response.body.questions[0].labels.ar).toMatch(/خنق/);
    });

    it('scores each assessment, keeps the history, and gives the lead an urgent task on a high result', async () => {
      const file = await familyFile();
      await fireOk(prosecutor.headers, file.id, 'assess_risk', {
        victimPartyId: file.victimPartyId,
        answers: answers('stalking', 'controlling'),
      });
      expect(await openTasks(file.id, 'risk_response')).toEqual([]);

      // Strangulation is a red flag: high whatever the score.
      await fireOk(prosecutor.headers, file.id, 'assess_risk', {
        victimPartyId: file.victimPartyId,
        answers: answers('strangulation'),
      });
      expect(await openTasks(file.id, 'risk_response')).toEqual([
        expect.objectContaining({ kind: 'task', priority: 'urgent' }),
      ]);

      // A severe re-assessment replaces the task; a low one answers it.
      await fireOk(prosecutor.headers, file.id, 'assess_risk', {
        victimPartyId: file.victimPartyId,
        answers: answers(...QUESTIONS),
      });
      expect(await openTasks(file.id, 'risk_response')).toHaveLength(1);
      await fireOk(prosecutor.headers, file.id, 'assess_risk', {
        victimPartyId: file.victimPartyId,
        answers: answers(),
      });
      expect(await openTasks(file.id, 'risk_response')).toEqual([]);

      const page = (await api.get(prosecutor.headers, file.id)).body;
      expect(
        page.riskAssessments.map((r: { level: string; score: number }) => [r.level, r.score]),
      ).toEqual([
        ['low', 0],
        ['severe', 27],
        ['high', 4],
        ['low', 2],
      ]);
      expect(page.riskAssessments[1]).toMatchObject({
        victimPartyId: file.victimPartyId,
        questionnaireId: 'qadiya-dv-risk-1',
        assessedBy: { userId: prosecutor.user.id },
        answers: { strangulation: 'yes', stalking: 'yes' },
      });
      const rows = await db
        .selectFrom('risk_assessments')
        .select(['level', 'event_id'])
        .where('case_id', '=', file.id)
        .execute();
      expect(rows).toHaveLength(4);
    });

    it('refuses unknown questions and answers, and unanswered questions, with a 400 naming each', async () => {
      const file = await familyFile();
      const before = await snapshot(db, file.id);
      const missing = Object.fromEntries(
        Object.entries(answers()).filter(([question]) => question !== 'strangulation'),
      );
      const bad = await api.fire(prosecutor.headers, file.id, 'assess_risk', {
        victimPartyId: file.victimPartyId,
        answers: { ...missing, threats_to_kill: 'maybe', shoe_size: 'yes' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      expect(bad.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
        'payload.answers.shoe_size',
        'payload.answers.strangulation',
        'payload.answers.threats_to_kill',
      ]);
      const notText = await api.fire(prosecutor.headers, file.id, 'assess_risk', {
        victimPartyId: file.victimPartyId,
        answers: { ...answers(), stalking: 3 },
      });
      expect(notText.status).toBe(400);
      expect(await snapshot(db, file.id)).toEqual(before);
      const ofAccused = await api.fire(prosecutor.headers, file.id, 'assess_risk', {
        victimPartyId: file.accusedPartyId,
        answers: answers(),
      });
      expect(ofAccused.status).toBe(409);
      expect(ofAccused.body.error.code).toBe('NOT_A_VICTIM_OF_THIS_FILE');

      const plain = await registerFile();
      const notFamily = await api.fire(prosecutor.headers, plain, 'assess_risk', {
        victimPartyId: file.victimPartyId,
        answers: answers(),
      });
      expect(notFamily.status).toBe(409);
      expect(notFamily.body.error.code).toBe('NOT_A_FAMILY_PROTECTION_FILE');
    });
  });

  describe('referrals to services', () => {
    const referral = (victimPartyId: string, over: object = {}) => ({
      victimPartyId,
      service: 'shelter',
      institutionId: shelter.id,
      note: 'الضحية بحاجة إلى إيواء عاجل مع طفلين',
      ...over,
    });

    it('refuses a referral without consent: 409, audited, nothing sent', async () => {
      const file = await familyFile();
      const before = await snapshot(db, file.id);
      const refused = await api.fire(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId),
      );
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'REFERRAL_CONSENT_REQUIRED' });
      expect(refused.body.error.details.messageAr).toContain('موافقة الضحية');
      expect(await snapshot(db, file.id)).toEqual(before);
      expect(await referralsOf(file.id)).toEqual([]);
      expect(await auditRows(db, file.id, 'case.event_refused')).toEqual([
        expect.objectContaining({
          actor_user_id: prosecutor.user.id,
          outcome: 'denied',
          details: { event: 'refer_to_service', rule: 'REFERRAL_CONSENT_REQUIRED' },
        }),
      ]);
    });

    it('lets only a chief prosecutor override the consent, in writing, and audits the override', async () => {
      const file = await familyFile();
      const override = { consent: 'override', overrideReason: OVERRIDE_REASON };
      const byProsecutor = await api.fire(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, override),
      );
      expect(byProsecutor.status).toBe(409);
      expect(byProsecutor.body.error.code).toBe('REFERRAL_OVERRIDE_CHIEF_ONLY');
      const refusals = await auditRows(db, file.id, 'case.event_refused');
      expect(refusals.map((r) => r.details)).toEqual([
        { event: 'refer_to_service', rule: 'REFERRAL_OVERRIDE_CHIEF_ONLY' },
      ]);
      const noReason = await api.fire(
        chief.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'override' }),
      );
      expect(noReason.status).toBe(409);
      expect(noReason.body.error.code).toBe('REFERRAL_OVERRIDE_REASON_REQUIRED');
      const tooShort = await api.fire(
        chief.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'override', overrideReason: 'ضروري' }),
      );
      expect(tooShort.status).toBe(400);
      expect(await referralsOf(file.id)).toEqual([]);

      await fireOk(
        chief.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, override),
      );
      const [sent] = await referralsOf(file.id);
      expect(sent).toMatchObject({ consent: 'override', override_reason: OVERRIDE_REASON });
      expect(await auditRows(db, sent!.id, 'referral.consent_overridden')).toEqual([
        expect.objectContaining({
          actor_user_id: chief.user.id,
          details: expect.objectContaining({ caseId: file.id, reason: OVERRIDE_REASON }),
        }),
      ]);
      const page = (await api.get(prosecutor.headers, file.id)).body;
      expect(page.referrals).toEqual([
        expect.objectContaining({
          id: sent!.id,
          victimPartyId: file.victimPartyId,
          service: 'shelter',
          institution: expect.objectContaining({ id: shelter.id }),
          status: 'sent',
          consent: 'override',
          overrideReason: OVERRIDE_REASON,
          sentBy: expect.objectContaining({ userId: chief.user.id }),
        }),
      ]);
    });

    it('refuses a service that is not a social services institution, a reason without an override, and a second open referral', async () => {
      const file = await familyFile();
      const wrongPlace = await api.fire(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'given', institutionId: office.id }),
      );
      expect(wrongPlace.status).toBe(400);
      expect(wrongPlace.body.error.details.issues[0].field).toBe('payload.institutionId');
      const reasonWithConsent = await api.fire(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'given', overrideReason: OVERRIDE_REASON }),
      );
      expect(reasonWithConsent.status).toBe(400);
      expect(reasonWithConsent.body.error.details.issues[0].field).toBe('payload.overrideReason');
      const unknownService = await api.fire(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'given', service: 'spa' }),
      );
      expect(unknownService.status).toBe(400);
      await fireOk(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'given' }),
      );
      const again = await api.fire(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'given' }),
      );
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('ALREADY_EXISTS');
      expect(await referralsOf(file.id)).toHaveLength(1);
    });

    it('shows the service its referrals with the minimum information, and never the file', async () => {
      const file = await familyFile();
      await fireOk(prosecutor.headers, file.id, 'assess_risk', {
        victimPartyId: file.victimPartyId,
        answers: answers('strangulation'),
      });
      expect(await openTasks(file.id, 'risk_response')).toHaveLength(1);
      await fireOk(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'given' }),
      );
      // A place in a shelter answers the urgent task of the high risk.
      expect(await openTasks(file.id, 'risk_response')).toEqual([]);
      const [sent] = await referralsOf(file.id);
      const list = await call(t, provider.headers, 'GET', '/referrals?status=sent&limit=200');
      expect(list.status).toBe(200);
      const item = (list.body.items as { id: string }[]).find((i) => i.id === sent!.id) as Record<
        string,
        unknown
      >;
      expect(Object.keys(item).sort()).toEqual(
        [
          'id',
          'version',
          'service',
          'status',
          'consent',
          'victim',
          'riskLevel',
          'referringOffice',
          'institution',
          'note',
          'sentAt',
          'respondedAt',
          'feedback',
          'closedAt',
          'closingFeedback',
        ].sort(),
      );
      expect(item).toMatchObject({
        version: 1,
        service: 'shelter',
        status: 'sent',
        consent: 'given',
        riskLevel: 'high',
        referringOffice: { id: office.id, code: office.code },
        institution: { id: shelter.id },
        victim: { phone: '0599123456', nameLatin: file.victim.name_latin },
      });
      expect((item.victim as { nameAr: string }).nameAr).toContain('سناء');
      expect(JSON.stringify(item)).not.toContain(file.id);
      const reads = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'access.restricted_read')
        .where('actor_user_id', '=', provider.user.id)
        .execute();
      expect(reads.at(-1)?.details).toMatchObject({
        referralIds: expect.arrayContaining([sent!.id]),
      });

      // Another service sees none of it; the service cannot open the file; a prosecutor has no list.
      const other = await call(t, otherProvider.headers, 'GET', '/referrals?limit=200');
      expect(other.status).toBe(200);
      expect((other.body.items as { id: string }[]).map((i) => i.id)).not.toContain(sent!.id);
      expect((await api.get(provider.headers, file.id)).status).toBe(403);
      const denied = await call(t, prosecutor.headers, 'GET', '/referrals');
      expect(denied.status).toBe(403);
      const refusal = await db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'access.denied')
        .where('actor_user_id', '=', prosecutor.user.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(refusal.details).toMatchObject({ permission: 'referral.read' });
    });

    it('lets the service accept, decline and close with feedback, against the version it saw', async () => {
      const file = await familyFile();
      await fireOk(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'given' }),
      );
      await fireOk(
        prosecutor.headers,
        file.id,
        'refer_to_service',
        referral(file.victimPartyId, { consent: 'given', service: 'legal_aid' }),
      );
      const [shelterReferral, legalAid] = await referralsOf(file.id).then((rows) =>
        ['shelter', 'legal_aid'].map((s) => rows.find((r) => r.service === s)!),
      );
      const answer = (who: User, id: string, response: string, body: object) =>
        call(t, who.headers, 'POST', `/referrals/${id}/${response}`, body);

      const byOther = await answer(otherProvider, shelterReferral!.id, 'accept', { version: 1 });
      expect(byOther.status).toBe(403);
      expect(await auditRows(db, shelterReferral!.id, 'access.denied')).toHaveLength(1);

      const accepted = await answer(provider, shelterReferral!.id, 'accept', {
        version: 1,
        feedback: 'تم تأمين مكان في البيت الآمن',
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        version: 2,
        feedback: 'تم تأمين مكان في البيت الآمن',
      });
      const twice = await answer(provider, shelterReferral!.id, 'accept', { version: 2 });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('REFERRAL_STATUS_CONFLICT');
      const stale = await answer(provider, shelterReferral!.id, 'close', {
        version: 1,
        feedback: 'انتهت الخدمة',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({
        code: 'STALE_VERSION',
        details: { currentVersion: 2 },
      });
      const blank = await answer(provider, shelterReferral!.id, 'close', {
        version: 2,
        feedback: '   ',
      });
      expect(blank.status).toBe(400);
      const closed = await answer(provider, shelterReferral!.id, 'close', {
        version: 2,
        feedback: 'غادرت الضحية البيت الآمن بعد ستة أسابيع إلى بيت أهلها',
      });
      expect(closed.body).toMatchObject({ status: 'closed', version: 3 });

      const noReason = await answer(provider, legalAid!.id, 'decline', { version: 1 });
      expect(noReason.status).toBe(400);
      const declined = await answer(provider, legalAid!.id, 'decline', {
        version: 1,
        feedback: 'لا نقدم مساعدة قانونية في هذه المحافظة',
      });
      expect(declined.body).toMatchObject({ status: 'declined', respondedAt: expect.any(String) });
      const closeDeclined = await answer(provider, legalAid!.id, 'close', {
        version: 2,
        feedback: 'إغلاق',
      });
      expect(closeDeclined.status).toBe(409);

      expect(
        (await auditRows(db, shelterReferral!.id, 'referral.accepted')).map((r) => r.details),
      ).toEqual([
        expect.objectContaining({ statusBefore: 'sent', statusAfter: 'accepted', version: 2 }),
      ]);
      expect(await auditRows(db, shelterReferral!.id, 'referral.closed')).toHaveLength(1);
      expect(await auditRows(db, legalAid!.id, 'referral.declined')).toHaveLength(1);
      const page = (await api.get(prosecutor.headers, file.id)).body;
      expect(
        page.referrals.find((r: { id: string }) => r.id === shelterReferral!.id),
      ).toMatchObject({
        status: 'closed',
        feedback: 'تم تأمين مكان في البيت الآمن',
        closingFeedback: expect.stringContaining('ستة أسابيع'),
      });
      const missing = await answer(provider, '0c6f3a8e-9d12-4b7e-8f3a-000000000999', 'accept', {
        version: 1,
      });
      expect(missing.status).toBe(404);
    });
  });

  describe('protection measures', () => {
    const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000);
    const measure = (file: { victimPartyId: string; accusedPartyId: string }, over = {}) => ({
      measureKind: 'no_contact',
      protectedPartyId: file.victimPartyId,
      againstPartyId: file.accusedPartyId,
      authority: 'prosecution',
      conditions: 'يمنع المشتكى عليه من الاتصال بالضحية بأي وسيلة ومن الاقتراب من مكان عملها',
      expiresAt: inDays(30).toISOString(),
      ...over,
    });
    const measuresOf = async (caseId: string) =>
      (await api.get(prosecutor.headers, caseId)).body.protectionMeasures as {
        id: string;
        status: string;
        violations: { newCase: { id: string; reference: string } | null }[];
      }[];

    it('issues a measure whose expiry is a deadline of the lead, answering the risk', async () => {
      const file = await familyFile();
      await fireOk(prosecutor.headers, file.id, 'assess_risk', {
        victimPartyId: file.victimPartyId,
        answers: answers('weapon_used'),
      });
      expect(await openTasks(file.id, 'risk_response')).toHaveLength(1);
      const past = await api.fire(
        prosecutor.headers,
        file.id,
        'issue_protection_measure',
        measure(file, { expiresAt: inDays(-1).toISOString() }),
      );
      expect(past.status).toBe(400);
      expect(past.body.error.details.issues[0].field).toBe('payload.expiresAt');
      const againstVictim = await api.fire(
        prosecutor.headers,
        file.id,
        'issue_protection_measure',
        measure(file, { againstPartyId: file.victimPartyId }),
      );
      expect(againstVictim.status).toBe(409);
      expect(againstVictim.body.error.code).toBe('NOT_AN_ACCUSED_OF_THIS_FILE');

      const expiresAt = inDays(30).toISOString();
      await fireOk(
        prosecutor.headers,
        file.id,
        'issue_protection_measure',
        measure(file, { expiresAt }),
      );
      const page = (await api.get(prosecutor.headers, file.id)).body;
      expect(page.protectionMeasures).toEqual([
        expect.objectContaining({
          kind: 'no_contact',
          protectedPartyId: file.victimPartyId,
          againstPartyId: file.accusedPartyId,
          authority: 'prosecution',
          status: 'active',
          expiresAt,
          violations: [],
        }),
      ]);
      expect(page.deadlines).toContainEqual(
        expect.objectContaining({ name: 'protection_measure_expiry', dueAt: expiresAt }),
      );
      expect(await openTasks(file.id, 'protection_measure_expiry')).toEqual([
        expect.objectContaining({ kind: 'deadline', priority: 'high' }),
      ]);
      // The measure answers the urgent task of the high risk.
      expect(await openTasks(file.id, 'risk_response')).toEqual([]);
    });

    it('records violations, and opens a new linked file in the same matter when asked', async () => {
      const file = await familyFile();
      await fireOk(prosecutor.headers, file.id, 'issue_protection_measure', measure(file));
      const [issued] = await measuresOf(file.id);
      const unknown = await api.fire(prosecutor.headers, file.id, 'record_measure_violation', {
        measureId: '0c6f3a8e-9d12-4b7e-8f3a-000000000998',
        occurredAt: t.clock.now().toISOString(),
        description: 'اتصل بالضحية',
        openNewFile: false,
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.issues[0].field).toBe('payload.measureId');
      const beforeIssue = await api.fire(prosecutor.headers, file.id, 'record_measure_violation', {
        measureId: issued!.id,
        occurredAt: inDays(-3).toISOString(),
        description: 'اتصل بالضحية',
        openNewFile: false,
      });
      expect(beforeIssue.status).toBe(400);

      await fireOk(prosecutor.headers, file.id, 'record_measure_violation', {
        measureId: issued!.id,
        occurredAt: t.clock.now().toISOString(),
        description: 'اتصل بالضحية هاتفياً مرتين',
        openNewFile: false,
      });
      expect((await measuresOf(file.id))[0]).toMatchObject({
        status: 'violated',
        violations: [{ newCase: null }],
      });

      await fireOk(prosecutor.headers, file.id, 'record_measure_violation', {
        measureId: issued!.id,
        occurredAt: t.clock.now().toISOString(),
        description: 'حضر إلى مكان عمل الضحية وهددها بالقتل',
        openNewFile: true,
      });
      const [, second] = (await measuresOf(file.id))[0]!.violations;
      expect(second?.newCase).toEqual({ id: expect.any(String), reference: expect.any(String) });
      const original = (await api.get(prosecutor.headers, file.id)).body;
      const opened = await api.get(prosecutor.headers, second!.newCase!.id);
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({
        matterId: original.matterId,
        caseType: 'prosecution_file',
        state: 'registered',
        isFamilyProtection: true,
        confidentiality: 'restricted',
        unitId: office.units[1]!.id,
        reference: second!.newCase!.reference,
        team: [expect.objectContaining({ userId: prosecutor.user.id, isLead: true })],
      });
      expect(opened.body.summary).toContain('هددها بالقتل');
      expect(
        opened.body.parties
          .map((p: { role: string; relationshipToAccused: string | null }) => [
            p.role,
            p.relationshipToAccused,
          ])
          .sort(),
      ).toEqual([
        ['accused', null],
        ['victim', 'spouse'],
      ]);
      const link = await db
        .selectFrom('case_links')
        .selectAll()
        .where('to_case_id', '=', second!.newCase!.id)
        .executeTakeFirstOrThrow();
      expect(link).toMatchObject({ from_case_id: file.id, link_kind: 'violation' });
      expect(original.linkedFiles).toContainEqual(
        expect.objectContaining({ id: second!.newCase!.id, canOpen: true }),
      );
      expect(await auditRows(db, second!.newCase!.id, 'case.registered')).toEqual([
        expect.objectContaining({
          details: expect.objectContaining({ fromCaseId: file.id, link: 'violation' }),
        }),
      ]);
    });

    it('expires a measure by time: no violation after it, and a revoked measure stops binding', async () => {
      const file = await familyFile();
      await fireOk(
        prosecutor.headers,
        file.id,
        'issue_protection_measure',
        measure(file, { expiresAt: new Date(t.clock.now().getTime() + 120_000).toISOString() }),
      );
      await fireOk(
        prosecutor.headers,
        file.id,
        'issue_protection_measure',
        measure(file, { measureKind: 'stay_away', authority: 'court' }),
      );
      const [stayAway, shortOne] = await measuresOf(file.id);
      const issuedAt = t.clock.now();
      t.clock.advanceMinutes(3);
      expect((await measuresOf(file.id)).map((m) => m.status)).toEqual(['active', 'expired']);
      const late = await api.fire(prosecutor.headers, file.id, 'record_measure_violation', {
        measureId: shortOne!.id,
        occurredAt: t.clock.now().toISOString(),
        description: 'اقترب من منزل الضحية',
        openNewFile: false,
      });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('MEASURE_NOT_IN_FORCE');
      // Recorded late, but it happened while the measure was in force.
      await fireOk(prosecutor.headers, file.id, 'record_measure_violation', {
        measureId: shortOne!.id,
        occurredAt: new Date(issuedAt.getTime() + 60_000).toISOString(),
        description: 'اتصل بالضحية قبل انتهاء التدبير',
        openNewFile: false,
      });

      await fireOk(prosecutor.headers, file.id, 'revoke_protection_measure', {
        measureId: stayAway!.id,
        reason: 'ألغت المحكمة التدبير بعد الصلح الأسري',
      });
      const page = (await api.get(prosecutor.headers, file.id)).body;
      expect(page.protectionMeasures[0]).toMatchObject({
        status: 'revoked',
        revokeReason: expect.stringContaining('ألغت'),
      });
      expect(
        page.deadlines.filter((d: { name: string }) => d.name === 'protection_measure_expiry'),
      ).toHaveLength(1);
      const again = await api.fire(prosecutor.headers, file.id, 'revoke_protection_measure', {
        measureId: stayAway!.id,
        reason: 'مرة أخرى',
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('MEASURE_NOT_IN_FORCE');
    });
  });

  it('keeps risk, referrals and measures from readers without the right, such as the lawyer on the team', async () => {
    const file = await familyFile();
    await fireOk(prosecutor.headers, file.id, 'assess_risk', {
      victimPartyId: file.victimPartyId,
      answers: answers(),
    });
    await addToTeam(db, file.id, lawyer.user.id, 'lawyer');
    const page = await api.get(lawyer.headers, file.id);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ riskAssessments: [], referrals: [], protectionMeasures: [] });
    const chiefPage = await api.get(chief.headers, file.id);
    expect(chiefPage.body.riskAssessments).toHaveLength(1);
  });

  describe('a deployment’s own questionnaire (QADIYA_RISK_QUESTIONNAIRE)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qadiya-risk-'));
    const write = (name: string, content: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    };
    const pilot = {
      id: 'pilot-2027',
      labels: { ar: 'استبيان تجريبي', en: 'Pilot questionnaire' },
      questions: [
        {
          id: 'threat',
          labels: { ar: 'هل هُددت الضحية بالقتل؟', en: 'Was the victim threatened with death?' },
          options: [
            { id: 'yes', labels: { ar: 'نعم', en: 'Yes' }, points: 6 },
            { id: 'no', labels: { ar: 'لا', en: 'No' }, points: 0 },
          ],
        },
      ],
      thresholds: { medium: 2, high: 4, severe: 6 },
    };

    it('is checked at start-up: a bad file stops the server with a message naming the setting', () => {
      const load = (file: string) => () => loadConfig({ QADIYA_RISK_QUESTIONNAIRE: file });
      expect(load(write('broken.json', '{ "id": '))).toThrow(/QADIYA_RISK_QUESTIONNAIRE.*JSON/);
      expect(load(path.join(dir, 'missing.json'))).toThrow(/QADIYA_RISK_QUESTIONNAIRE/);
      const unreachable = { ...pilot, thresholds: { medium: 2, high: 4, severe: 9 } };
      expect(load(write('unreachable.json', JSON.stringify(unreachable)))).toThrow(
        /no answers reach the severe threshold/,
      );
    });

    it('replaces the default: the form asks it, and assessments are scored with it', async () => {
      const own = await buildTestApp({
        env: { QADIYA_RISK_QUESTIONNAIRE: write('pilot.json', JSON.stringify(pilot)) },
      });
      try {
        const file = await familyFile();
        const asked = await own.app.inject({
          method: 'GET',
          url: '/api/v1/risk-questionnaire',
          headers: prosecutor.headers,
        });
        expect(asked.json()).toEqual(pilot);
        const version = (await api.get(prosecutor.headers, file.id)).body.version as number;
        const fired = await own.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${file.id}/events`,
          headers: prosecutor.headers,
          payload: {
            event: 'assess_risk',
            version,
            payload: { victimPartyId: file.victimPartyId, answers: { threat: 'yes' } },
          },
        });
        expect(fired.statusCode).toBe(200);
        expect((await api.get(prosecutor.headers, file.id)).body.riskAssessments).toEqual([
          expect.objectContaining({ questionnaireId: 'pilot-2027', score: 6, level: 'severe' }),
        ]);
        // The default's questions are unknown to this questionnaire.
        const old = await own.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${file.id}/events`,
          headers: prosecutor.headers,
          payload: {
            event: 'assess_risk',
            version: version + 1,
            payload: { victimPartyId: file.victimPartyId, answers: answers() },
          },
        });
        expect(old.statusCode).toBe(400);
      } finally {
        await own.app.close();
      }
    });
  });
});
