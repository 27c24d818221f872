/**
 * GET /api/v1/cases/search: full-text search in Arabic and English over titles (summaries), event
 * notes and hearing minutes, with filters; every result filtered by the access policy inside the
 * SQL (a file the user may not open is never returned, even when it matches), a match counted only
 * in a field the user may read, restricted files masked, each result saying where it matched, and
 * bad input refused with a 400 naming the field.
 */
import { caseTypeDefinition, type PartyRole, type Role } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema';
import { buildTestApp, type TestApp } from '../support/app';
import { buildOffence, buildPerson } from '../support/cases';
import {
  buildBareCase,
  buildInstitution,
  signedInWithGrant,
  uniqueSuffix,
} from '../support/factories';

type Db = Kysely<Database>;
type Headers = Record<string, string>;
interface Hit {
  case: { id: string; reference: string | null; confidentiality: string };
  summary: string | null;
  institution: { id: string; code: string };
  match: { rank: number | null; fields: string[]; excerpt: { field: string; text: string } | null };
}

/** A word of Latin letters only, found in this test's files and nowhere else. */
function token(): string {
  return `zq${uniqueSuffix().replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`;
}

describe('case search', () => {
  let t: TestApp;
  let db: Db;
  const tag = token();
  const users: Record<string, { headers: Headers; id: string }> = {};
  const files: Record<string, Awaited<ReturnType<typeof buildBareCase>>> = {};
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let court: Awaited<ReturnType<typeof buildInstitution>>;
  let suspect: Awaited<ReturnType<typeof buildPerson>>;
  let offenceId = '';

  const search = (who: string, query: Record<string, string | number>) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/search?${new URLSearchParams(
        Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
      ).toString()}`,
      headers: users[who]!.headers,
    });
  const hits = async (who: string, query: Record<string, string | number>) => {
    const response = await search(who, query);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: Hit[]; total: number }>();
  };
  const ids = (body: { items: Hit[] }) => body.items.map((item) => item.case.id).sort();
  const problem = async (query: Record<string, string | number>) => {
    const response = await search('prosecutor', query);
    expect(response.statusCode, response.body).toBe(400);
    return response.json().error as { code: string; details: { issues: { field: string }[] } };
  };

  async function file(
    institutionId: string,
    summary: string,
    options: {
      caseType?: string;
      unitKind?: string;
      confidentiality?: 'normal' | 'restricted';
      state?: string;
      openedAt?: string;
    } = {},
  ) {
    const row = await buildBareCase(db, institutionId, {
      ...(options.caseType ? { caseType: options.caseType } : {}),
      ...(options.state ? { state: options.state } : {}),
      confidentiality: options.confidentiality ?? 'normal',
    });
    const unitId = options.unitKind
      ? office.units.find((unit) => unit.kind === options.unitKind)!.id
      : null;
    return db
      .updateTable('cases')
      .set({
        summary,
        unit_id: unitId,
        ...(options.openedAt ? { opened_at: new Date(options.openedAt) } : {}),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  async function note(caseId: string, payload: Record<string, string>) {
    await db
      .insertInto('case_events')
      .values({
        case_id: caseId,
        seq: 2,
        event_type: 'question_suspect',
        actor_user_id: null,
        occurred_at: new Date(),
        workflow_version: 1,
        payload: JSON.stringify(payload),
        state_before: 'registered',
        state_after: 'registered',
      })
      .execute();
  }
  async function party(caseId: string, personId: string, role: PartyRole) {
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
  async function assign(caseId: string, userId: string, role: Role) {
    await db
      .insertInto('case_assignments')
      .values({ case_id: caseId, user_id: userId, role, assigned_at: new Date() })
      .execute();
  }

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.handle.db;
    office = await buildInstitution(db, { units: ['general', 'family_protection'] });
    const otherOffice = await buildInstitution(db);
    court = await buildInstitution(db, { kind: 'court' });
    const signIn = async (key: string, role: Role, institutionId: string, unitKind?: string) => {
      users[key] = await signedInWithGrant(db, { role, institutionId, office, unitKind });
    };
    await signIn('prosecutor', 'prosecutor', office.id, 'general');
    await signIn('chief', 'chief_prosecutor', office.id);
    await signIn('officeOfficer', 'correction_officer', office.id);
    await signIn('otherProsecutor', 'prosecutor', otherOffice.id);
    await signIn('judge', 'judge', court.id);
    await signIn('correctionOfficer', 'correction_officer', court.id);
    await signIn('admin', 'admin', office.id);

    files.theft = await file(office.id, `سرقة سيارة من موقف المستشفى ${tag}`, {
      unitKind: 'general',
      openedAt: '2026-03-10T10:00:00Z',
    });
    files.english = await file(office.id, `Theft of mobile phones from a shop ${tag}`, {
      unitKind: 'general',
      openedAt: '2026-05-20T10:00:00Z',
    });
    files.noted = await file(office.id, `شكوى إيذاء ${tag}`, {
      unitKind: 'general',
      state: 'under_investigation',
    });
    await note(files.noted.id, {
      summary: `أفاد الشاهد بأنه رأى السارق يخرج من المخزن ليلاً ${tag}`,
    });
    // Matching words in files the prosecutor may not open: the family protection unit's
    // restricted file, another office's file.
    files.familyProtection = await file(office.id, `سرقة وتهديد بالابتزاز ${tag}`, {
      unitKind: 'family_protection',
      confidentiality: 'restricted',
    });
    files.otherOffice = await file(otherOffice.id, `سرقة سيارة ${tag}`);
    // A court case whose hearing minutes hold the words.
    files.courtCase = await file(court.id, `قضية جنائية ${tag}`, {
      caseType: 'court_case',
      state: 'in_trial',
    });
    await db
      .insertInto('hearings')
      .values({
        case_id: files.courtCase.id,
        court_id: court.id,
        room: '3',
        starts_at: new Date('2026-06-01T08:00:00Z'),
        ends_at: new Date('2026-06-01T09:00:00Z'),
        status: 'adjourned',
        minutes: `حضر وكيل الدفاع وطلب التأجيل لإحضار شهود النفي ${tag}`,
        created_at: new Date(),
      })
      .execute();

    suspect = await buildPerson(db);
    const accused = await party(files.theft.id, suspect.id, 'accused');
    const offence = await buildOffence(db, 'misdemeanour');
    offenceId = offence.id;
    await db
      .insertInto('charges')
      .values({
        case_id: files.theft.id,
        party_id: accused.id,
        offence_id: offence.id,
        created_at: new Date(),
      })
      .execute();
    await party(files.familyProtection.id, suspect.id, 'accused');
    await assign(files.english.id, users.prosecutor!.id, 'prosecutor');
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('finds Arabic words in any form (السرقة finds سرقة) and says it matched the title', async () => {
    const body = await hits('prosecutor', { q: `السرقة ${tag}` });
    expect(ids(body)).toEqual([files.theft!.id]);
    const [hit] = body.items;
    expect(hit!.match.fields).toEqual(['title']);
    expect(hit!.match.excerpt!.field).toBe('title');
    expect(hit!.match.excerpt!.text).toContain('<mark>سرقة</mark>');
    expect(hit!.summary).toBe(files.theft!.summary);
    expect(hit!.institution.id).toBe(office.id);
    expect(body.total).toBe(1);
  });

  it('finds an Arabic word with or without its article and fused prepositions', async () => {
    const own = token();
    const jewels = await file(office.id, `سرقة مجوهرات من المحل بالسكين ${own}`, {
      unitKind: 'general',
    });
    for (const q of ['المجوهرات', 'مجوهرات', 'والمجوهرات', 'محل', 'للمحل', 'السكين', 'سكين']) {
      expect(ids(await hits('prosecutor', { q: `${q} ${own}` })), q).toEqual([jewels.id]);
    }
    const marked = await hits('prosecutor', { q: `مجوهرات ${own}` });
    expect(marked.items[0]!.match.excerpt!.text).toContain('<mark>مجوهرات</mark>');
  });

  it('does not count the registration event, which repeats the title, as a note', async () => {
    const own = token();
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: users.prosecutor!.headers,
      payload: {
        caseType: 'prosecution_file',
        institutionId: office.id,
        unitId: office.units.find((unit) => unit.kind === 'general')!.id,
        summary: `تزوير شيكات ${own}`,
      },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const body = await hits('prosecutor', { q: `تزوير ${own}` });
    expect(ids(body)).toEqual([registered.json().id]);
    expect(body.items[0]!.match.fields).toEqual(['title']);
  });

  it('finds English words stemmed (thefts finds Theft)', async () => {
    const body = await hits('prosecutor', { q: `thefts ${tag}` });
    expect(ids(body)).toEqual([files.english!.id]);
    expect(body.items[0]!.match.excerpt!.text).toContain('<mark>Theft</mark>');
  });

  it('finds event notes and hearing minutes, and says which', async () => {
    const noted = await hits('prosecutor', { q: `المخزن ${tag}` });
    expect(ids(noted)).toEqual([files.noted!.id]);
    expect(noted.items[0]!.match.fields).toEqual(['event_note']);
    expect(noted.items[0]!.match.excerpt!.text).toContain('<mark>المخزن</mark>');

    const minutes = await hits('judge', { q: `"شهود النفي" ${tag}` });
    expect(ids(minutes)).toEqual([files.courtCase!.id]);
    expect(minutes.items[0]!.match.fields).toEqual(['hearing_minutes']);
  });

  it('ranks a title match above a match in notes', async () => {
    const own = token();
    const inTitle = await file(office.id, `حريق في مستودع الأخشاب ${own}`, { unitKind: 'general' });
    const inNote = await file(office.id, `بلاغ ${own}`, { unitKind: 'general' });
    await note(inNote.id, { note: `حريق في مستودع الأخشاب ${own}` });
    const body = await hits('prosecutor', { q: `حريق ${own}` });
    expect(body.items.map((item) => item.case.id)).toEqual([inTitle.id, inNote.id]);
    expect(body.items[0]!.match.rank!).toBeGreaterThan(body.items[1]!.match.rank!);
    expect(body.items[1]!.match.fields).toEqual(['event_note']);
  });

  it('never returns a file the user may not open, even when it matches', async () => {
    const body = await hits('prosecutor', { q: `سرقة ${tag}` });
    expect(ids(body)).not.toContain(files.familyProtection!.id);
    expect(ids(body)).not.toContain(files.otherOffice!.id);
    const everything = await hits('prosecutor', { q: tag, limit: 200 });
    expect(ids(everything)).toEqual([files.theft!.id, files.english!.id, files.noted!.id].sort());
    expect(everything.total).toBe(3);
    const other = await hits('otherProsecutor', { q: tag });
    expect(ids(other)).toEqual([files.otherOffice!.id]);
    // Administrators open no file, so find none.
    expect((await hits('admin', { q: tag })).items).toEqual([]);
  });

  it('masks a restricted file the user may open: where it matched, never the text', async () => {
    const body = await hits('chief', { q: `الابتزاز ${tag}` });
    expect(ids(body)).toEqual([files.familyProtection!.id]);
    const [hit] = body.items;
    expect(hit!.case.confidentiality).toBe('restricted');
    expect(hit!.match.fields).toEqual(['title']);
    expect(hit!.summary).toBeNull();
    expect(hit!.match.excerpt).toBeNull();
  });

  it('counts a match only in a field the user may read in that file', async () => {
    // A correction officer posted at the office opens its normal files, but a prosecution file's
    // summary, parties and investigation notes are not for her (field rights).
    const rights = caseTypeDefinition('prosecution_file')!.fields;
    for (const field of ['summary', 'parties', 'investigation_notes']) {
      expect(rights[field]!.read).not.toContain('correction_officer');
    }
    expect((await hits('officeOfficer', { q: `موقف المستشفى ${tag}` })).items).toEqual([]);
    expect((await hits('officeOfficer', { q: `المخزن ${tag}` })).items).toEqual([]);
    expect((await hits('officeOfficer', { personId: suspect.id })).items).toEqual([]);
    const byNumber = await hits('officeOfficer', {
      number: `${files.theft!.serial}/${files.theft!.year}`,
    });
    expect(ids(byNumber)).toEqual([files.theft!.id]);
    expect(byNumber.items[0]!.summary).toBeNull();
    // A correction officer at the court opens the court case but may not read its hearings.
    expect((await hits('correctionOfficer', { q: `شهود النفي ${tag}` })).items).toEqual([]);
    expect(ids(await hits('correctionOfficer', { q: `جنائية ${tag}` }))).toEqual([
      files.courtCase!.id,
    ]);
  });

  it('filters by number, reference, party, offence, institution, type, state, dates and assignee', async () => {
    const theft = files.theft!;
    const number = `${theft.serial}/${theft.year}`;
    expect(ids(await hits('prosecutor', { number }))).toContain(theft.id);
    expect(ids(await hits('prosecutor', { q: number }))).toEqual([theft.id]);
    expect((await hits('prosecutor', { q: number })).items[0]!.match.fields).toEqual(['reference']);
    expect(ids(await hits('prosecutor', { reference: theft.reference!.slice(2, 14) }))).toEqual([
      theft.id,
    ]);
    // The party, by id or by name in another spelling (احمد for أحمد), on the files one may open.
    const family = suspect.family_name_ar!.split(' ').at(-1)!;
    expect(ids(await hits('prosecutor', { personId: suspect.id }))).toEqual([theft.id]);
    expect(ids(await hits('prosecutor', { partyName: `احمد ${family}` }))).toEqual([theft.id]);
    expect(ids(await hits('chief', { personId: suspect.id }))).toEqual(
      [theft.id, files.familyProtection!.id].sort(),
    );
    expect(ids(await hits('prosecutor', { offenceId }))).toEqual([theft.id]);
    expect(ids(await hits('prosecutor', { q: tag, state: 'under_investigation' }))).toEqual([
      files.noted!.id,
    ]);
    expect(
      ids(await hits('judge', { institutionId: court.id, caseType: 'court_case', q: tag })),
    ).toEqual([files.courtCase!.id]);
    expect(ids(await hits('prosecutor', { assigneeId: users.prosecutor!.id, q: tag }))).toEqual([
      files.english!.id,
    ]);
    const march = await hits('prosecutor', {
      q: tag,
      openedFrom: '2026-03-10',
      openedTo: '2026-03-10',
    });
    expect(ids(march)).toEqual([theft.id]);
    const spring = await hits('prosecutor', {
      q: tag,
      openedFrom: '2026-03-11',
      openedTo: '2026-05-31',
    });
    expect(ids(spring)).toEqual([files.english!.id]);
    // Without a text query, newest first and no rank.
    const filtered = await hits('prosecutor', { partyName: `محمد ${family}` });
    expect(filtered.items[0]!.match).toEqual({ rank: null, fields: [], excerpt: null });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    expect((await problem({})).details.issues[0]!.field).toBe('q');
    expect((await problem({ q: '   ' })).details.issues[0]!.field).toBe('q');
    expect((await problem({ q: '\u200f\u202e' })).details.issues[0]!.field).toBe('q');
    expect((await problem({ q: 'س' })).details.issues[0]!.field).toBe('q');
    expect((await problem({ q: 'ب'.repeat(201) })).details.issues[0]!.field).toBe('q');
    expect((await problem({ q: 'x'.repeat(10_000) })).details.issues[0]!.field).toBe('q');
    expect((await problem({ q: 'سرقة', openedFrom: '2026-02-30' })).details.issues[0]!.field).toBe(
      'openedFrom',
    );
    expect((await problem({ openedFrom: 'yesterday' })).details.issues[0]!.field).toBe(
      'openedFrom',
    );
    expect(
      (await problem({ openedFrom: '2026-05-01', openedTo: '2026-04-01' })).details.issues[0]!
        .field,
    ).toBe('openedTo');
    expect((await problem({ caseType: 'no_such_type' })).details.issues[0]!.field).toBe('caseType');
    expect(
      (await problem({ caseType: 'police_report', state: 'judged' })).details.issues[0]!.field,
    ).toBe('state');
    expect((await problem({ partyName: 'ا' })).details.issues[0]!.field).toBe('partyName');
    expect((await problem({ number: '77a' })).details.issues[0]!.field).toBe('number');
    expect((await problem({ personId: 'not-a-uuid' })).details.issues[0]!.field).toBe('personId');
    expect((await problem({ q: 'سرقة', limit: 1000 })).details.issues[0]!.field).toBe('limit');
    expect((await problem({ q: 'سرقة', sort: 'name' })).details.issues[0]!.field).toBe('sort');
  });

  it('treats SQL and search-syntax metacharacters and bidi marks as text', async () => {
    expect(await hits('prosecutor', { q: `%_\\'";--` })).toEqual({
      items: [],
      total: 0,
      totalIsLowerBound: false,
      order: 'relevance',
    });
    // Quotes and semicolons are only text: every word must match, so nothing does.
    const injected = await hits('prosecutor', { q: `سرقة'; DROP TABLE cases; -- ${tag}` });
    expect(ids(injected)).toEqual([]);
    expect(ids(await hits('prosecutor', { q: `سرقة ${tag}` }))).toEqual([files.theft!.id]);
    const operators = await hits('prosecutor', { q: `سرقة & | ! <-> ( ${tag}` });
    expect(ids(operators)).toEqual([files.theft!.id]);
    const bidi = await hits('prosecutor', { q: `\u202bسرقة\u202c ${tag}` });
    expect(ids(bidi)).toEqual([files.theft!.id]);
  });

  it('asks for a session (401)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/cases/search?q=abc' });
    expect(response.statusCode).toBe(401);
  });
});
