/**
 * Bad input on the case API (issue 3, "Bad input"): every refusal has its status and code, names
 * what was wrong, and writes nothing to the file; refusals by role are audited.
 */
import { randomUUID } from 'node:crypto';
import { caseTypeDefinition } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildOffence, buildPerson, caseApi, type CaseApi } from '../support/cases';
import { buildInstitution, signedInUser } from '../support/factories';
import {
  auditRows,
  call,
  deliverReferralsFrom,
  LONG_AGO,
  snapshot,
  type Headers,
} from './case-api-kit';
import { buildCourtCase } from './lifecycle-fixtures';

type SignedIn = Awaited<ReturnType<typeof signedInUser>>;

describe('bad input on the case API', () => {
  let t: TestApp;
  let api: CaseApi;
  let police: Awaited<ReturnType<typeof buildInstitution>>;
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let court: Awaited<ReturnType<typeof buildInstitution>>;
  let investigator: SignedIn;
  let prosecutor: SignedIn;
  let juvenileProsecutor: SignedIn;
  let chief: SignedIn;
  let clerk: SignedIn;
  let judge: SignedIn;
  let offenceId: string;

  const inHours = (hours: number) =>
    new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString();
  const issuesOf = (body: { error: { details: { issues?: { field: string }[] } } }) =>
    (body.error.details.issues ?? []).map((i) => i.field).sort();

  beforeAll(async () => {
    t = await buildTestApp();
    api = caseApi(t.app);
    const db = t.handle.db;
    police = await buildInstitution(db, { kind: 'police_unit' });
    office = await buildInstitution(db, {
      kind: 'prosecution_office',
      units: ['general', 'juvenile'],
    });
    court = await buildInstitution(db, { kind: 'court', courtLevel: 'magistrate' });
    investigator = await signedInUser(db, {
      institutionId: police.id,
      grants: [{ role: 'police_investigator', institutionId: police.id, validFrom: LONG_AGO }],
    });
    prosecutor = await signedInUser(db, {
      institutionId: office.id,
      grants: [{ role: 'prosecutor', institutionId: office.id, validFrom: LONG_AGO }],
    });
    juvenileProsecutor = await signedInUser(db, {
      institutionId: office.id,
      grants: [
        {
          role: 'prosecutor',
          institutionId: office.id,
          unitId: office.units[1]!.id,
          validFrom: LONG_AGO,
        },
      ],
    });
    chief = await signedInUser(db, {
      institutionId: office.id,
      grants: [{ role: 'chief_prosecutor', institutionId: office.id, validFrom: LONG_AGO }],
    });
    clerk = await signedInUser(db, {
      institutionId: court.id,
      grants: [{ role: 'court_clerk', institutionId: court.id, validFrom: LONG_AGO }],
    });
    judge = await signedInUser(db, {
      institutionId: court.id,
      grants: [{ role: 'judge', institutionId: court.id, validFrom: LONG_AGO }],
    });
    offenceId = (await buildOffence(db, 'misdemeanour')).id;
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
  });

  /** A prosecution file registered by the prosecutor, with an accused (and a victim). */
  async function prosecutionFile() {
    const registered = await api.register(prosecutor.headers, {
      caseType: 'prosecution_file',
      institutionId: office.id,
      unitId: office.units[0]!.id,
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    const accused = await buildPerson(t.handle.db);
    const victim = await buildPerson(t.handle.db, { sex: 'female', firstName: 'ريم' });
    await api.fire(prosecutor.headers, id, 'add_party', { personId: accused.id, role: 'accused' });
    const page = await api.fire(prosecutor.headers, id, 'add_party', {
      personId: victim.id,
      role: 'victim',
    });
    expect(page.status).toBe(200);
    const partyOf = (role: string) =>
      (page.body.parties as { id: string; role: string }[]).find((p) => p.role === role)!.id;
    return { id, accusedParty: partyOf('accused'), victimParty: partyOf('victim') };
  }

  /** A court case before the court (two indicted charges, one dropped), with a hearing booked. */
  async function courtCaseWithHearing() {
    const built = await buildCourtCase(t.handle.db, court.id, judge.user.id, 2);
    const scheduled = await api.fire(clerk.headers, built.file.id, 'schedule_hearing', {
      startsAt: inHours(24 + Math.floor(Math.random() * 2000)),
      room: `قاعة ${randomUUID().slice(0, 6)}`,
      judgeIds: [judge.user.id],
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.state).toBe('scheduled');
    return { ...built, hearingId: scheduled.body.hearings[0].id as string };
  }

  /** A police report referred to the office, delivered to its inbox: [report, inbox file]. */
  async function referredReport() {
    const report = await api.register(investigator.headers, {
      caseType: 'police_report',
      institutionId: police.id,
    });
    const reportId = report.body.id as string;
    const accused = await buildPerson(t.handle.db);
    await api.fire(investigator.headers, reportId, 'add_party', {
      personId: accused.id,
      role: 'accused',
    });
    await api.fire(investigator.headers, reportId, 'start_evidence_gathering', {});
    const referred = await api.fire(investigator.headers, reportId, 'refer_to_prosecution', {
      prosecutionOfficeId: office.id,
    });
    expect(referred.body.state).toBe('referred');
    const [inbox] = await deliverReferralsFrom(t.app.services, reportId);
    expect(inbox).toMatchObject({ intake_status: 'pending', institution_id: office.id });
    return { reportId, inboxId: inbox!.id };
  }

  describe('firing events', () => {
    it('refuses an event not allowed in the state with 409 listing exactly the allowed events', async () => {
      const file = await prosecutionFile();
      const before = await snapshot(t.handle.db, file.id);
      const response = await api.fire(prosecutor.headers, file.id, 'indict', {
        courtId: court.id,
        chargeIds: [randomUUID()],
      });
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({
        code: 'EVENT_NOT_ALLOWED',
        details: { state: 'registered' },
      });
      // The definition's events whose from-states include `registered`, whoever fires them.
      expect([...response.body.error.details.allowedEvents].sort()).toEqual([
        'add_charge',
        'add_party',
        'arrest',
        'assess_risk',
        'classify_gbv',
        'close_file',
        'extend_detention',
        'instruct_counsellor',
        'issue_protection_measure',
        'open_investigation',
        'order_detention',
        'override_age_verification',
        'override_mediation_block',
        'override_social_report',
        'reassign',
        'record_measure_violation',
        'refer_to_child_protection',
        'refer_to_service',
        'release',
        'revoke_protection_measure',
        'set_decision_deadline',
        'submit_social_report',
        'transfer',
      ]);
      const definition = caseTypeDefinition('prosecution_file')!;
      for (const name of response.body.error.details.allowedEvents as string[]) {
        expect(definition.events[name]!.from).toContain('registered');
      }
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
    });

    it('lists no allowed events once the file is in a final state', async () => {
      const file = await prosecutionFile();
      const closed = await api.fire(prosecutor.headers, file.id, 'close_file', {
        reasonCode: 'insufficient_evidence',
      });
      expect(closed.body.state).toBe('closed');
      const response = await api.fire(prosecutor.headers, file.id, 'open_investigation', {});
      expect(response.status).toBe(409);
      expect(response.body.error).toMatchObject({
        code: 'EVENT_NOT_ALLOWED',
        details: { state: 'closed', allowedEvents: [] },
      });
    });

    it('refuses a missing or invalid payload field with 400 naming payload.<field>', async () => {
      const file = await prosecutionFile();
      const before = await snapshot(t.handle.db, file.id);
      const person = await buildPerson(t.handle.db);
      const cases: [string, object, string[]][] = [
        ['add_party', {}, ['payload.personId', 'payload.role']],
        ['add_party', { personId: person.id }, ['payload.role']],
        ['add_party', { personId: 'not-a-uuid', role: 'accused' }, ['payload.personId']],
        ['add_party', { personId: person.id, role: 'king' }, ['payload.role']],
        ['add_party', { personId: person.id, role: 'victim', colour: 'red' }, ['payload.colour']],
        ['close_file', { reasonCode: 'bored' }, ['payload.reasonCode']],
        ['close_file', { reasonCode: 'no_crime', note: 42 }, ['payload.note']],
        ['set_decision_deadline', { dueDate: 'tomorrow' }, ['payload.dueDate']],
      ];
      for (const [event, payload, fields] of cases) {
        const headers = event === 'set_decision_deadline' ? chief.headers : prosecutor.headers;
        const response = await api.fire(headers, file.id, event, payload);
        expect({ event, payload, status: response.status }).toEqual({
          event,
          payload,
          status: 400,
        });
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
        expect(issuesOf(response.body)).toEqual(fields);
        expect(response.body.error.message).toContain(fields[0]!.replace('payload.', ''));
      }
      // A well-formed id that names nothing is refused by the action, naming the field, too.
      const unknownPerson = await api.fire(prosecutor.headers, file.id, 'add_party', {
        personId: randomUUID(),
        role: 'witness',
      });
      expect(unknownPerson.status).toBe(400);
      expect(issuesOf(unknownPerson.body)).toEqual(['payload.personId']);
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
    });

    it('names the nested field of a judgment', async () => {
      const { file, indictedChargeIds, hearingId } = await courtCaseWithHearing();
      await api.fire(judge.headers, file.id, 'hold_hearing', { hearingId, minutes: 'مرافعة' });
      const before = await snapshot(t.handle.db, file.id);
      const response = await api.fire(judge.headers, file.id, 'record_judgment', {
        pronouncedAt: t.clock.now().toISOString(),
        judgments: [
          { chargeId: indictedChargeIds[0], outcome: 'convicted' },
          { chargeId: indictedChargeIds[1], outcome: 'pardoned' },
        ],
      });
      expect(response.status).toBe(400);
      expect(issuesOf(response.body)).toContain('payload.judgments.1.outcome');
      // A sentence on an acquittal is refused by the action, naming the field.
      const sentenced = await api.fire(judge.headers, file.id, 'record_judgment', {
        pronouncedAt: t.clock.now().toISOString(),
        judgments: [
          { chargeId: indictedChargeIds[0], outcome: 'convicted', fineAmount: 100 },
          { chargeId: indictedChargeIds[1], outcome: 'acquitted', custodialMonths: 3 },
        ],
      });
      expect(sentenced.status).toBe(400);
      expect(issuesOf(sentenced.body)).toEqual(['payload.judgments.1.custodialMonths']);
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
    });

    it('refuses a malformed request body with 400 naming the field', async () => {
      const file = await prosecutionFile();
      const url = `/cases/${file.id}/events`;
      const noVersion = await call(t, prosecutor.headers, 'POST', url, {
        event: 'open_investigation',
        payload: {},
      });
      expect(noVersion.status).toBe(400);
      expect(issuesOf(noVersion.body)).toEqual(['version']);
      const notAnObject = await call(t, prosecutor.headers, 'POST', url, {
        event: 'open_investigation',
        version: 3,
        payload: 'open it',
      });
      expect(notAnObject.status).toBe(400);
      expect(issuesOf(notAnObject.body)).toEqual(['payload']);
    });

    it('refuses an unknown event with 400, including names that exist on every object', async () => {
      const file = await prosecutionFile();
      const before = await snapshot(t.handle.db, file.id);
      for (const event of [
        'fly_to_the_moon',
        '__proto__',
        'toString',
        'constructor',
        'hasOwnProperty',
        'record_judgment', // an event of another case type
        'Open_Investigation',
      ]) {
        const response = await api.fire(prosecutor.headers, file.id, event, {});
        expect({ event, status: response.status }).toEqual({ event, status: 400 });
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
        expect(issuesOf(response.body)).toEqual(['event']);
      }
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
    });

    it('refuses a role without the right with 403 ROLE_NOT_PERMITTED and audits the attempt', async () => {
      const { file, indictedChargeIds } = await courtCaseWithHearing();
      const before = await snapshot(t.handle.db, file.id);
      const response = await api.fire(clerk.headers, file.id, 'record_judgment', {
        pronouncedAt: t.clock.now().toISOString(),
        judgments: indictedChargeIds.map((chargeId) => ({ chargeId, outcome: 'acquitted' })),
      });
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({
        code: 'ROLE_NOT_PERMITTED',
        details: { requiredRoles: ['judge'] },
      });
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
      const denied = await auditRows(t.handle.db, file.id, 'access.denied');
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({
        actor_user_id: clerk.user.id,
        outcome: 'denied',
        institution_id: court.id,
        details: {
          permission: 'case.event.record_judgment',
          requiredRoles: ['judge'],
          heldRoles: ['court_clerk'],
        },
      });

      // A prosecutor may not do what only the chief prosecutor does.
      const pf = await prosecutionFile();
      const deadline = await api.fire(prosecutor.headers, pf.id, 'set_decision_deadline', {
        dueDate: inHours(72),
      });
      expect(deadline.status).toBe(403);
      expect(deadline.body.error.code).toBe('ROLE_NOT_PERMITTED');
      expect(await auditRows(t.handle.db, pf.id, 'access.denied')).toMatchObject([
        { details: { permission: 'case.event.set_decision_deadline' } },
      ]);
      // The chief may.
      const allowed = await api.fire(chief.headers, pf.id, 'set_decision_deadline', {
        dueDate: inHours(72),
      });
      expect(allowed.status).toBe(200);
    });

    it('refuses someone without access to the file with 403 FORBIDDEN, audited', async () => {
      const file = await prosecutionFile();
      const before = await snapshot(t.handle.db, file.id);
      const response = await api.fire(investigator.headers, file.id, 'open_investigation', {}, 3);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
      expect(await auditRows(t.handle.db, file.id, 'access.denied')).toMatchObject([
        { actor_user_id: investigator.user.id, details: { permission: 'case.act' } },
      ]);
      const missing = await api.fire(prosecutor.headers, randomUUID(), 'open_investigation', {}, 1);
      expect(missing.status).toBe(404);
    });

    it('refuses a stale version with 409 and the current version, writing nothing', async () => {
      const file = await prosecutionFile();
      const opened = await api.fire(prosecutor.headers, file.id, 'open_investigation', {});
      expect(opened.body.version).toBe(4);
      const before = await snapshot(t.handle.db, file.id);
      expect(before.events).toBe(4);
      for (const version of [1, 3, 5, 99]) {
        const person = await buildPerson(t.handle.db);
        const response = await api.fire(
          prosecutor.headers,
          file.id,
          'add_party',
          { personId: person.id, role: 'witness' },
          version,
        );
        expect({ version, status: response.status }).toEqual({ version, status: 409 });
        expect(response.body.error).toMatchObject({
          code: 'STALE_VERSION',
          details: { currentVersion: 4 },
        });
      }
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
    });

    it('refuses charges against a person who is not an accused of the file', async () => {
      const file = await prosecutionFile();
      const other = await prosecutionFile();
      const before = await snapshot(t.handle.db, file.id);
      for (const partyId of [file.victimParty, other.accusedParty, randomUUID()]) {
        const response = await api.fire(prosecutor.headers, file.id, 'add_charge', {
          partyId,
          offenceId,
        });
        expect(response.status).toBe(409);
        expect(response.body.error).toMatchObject({
          code: 'NOT_AN_ACCUSED_OF_THIS_FILE',
          message: 'That person is not an accused party of this file',
          details: { rule: 'NOT_AN_ACCUSED_OF_THIS_FILE', messageAr: expect.any(String) },
        });
      }
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
      const charged = await api.fire(prosecutor.headers, file.id, 'add_charge', {
        partyId: file.accusedParty,
        offenceId,
      });
      expect(charged.status).toBe(200);
      expect(charged.body.charges).toHaveLength(1);
    });

    it('refuses a hearing in the past, and an adjournment to a past date', async () => {
      const built = await buildCourtCase(t.handle.db, court.id, judge.user.id, 1);
      const before = await snapshot(t.handle.db, built.file.id);
      for (const hoursAgo of [1, 24 * 30]) {
        const response = await api.fire(clerk.headers, built.file.id, 'schedule_hearing', {
          startsAt: inHours(-hoursAgo),
          room: 'قاعة 1',
          judgeIds: [judge.user.id],
        });
        expect(response.status).toBe(409);
        expect(response.body.error.code).toBe('HEARING_IN_PAST');
      }
      expect(await snapshot(t.handle.db, built.file.id)).toEqual(before);

      const { file, hearingId } = await courtCaseWithHearing();
      const scheduled = await snapshot(t.handle.db, file.id);
      const adjourned = await api.fire(judge.headers, file.id, 'adjourn_hearing', {
        hearingId,
        reasonCode: 'witness_absent',
        nextStartsAt: inHours(-2),
      });
      expect(adjourned.status).toBe(409);
      expect(adjourned.body.error.code).toBe('HEARING_IN_PAST');
      expect(await snapshot(t.handle.db, file.id)).toEqual(scheduled);
    });

    it('refuses a judgment for a charge that is not before the court', async () => {
      const { file, indictedChargeIds, droppedChargeId, hearingId } = await courtCaseWithHearing();
      await api.fire(judge.headers, file.id, 'hold_hearing', { hearingId, minutes: 'مرافعة' });
      const elsewhere = await buildCourtCase(t.handle.db, court.id, null, 1);
      const before = await snapshot(t.handle.db, file.id);
      const judgment = (chargeIds: string[]) =>
        api.fire(judge.headers, file.id, 'record_judgment', {
          pronouncedAt: t.clock.now().toISOString(),
          judgments: chargeIds.map((chargeId) => ({ chargeId, outcome: 'acquitted' })),
        });
      for (const stray of [droppedChargeId, elsewhere.indictedChargeIds[0]!, randomUUID()]) {
        const response = await judgment([...indictedChargeIds, stray]);
        expect(response.status).toBe(409);
        expect(response.body.error.code).toBe('CHARGE_NOT_BEFORE_COURT');
      }
      const partial = await judgment([indictedChargeIds[0]!]);
      expect(partial.body.error.code).toBe('CHARGES_WITHOUT_JUDGMENT');
      const twice = await judgment([...indictedChargeIds, indictedChargeIds[0]!]);
      expect(twice.body.error.code).toBe('CHARGE_JUDGED_TWICE');
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
      const charges = await t.handle.db
        .selectFrom('charges')
        .select('disposition')
        .where('case_id', '=', file.id)
        .execute();
      expect(charges.map((c) => c.disposition).sort()).toEqual(['dropped', 'indicted', 'indicted']);
      expect((await judgment(indictedChargeIds)).status).toBe(200);
    });

    it('never answers bad text with a 500', async () => {
      const file = await prosecutionFile();
      const before = await snapshot(t.handle.db, file.id);
      // PostgreSQL stores no NUL character, in text or in JSON; a lone surrogate is no text.
      for (const note of ['nul \u0000 inside', 'lone surrogate \ud800 inside']) {
        const response = await api.fire(prosecutor.headers, file.id, 'open_investigation', {
          note,
        });
        expect({ note, status: response.status }).toEqual({ note, status: 400 });
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
      expect(await snapshot(t.handle.db, file.id)).toEqual(before);
      const registered = await api.register(prosecutor.headers, {
        caseType: 'prosecution_file',
        institutionId: office.id,
        summary: 'nul \u0000 inside',
      });
      expect(registered.status).toBe(400);
      const listed = await call(t, prosecutor.headers, 'GET', '/cases?reference=a%00b');
      expect(listed.status).toBe(400);
    });
  });

  describe('registering files', () => {
    const casesAt = async (institutionId: string) =>
      Number(
        (
          await t.handle.db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('institution_id', '=', institutionId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('refuses a type that only a referral opens, and an unknown type, with 400', async () => {
      const before = await casesAt(court.id);
      const referralOnly = await api.register(clerk.headers, {
        caseType: 'court_case',
        institutionId: court.id,
      });
      expect(referralOnly.status).toBe(400);
      expect(referralOnly.body.error.code).toBe('VALIDATION_FAILED');
      expect(issuesOf(referralOnly.body)).toEqual(['caseType']);
      expect(referralOnly.body.error.message).toContain('referral');
      const unknown = await api.register(clerk.headers, {
        caseType: 'divorce',
        institutionId: court.id,
      });
      expect(unknown.status).toBe(400);
      expect(issuesOf(unknown.body)).toEqual(['caseType']);
      expect(await casesAt(court.id)).toBe(before);
    });

    it('refuses the wrong kind of institution with 400 naming institutionId', async () => {
      const before = await casesAt(police.id);
      const response = await api.register(investigator.headers, {
        caseType: 'prosecution_file',
        institutionId: police.id,
      });
      expect(response.status).toBe(400);
      expect(issuesOf(response.body)).toEqual(['institutionId']);
      const civil = await api.register(prosecutor.headers, {
        caseType: 'civil_claim',
        institutionId: office.id,
      });
      expect(civil.status).toBe(400);
      expect(issuesOf(civil.body)).toEqual(['institutionId']);
      const nowhere = await api.register(prosecutor.headers, {
        caseType: 'prosecution_file',
        institutionId: randomUUID(),
      });
      expect(nowhere.status).toBe(400);
      expect(issuesOf(nowhere.body)).toEqual(['institutionId']);
      expect(await casesAt(police.id)).toBe(before);
    });

    it('refuses a user without a registering role there with 403, audited', async () => {
      const before = await casesAt(office.id);
      for (const [who, body] of [
        [investigator, { caseType: 'prosecution_file', institutionId: office.id }],
        [judge, { caseType: 'prosecution_file', institutionId: office.id }],
        // A unit-bound grant registers in its own unit only.
        [
          juvenileProsecutor,
          {
            caseType: 'prosecution_file',
            institutionId: office.id,
            unitId: office.units[0]!.id,
          },
        ],
        [prosecutor, { caseType: 'police_report', institutionId: police.id }],
      ] as const) {
        const response = await api.register(who.headers, body);
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
        const denied = await t.handle.db
          .selectFrom('audit_log')
          .selectAll()
          .where('actor_user_id', '=', who.user.id)
          .where('action', '=', 'access.denied')
          .orderBy('seq', 'desc')
          .executeTakeFirstOrThrow();
        expect(denied).toMatchObject({
          outcome: 'denied',
          institution_id: body.institutionId,
          details: { permission: 'case.register', caseType: body.caseType },
        });
      }
      expect(await casesAt(office.id)).toBe(before);
      const own = await api.register(juvenileProsecutor.headers, {
        caseType: 'prosecution_file',
        institutionId: office.id,
        unitId: office.units[1]!.id,
      });
      expect(own.status).toBe(201);
    });

    it('refuses a unit of another institution with 400 naming unitId', async () => {
      const other = await buildInstitution(t.handle.db, {
        kind: 'prosecution_office',
        units: ['general'],
      });
      const response = await api.register(prosecutor.headers, {
        caseType: 'prosecution_file',
        institutionId: office.id,
        unitId: other.units[0]!.id,
      });
      expect(response.status).toBe(400);
      expect(issuesOf(response.body)).toEqual(['unitId']);
    });
  });

  describe('the inbox', () => {
    it('refuses events on a file still in the inbox, and accepting it twice', async () => {
      const { inboxId } = await referredReport();
      const pending = await snapshot(t.handle.db, inboxId);
      const early = await api.fire(prosecutor.headers, inboxId, 'open_investigation', {}, 1);
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe('CASE_NOT_ACCEPTED');
      expect(await snapshot(t.handle.db, inboxId)).toEqual(pending);

      const accept = (headers: Headers, version: number) =>
        call(t, headers, 'POST', `/cases/${inboxId}/accept`, { version });
      // Someone who may see the file but not accept it.
      expect((await accept(investigator.headers, 1)).body.error.code).toBe('FORBIDDEN');
      const first = await accept(prosecutor.headers, 1);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ intakeStatus: 'accepted', version: 2 });
      const accepted = await snapshot(t.handle.db, inboxId);
      for (const version of [1, 2]) {
        const again = await accept(chief.headers, version);
        expect(again.status).toBe(409);
        expect(again.body.error).toMatchObject({
          code: 'NOT_IN_INBOX',
          details: { intakeStatus: 'accepted' },
        });
      }
      const back = await call(t, prosecutor.headers, 'POST', `/cases/${inboxId}/return`, {
        version: 2,
        reason: 'متأخر',
      });
      expect(back.body.error.code).toBe('NOT_IN_INBOX');
      expect(await snapshot(t.handle.db, inboxId)).toEqual(accepted);
      // Now it may be worked on.
      const opened = await api.fire(prosecutor.headers, inboxId, 'open_investigation', {});
      expect(opened.status).toBe(200);
    });

    it('returns a file with a reason as a task on the sender file for its lead', async () => {
      const { reportId, inboxId } = await referredReport();
      const noReason = await call(t, prosecutor.headers, 'POST', `/cases/${inboxId}/return`, {
        version: 1,
        reason: '',
      });
      expect(noReason.status).toBe(400);
      expect(issuesOf(noReason.body)).toEqual(['reason']);
      const reason = 'المحضر ناقص: لا توجد أقوال الشهود';
      const returned = await call(t, prosecutor.headers, 'POST', `/cases/${inboxId}/return`, {
        version: 1,
        reason,
      });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({
        intakeStatus: 'returned',
        returnReason: reason,
        number: null,
        version: 2,
      });
      const tasks = await t.handle.db
        .selectFrom('deadlines')
        .selectAll()
        .where('case_id', '=', reportId)
        .where('name', '=', 'referral_returned')
        .execute();
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        kind: 'task',
        priority: 'high',
        assignee_user_id: investigator.user.id,
        assignee_role: null,
        institution_id: police.id,
        completed_at: null,
      });
      expect(tasks[0]!.title_ar).toContain(reason);
      const queue = await call(t, investigator.headers, 'GET', '/work-queue');
      expect(queue.status).toBe(200);
      expect(
        queue.body.items.filter((i: { case: { id: string } }) => i.case.id === reportId),
      ).toMatchObject([{ name: 'referral_returned', kind: 'task', priority: 'high' }]);
      // The sender still cannot open the receiver's file; the returned file is closed to work.
      expect((await api.get(investigator.headers, inboxId)).status).toBe(403);
      const afterReturn = await call(t, prosecutor.headers, 'POST', `/cases/${inboxId}/accept`, {
        version: 2,
      });
      expect(afterReturn.body.error).toMatchObject({
        code: 'NOT_IN_INBOX',
        details: { intakeStatus: 'returned' },
      });
      const work = await api.fire(prosecutor.headers, inboxId, 'open_investigation', {}, 2);
      expect(work.body.error.code).toBe('CASE_NOT_ACCEPTED');
    });
  });
});
