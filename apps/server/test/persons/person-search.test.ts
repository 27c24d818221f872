/**
 * GET /api/v1/persons as a search: every usual spelling of a registered name finds the person, an
 * exact national ID comes first, dates of birth filter, bad queries are refused with a clear 400,
 * and metacharacters and bidi marks are only text. Also proves that the SQL functions that fill
 * the search columns agree with the domain's name keys on the whole variant table.
 */
import { arabicNameKey, latinNameKey } from '@qadiya/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARABIC_VARIANTS,
  LATIN_VARIANTS,
} from '../../../../packages/domain/src/persons/name-variants.fixture';
import { buildTestApp, type TestApp } from '../support/app';
import { buildInstitution, signedInUser } from '../support/factories';

const NOW = new Date(Date.now() + 2 * 86_400_000);
NOW.setUTCHours(9, 0, 0, 0);

/** A fresh eight-digit prefix of national IDs, so IDs of this run differ from other tests'. */
function idPrefix(): string {
  return String(Math.floor(10_000_000 + Math.random() * 89_999_999));
}

interface Registered {
  parts: [string, string | null, string | null, string | null];
  nameLatin?: string;
  dateOfBirth?: string;
  /** Spellings a user might type, each of which must find this person. */
  queries: string[];
}

const PERSONS: Registered[] = [
  {
    parts: ['أحمد', 'محمود', 'سالم', 'الخطيب'],
    nameLatin: 'Ahmad Mahmoud Salem al-Khatib',
    queries: ['احمد الخطيب', 'إحمد خطيب', 'أَحْمَد محمود', 'Ahmed El Khateeb', 'محمـود سالم'],
  },
  {
    parts: ['محمد', 'عبد الله', 'يوسف', 'الحلبي'],
    nameLatin: 'Mohammed Abdullah Yousef al-Halabi',
    queries: [
      'محمد عبدالله الحلبي',
      'مُحَمَّد حلبي',
      'Muhammad Halabi',
      'Mohamed Abd Allah',
      'Yusuf Halabi',
    ],
  },
  {
    parts: ['فاطمة', 'إبراهيم', 'علي', 'أبو زيد'],
    nameLatin: 'Fatima Ibrahim Ali Abu Zaid',
    queries: ['فاطمه ابوزيد', 'فاطِمَة إبراهيم', 'ابراهيم ابو زيد', 'Fatimah Ebrahim'],
  },
  {
    parts: ['مصطفى', 'عيسى', null, 'المصري'],
    queries: ['مصطفي المصري', 'مُصْطَفَى عيسي', 'مصطفى مصري'],
  },
  { parts: ['يحيى', 'زكريا', null, 'الشريف'], queries: ['يحيي شريف', 'يَحْيَى الشريف'] },
  { parts: ['أسماء', 'هاني', 'رؤوف', 'عودة'], queries: ['اسما عوده', 'أسماء رووف', 'اسماء هانئ'] },
  {
    parts: ['عبد الرحمن', 'خالد', null, 'البرغوثي'],
    nameLatin: 'Abdelrahman Khaled Barghouti',
    queries: ['عبدالرحمن البرغوثي', 'عبد الرحمٰن برغوثي', 'Abd al-Rahman Barghouthi'],
  },
  { parts: ['عائشة', 'مؤمن', null, 'الطائي'], queries: ['عايشه الطايي', 'عائشة مومن', 'طائي'] },
  {
    parts: ['إسماعيل', 'نصر الله', null, 'حمادة'],
    queries: ['اسماعيل نصرالله', 'حماده', 'إسماعيل حمادة'],
  },
  {
    parts: ['آمنة', 'عطا الله', null, 'الجعبري'],
    queries: ['امنة عطاالله', 'آمنه جعبري', 'ٱمنة الجعبري'],
  },
  {
    parts: ['علاء', 'سمير', null, 'أبو غوش'],
    nameLatin: 'Alaa Samir Abu Ghosh',
    queries: ['علا ابوغوش', 'عَلَاء سمير', 'Alaa Abu Ghosh'],
  },
  {
    parts: ['زينب', 'قاسم', null, 'النجار'],
    nameLatin: 'Zainab Qasem al-Najjar',
    queries: ['زينب نجار', 'Zeinab Kassem', 'Zaynab Najjar'],
  },
  {
    parts: ['عمر', 'سعيد', null, 'الشيخ'],
    nameLatin: 'Omar Said el-Sheikh',
    queries: ['عمر الشيخ', 'Umar Saeed', "Omar Sa'id"],
  },
  {
    parts: ['نور', 'شادي', null, 'حداد'],
    nameLatin: 'Nour Shadi Haddad',
    queries: ['نور حداد', 'Noor Chadi Haddad', 'نُور شادي'],
  },
  {
    parts: ['عبد العزيز', 'أنور', null, 'الكرمي'],
    nameLatin: 'Abdulaziz Anwar al-Karmi',
    queries: ['عبدالعزيز كرمي', 'عبد العزيز انور', 'Abdel Aziz Karmi'],
  },
  {
    parts: ['كريم', 'حمزة', null, 'التميمي'],
    nameLatin: 'Karim Hamzah Tamimi',
    queries: ['کریم التميمي', 'كريم حمزه', 'Kareem Hamza Al Tamimi'],
  },
];

describe('person search', () => {
  let t: TestApp;
  let reader: Record<string, string>;
  let writer: Record<string, string>;
  let outsider: Record<string, string>;
  const ids: string[] = [];
  const prefix = idPrefix();

  const get = (headers: Record<string, string>, query: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: '/api/v1/persons', query, headers });

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.handle.db;
    t.clock.set(NOW);
    const office = await buildInstitution(db, { units: ['general'] });
    const signIn = async (role: 'prosecutor' | 'court_clerk' | 'analyst') =>
      (
        await signedInUser(
          db,
          {
            institutionId: role === 'analyst' ? null : office.id,
            grants: [{ role, institutionId: role === 'analyst' ? null : office.id }],
          },
          NOW,
        )
      ).headers;
    writer = await signIn('prosecutor');
    reader = await signIn('court_clerk');
    outsider = await signIn('analyst');
    for (const [index, person] of PERSONS.entries()) {
      const [firstNameAr, fatherNameAr, grandfatherNameAr, familyNameAr] = person.parts;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/persons',
        headers: writer,
        payload: {
          firstNameAr,
          ...(fatherNameAr ? { fatherNameAr } : {}),
          ...(grandfatherNameAr ? { grandfatherNameAr } : {}),
          ...(familyNameAr ? { familyNameAr } : {}),
          ...(person.nameLatin ? { nameLatin: person.nameLatin } : {}),
          // The first ten share an eight-digit prefix and differ in the last digit.
          ...(index < 10 ? { nationalId: `${prefix}${index}` } : {}),
          dateOfBirth: `${1970 + index}-0${1 + (index % 9)}-15`,
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      ids.push(response.json().id);
    }
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('computes the search columns in SQL exactly as the domain does, on every variant', async () => {
    const arabic = ARABIC_VARIANTS.flatMap((group) => group.variants);
    const latin = LATIN_VARIANTS.flatMap((group) => group.variants);
    const all = [...arabic, ...latin];
    const result = await sql<{ ar: string; latin: string }>`
      SELECT qadiya_name_ar_key(v) AS ar, qadiya_name_latin_key(v) AS latin
      FROM unnest(${all}::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n`.execute(t.handle.db);
    expect(result.rows).toHaveLength(all.length);
    result.rows.forEach((row, index) => {
      const variant = all[index]!;
      expect(row.ar, `arabic key of ${JSON.stringify(variant)}`).toBe(arabicNameKey(variant));
      expect(row.latin, `latin key of ${JSON.stringify(variant)}`).toBe(latinNameKey(variant));
    });
  });

  it('finds every registered person by every spelling variant', async () => {
    expect(PERSONS.length).toBeGreaterThanOrEqual(15);
    let checked = 0;
    for (const [index, person] of PERSONS.entries()) {
      for (const q of person.queries) {
        const response = await get(reader, { q, limit: '200' });
        expect(response.statusCode, `${q}: ${response.body}`).toBe(200);
        const found = response.json().items.find((item: { id: string }) => item.id === ids[index]);
        expect(found, `"${q}" should find ${person.parts.join(' ')}`).toBeDefined();
        expect(found.match.by).toBe('name');
        expect(found.match.score).toBeGreaterThan(0);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(45);
  });

  it('ranks whole-word matches above partial and similar ones, and says why', async () => {
    const response = await get(reader, { q: 'الحلبي', limit: '200' });
    const item = response.json().items.find((entry: { id: string }) => entry.id === ids[1]);
    expect(item.match).toEqual({ by: 'name', score: 1, kind: 'exact', field: 'name_ar' });
    const latin = await get(reader, { q: 'Mohamad Halaby', limit: '200' });
    const viaLatin = latin.json().items.find((entry: { id: string }) => entry.id === ids[1]);
    expect(viaLatin.match).toMatchObject({ by: 'name', field: 'name_latin' });
    const typo = await get(reader, { q: 'البرغوثا', limit: '200' });
    const viaTypo = typo.json().items.find((entry: { id: string }) => entry.id === ids[6]);
    expect(viaTypo.match).toMatchObject({ by: 'name', kind: 'similar' });
    expect(viaTypo.match.score).toBeLessThan(0.8);
  });

  it('puts the exact national ID first, then IDs one digit off, and finds ID prefixes', async () => {
    const exact = `${prefix}3`;
    const response = await get(reader, { q: exact });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { id: string; match: { by: string; kind: string } }[];
    expect(items[0]).toMatchObject({
      id: ids[3],
      match: { by: 'national_id', score: 1, kind: 'exact' },
    });
    // The other IDs of this run differ from it in the last digit only.
    expect(items.length).toBeGreaterThan(1);
    for (const item of items.slice(1))
      expect(item.match).toMatchObject({ by: 'national_id', kind: 'similar' });
    // Typed in Arabic-Indic digits, the same.
    const indic = exact.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
    expect((await get(reader, { q: indic })).json().items[0].id).toBe(ids[3]);

    const byPrefix = await get(reader, { q: prefix });
    expect(byPrefix.json().total).toBe(10);
    expect(byPrefix.json().items[0].match).toMatchObject({ by: 'national_id', kind: 'prefix' });

    // The nationalId parameter still filters exactly.
    const filtered = await get(reader, { nationalId: exact });
    expect(filtered.json()).toMatchObject({ total: 1, items: [{ id: ids[3] }] });
  });

  it('filters by year and date of birth, alone or with a name', async () => {
    // PERSONS[12] (عمر الشيخ) was born on 1982-04-15.
    const withName = await get(reader, { q: 'عمر الشيخ', birthYear: '1982', limit: '200' });
    expect(withName.json().items.map((item: { id: string }) => item.id)).toContain(ids[12]);
    const wrongYear = await get(reader, { q: 'عمر الشيخ', birthYear: '1983', limit: '200' });
    expect(wrongYear.json().items.map((item: { id: string }) => item.id)).not.toContain(ids[12]);

    const yearOnly = await get(reader, { birthYear: '1982', limit: '200' });
    const item = yearOnly.json().items.find((entry: { id: string }) => entry.id === ids[12]);
    expect(item.match).toEqual({ by: 'date_of_birth', score: 1, kind: 'exact' });
    for (const entry of yearOnly.json().items) expect(entry.dateOfBirth.slice(0, 4)).toBe('1982');

    const exactDay = await get(reader, { dob: '1982-04-15', limit: '200' });
    expect(exactDay.json().items.map((entry: { id: string }) => entry.id)).toContain(ids[12]);
    const otherDay = await get(reader, { dob: '1982-04-16', limit: '200' });
    expect(otherDay.json().items.map((entry: { id: string }) => entry.id)).not.toContain(ids[12]);
  });

  it('refuses empty, one-letter, oversized and criterion-less searches with a clear 400', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ q: '' }, /q/],
      [{ q: '   ' }, /empty/],
      [{ q: '\u200f\u202b' }, /empty/],
      [{ q: 'م' }, /too short/],
      [{ q: 'a' }, /too short/],
      [{ q: 'أً' }, /too short/],
      [{ q: 'م ع' }, /too short/],
      [{ q: 'ا'.repeat(10_240) }, /q/],
      [{}, /missing/],
      [{ birthYear: '1850' }, /birthYear/],
      [{ dob: 'yesterday' }, /dob/],
    ];
    for (const [query, message] of cases) {
      const response = await get(reader, query);
      expect(response.statusCode, JSON.stringify(query).slice(0, 60)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.json().error.message).toMatch(message);
    }
  });

  it('treats SQL metacharacters and bidi or control characters as text', async () => {
    for (const q of ['%', '_', '%%', "'", '\\']) {
      const response = await get(reader, { q });
      expect(response.statusCode, q).toBe(200);
      expect(response.json()).toEqual({ items: [], total: 0, totalIsLowerBound: false });
    }
    const injection = await get(reader, { q: "'; DROP TABLE persons; --" });
    expect(injection.statusCode).toBe(200);
    const wildcard = await get(reader, { q: '%حلبي_', limit: '200' });
    expect(wildcard.json().items.map((item: { id: string }) => item.id)).toContain(ids[1]);
    const bidi = await get(reader, {
      q: '\u202bمحمد\u202c \u2067الحلبي\u2069\u200f',
      limit: '200',
    });
    expect(bidi.json().items.map((item: { id: string }) => item.id)).toContain(ids[1]);
    const control = await get(reader, { q: 'محمد\u0001الحلبي', limit: '200' });
    expect(control.json().items.map((item: { id: string }) => item.id)).toContain(ids[1]);
    // The registry is intact.
    const after = await get(reader, { q: 'الخطيب', limit: '200' });
    expect(after.json().items.map((item: { id: string }) => item.id)).toContain(ids[0]);
  });

  it('keeps the search columns current when a name is corrected', async () => {
    const current = (
      await t.app.inject({ method: 'GET', url: `/api/v1/persons/${ids[4]}`, headers: writer })
    ).json();
    const corrected = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${ids[4]}`,
      headers: writer,
      payload: { version: current.version, familyNameAr: 'الزعبي', nameLatin: 'Yahya al-Zoubi' },
    });
    expect(corrected.statusCode).toBe(200);
    const found = await get(reader, { q: 'يحيى زعبي', limit: '200' });
    expect(found.json().items.map((item: { id: string }) => item.id)).toContain(ids[4]);
    const latin = await get(reader, { q: 'Yehia Zoubi', limit: '200' });
    expect(latin.json().items.map((item: { id: string }) => item.id)).toContain(ids[4]);
    const old = await get(reader, { q: 'يحيى الشريف', limit: '200' });
    expect(old.json().items.map((item: { id: string }) => item.id)).not.toContain(ids[4]);
  });

  it('refuses a user without person.read', async () => {
    const response = await get(outsider, { q: 'محمد' });
    expect(response.statusCode).toBe(403);
  });
});
