/**
 * Family protection (issue 6) through the HTTP API: automatic classification from the
 * relationship, from the offence and from a threat by communication against a woman; routing to
 * the family protection unit; victims masked for readers outside the team (case page and person
 * search); no mediation in violence against women, the audited refusal and the chief prosecutor's
 * override; the GBVIMS classification with its context flags; the details a decision needs.
 */
import type { Role } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema';
import { call, type Headers } from '../cases/case-api-kit';
import { buildTestApp, type TestApp } from '../support/app';
import { buildOffence, buildPerson, caseApi, type CaseApi } from '../support/cases';
import { buildInstitution, signedInUser, uniqueSuffix } from '../support/factories';

type Db = Kysely<Database>;
type User = Awaited<ReturnType<typeof signedInUser>>;

describe('family protection', () => {
  let t: TestApp;
  let api: CaseApi;
  let db: Db;
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let prosecutor: User;
  let chief: User;
  let outsider: User;
  let gbvOffenceId: string;
  let cyberThreatId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    api = caseApi(t.app);
    db = t.handle.db;
    office = await buildInstitution(db, {
      kind: 'prosecution_office',
      units: ['general', 'family_protection'],
    });
    const at = (role: Role, unitId?: string) =>
      signedInUser(db, {
        institutionId: office.id,
        grants: [{ role, institutionId: office.id, ...(unitId ? { unitId } : {}) }],
      });
    prosecutor = await at('prosecutor');
    chief = await at('chief_prosecutor');
    // Another prosecutor of the office, in the general unit: outside every family file's team.
    outsider = await at('prosecutor', office.units[0]!.id);
    gbvOffenceId = (await buildOffence(db, 'misdemeanour', { isGbvRelated: true })).id;
    cyberThreatId = (await buildOffence(db, 'misdemeanour')).id;
    await db
      .updateTable('offences')
      .set({ links_cybercrime: true })
      .where('id', '=', cyberThreatId)
      .execute();
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
      summary: `شكوى عنف ${uniqueSuffix()}`,
      incidentDate: '2026-10-01',
    });
    expect(response.status).toBe(201);
    const id = response.body.id as string;
    await fireOk(chief.headers, id, 'reassign', {
      userId: prosecutor.user.id,
      reason: 'حماية الأسرة',
    });
    await fireOk(prosecutor.headers, id, 'open_investigation');
    return id;
  }

  async function addParty(
    caseId: string,
    role: 'accused' | 'victim',
    person: { sex: 'female' | 'male'; dateOfBirth?: string; firstName?: string },
    relationshipToAccused?: string,
  ) {
    const created = await buildPerson(db, { dateOfBirth: '1990-01-01', ...person });
    await fireOk(prosecutor.headers, caseId, 'add_party', {
      personId: created.id,
      role,
      ...(relationshipToAccused ? { relationshipToAccused } : {}),
    });
    return created;
  }

  it('classifies a file by the victim’s family relationship: restricted, family protection unit, audited', async () => {
    const id = await registerFile();
    await addParty(id, 'accused', { sex: 'male' });
    expect((await api.get(prosecutor.headers, id)).body.isFamilyProtection).toBe(false);
    await addParty(id, 'victim', { sex: 'female' }, 'spouse');
    const page = await api.get(prosecutor.headers, id);
    expect(page.body).toMatchObject({
      isFamilyProtection: true,
      confidentiality: 'restricted',
      unitId: office.units[1]!.id,
      familyProtection: {
        reasons: ['family_relationship'],
        linksCybercrime: false,
        gbvType: null,
        mediationBlocked: true,
      },
    });
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'case.family_protection_changed')
      .where('object_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('classifies by a GBV offence, and by a threat by communication against a woman (cybercrime link)', async () => {
    const byOffence = await registerFile();
    const accused = await addParty(byOffence, 'accused', { sex: 'male' });
    await addParty(byOffence, 'victim', { sex: 'male' }, 'stranger');
    const partyId = (await api.get(prosecutor.headers, byOffence)).body.parties.find(
      (p: { personId: string }) => p.personId === accused.id,
    ).id;
    await fireOk(prosecutor.headers, byOffence, 'add_charge', { partyId, offenceId: gbvOffenceId });
    expect((await api.get(prosecutor.headers, byOffence)).body.familyProtection).toMatchObject({
      reasons: ['gbv_offence'],
      mediationBlocked: false,
    });

    const cyber = await registerFile();
    const sender = await addParty(cyber, 'accused', { sex: 'male' });
    await addParty(cyber, 'victim', { sex: 'female' }, 'acquaintance');
    const senderParty = (await api.get(prosecutor.headers, cyber)).body.parties.find(
      (p: { personId: string }) => p.personId === sender.id,
    ).id;
    await fireOk(prosecutor.headers, cyber, 'add_charge', {
      partyId: senderParty,
      offenceId: cyberThreatId,
    });
    expect((await api.get(prosecutor.headers, cyber)).body).toMatchObject({
      isFamilyProtection: true,
      familyProtection: { reasons: ['communication_threat_against_woman'], linksCybercrime: true },
    });
    // The same threat against a man is not a family protection matter.
    const againstMan = await registerFile();
    const other = await addParty(againstMan, 'accused', { sex: 'male' });
    await addParty(againstMan, 'victim', { sex: 'male' }, 'acquaintance');
    const otherParty = (await api.get(prosecutor.headers, againstMan)).body.parties.find(
      (p: { personId: string }) => p.personId === other.id,
    ).id;
    await fireOk(prosecutor.headers, againstMan, 'add_charge', {
      partyId: otherParty,
      offenceId: cyberThreatId,
    });
    expect((await api.get(prosecutor.headers, againstMan)).body.isFamilyProtection).toBe(false);
  });

  it('refuses an unknown relationship with a 400 naming the field', async () => {
    const id = await registerFile();
    const person = await buildPerson(db, { sex: 'female' });
    const response = await api.fire(prosecutor.headers, id, 'add_party', {
      personId: person.id,
      role: 'victim',
      relationshipToAccused: 'neighbour',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.issues[0].field).toBe('payload.relationshipToAccused');
  });

  it('masks the victim for readers outside the team: the case page and person search', async () => {
    const id = await registerFile();
    await addParty(id, 'accused', { sex: 'male' });
    const victim = await addParty(
      id,
      'victim',
      { sex: 'female', firstName: 'سناء' },
      'former_spouse',
    );
    const team = await api.get(prosecutor.headers, id);
    const seen = team.body.parties.find((p: { personId: string }) => p.personId === victim.id);
    expect(seen).toMatchObject({ isMasked: false, dateOfBirth: '1990-01-01' });
    expect(seen.nameAr).toContain('سناء');

    // The chief prosecutor may open the restricted file, but is not on its team.
    const chiefView = await api.get(chief.headers, id);
    expect(chiefView.status).toBe(200);
    const masked = chiefView.body.parties.find(
      (p: { personId: string }) => p.personId === victim.id,
    );
    expect(masked).toMatchObject({ isMasked: true, dateOfBirth: null });
    expect(masked.nameAr).not.toContain('سناء');
    expect(masked.nameAr).toMatch(/^\S\. /);
    // The outsider cannot open the file at all, and person search does not even reveal that her
    // name matched (ADR 0017; apps/server/test/persons/person-search-protected.test.ts).
    expect((await api.get(outsider.headers, id)).status).toBe(403);
    const search = await call(
      t,
      outsider.headers,
      'GET',
      `/persons?q=${encodeURIComponent(victim.family_name_ar ?? '')}`,
    );
    expect(search.status).toBe(200);
    expect((search.body.items as { id: string }[]).map((p) => p.id)).not.toContain(victim.id);
    const own = await call(t, prosecutor.headers, 'GET', `/persons/${victim.id}`);
    expect(own.body).toMatchObject({ isMasked: false, firstNameAr: 'سناء' });
  });

  it('blocks mediation in violence against women (audited) until a chief prosecutor overrides in writing', async () => {
    const id = await registerFile();
    await addParty(id, 'accused', { sex: 'male' });
    await addParty(id, 'victim', { sex: 'female' }, 'spouse');
    const refused = await api.fire(prosecutor.headers, id, 'offer_mediation', {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'MEDIATION_FORBIDDEN_VAW' });
    expect(refused.body.error.details.messageAr).toContain('لا وساطة');
    const attempts = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'details', 'outcome'])
      .where('action', '=', 'case.event_refused')
      .where('object_id', '=', id)
      .execute();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      actor_user_id: prosecutor.user.id,
      outcome: 'denied',
      details: { event: 'offer_mediation', rule: 'MEDIATION_FORBIDDEN_VAW' },
    });
    // Only the chief prosecutor overrides, with a reason of substance.
    const byProsecutor = await api.fire(prosecutor.headers, id, 'override_mediation_block', {
      reason: 'طلب الطرفين الصلح وتقييم الخطر منخفض',
    });
    expect(byProsecutor.status).toBe(403);
    const tooShort = await api.fire(chief.headers, id, 'override_mediation_block', {
      reason: 'نعم',
    });
    expect(tooShort.status).toBe(400);
    await fireOk(chief.headers, id, 'override_mediation_block', {
      reason: 'تقييم الخطر منخفض والضحية طلبت الوساطة كتابياً بحضور محاميتها',
    });
    const page = await api.get(prosecutor.headers, id);
    expect(page.body.familyProtection).toMatchObject({
      mediationBlocked: false,
      mediationOverride: { reason: expect.stringContaining('تقييم الخطر') },
    });
    await fireOk(prosecutor.headers, id, 'offer_mediation');
  });

  it('classifies the incident with one GBVIMS type and derives its context flags', async () => {
    const id = await registerFile();
    await addParty(id, 'accused', { sex: 'male' });
    await addParty(id, 'victim', { sex: 'female', dateOfBirth: '2010-02-01' }, 'spouse');
    await fireOk(prosecutor.headers, id, 'classify_gbv', { gbvType: 'forced_marriage' });
    expect((await api.get(prosecutor.headers, id)).body.familyProtection).toMatchObject({
      gbvType: 'forced_marriage',
      gbvFlags: { intimatePartner: true, childVictim: true, earlyMarriage: true },
    });
    const unknown = await api.fire(prosecutor.headers, id, 'classify_gbv', { gbvType: 'honour' });
    expect(unknown.status).toBe(400);
  });

  it('needs the sex, date of birth and relationship of its people before a decision', async () => {
    const id = await registerFile();
    await addParty(id, 'accused', { sex: 'male' });
    await addParty(id, 'victim', { sex: 'female' }, 'sibling');
    const noBirth = await buildPerson(db, { sex: 'female' });
    await db
      .updateTable('persons')
      .set({ date_of_birth: null })
      .where('id', '=', noBirth.id)
      .execute();
    await fireOk(prosecutor.headers, id, 'add_party', {
      personId: noBirth.id,
      role: 'victim',
      relationshipToAccused: 'sibling',
    });
    expect((await api.get(prosecutor.headers, id)).body.familyProtection.missingDetails).toEqual([
      'dateOfBirth',
    ]);
    const close = await api.fire(prosecutor.headers, id, 'close_file', {
      reasonCode: 'complaint_withdrawn',
    });
    expect(close.status).toBe(409);
    expect(close.body.error.code).toBe('FAMILY_PROTECTION_DETAILS_MISSING');
  });
});
