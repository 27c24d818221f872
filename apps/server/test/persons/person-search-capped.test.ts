/**
 * Person search on a common name (issue 7): the total is counted up to 1000 and reported as "more
 * than" beyond (`totalIsLowerBound`), and only the candidates of the page are checked for victim
 * protection. Protected victims ranked before and on the page are left out for an outsider and the
 * page is filled with the next persons, the same page as if every match had been checked first
 * (issue 6, ADR 0017); the file's team sees them in their place.
 */
import type { Role } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Headers } from '../cases/case-api-kit';
import { buildTestApp, type TestApp } from '../support/app';
import { caseApi, type CaseApi } from '../support/cases';
import { buildInstitution, signedInUser, uniqueSuffix } from '../support/factories';

type User = Awaited<ReturnType<typeof signedInUser>>;

const LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** Arabic letters only, so that the family name is one whole, unique word. */
function arabicSuffix(): string {
  return Array.from(uniqueSuffix(), (c) => LETTERS[parseInt(c, 16)] ?? 'ب').join('');
}

/** A first name of three letters for each number, distinct for every person of the family. */
function firstName(n: number): string {
  const at = (i: number) => LETTERS[i % LETTERS.length]!;
  return `${at(Math.floor(n / (LETTERS.length * LETTERS.length)))}${at(Math.floor(n / LETTERS.length))}${at(n)}`;
}

/** A Latin family name of consonants only, one whole word of the Latin key, unique to the run. */
function latinSuffix(): string {
  return Array.from(uniqueSuffix(), (c) => 'bdfgklmnprstvzqx'[parseInt(c, 16)] ?? 'b').join('');
}

/** More than 1000 even without the protected victims. */
const PERSONS = 1030;
/** More than the candidates ranked beyond a page, so that the window must be widened. */
const PROTECTED = 14;

interface Page {
  items: { id: string; isMasked: boolean }[];
  total: number;
  totalIsLowerBound: boolean;
}

describe('person search on a name held by more than 1000 persons', () => {
  let t: TestApp;
  let api: CaseApi;
  let prosecutor: User;
  let outsider: User;
  let caseId: string;
  let family: string;
  let latinFamily: string;
  let teamOrder: string[];
  let victims: Set<string>;

  beforeAll(async () => {
    t = await buildTestApp();
    api = caseApi(t.app);
    const db = t.handle.db;
    const office = await buildInstitution(db, {
      kind: 'prosecution_office',
      units: ['general', 'family_protection'],
    });
    const at = (role: Role, unitId?: string) =>
      signedInUser(db, {
        institutionId: office.id,
        grants: [{ role, institutionId: office.id, ...(unitId ? { unitId } : {}) }],
      });
    prosecutor = await at('prosecutor');
    const chief = await at('chief_prosecutor');
    outsider = await at('prosecutor', office.units[0]!.id);

    family = `ال${arabicSuffix()}`;
    latinFamily = `Z${latinSuffix()}`;
    await db
      .insertInto('persons')
      .values(
        Array.from({ length: PERSONS }, (_, n) => ({
          first_name_ar: firstName(n),
          father_name_ar: 'خليل',
          grandfather_name_ar: 'سالم',
          family_name_ar: family,
          name_latin: `Sami ${latinFamily}`,
          sex: 'female',
          date_of_birth: '1990-01-01',
        })),
      )
      .execute();

    const registered = await api.register(chief.headers, {
      caseType: 'prosecution_file',
      institutionId: office.id,
      summary: `شكوى عنف أسري ${uniqueSuffix()}`,
      incidentDate: '2026-10-01',
    });
    expect(registered.status).toBe(201);
    caseId = registered.body.id as string;
    await fireOk(chief.headers, 'reassign', { userId: prosecutor.user.id, reason: 'حماية الأسرة' });
    await fireOk(prosecutor.headers, 'open_investigation');
    const accused = await db
      .insertInto('persons')
      .values({ first_name_ar: 'سامر', family_name_ar: 'المصري', sex: 'male' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await fireOk(prosecutor.headers, 'add_party', { personId: accused.id, role: 'accused' });

    // The persons ranked first (before and on the first page) become protected victims.
    teamOrder = (await search(prosecutor, 0, 60)).items.map((hit) => hit.id);
    victims = new Set(teamOrder.slice(3, 3 + PROTECTED));
    for (const personId of victims) {
      await fireOk(prosecutor.headers, 'add_party', {
        personId,
        role: 'victim',
        relationshipToAccused: 'spouse',
      });
    }
    expect((await api.get(prosecutor.headers, caseId)).body.isFamilyProtection).toBe(true);
  });
  afterAll(async () => {
    await t.app.close();
  });

  async function fireOk(headers: Headers, event: string, payload: object = {}) {
    const response = await api.fire(headers, caseId, event, payload);
    expect({
      event,
      status: response.status,
      body: response.status === 200 ? null : response.body,
    }).toEqual({ event, status: 200, body: null });
  }

  async function search(user: User, offset: number, limit: number, extra = '', q = family) {
    const query = `q=${encodeURIComponent(q)}&offset=${offset}&limit=${limit}${extra}`;
    const response = await call(t, user.headers, 'GET', `/persons?${query}`);
    expect(response.status).toBe(200);
    return response.body as Page;
  }

  it('reports the total as more than 1000, for the team and for an outsider', async () => {
    for (const reader of [prosecutor, outsider]) {
      const page = await search(reader, 0, 20);
      expect(page).toMatchObject({ total: 1000, totalIsLowerBound: true });
      expect(page.items).toHaveLength(20);
    }
  });

  it('gives an outsider the same pages as if every match had been checked first', async () => {
    // The team's ranking, without the protected victims, is the outsider's.
    const expected = teamOrder.filter((id) => !victims.has(id));
    const first = await search(outsider, 0, 20);
    const second = await search(outsider, 20, 20);
    expect(first.items.map((hit) => hit.id)).toEqual(expected.slice(0, 20));
    expect(second.items.map((hit) => hit.id)).toEqual(expected.slice(20, 40));
    expect([...first.items, ...second.items].filter((hit) => hit.isMasked)).toEqual([]);
    // The team still finds them in their place.
    const team = await search(prosecutor, 0, 20);
    expect(team.items.map((hit) => hit.id)).toEqual(teamOrder.slice(0, 20));
  });

  it('reads a single common name in index order, the page the general ranking gives', async () => {
    // A filter sends the same search through the general ranking (every match scored and sorted):
    // all the family is born in 1990, so both rank the same persons.
    for (const reader of [prosecutor, outsider]) {
      for (const offset of [0, 40]) {
        const indexed = await search(reader, offset, 25);
        const ranked = await search(reader, offset, 25, '&birthYear=1990');
        expect(indexed.items.map((hit) => hit.id)).toEqual(ranked.items.map((hit) => hit.id));
      }
    }
    // The same for the family name in Latin letters (a whole word of the Latin key).
    for (const reader of [prosecutor, outsider]) {
      const indexed = await search(reader, 0, 25, '', latinFamily);
      const ranked = await search(reader, 0, 25, '&birthYear=1990', latinFamily);
      expect(indexed.items.map((hit) => hit.id)).toEqual(ranked.items.map((hit) => hit.id));
      expect(indexed).toMatchObject({ total: 1000, totalIsLowerBound: true });
    }
    // Only live records are in the index: a merged record leaves it.
    const merged = teamOrder[0]!;
    const survivor = teamOrder[1]!;
    const db = t.handle.db;
    await db
      .updateTable('persons')
      .set({ merged_into_id: survivor })
      .where('id', '=', merged)
      .execute();
    try {
      const page = await search(prosecutor, 0, 20);
      expect(page.items.map((hit) => hit.id)).not.toContain(merged);
    } finally {
      await db
        .updateTable('persons')
        .set({ merged_into_id: null })
        .where('id', '=', merged)
        .execute();
    }
    expect((await search(prosecutor, 0, 20)).items.map((hit) => hit.id)).toEqual(
      teamOrder.slice(0, 20),
    );
  });

  it('counts exactly below the cap, without the protected victims for an outsider', async () => {
    // Born in 1990: all of the family; the first name narrows to a few.
    const few = await search(prosecutor, 0, 50, `&birthYear=1990`);
    expect(few.totalIsLowerBound).toBe(true);
    const name = encodeURIComponent(`${firstName(0)} ${family}`);
    for (const reader of [prosecutor, outsider]) {
      const response = await call(t, reader.headers, 'GET', `/persons?q=${name}&limit=50`);
      const page = response.body as Page;
      expect(page.totalIsLowerBound).toBe(false);
      expect(page.total).toBe(page.items.length);
    }
  });
});
