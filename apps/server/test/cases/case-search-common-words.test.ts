/**
 * Case search of common words (ADR 0014, migration 0021): Arabic function words are not searched
 * (a query of nothing else is a 400 naming `q`), and a query matching more documents than the
 * search ranks lists the files newest first with a total marked as a lower bound. Whichever way a
 * query is answered, the files found are the same: each one the user may open, matched in a field
 * they may read, restricted files masked. The cap is lowered here so that a handful of files is
 * "common"; the benchmark's figures are in ADR 0014.
 */
import type { Role } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCases, type CaseSearchResult } from '../../src/cases/search-cases';
import type { Database } from '../../src/db/schema';
import { buildTestApp, type TestApp } from '../support/app';
import {
  buildBareCase,
  buildInstitution,
  signedInWithGrant,
  uniqueSuffix,
} from '../support/factories';
import { contextFor } from './lifecycle-fixtures';

type Db = Kysely<Database>;
type Headers = Record<string, string>;

/** A word of Latin letters only, found in this test's files and nowhere else. */
function token(): string {
  return `zq${uniqueSuffix().replace(/[0-9]/g, (digit) => 'ghijklmnop'[Number(digit)]!)}`;
}

describe('case search: common words', () => {
  let t: TestApp;
  let db: Db;
  const own = token();
  const users: Record<string, { headers: Headers; id: string }> = {};
  const files: Record<string, { id: string }> = {};
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let otherOffice: Awaited<ReturnType<typeof buildInstitution>>;
  let day = 0;

  const search = (who: string, q: string) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/search?${new URLSearchParams({ q }).toString()}`,
      headers: users[who]!.headers,
    });

  /** A file opened on its own day, one day after the previous one. */
  async function file(
    institutionId: string,
    summary: string,
    options: { unitKind?: string; confidentiality?: 'normal' | 'restricted' } = {},
  ) {
    day += 1;
    const row = await buildBareCase(db, institutionId, {
      confidentiality: options.confidentiality ?? 'normal',
    });
    const unitId = options.unitKind
      ? office.units.find((unit) => unit.kind === options.unitKind)!.id
      : null;
    await db
      .updateTable('cases')
      .set({ summary, unit_id: unitId, opened_at: new Date(Date.UTC(2026, 0, day, 10)) })
      .where('id', '=', row.id)
      .execute();
    return { id: row.id };
  }
  async function note(caseId: string, text: string) {
    await db
      .insertInto('case_events')
      .values({
        case_id: caseId,
        seq: 2,
        event_type: 'question_suspect',
        actor_user_id: null,
        occurred_at: new Date(),
        workflow_version: 1,
        payload: JSON.stringify({ summary: text }),
        state_before: 'registered',
        state_after: 'registered',
      })
      .execute();
  }
  async function assign(caseId: string, userId: string, role: Role) {
    await db
      .insertInto('case_assignments')
      .values({ case_id: caseId, user_id: userId, role, assigned_at: new Date() })
      .execute();
  }
  /** The use case itself, with the documents' cap lowered to `documentCap`. */
  async function searchAs(
    who: string,
    q: string,
    paging: { limit: number; offset: number },
    documentCap?: number,
  ): Promise<CaseSearchResult> {
    const ctx = await contextFor(db, users[who]!.id, new Date());
    return searchCases(ctx, { q, ...paging }, documentCap === undefined ? {} : { documentCap });
  }

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.handle.db;
    office = await buildInstitution(db, { units: ['general', 'family_protection'] });
    otherOffice = await buildInstitution(db);
    const signIn = async (key: string, role: Role, institutionId: string, unitKind?: string) => {
      users[key] = await signedInWithGrant(db, { role, institutionId, office, unitKind });
    };
    await signIn('prosecutor', 'prosecutor', office.id, 'general');
    await signIn('chief', 'chief_prosecutor', office.id);
    await signIn('officeOfficer', 'correction_officer', office.id);

    // Oldest first. The word is in titles and in an event note; some files the prosecutor may not
    // open (the family protection unit's restricted file, another office's file), one restricted
    // file and one of another office they may open through their team.
    files.title1 = await file(office.id, `سرقة سيارة ${own}`, { unitKind: 'general' });
    files.noteOnly = await file(office.id, `شكوى إيذاء`, { unitKind: 'general' });
    await note(files.noteOnly.id, `أفاد الشاهد بأن ${own} كان في المخزن`);
    files.familyProtection = await file(office.id, `تهديد ${own}`, {
      unitKind: 'family_protection',
      confidentiality: 'restricted',
    });
    files.otherOffice = await file(otherOffice.id, `سرقة ${own}`);
    files.title2 = await file(office.id, `احتيال ${own}`, { unitKind: 'general' });
    files.teamRestricted = await file(office.id, `ابتزاز ${own}`, {
      unitKind: 'family_protection',
      confidentiality: 'restricted',
    });
    files.teamElsewhere = await file(otherOffice.id, `تزوير ${own}`);
    files.title3 = await file(office.id, `سرقة هاتف ${own}`, { unitKind: 'general' });
    files.unrelated = await file(office.id, `سرقة دراجة`, { unitKind: 'general' });
    await assign(files.teamRestricted.id, users.prosecutor!.id, 'prosecutor');
    await assign(files.teamElsewhere.id, users.prosecutor!.id, 'prosecutor');
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('refuses a query of Arabic function words only with a 400 naming q', async () => {
    for (const q of ['في من على', 'عليه', 'فِي', 'على -من']) {
      const response = await search('prosecutor', q);
      expect(response.statusCode, `${q}: ${response.body}`).toBe(400);
      const error = response.json().error as {
        message: string;
        details: { issues: { field: string }[] };
      };
      expect(error.details.issues.map((issue) => issue.field)).toEqual(['q']);
      expect(error.message).toMatch(/very common words/);
    }
  });

  it('skips function words typed among other words, and still finds the file', async () => {
    // The title has no "في" nor "على": the words the user meant are searched.
    const response = await search('prosecutor', `سرقة في ${own} على`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      items: { case: { id: string } }[];
      total: number;
      totalIsLowerBound: boolean;
      order: string;
    }>();
    expect(body.items.map((item) => item.case.id).sort()).toEqual(
      [files.title1!.id, files.title3!.id].sort(),
    );
    expect(body).toMatchObject({ total: 2, totalIsLowerBound: false, order: 'relevance' });
  });

  it('answers a rare query exactly, ranked, with an exact total', async () => {
    const response = await search('prosecutor', own);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ total: number; totalIsLowerBound: boolean; order: string }>();
    expect(body).toMatchObject({ total: 6, totalIsLowerBound: false, order: 'relevance' });
  });

  it('lists a common word newest first, with the same files, access and masking', async () => {
    for (const who of ['prosecutor', 'chief', 'officeOfficer']) {
      const exact = await searchAs(who, own, { limit: 50, offset: 0 });
      const common = await searchAs(who, own, { limit: 50, offset: 0 }, 2);
      expect(exact.order, who).toBe('relevance');
      expect(common.order, who).toBe('newest');
      // The whole list fits in the page: the walk reached the end, so the total is exact.
      expect(common.totalIsLowerBound, who).toBe(false);
      expect(common.total, who).toBe(exact.total);
      const byId = (result: CaseSearchResult) =>
        Object.fromEntries(
          result.hits.map((hit) => [
            hit.file.id,
            { fields: hit.fields, excerpt: hit.excerpt, roles: hit.roles, rank: hit.rank },
          ]),
        );
      expect(byId(common), who).toEqual(byId(exact));
      const opened = common.hits.map((hit) => hit.file.opened_at.getTime());
      expect(opened, who).toEqual([...opened].sort((a, b) => b - a));
    }
    const prosecutor = await searchAs('prosecutor', own, { limit: 50, offset: 0 }, 2);
    expect(prosecutor.hits.map((hit) => hit.file.id)).toEqual([
      files.title3!.id,
      files.teamElsewhere!.id,
      files.teamRestricted!.id,
      files.title2!.id,
      files.noteOnly!.id,
      files.title1!.id,
    ]);
    // A restricted file the prosecutor may open through the team: where it matched, no text.
    const restricted = prosecutor.hits.find((hit) => hit.file.id === files.teamRestricted!.id)!;
    expect(restricted.fields).toEqual(['title']);
    expect(restricted.excerpt).toBeNull();
  });

  it('marks the total of a full page of a common word as a lower bound, and pages on', async () => {
    const first = await searchAs('prosecutor', own, { limit: 2, offset: 0 }, 2);
    expect(first.hits.map((hit) => hit.file.id)).toEqual([
      files.title3!.id,
      files.teamElsewhere!.id,
    ]);
    expect(first.totalIsLowerBound).toBe(true);
    // At least the files found among the documents read, and at least the page.
    expect(first.total).toBeGreaterThanOrEqual(2);
    expect(first.total).toBeLessThanOrEqual(6);
    const second = await searchAs('prosecutor', own, { limit: 2, offset: 2 }, 2);
    expect(second.hits.map((hit) => hit.file.id)).toEqual([
      files.teamRestricted!.id,
      files.title2!.id,
    ]);
    const last = await searchAs('prosecutor', own, { limit: 4, offset: 4 }, 2);
    expect(last.hits.map((hit) => hit.file.id)).toEqual([files.noteOnly!.id, files.title1!.id]);
    // The last page is short: the walk reached the end, the total is exact.
    expect(last).toMatchObject({ total: 6, totalIsLowerBound: false });
  });

  it('never lists a file the user may not open, however common the word', async () => {
    const officer = await searchAs('officeOfficer', own, { limit: 50, offset: 0 }, 1);
    const found = officer.hits.map((hit) => hit.file.id);
    expect(found).not.toContain(files.otherOffice!.id);
    expect(found).not.toContain(files.teamElsewhere!.id);
    const prosecutor = await searchAs('prosecutor', own, { limit: 50, offset: 0 }, 1);
    const seen = prosecutor.hits.map((hit) => hit.file.id);
    expect(seen).not.toContain(files.familyProtection!.id);
    expect(seen).not.toContain(files.otherOffice!.id);
    expect(seen).not.toContain(files.unrelated!.id);
  });
});
