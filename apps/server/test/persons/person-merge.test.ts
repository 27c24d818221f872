/**
 * Merging duplicate person records (POST /persons/:id/merge) and reverting a merge
 * (POST /persons/merges/:mergeId/revert): every party of the duplicate moves to the survivor and
 * exactly those parties move back; the duplicate leaves the search and returns; both are audited
 * in the same transaction; a file never loses a party (409 naming the files), conflicting facts
 * and stale versions are 409s, and only chief prosecutors may merge.
 */
import type { PartyRole } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema';
import { buildTestApp, type TestApp } from '../support/app';
import { buildPerson, caseApi } from '../support/cases';
import { buildBareCase, buildInstitution, signedInUser, uniqueSuffix } from '../support/factories';

type Db = Kysely<Database>;
type Headers = Record<string, string>;

const NOW = new Date(Date.now() + 2 * 86_400_000);
NOW.setUTCHours(9, 0, 0, 0);

async function addParty(db: Db, caseId: string, personId: string, role: PartyRole) {
  const row = await db
    .insertInto('parties')
    .values({
      case_id: caseId,
      person_id: personId,
      role,
      relationship_to_accused: null,
      added_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function partiesOf(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('parties')
    .select('id')
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

function nationalId(): string {
  return String(Math.floor(100_000_000 + Math.random() * 899_999_999));
}

describe('merging duplicate persons', () => {
  let t: TestApp;
  let db: Db;
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let otherOffice: Awaited<ReturnType<typeof buildInstitution>>;
  const users: Record<'chief' | 'prosecutor' | 'otherChief', Headers> = {} as never;

  const call = (
    headers: Headers,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const person = async (id: string) => (await call(users.chief, 'GET', `/persons/${id}`)).json();
  const merge = async (
    headers: Headers,
    survivorId: string,
    duplicateId: string,
    overrides: Record<string, unknown> = {},
  ) => {
    const [survivor, duplicate] = await Promise.all([person(survivorId), person(duplicateId)]);
    return call(headers, 'POST', `/persons/${survivorId}/merge`, {
      duplicateId,
      reason: 'سُجّل الشخص نفسه مرتين بكتابتين مختلفتين للاسم',
      version: survivor.version,
      duplicateVersion: duplicate.version,
      ...overrides,
    });
  };
  const revert = (headers: Headers, mergeId: string, reason = 'دُمج السجلان خطأً') =>
    call(headers, 'POST', `/persons/merges/${mergeId}/revert`, { reason });
  /** A pair of records of one person: a family name of this test only, in two spellings. */
  async function pair(overrides: { survivorId?: string | null; duplicateId?: string | null } = {}) {
    const family = `الحلبي${uniqueSuffix()}`;
    const survivor = await db
      .insertInto('persons')
      .values({
        first_name_ar: 'أحمد',
        father_name_ar: 'محمود',
        family_name_ar: family,
        national_id: overrides.survivorId ?? null,
        sex: 'male',
        date_of_birth: '1990-04-17',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const duplicate = await db
      .insertInto('persons')
      .values({
        first_name_ar: 'احمد',
        family_name_ar: family.replace('ال', ''),
        national_id: overrides.duplicateId ?? null,
        sex: null,
        date_of_birth: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { survivor, duplicate, family };
  }

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.handle.db;
    t.clock.set(NOW);
    office = await buildInstitution(db, { units: ['general', 'family_protection'] });
    otherOffice = await buildInstitution(db);
    const signIn = async (role: 'chief_prosecutor' | 'prosecutor', institutionId: string) =>
      (await signedInUser(db, { institutionId, grants: [{ role, institutionId }] }, NOW)).headers;
    users.chief = await signIn('chief_prosecutor', office.id);
    users.prosecutor = await signIn('prosecutor', office.id);
    users.otherChief = await signIn('chief_prosecutor', otherOffice.id);
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('moves every party to the survivor, hides the duplicate, and reverts exactly', async () => {
    const { survivor, duplicate, family } = await pair();
    const fileA = await buildBareCase(db, office.id);
    const fileB = await buildBareCase(db, otherOffice.id);
    const fileC = await buildBareCase(db, office.id);
    const movedA = await addParty(db, fileA.id, duplicate.id, 'accused');
    const movedB = await addParty(db, fileB.id, duplicate.id, 'victim');
    // Both in one file, in different roles: allowed, the person then holds both roles there.
    const movedC = await addParty(db, fileC.id, duplicate.id, 'witness');
    const ownC = await addParty(db, fileC.id, survivor.id, 'complainant');

    const search = () =>
      call(users.prosecutor, 'GET', `/persons?q=${encodeURIComponent(`احمد ${family}`)}`);
    expect(
      (await search())
        .json()
        .items.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([survivor.id, duplicate.id].sort());

    const response = await merge(users.chief, survivor.id, duplicate.id);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.merge).toMatchObject({
      survivorId: survivor.id,
      duplicateId: duplicate.id,
      movedPartyCount: 3,
      revertedAt: null,
    });
    expect(body.duplicate.mergedInto).toEqual({
      personId: survivor.id,
      mergeId: body.merge.id,
      mergedAt: NOW.toISOString(),
    });
    expect(body.survivor.version).toBe(survivor.version + 1);
    expect(body.survivor.mergedInto).toBeNull();

    // In the database: the parties, the merge record and exactly which parties it moved.
    expect(await partiesOf(db, duplicate.id)).toEqual([]);
    expect(await partiesOf(db, survivor.id)).toEqual([movedA, movedB, movedC, ownC].sort());
    const recorded = await db
      .selectFrom('person_merge_parties')
      .select('party_id')
      .where('merge_id', '=', body.merge.id)
      .orderBy('party_id')
      .execute();
    expect(recorded.map((row) => row.party_id)).toEqual([movedA, movedB, movedC].sort());
    const mergeRow = await db
      .selectFrom('person_merges')
      .selectAll()
      .where('id', '=', body.merge.id)
      .executeTakeFirstOrThrow();
    expect(mergeRow.duplicate_snapshot).toMatchObject({
      id: duplicate.id,
      fullNameAr: expect.any(String),
    });
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.merged')
      .where('object_id', '=', duplicate.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      mergeId: body.merge.id,
      survivorId: survivor.id,
      movedPartyIds: expect.arrayContaining([movedA, movedB, movedC]),
      reason: 'سُجّل الشخص نفسه مرتين بكتابتين مختلفتين للاسم',
    });

    // The duplicate leaves the search; reading it points to the survivor; its files are there.
    expect((await search()).json().items.map((p: { id: string }) => p.id)).toEqual([survivor.id]);
    expect((await person(duplicate.id)).mergedInto.personId).toBe(survivor.id);
    const survivorFiles = await call(users.chief, 'GET', `/persons/${survivor.id}/cases`);
    expect(
      survivorFiles
        .json()
        .items.map((i: { case: { id: string } }) => i.case.id)
        .sort(),
    ).toEqual([fileA.id, fileC.id].sort());

    // A merged record takes no new party and is not corrected.
    const fileD = await buildBareCase(db, office.id);
    await expect(addParty(db, fileD.id, duplicate.id, 'witness')).rejects.toThrow(/merged/);
    const patch = await call(users.chief, 'PATCH', `/persons/${duplicate.id}`, {
      version: body.duplicate.version,
      nationality: 'PS',
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe('PERSON_MERGED');

    // The survivor gains a party after the merge: it stays with the survivor on revert.
    const gained = await addParty(db, fileD.id, survivor.id, 'victim');

    const reverted = await revert(users.chief, body.merge.id);
    expect(reverted.statusCode).toBe(200);
    expect(reverted.json().merge.revertReason).toBe('دُمج السجلان خطأً');
    expect(reverted.json().duplicate.mergedInto).toBeNull();
    expect(await partiesOf(db, duplicate.id)).toEqual([movedA, movedB, movedC].sort());
    expect(await partiesOf(db, survivor.id)).toEqual([ownC, gained].sort());
    const revertAudit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.merge_reverted')
      .where('object_id', '=', duplicate.id)
      .executeTakeFirstOrThrow();
    expect(revertAudit.details).toMatchObject({
      mergeId: body.merge.id,
      movedPartyIds: expect.arrayContaining([movedA, movedB, movedC]),
    });
    expect(revertAudit.seq).toBeGreaterThan(audit.seq);
    expect((await search()).json().items).toHaveLength(2);
    expect((await person(duplicate.id)).mergedInto).toBeNull();

    // Once only.
    const again = await revert(users.chief, body.merge.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('MERGE_ALREADY_REVERTED');

    // The history, for those who merge.
    const history = await call(users.chief, 'GET', `/persons/${survivor.id}/merges`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toEqual([
      expect.objectContaining({
        id: body.merge.id,
        movedPartyCount: 3,
        revertedAt: NOW.toISOString(),
        mergedByName: expect.objectContaining({ ar: expect.any(String) }),
      }),
    ]);
    expect((await call(users.prosecutor, 'GET', `/persons/${survivor.id}/merges`)).statusCode).toBe(
      403,
    );
  });

  it('refuses (409) when both are parties of one file in the same role, naming the file', async () => {
    const { survivor, duplicate } = await pair();
    const shared = await buildBareCase(db, office.id);
    await addParty(db, shared.id, survivor.id, 'accused');
    await addParty(db, shared.id, duplicate.id, 'accused');
    // Another office's file: the chief may not open it, so it is counted, not named.
    const hidden = await buildBareCase(db, otherOffice.id);
    await addParty(db, hidden.id, survivor.id, 'victim');
    await addParty(db, hidden.id, duplicate.id, 'victim');
    const before = await partiesOf(db, duplicate.id);

    const response = await merge(users.chief, survivor.id, duplicate.id);
    expect(response.statusCode).toBe(409);
    const { error } = response.json();
    expect(error.code).toBe('MERGE_SAME_ROLE_IN_FILE');
    expect(error.details.messageAr).toContain('الصفة نفسها');
    expect(error.details.files).toEqual([
      expect.objectContaining({ caseId: shared.id, reference: shared.reference, role: 'accused' }),
    ]);
    expect(error.details.otherFiles).toBe(1);
    expect(JSON.stringify(error)).not.toContain(hidden.reference!);
    // Nothing moved, nothing recorded.
    expect(await partiesOf(db, duplicate.id)).toEqual(before);
    expect((await person(duplicate.id)).mergedInto).toBeNull();
  });

  it('refuses conflicting national IDs, dates of birth or sex, unless the duplicate has none', async () => {
    const conflicting = await pair({ survivorId: nationalId(), duplicateId: nationalId() });
    const response = await merge(users.chief, conflicting.survivor.id, conflicting.duplicate.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('MERGE_CONFLICTING_FACTS');
    expect(response.json().error.details.conflicts).toEqual([
      {
        field: 'nationalId',
        survivor: conflicting.survivor.national_id,
        duplicate: conflicting.duplicate.national_id,
      },
    ]);

    // The survivor has none, the duplicate has one: the ID would be lost; merge the other way.
    const onlyDuplicate = await pair({ duplicateId: nationalId() });
    const lost = await merge(users.chief, onlyDuplicate.survivor.id, onlyDuplicate.duplicate.id);
    expect(lost.statusCode).toBe(409);
    expect(lost.json().error.details.conflicts[0].field).toBe('nationalId');

    // The other way round it merges; the duplicate had no date of birth nor sex: nothing is lost.
    const onlySurvivor = await pair({ survivorId: nationalId() });
    const merged = await merge(users.chief, onlySurvivor.survivor.id, onlySurvivor.duplicate.id);
    expect(merged.statusCode).toBe(200);

    const born = await pair();
    await db
      .updateTable('persons')
      .set({ date_of_birth: '2009-01-01' })
      .where('id', '=', born.duplicate.id)
      .execute();
    const juvenile = await merge(users.chief, born.survivor.id, born.duplicate.id);
    expect(juvenile.statusCode).toBe(409);
    expect(juvenile.json().error.details.conflicts).toEqual([
      { field: 'dateOfBirth', survivor: '1990-04-17', duplicate: '2009-01-01' },
    ]);
  });

  it('refuses stale versions, merged records, itself, unknown persons and other roles', async () => {
    const { survivor, duplicate } = await pair();
    const stale = await merge(users.chief, survivor.id, duplicate.id, { duplicateVersion: 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'STALE_VERSION',
      details: { field: 'duplicateVersion', currentVersion: duplicate.version },
    });
    const staleSurvivor = await merge(users.chief, survivor.id, duplicate.id, { version: 99 });
    expect(staleSurvivor.json().error.details.field).toBe('version');

    const self = await merge(users.chief, survivor.id, survivor.id);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details.issues[0].field).toBe('duplicateId');
    const unknown = await call(users.chief, 'POST', `/persons/${survivor.id}/merge`, {
      duplicateId: '00000000-0000-4000-8000-000000000000',
      reason: 'مكرر',
      version: 1,
      duplicateVersion: 1,
    });
    expect(unknown.statusCode).toBe(404);
    const blank = await merge(users.chief, survivor.id, duplicate.id, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details.issues[0].field).toBe('reason');
    const extra = await merge(users.chief, survivor.id, duplicate.id, { moveCharges: true });
    expect(extra.statusCode).toBe(400);

    const refused = await merge(users.prosecutor, survivor.id, duplicate.id);
    expect(refused.statusCode).toBe(403);
    const denied = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'access.denied')
      .where('object_id', '=', duplicate.id)
      .executeTakeFirstOrThrow();
    expect(denied.details).toMatchObject({ permission: 'person.merge' });

    // A chief prosecutor of any office may merge (the registry is national).
    const merged = await merge(users.otherChief, survivor.id, duplicate.id);
    expect(merged.statusCode).toBe(200);
    const twice = await merge(users.chief, survivor.id, duplicate.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('PERSON_MERGED');
    const intoMerged = await merge(users.chief, duplicate.id, survivor.id);
    expect(intoMerged.json().error.code).toBe('PERSON_MERGED');
    expect((await revert(users.prosecutor, merged.json().merge.id)).statusCode).toBe(403);
    expect((await revert(users.chief, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });

  it('reverts merges in reverse order: not while the survivor is merged itself', async () => {
    const first = await pair();
    const third = await buildPerson(db);
    const file = await buildBareCase(db, office.id);
    const party = await addParty(db, file.id, first.duplicate.id, 'witness');
    const one = (await merge(users.chief, first.survivor.id, first.duplicate.id)).json();
    await db
      .updateTable('persons')
      .set({ date_of_birth: '1990-04-17' })
      .where('id', '=', third.id)
      .execute();
    const two = await merge(users.chief, third.id, first.survivor.id);
    expect(two.statusCode).toBe(200);
    expect(await partiesOf(db, third.id)).toContain(party);

    const blocked = await revert(users.chief, one.merge.id);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('SURVIVOR_MERGED');
    expect((await revert(users.chief, two.json().merge.id)).statusCode).toBe(200);
    expect((await revert(users.chief, one.merge.id)).statusCode).toBe(200);
    expect(await partiesOf(db, first.duplicate.id)).toEqual([party]);
  });

  it('keeps a merged record out of new files through the API too', async () => {
    const { survivor, duplicate } = await pair();
    expect((await merge(users.chief, survivor.id, duplicate.id)).statusCode).toBe(200);
    const cases = caseApi(t.app);
    const file = await cases.register(users.prosecutor, {
      caseType: 'prosecution_file',
      institutionId: office.id,
      unitId: office.units.find((u) => u.kind === 'general')!.id,
      summary: 'ملف لاختبار الدمج',
    });
    expect(file.status).toBe(201);
    const added = await cases.fire(users.prosecutor, file.body.id, 'add_party', {
      personId: duplicate.id,
      role: 'accused',
    });
    expect(added.status).toBe(400);
    expect(added.body.error.details.constraint).toBe('parties_person_not_merged');
    expect(await partiesOf(db, duplicate.id)).toEqual([]);
  });
});
