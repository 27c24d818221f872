/**
 * GET /api/v1/persons/:id/cases: a person's files, with their role in each, filtered in the
 * database by the access policy. Files the reader may not open (another institution's, a
 * restricted one outside their grants, one they are recused from) are simply not listed.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartyRole } from '@qadiya/domain';
import type { Database } from '../../src/db/schema';
import { buildTestApp, type TestApp } from '../support/app';
import { buildOffence, buildPerson, caseApi } from '../support/cases';
import { buildBareCase, buildInstitution, signedInUser } from '../support/factories';

type Db = Kysely<Database>;
type Headers = Record<string, string>;

async function addParty(db: Db, caseId: string, personId: string, role: PartyRole) {
  return db
    .insertInto('parties')
    .values({
      case_id: caseId,
      person_id: personId,
      role,
      relationship_to_accused: null,
      added_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe('a person’s files', () => {
  let t: TestApp;
  let person: Awaited<ReturnType<typeof buildPerson>>;
  let stranger: Awaited<ReturnType<typeof buildPerson>>;
  const files: Record<string, string> = {};
  const users: Record<string, Headers> = {};

  const list = (headers: Headers, personId: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/persons/${personId}/cases`, headers });
  const caseIdsOf = (body: { items: { case: { id: string } }[] }) =>
    body.items.map((item) => item.case.id).sort();

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.handle.db;
    const office = await buildInstitution(db, { kind: 'prosecution_office' });
    const otherOffice = await buildInstitution(db, { kind: 'prosecution_office' });
    const grant = (role: 'prosecutor' | 'chief_prosecutor', institutionId: string) => ({
      institutionId,
      grants: [{ role, institutionId }],
    });
    const prosecutor = await signedInUser(db, grant('prosecutor', office.id));
    users.prosecutor = prosecutor.headers;
    users.chief = (await signedInUser(db, grant('chief_prosecutor', office.id))).headers;
    users.otherProsecutor = (await signedInUser(db, grant('prosecutor', otherOffice.id))).headers;
    person = await buildPerson(db);
    stranger = await buildPerson(db);

    // A file registered through the API by the prosecutor (who leads it by rotation), with the
    // person as accused of a felony and, in the same file, as a witness too.
    const cases = caseApi(t.app);
    const registered = await cases.register(prosecutor.headers, {
      caseType: 'prosecution_file',
      institutionId: office.id,
      summary: 'سرقة من محل تجاري',
    });
    expect(registered.status).toBe(201);
    files.led = registered.body.id;
    const added = await cases.fire(prosecutor.headers, files.led!, 'add_party', {
      personId: person.id,
      role: 'accused',
    });
    expect(added.status).toBe(200);
    const accused = added.body.parties.find((p: { personId: string }) => p.personId === person.id);
    const offence = await buildOffence(db, 'felony');
    const charged = await cases.fire(prosecutor.headers, files.led!, 'add_charge', {
      partyId: accused.id,
      offenceId: offence.id,
    });
    expect(charged.status).toBe(200);
    await addParty(db, files.led!, person.id, 'witness');

    // Bare files of the office: a normal one (victim) and a restricted one (victim).
    files.normal = (await buildBareCase(db, office.id)).id;
    await addParty(db, files.normal, person.id, 'victim');
    files.restricted = (await buildBareCase(db, office.id, { confidentiality: 'restricted' })).id;
    await addParty(db, files.restricted, person.id, 'victim');
    // Another office's file, and a file of the office where the person is not a party.
    files.otherOffice = (await buildBareCase(db, otherOffice.id)).id;
    await addParty(db, files.otherOffice, person.id, 'complainant');
    files.unrelated = (await buildBareCase(db, office.id)).id;
    await addParty(db, files.unrelated, stranger.id, 'accused');

    // A prosecutor of the office recused from the normal file.
    users.recused = (
      await signedInUser(db, {
        institutionId: office.id,
        grants: [
          { role: 'prosecutor', institutionId: office.id },
          {
            role: 'prosecutor',
            institutionId: office.id,
            grantKind: 'excluded',
            caseId: files.normal,
            reason: 'قرابة مع أحد الأطراف',
          },
        ],
      })
    ).headers;
    users.analyst = (
      await signedInUser(db, { grants: [{ role: 'analyst', institutionId: null }] })
    ).headers;
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('lists the files the reader may open, with the person’s roles in each', async () => {
    const response = await list(users.prosecutor!, person.id);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // Not the restricted file (only the chief's grant opens it), not the other office's file.
    expect(caseIdsOf(body)).toEqual([files.led, files.normal].sort());
    expect(body.total).toBe(2);

    const led = body.items.find((item: { case: { id: string } }) => item.case.id === files.led);
    expect(led.case.reference).toMatch(/\/PF\//);
    expect(led.case.caseTypeLabels.en).toBe('Prosecution file');
    expect(led.institution.code).toMatch(/^T-/);
    expect(led.parties.map((p: { role: string }) => p.role).sort()).toEqual(['accused', 'witness']);
    const accused = led.parties.find((p: { role: string }) => p.role === 'accused');
    // The accused label follows the offence class: a felony makes them متهم.
    expect(accused.roleLabels).toEqual({ ar: 'متهم', en: 'Accused (felony)' });
    const witness = led.parties.find((p: { role: string }) => p.role === 'witness');
    expect(witness.roleLabels).toBeNull();
  });

  it('shows a restricted file to the chief prosecutor, whose grant opens it', async () => {
    const response = await list(users.chief!, person.id);
    expect(response.statusCode).toBe(200);
    expect(caseIdsOf(response.json())).toEqual([files.led, files.normal, files.restricted].sort());
  });

  it('never lists another institution’s files: they are only counted as restricted', async () => {
    const response = await list(users.otherProsecutor!, person.id);
    expect(response.statusCode).toBe(200);
    expect(caseIdsOf(response.json())).toEqual([files.otherOffice]);
    expect(response.json().total).toBe(1);
    // The office's three files of the person (led, normal, restricted).
    expect(response.json().restrictedCount).toBe(3);
  });

  it('hides a file the reader is recused from', async () => {
    const response = await list(users.recused!, person.id);
    expect(response.statusCode).toBe(200);
    expect(caseIdsOf(response.json())).not.toContain(files.normal);
    expect(caseIdsOf(response.json())).not.toContain(files.restricted);
  });

  it('gives an empty list for a person in no file the reader may open', async () => {
    const response = await list(users.otherProsecutor!, stranger.id);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [], total: 0, restrictedCount: 1 });
  });

  it('asks for a session (401)', async () => {
    const response = await list({}, person.id);
    expect(response.statusCode).toBe(401);
  });

  it('answers 404 for an unknown person and 400 for a malformed id', async () => {
    const unknown = await list(users.prosecutor!, '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    const malformed = await list(users.prosecutor!, 'not-a-uuid');
    expect(malformed.statusCode).toBe(400);
  });

  it('refuses roles that may not look persons up (403), before reading anything', async () => {
    const response = await list(users.analyst!, person.id);
    expect(response.statusCode).toBe(403);
  });
});
