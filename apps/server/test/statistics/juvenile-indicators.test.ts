/**
 * The juvenile justice indicators on a generated data set: every indicator, its breakdown by sex
 * and age band and its per-100,000 rate, as the API computes them in SQL, equal the figures the
 * test computes independently from the data set's specification (expected-indicators.ts). The data
 * set lives in a database of its own, so the national figures are exactly its own.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { signedInUser } from '../support/factories';
import {
  bandOfAge,
  expectedIndicators,
  type ExpectedCell,
  type Population,
} from './expected-indicators';
import {
  buildDatasetInstitutions,
  generateDataset,
  insertDataset,
  type Dataset,
} from './juvenile-dataset';

const TZ = 'Asia/Hebron';
const DAY = 86_400_000;

/** Local midnight of a calendar date in a time zone, found with Intl alone. */
function localMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  let guess = Date.UTC(y, m - 1, d);
  for (let i = 0; i < 3; i++) {
    const parts = format.formatToParts(new Date(guess));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    guess = Date.UTC(y, m - 1, d) - (wall - guess);
  }
  return new Date(guess);
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/**
 * Files on either side of the year's boundaries in Hebron (UTC+2 in winter): what a count in UTC
 * would put in the wrong year.
 */
function addBoundaryCases(data: Dataset): void {
  const child = (sex: 'female' | 'male', age: number, openedAt: string) => {
    const person = { id: randomUUID(), sex, kind: 'child' as const };
    const file = {
      id: randomUUID(),
      matterId: randomUUID(),
      caseType: 'prosecution_file' as const,
      institutionId: data.institutions.prosecutionA,
      openedAt: new Date(openedAt),
      isReturned: false,
      disposedAt: null as Date | null,
    };
    const party = {
      id: randomUUID(),
      fileId: file.id,
      personId: person.id,
      role: 'accused' as const,
      age,
      status: 'juvenile' as const,
    };
    data.persons.push(person);
    data.files.push(file);
    data.parties.push(party);
    return { file, party };
  };
  // 00:30 on 1 January 2025 in Hebron: a file of 2025. 23:30 on 31 December 2024: of 2024.
  child('female', 13, '2024-12-31T22:30:00Z');
  child('male', 16, '2024-12-31T21:30:00Z');
  // Released at 00:30 on 1 January 2026 in Hebron: still held at the end of 2025.
  const held = child('female', 14, '2025-12-01T08:00:00Z');
  data.detentions.push({
    fileId: held.file.id,
    partyId: held.party.id,
    arrestedAt: new Date('2025-12-01T09:00:00Z'),
    releasedAt: new Date('2025-12-31T22:30:00Z'),
  });
  // Diverted, closed and released at 23:30 on 31 December 2025 in Hebron: all in 2025.
  const diverted = child('male', 15, '2025-11-20T08:00:00Z');
  diverted.file.disposedAt = new Date('2025-12-31T21:30:00Z');
  data.detentions.push({
    fileId: diverted.file.id,
    partyId: diverted.party.id,
    arrestedAt: new Date('2025-12-10T09:00:00Z'),
    releasedAt: new Date('2025-12-31T21:00:00Z'),
  });
  data.charges.push({
    fileId: diverted.file.id,
    partyId: diverted.party.id,
    disposition: 'diverted',
    disposedAt: new Date('2025-12-31T21:30:00Z'),
    custodialMonths: null,
  });
  // Convicted at 00:30 on 1 January 2026 in Hebron: not a conviction of 2025.
  const convicted = child('male', 17, '2025-10-01T08:00:00Z');
  data.charges.push({
    fileId: convicted.file.id,
    partyId: convicted.party.id,
    disposition: 'convicted',
    disposedAt: new Date('2025-12-31T22:30:00Z'),
    custodialMonths: 6,
  });
}

/** Figures of 2024 only: the rates of 2025 use them, those of 2023 have none. */
const POPULATION_2024 = [
  { sex: 'female', ageBand: 'under_12', population: 800_000 },
  { sex: 'female', ageBand: '12_13', population: 130_000 },
  { sex: 'female', ageBand: '14_15', population: 125_000 },
  { sex: 'female', ageBand: '16_17', population: 120_000 },
  { sex: 'male', ageBand: 'under_12', population: 840_000 },
  { sex: 'male', ageBand: '12_13', population: 137_000 },
  { sex: 'male', ageBand: '14_15', population: 131_000 },
  { sex: 'male', ageBand: '16_17', population: 126_000 },
] as const;

const population2024: Population = {
  total: POPULATION_2024.reduce((total, f) => total + f.population, 0),
  cells: new Map(POPULATION_2024.map((f) => [`${f.sex}|${f.ageBand}`, f.population])),
};

interface ApiCell extends ExpectedCell {
  sex: string;
  ageBand: string;
}

function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
  } else {
    expect(actual, what).not.toBeNull();
    expect(actual as number, what).toBeCloseTo(expected, 1);
  }
}

function expectCell(actual: ExpectedCell, expected: ExpectedCell, what: string): void {
  expectClose(actual.value, expected.value, `${what} value`);
  expectClose(actual.numerator, expected.numerator, `${what} numerator`);
  expectClose(actual.denominator, expected.denominator, `${what} denominator`);
  expectClose(actual.median, expected.median, `${what} median`);
  expectClose(actual.periods, expected.periods, `${what} periods`);
  expectClose(actual.ratePer100k, expected.ratePer100k, `${what} ratePer100k`);
}

let iso: IsolatedDatabase;
let t: TestApp;
let data: Dataset;
let analyst: Record<string, string>;
let chiefA: Record<string, string>;

beforeAll(async () => {
  iso = await isolatedTestDatabase();
  t = await buildTestApp({ handle: iso.handle });
  const db = iso.handle.db;
  const institutions = await buildDatasetInstitutions(db);
  data = generateDataset(20_250_105, institutions);
  addBoundaryCases(data);
  await insertDataset(db, data);
  analyst = (await signedInUser(db, { grants: [{ role: 'analyst', institutionId: null }] }))
    .headers;
  chiefA = (
    await signedInUser(db, {
      institutionId: institutions.prosecutionA,
      grants: [{ role: 'chief_prosecutor', institutionId: institutions.prosecutionA }],
    })
  ).headers;
  const admin = await signedInUser(db, { grants: [{ role: 'admin', institutionId: null }] });
  const put = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/statistics/child-population/2024',
    headers: admin.headers,
    payload: { source: 'Test figures', figures: POPULATION_2024 },
  });
  expect(put.statusCode).toBe(200);
}, 180_000);

afterAll(async () => {
  await t.app.close();
  await iso.dispose();
});

async function ask(headers: Record<string, string>, query: Record<string, string>) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/statistics/juvenile-indicators?${new URLSearchParams(query).toString()}`,
    headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{
    period: { from: string; to: string };
    institutionId: string | null;
    institutions: { id: string }[];
    childPopulation: { year: number; total: number; source: string } | null;
    dataQuality: { accusedAgeUnknown: number };
    indicators: (ExpectedCell & {
      code: string;
      unit: string;
      labels: { ar: string; en: string };
      breakdown: ApiCell[];
      standard?: { days: number; targetPercent: number; actualPercent: number | null }[];
    })[];
  }>();
}

type Answer = Awaited<ReturnType<typeof ask>>;

function compare(
  answer: Answer,
  from: string,
  to: string,
  institutionIds: string[] | null,
  population: Population | null,
) {
  const expected = expectedIndicators(data, {
    start: localMidnight(from, TZ),
    until: localMidnight(nextDay(to), TZ),
    institutionIds,
    standard: t.config.juvenileTimeStandard,
    population,
  });
  expect(answer.dataQuality.accusedAgeUnknown).toBe(expected.accusedAgeUnknown);
  expect(answer.indicators.map((i) => i.code)).toEqual(Object.keys(expected.indicators));
  for (const indicator of answer.indicators) {
    const want = expected.indicators[indicator.code];
    if (!want) throw new Error(`unexpected indicator ${indicator.code}`);
    expectCell(indicator, want, indicator.code);
    const cells = new Map(indicator.breakdown.map((cell) => [`${cell.sex}|${cell.ageBand}`, cell]));
    expect([...cells.keys()].sort(), `${indicator.code} breakdown cells`).toEqual(
      [...want.breakdown.keys()].sort(),
    );
    for (const [key, cell] of want.breakdown) {
      expectCell(cells.get(key) as ApiCell, cell, `${indicator.code} ${key}`);
    }
    if (want.standard) {
      expect(indicator.standard).toHaveLength(want.standard.length);
      want.standard.forEach((step, index) => {
        const actual = indicator.standard?.[index];
        expect(actual?.days).toBe(step.days);
        expect(actual?.targetPercent).toBe(step.targetPercent);
        expectClose(actual?.actualPercent ?? null, step.actualPercent, `standard ${step.days}`);
      });
    }
  }
  return expected;
}

describe('juvenile indicators on a generated data set', () => {
  it('reads the period in Hebron time', () => {
    // The test's own conversion, checked against a known offset (UTC+2 in winter).
    expect(localMidnight('2025-01-01', TZ).toISOString()).toBe('2024-12-31T22:00:00.000Z');
    expect(bandOfAge(13)).toBe('12_13');
  });

  it('equals the independent computation for the whole country over 2025', async () => {
    const answer = await ask(analyst, { from: '2025-01-01', to: '2025-12-31' });
    expect(answer.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(answer.institutionId).toBeNull();
    expect(answer.institutions).toEqual([]);
    // The latest figures not after 2025.
    expect(answer.childPopulation).toEqual({
      year: 2024,
      total: population2024.total,
      source: 'Test figures',
    });
    const expected = compare(answer, '2025-01-01', '2025-12-31', null, population2024);

    // The data set exercises every indicator, both sexes and every band.
    const { indicators } = expected;
    const get = (code: string) => {
      const indicator = indicators[code];
      if (!indicator) throw new Error(code);
      return indicator;
    };
    expect(get('children_in_conflict').value).toBeGreaterThan(30);
    const sexes = new Set(
      [...get('children_in_conflict').breakdown.keys()].map((k) => k.split('|')[0]),
    );
    expect(sexes).toEqual(new Set(['female', 'male', 'unknown']));
    const bands = new Set(
      [...get('children_in_conflict').breakdown.keys()].map((k) => k.split('|')[1]),
    );
    expect(bands).toEqual(new Set(['12_13', '14_15', '16_17']));
    expect(get('children_in_detention').value).toBeGreaterThan(2);
    expect(get('children_in_pre_sentence_detention').value).toBeGreaterThan(0);
    expect(get('children_in_pre_sentence_detention').value).toBeLessThanOrEqual(
      get('children_in_detention').value ?? 0,
    );
    expect(get('pre_sentence_detention_days').periods).toBeGreaterThan(5);
    for (const code of ['custodial_sentencing_rate', 'pre_sentence_diversion_rate']) {
      expect(get(code).denominator, code).toBeGreaterThan(5);
      expect(get(code).value, code).toBeGreaterThan(0);
      expect(get(code).value, code).toBeLessThan(100);
    }
    expect(get('time_to_disposition_detained').denominator).toBeGreaterThan(5);
    // A child named in several files of a matter (or in several matters) is counted once.
    const childRows = data.parties.filter((p) => p.role === 'accused' && p.status === 'juvenile');
    expect(new Set(childRows.map((p) => p.personId)).size).toBeLessThan(childRows.length);
  });

  it('equals it for one prosecution office, asked by an analyst or by its chief prosecutor', async () => {
    const office = data.institutions.prosecutionA;
    const byAnalyst = await ask(analyst, {
      from: '2025-01-01',
      to: '2025-12-31',
      institutionId: office,
    });
    expect(byAnalyst.institutionId).toBe(office);
    expect(byAnalyst.institutions.map((i) => i.id)).toEqual([office]);
    compare(byAnalyst, '2025-01-01', '2025-12-31', [office], population2024);

    // The chief prosecutor's own office is the default.
    const byChief = await ask(chiefA, { from: '2025-01-01', to: '2025-12-31' });
    expect(byChief.institutionId).toBeNull();
    expect(byChief.institutions.map((i) => i.id)).toEqual([office]);
    expect(byChief.indicators).toEqual(byAnalyst.indicators);
  });

  it('equals it for the court over a half-year across the summer time change', async () => {
    const court = data.institutions.court;
    for (const query of [
      { from: '2025-04-01', to: '2025-09-30', ids: null },
      { from: '2025-04-01', to: '2025-09-30', ids: [court] },
      { from: '2025-07-15', to: '2025-07-15', ids: null },
    ]) {
      const answer = await ask(analyst, {
        from: query.from,
        to: query.to,
        ...(query.ids ? { institutionId: query.ids[0] as string } : {}),
      });
      compare(answer, query.from, query.to, query.ids, population2024);
    }
  });

  it('gives no rates when no population figures precede the period', async () => {
    const answer = await ask(analyst, { from: '2023-01-01', to: '2023-12-31' });
    expect(answer.childPopulation).toBeNull();
    for (const indicator of answer.indicators) {
      expect(indicator.ratePer100k).toBeNull();
      for (const cell of indicator.breakdown) expect(cell.ratePer100k).toBeNull();
    }
    compare(answer, '2023-01-01', '2023-12-31', null, null);
  });

  it('follows a configured time standard', async () => {
    const custom = await buildTestApp({
      handle: iso.handle,
      env: { QADIYA_JUVENILE_TIME_STANDARD: '10:50, 60:80' },
    });
    try {
      const response = await custom.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/juvenile-indicators?from=2025-01-01&to=2025-12-31',
        headers: analyst,
      });
      expect(response.statusCode).toBe(200);
      const indicator = response
        .json<Answer>()
        .indicators.find((i) => i.code === 'time_to_disposition_detained');
      const expected = expectedIndicators(data, {
        start: localMidnight('2025-01-01', TZ),
        until: localMidnight('2026-01-01', TZ),
        institutionIds: null,
        standard: [
          { days: 10, targetPercent: 50 },
          { days: 60, targetPercent: 80 },
        ],
        population: population2024,
      }).indicators.time_to_disposition_detained;
      expect(indicator?.standard?.map((s) => [s.days, s.targetPercent])).toEqual([
        [10, 50],
        [60, 80],
      ]);
      expectClose(indicator?.value ?? null, expected?.value ?? null, 'value');
      expectClose(
        indicator?.standard?.[1]?.actualPercent ?? null,
        expected?.standard?.[1]?.actualPercent ?? null,
        'second step',
      );
    } finally {
      await custom.app.close();
    }
  });
});
