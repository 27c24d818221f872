/**
 * The performance measures on a generated history (issue 8): every measure, nationally and for
 * one institution, one unit, one case type and one offence class, with and without a split by
 * two dimensions, equals the figure the test computes independently from the data set's
 * specification (performance-expected.ts). The data set lives in a database of its own, so the
 * national figures are exactly its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dimension } from '../../src/statistics/dimensions';
import { attritionTable } from '../../src/statistics/performance-tables';
import { countAttrition } from '../../src/statistics/performance.repository';
import { buildTestApp, type TestApp } from '../support/app';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { signedInUser } from '../support/factories';
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
  expectedPendingAge,
  expectedTimeToDisposition,
  expectedTrialCertainty,
  expectedWorkload,
  type Scope,
  type Standards,
} from './performance-expected';

type Headers = Record<string, string>;
type Values = Record<string, number | null>;
interface ApiTable {
  code: string;
  columns: { code: string }[];
  rows: { key: string; labels: { ar: string; en: string }; values: Values }[];
}

let iso: IsolatedDatabase;
let t: TestApp;
let data: Dataset;
let analyst: Headers;
let chief: Headers;
let standards: Standards;

/** 2025 in Hebron (UTC+2 in winter): [2024-12-31T22:00Z, 2025-12-31T22:00Z). */
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const YEAR_START = new Date('2024-12-31T22:00:00Z');
const YEAR_UNTIL = new Date('2025-12-31T22:00:00Z');
const NOW = new Date('2026-03-15T09:00:00Z');
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

beforeAll(async () => {
  iso = await isolatedTestDatabase();
  t = await buildTestApp({ handle: iso.handle });
  t.clock.set(NOW);
  const db = iso.handle.db;
  data = generateDataset(20_261, await buildOrganisation(db), 90);
  await insertDataset(db, data);
  analyst = (
    await signedInUser(
      db,
      { grants: [{ role: 'analyst', institutionId: null, validFrom: LONG_AGO }] },
      NOW,
    )
  ).headers;
  chief = (
    await signedInUser(
      db,
      {
        institutionId: data.institutions.prosecution,
        grants: [
          {
            role: 'chief_prosecutor',
            institutionId: data.institutions.prosecution,
            validFrom: LONG_AGO,
          },
        ],
      },
      NOW,
    )
  ).headers;
  standards = {
    felony: t.config.felonyTimeStandard.map((s) => ({ ...s })),
    misdemeanour: t.config.misdemeanourTimeStandard.map((s) => ({ ...s })),
  };
}, 180_000);

afterAll(async () => {
  await t.app.close();
  await iso.dispose();
});

async function ask(headers: Headers, query: Record<string, string>) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/statistics/performance?${new URLSearchParams(query).toString()}`,
    headers,
  });
  if (response.statusCode !== 200) {
    throw new Error(`${response.statusCode}: ${response.body}`);
  }
  return response.json<{ measures: ApiTable[]; namesShown: boolean; asOf: string }>();
}

const tableOf = (body: { measures: ApiTable[] }, code: string) => {
  const table = body.measures.find((m) => m.code === code);
  if (!table) throw new Error(`no ${code}`);
  return table;
};

/**
 * Every row of the API's table equals the expected row; a category the expectation does not
 * list has no unit, so its counts are zero and its ratios empty.
 */
function expectTable(table: ApiTable, expected: Map<string, Values>, label: string) {
  const keys = new Set(table.rows.map((r) => r.key));
  for (const key of expected.keys()) expect(keys, `${label}: row ${key}`).toContain(key);
  for (const row of table.rows) {
    const want = expected.get(row.key);
    for (const column of table.columns) {
      const got = row.values[column.code] ?? null;
      const where = `${label} ${row.key} ${column.code}`;
      if (!want) {
        if (column.code === 'period_days') continue;
        expect(got === 0 || got === null, `${where}: ${got}`).toBe(true);
        continue;
      }
      const value = want[column.code] ?? null;
      if (value === null || got === null) expect(got, where).toBe(value);
      else if (Number.isInteger(value) && Number.isInteger(got)) expect(got, where).toBe(value);
      else expect(Math.abs(got - value), `${where}: ${got} vs ${value}`).toBeLessThanOrEqual(0.011);
    }
  }
}

function checkAll(body: { measures: ApiTable[] }, scope: Scope, periodDays: number, label: string) {
  expectTable(
    tableOf(body, 'clearance_rate'),
    expectedClearance(data, scope),
    `${label} clearance`,
  );
  expectTable(
    tableOf(body, 'time_to_disposition'),
    expectedTimeToDisposition(data, scope, standards),
    `${label} time`,
  );
  expectTable(
    tableOf(body, 'pending_age'),
    expectedPendingAge(data, scope, standards),
    `${label} pending`,
  );
  expectTable(
    tableOf(body, 'trial_date_certainty'),
    expectedTrialCertainty(data, scope),
    `${label} trial`,
  );
  expectTable(
    tableOf(body, 'disposition_time'),
    expectedDispositionTime(data, scope, periodDays),
    `${label} cepej`,
  );
  expectTable(tableOf(body, 'detention'), expectedDetention(data, scope), `${label} detention`);
  expectTable(tableOf(body, 'attrition'), expectedAttrition(data, scope), `${label} attrition`);
}

const yearScope = (extra: Partial<Scope> = {}): Scope => ({
  start: YEAR_START,
  until: YEAR_UNTIL,
  asOf: YEAR_UNTIL,
  institutionIds: null,
  dimensions: [],
  ...extra,
});

describe('the performance measures on a generated history', () => {
  it('has data in every measure, so that the comparisons mean something', async () => {
    const body = await ask(analyst, YEAR);
    const total = (code: string, column: string) =>
      tableOf(body, code).rows.find((r) => r.key === 'all')?.values[column] ?? 0;
    expect(total('clearance_rate', 'incoming')).toBeGreaterThan(20);
    expect(total('clearance_rate', 'disposed')).toBeGreaterThan(20);
    expect(total('pending_age', 'pending')).toBeGreaterThan(5);
    expect(total('trial_date_certainty', 'tried')).toBeGreaterThan(2);
    expect(total('detention', 'held')).toBeGreaterThan(1);
    expect(total('detention', 'beyond_limits')).toBeGreaterThan(0);
    expect(total('attrition', 'convicted')).toBeGreaterThan(1);
    expect(tableOf(body, 'workload').rows.length).toBeGreaterThan(3);
  });

  it('equals the independent computation nationally, for 2025', async () => {
    checkAll(await ask(analyst, YEAR), yearScope(), 365, 'national');
  });

  it('equals it split by accused sex and victim age band', async () => {
    const body = await ask(analyst, { ...YEAR, splitBy: 'accusedSex,victimAgeBand' });
    const scope = yearScope({ dimensions: ['accusedSex', 'victimAgeBand'] });
    checkAll(body, scope, 365, 'split');
    // Every category listed: 3 sexes × 6 age bands, plus the total.
    expect(tableOf(body, 'clearance_rate').rows).toHaveLength(1 + 3 * 6);
  });

  it('equals it split by victim sex and accused age band', async () => {
    const body = await ask(analyst, { ...YEAR, splitBy: 'victimSex,accusedAgeBand' });
    checkAll(body, yearScope({ dimensions: ['victimSex', 'accusedAgeBand'] }), 365, 'split2');
  });

  it('equals it for one institution, one unit, one case type and one offence class', async () => {
    const prosecution = data.institutions.prosecution;
    checkAll(
      await ask(analyst, { ...YEAR, institutionId: prosecution }),
      yearScope({ institutionIds: [prosecution] }),
      365,
      'institution',
    );
    checkAll(
      await ask(analyst, { ...YEAR, unitId: data.unitId, splitBy: 'accusedSex' }),
      yearScope({ institutionIds: [prosecution], unitId: data.unitId, dimensions: ['accusedSex'] }),
      365,
      'unit',
    );
    checkAll(
      await ask(analyst, { ...YEAR, caseType: 'court_case' }),
      yearScope({ caseType: 'court_case' }),
      365,
      'court cases',
    );
    for (const offenceClass of ['felony', 'misdemeanour', 'none']) {
      checkAll(
        await ask(analyst, { ...YEAR, offenceClass }),
        yearScope({ offenceClass }),
        365,
        offenceClass,
      );
    }
  });

  it('equals it for attrition over several institutions (the first file among them)', async () => {
    // The API gives such a scope to a reader with grants in several institutions; the repository
    // is asked directly here. One institution and the whole country read the units' stored
    // first-file flags; several institutions look for the first file among theirs.
    const ids = [data.institutions.police, data.institutions.prosecution].sort();
    const scope = yearScope({ institutionIds: ids, dimensions: ['accusedSex'] });
    const rows = await countAttrition(iso.handle.db, {
      ...scope,
      dimensions: scope.dimensions as Dimension[],
      unitId: null,
      caseType: null,
      offenceClass: null,
      fileClass: 'all',
    });
    expect(rows.length).toBeGreaterThan(0);
    expectTable(
      attritionTable(scope.dimensions as Dimension[], rows),
      expectedAttrition(data, scope),
      'several institutions attrition',
    );
  });

  it('equals it for a quarter, and takes snapshots now when the period is not over', async () => {
    const quarter = { from: '2025-04-01', to: '2025-06-30' };
    // Hebron is UTC+3 in summer.
    const start = new Date('2025-03-31T21:00:00Z');
    const until = new Date('2025-06-30T21:00:00Z');
    checkAll(
      await ask(analyst, quarter),
      { start, until, asOf: until, institutionIds: null, dimensions: [] },
      91,
      'quarter',
    );
    const now = new Date('2025-05-20T10:00:00Z');
    t.clock.set(now);
    try {
      const early = await signedInUser(
        iso.handle.db,
        { grants: [{ role: 'analyst', institutionId: null, validFrom: LONG_AGO }] },
        now,
      );
      const body = await ask(early.headers, quarter);
      expect(body.asOf).toBe(now.toISOString());
      checkAll(body, { start, until, asOf: now, institutionIds: null, dimensions: [] }, 91, 'open');
    } finally {
      t.clock.set(NOW);
    }
  });

  it('counts the workload of each lead prosecutor and judge', async () => {
    const body = await ask(chief, { ...YEAR, measures: 'workload' });
    expect(body.namesShown).toBe(true);
    const expected = expectedWorkload(
      data,
      yearScope({ institutionIds: [data.institutions.prosecution] }),
    );
    const table = tableOf(body, 'workload');
    const people = table.rows.filter((r) => r.key !== 'all');
    expect(people.map((r) => r.key).sort()).toEqual([...expected.keys()].sort());
    for (const row of people) {
      const want = expected.get(row.key)!;
      expect(row.values).toEqual({
        incoming: want.incoming,
        disposed: want.disposed,
        pending: want.pending,
        overdue_deadlines: want.overdue,
      });
    }
    // National, for an analyst: the same figures, people unnamed and unidentified.
    const national = await ask(analyst, { ...YEAR, measures: 'workload' });
    expect(national.namesShown).toBe(false);
    const all = expectedWorkload(data, yearScope());
    const rows = tableOf(national, 'workload').rows.filter((r) => r.key !== 'all');
    expect(rows).toHaveLength(all.size);
    const userIds = [...data.users.prosecutors, ...data.users.judges];
    for (const row of rows) {
      expect(row.key).toMatch(/^(prosecutor|judge)-\d+$/);
      expect(JSON.stringify(row)).not.toMatch(/User user\.|مستخدم/);
      for (const id of userIds) expect(JSON.stringify(row)).not.toContain(id);
    }
    const sum = (rs: { values: Values }[], c: string) =>
      rs.reduce((s, r) => s + (r.values[c] ?? 0), 0);
    const expectedSum = (c: 'incoming' | 'disposed' | 'pending' | 'overdue') =>
      [...all.values()].reduce((s, r) => s + r[c], 0);
    expect(sum(rows, 'incoming')).toBe(expectedSum('incoming'));
    expect(sum(rows, 'pending')).toBe(expectedSum('pending'));
    expect(sum(rows, 'overdue_deadlines')).toBe(expectedSum('overdue'));
  });
});
