/**
 * The open data (issue 8): published without signing in, aggregates of normal files only, every
 * small cell withheld and none computable from what is shown, juvenile and family protection
 * files only as national totals above the threshold, and nothing that names anyone. The figures
 * are checked against the independent computation (performance-expected.ts) on a database of the
 * test's own.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import {
  buildOrganisation,
  generateDataset,
  insertDataset,
  type Dataset,
} from './performance-dataset';
import {
  expectedAttrition,
  expectedClearance,
  expectedDetention,
  expectedDispositionTime,
  type Scope,
} from './performance-expected';

let iso: IsolatedDatabase;
let t: TestApp;
let data: Dataset;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const START = new Date('2024-12-31T22:00:00Z');
const UNTIL = new Date('2025-12-31T22:00:00Z');
const COUNTS = [
  'incoming',
  'disposed',
  'pending',
  'reported',
  'indicted',
  'convicted',
  'held',
  'beyond_limits',
] as const;

interface Row {
  institution: { id: string } | null;
  values: Record<string, number | null>;
  suppressed: string[];
}
interface Answer {
  threshold: number;
  rows: Row[];
  juvenile: Record<string, { value: number | null; suppressed: boolean }>;
  familyProtection: Record<string, { value: number | null; suppressed: boolean }>;
}

beforeAll(async () => {
  iso = await isolatedTestDatabase();
  t = await buildTestApp({ handle: iso.handle });
  data = generateDataset(77_123, await buildOrganisation(iso.handle.db), 110);
  await insertDataset(iso.handle.db, data);
}, 180_000);

afterAll(async () => {
  await t.app.close();
  await iso.dispose();
});

async function openData(app = t.app, query: Record<string, string> = YEAR) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/v1/open-data/performance?${new URLSearchParams(query).toString()}`,
  });
  return response;
}

/** The exact public counts of one institution (null: the country), computed independently. */
function exact(institutionId: string | null, fileClass: Scope['fileClass'] = 'public') {
  const scope: Scope = {
    start: START,
    until: UNTIL,
    asOf: UNTIL,
    institutionIds: institutionId ? [institutionId] : null,
    dimensions: [],
    fileClass,
  };
  const all = (table: Map<string, Record<string, number | null>>) => table.get('all') ?? {};
  const clearance = all(expectedClearance(data, scope));
  const backlog = all(expectedDispositionTime(data, scope, 365));
  const attrition = all(expectedAttrition(data, scope));
  const detention = all(expectedDetention(data, scope));
  return {
    incoming: clearance.incoming ?? 0,
    disposed: clearance.disposed ?? 0,
    pending: backlog.pending ?? 0,
    reported: attrition.reported ?? 0,
    indicted: attrition.indicted ?? 0,
    convicted: attrition.convicted ?? 0,
    held: detention.held ?? 0,
    beyond_limits: detention.beyond_limits ?? 0,
  } as Record<(typeof COUNTS)[number], number>;
}

describe('the open data', () => {
  it('answers without signing in, with the exact figure of every count it shows', async () => {
    const response = await openData();
    expect(response.statusCode).toBe(200);
    const body = response.json<Answer>();
    expect(body.threshold).toBe(5);
    // The country and every institution of the chain, the data set's three among them.
    expect(body.rows[0]?.institution).toBeNull();
    const ids = body.rows.map((r) => r.institution?.id);
    for (const id of Object.values(data.institutions)) expect(ids).toContain(id);
    let shown = 0;
    let withheld = 0;
    for (const row of body.rows) {
      const want = exact(row.institution?.id ?? null);
      for (const count of COUNTS) {
        const value = row.values[count];
        if (value === null) {
          withheld++;
          expect(row.suppressed).toContain(count);
        } else {
          shown++;
          expect(value, `${row.institution?.id ?? 'country'} ${count}`).toBe(want[count]);
          expect(value).toBeGreaterThanOrEqual(5);
        }
      }
    }
    // Both happen on this data set, so both branches above were tested.
    expect(shown).toBeGreaterThan(5);
    expect(withheld).toBeGreaterThan(5);
  });

  it('withholds every count below the threshold, zero included', async () => {
    const body = (await openData()).json<Answer>();
    for (const row of body.rows) {
      const want = exact(row.institution?.id ?? null);
      for (const count of COUNTS) {
        if (want[count] < 5) expect(row.values[count], `${count} = ${want[count]}`).toBeNull();
      }
    }
  });

  it('lets no withheld count be worked out from the counts shown', async () => {
    const body = (await openData()).json<Answer>();
    const [country, ...institutions] = body.rows;
    // The institutions add up to the country: one withheld institution alone is computable.
    for (const count of COUNTS) {
      if (country?.values[count] === null) continue;
      const hidden = institutions.filter((r) => r.values[count] === null);
      if (hidden.length === 0) continue;
      expect(hidden.length, `${count}: a single withheld institution`).toBeGreaterThan(1);
      const sum = hidden.reduce((s, r) => s + exact(r.institution!.id)[count], 0);
      expect(
        sum,
        `${count}: the withheld institutions add up to a small number`,
      ).toBeGreaterThanOrEqual(5);
    }
    // Within a row: reported − indicted, indicted − convicted, held − beyond the limits.
    for (const row of body.rows) {
      const v = row.values;
      const pairs = [
        ['reported', 'indicted'],
        ['indicted', 'convicted'],
        ['held', 'beyond_limits'],
      ] as const;
      for (const [total, part] of pairs) {
        if (v[total] !== null && v[part] !== null) {
          expect(v[total]! - v[part]!, `${total} − ${part}`).toBeGreaterThanOrEqual(5);
        }
      }
      // A percentage only from counts shown.
      if (v.clearance_rate !== null) expect(v.incoming !== null && v.disposed !== null).toBe(true);
      if (v.disposition_time !== null) expect(v.pending !== null && v.disposed !== null).toBe(true);
    }
  });

  it('publishes juvenile and family protection files only as totals above the threshold', async () => {
    const body = (await openData()).json<Answer>();
    for (const [published, fileClass] of [
      [body.juvenile, 'juvenile'],
      [body.familyProtection, 'family_protection'],
    ] as const) {
      const want = exact(null, fileClass);
      for (const count of ['incoming', 'disposed', 'pending'] as const) {
        const cell = published[count]!;
        if (want[count] < 5) expect(cell).toEqual({ value: null, suppressed: true });
        else expect(cell).toEqual({ value: want[count], suppressed: false });
      }
    }
    // And nowhere else: the public figures leave those files out.
    const all = exact(null, 'all');
    const pub = exact(null, 'public');
    expect(all.incoming).toBeGreaterThan(pub.incoming);
  });

  it('leaks nothing: no name, no file, no person, no member of staff', async () => {
    const text = (await openData()).body;
    expect(text).not.toMatch(/أداء|PERF-|User user\.|مستخدم|شخص/);
    for (const id of [
      ...data.persons.map((p) => p.id),
      ...data.files.map((f) => f.id),
      ...data.users.prosecutors,
      ...data.users.judges,
    ]) {
      expect(text).not.toContain(id);
    }
  });

  it('does not move when restricted, juvenile or family protection files are added', async () => {
    const before = (await openData()).json<Answer>();
    const db = iso.handle.db;
    const matter = await db
      .insertInto('matters')
      .values({ incident_date: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const persons = await db
      .insertInto('persons')
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          first_name_ar: 'سري',
          family_name_ar: `مقيد ${i}`,
          sex: 'male' as const,
        })),
      )
      .returning('id')
      .execute();
    for (const variant of [
      {
        confidentiality: 'restricted' as const,
        is_juvenile: false,
        is_family_protection: false,
        family_protection_reasons: [] as 'family_relationship'[],
      },
      {
        confidentiality: 'normal' as const,
        is_juvenile: true,
        is_family_protection: false,
        family_protection_reasons: [] as 'family_relationship'[],
      },
      {
        confidentiality: 'normal' as const,
        is_juvenile: false,
        is_family_protection: true,
        family_protection_reasons: ['family_relationship' as const],
      },
    ]) {
      const file = await db
        .insertInto('cases')
        .values({
          matter_id: matter.id,
          case_type: 'prosecution_file',
          workflow_version: 1,
          institution_id: data.institutions.prosecution,
          state: 'under_investigation',
          intake_status: 'accepted',
          serial: 900_000 + Math.floor(Math.random() * 99_999),
          year: 2025,
          reference: `SECRET-${randomUUID()}`,
          opened_at: new Date('2025-06-01T08:00:00Z'),
          ...variant,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('parties')
        .values(
          persons.map((p) => ({
            case_id: file.id,
            person_id: p.id,
            role: 'accused' as const,
            added_at: new Date('2025-06-01T08:00:00Z'),
          })),
        )
        .execute();
    }
    const after = (await openData()).json<Answer>();
    expect(after.rows).toEqual(before.rows);
    // The totals of juvenile and family protection files moved by 12 each (above the threshold).
    expect(after.juvenile.incoming?.value).toBe(exact(null, 'juvenile').incoming + 12);
    expect(after.familyProtection.incoming?.value).toBe(
      exact(null, 'family_protection').incoming + 12,
    );
  });

  it('follows the configured threshold, and refuses bad periods with a 400', async () => {
    const low = await buildTestApp({
      handle: iso.handle,
      env: { QADIYA_SMALL_CELL_THRESHOLD: '2' },
    });
    try {
      const body = (await openData(low.app)).json<Answer>();
      expect(body.threshold).toBe(2);
      const prosecution = body.rows.find(
        (r) => r.institution?.id === data.institutions.prosecution,
      );
      expect(prosecution?.values.incoming).toBe(exact(data.institutions.prosecution).incoming);
    } finally {
      await low.app.close();
    }
    const inverted = await openData(t.app, { from: '2025-12-31', to: '2025-01-01' });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().error.details.issues[0].code).toBe('PERIOD_INVERTED');
    expect((await openData(t.app, { from: '2024-01-01', to: '2025-12-31' })).statusCode).toBe(400);
  });
});
