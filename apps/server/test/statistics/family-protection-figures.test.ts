/**
 * The family protection dashboard on a generated data set (its own database, so that the whole
 * country is only this data set): every figure, unsplit and split by each dimension, equals the
 * independent computation of family-protection-expected.ts. The family protection unit sees its
 * office's figures exact; an analyst sees the country with small cells withheld: every count shown
 * is exact and at least the threshold, no count below the threshold is shown, and none can be
 * computed from the counts shown (checked against the relations between them, independently of
 * the server's suppression).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { signedInUser } from '../support/factories';
import {
  answerFigures,
  relationsOf,
  withHidden,
  type Answer,
  type AnswerFigure,
} from './family-protection-answer';
import {
  addBoundaryComplaints,
  buildDatasetInstitutions,
  generateDataset,
  type Dataset,
} from './family-protection-dataset';
import { insertDataset } from './family-protection-insert';
import {
  categoriesOf,
  expectedFigures,
  localMidnight,
  nextDay,
  type DimensionName,
  type Expected,
  type Figure,
} from './family-protection-expected';

type Headers = Record<string, string>;

const TZ = 'Asia/Hebron';
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const DIMENSIONS: DimensionName[] = [
  'victimSex',
  'victimAgeBand',
  'accusedSex',
  'accusedAgeBand',
  'relationship',
];
const FIGURES = ['attrition', 'gbvTypes', 'referrals', 'measures'] as const;

let iso: IsolatedDatabase;
let t: TestApp;
let data: Dataset;
let analyst: Headers;
/** A prosecutor of office A's family protection unit; a chief prosecutor of office B's. */
let unitA: Headers;
let unitB: Headers;
/** Office A's chief prosecutor, through a grant on the whole office. */
let chiefA: Headers;

beforeAll(async () => {
  iso = await isolatedTestDatabase();
  t = await buildTestApp({ handle: iso.handle });
  const db = iso.handle.db;
  const institutions = await buildDatasetInstitutions(db);
  data = generateDataset(20_260_106, institutions);
  addBoundaryComplaints(data);
  await insertDataset(db, data);
  const user = async (role: 'prosecutor' | 'chief_prosecutor', office: string, unit?: string) =>
    (
      await signedInUser(db, {
        institutionId: office,
        grants: [{ role, institutionId: office, unitId: unit ?? null }],
      })
    ).headers;
  analyst = (await signedInUser(db, { grants: [{ role: 'analyst', institutionId: null }] }))
    .headers;
  unitA = await user('prosecutor', institutions.officeA, institutions.familyUnitA);
  unitB = await user('chief_prosecutor', institutions.officeB, institutions.familyUnitB);
  chiefA = await user('chief_prosecutor', institutions.officeA);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await iso?.dispose();
});

async function ask(app: TestApp, headers: Headers, query: Record<string, string>) {
  const response = await app.app.inject({
    method: 'GET',
    url: `/api/v1/statistics/family-protection?${new URLSearchParams(query).toString()}`,
    headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Answer>();
}

function expected(
  query: { from: string; to: string },
  institutionIds: string[] | null,
  dimension: DimensionName | null,
  standard = t.config.protectionOrderTimeStandard,
): Expected {
  return expectedFigures(data, {
    start: localMidnight(query.from, TZ),
    until: localMidnight(nextDay(query.to), TZ),
    institutionIds,
    dimension,
    standard,
  });
}

const splitQuery = (dimension: DimensionName | null): Record<string, string> =>
  dimension ? { splitBy: dimension } : {};

function figuresOf(answer: Answer) {
  const figures = answerFigures(answer);
  // The measures timed are the measures issued: one count, shown (or withheld) alike.
  expect(figures.measures.get('~measured')).toEqual(figures.measures.get('issued'));
  figures.measures.delete('~measured');
  return figures;
}

/** Exact figures: every cell of the answer equals the computation, and nothing is withheld. */
function expectExact(answer: Answer, want: Expected, what: string) {
  const figures = figuresOf(answer);
  for (const name of FIGURES) {
    const got = figures[name];
    expect([...got.keys()].sort(), `${what} ${name} cells`).toEqual([...want[name].keys()].sort());
    for (const [cell, values] of want[name]) {
      expect(got.get(cell), `${what} ${name} ${cell}`).toEqual(values);
    }
  }
}

/**
 * Withheld figures: what is shown is exact and at least the threshold; what is below it is
 * withheld; and no relation between the counts lets a reader compute a small one, or learn that
 * the withheld counts of a relation whose total is shown add up to less than the threshold.
 */
function expectProtected(answer: Answer, want: Expected, threshold: number, what: string) {
  const figures = figuresOf(answer);
  let shown = 0;
  for (const name of FIGURES) {
    const got: AnswerFigure = figures[name];
    const full: Figure = withHidden(want[name], name);
    for (const [cell, values] of want[name]) {
      const answered = got.get(cell) ?? [];
      expect(answered, `${what} ${name} ${cell}`).toHaveLength(values.length);
      values.forEach((value, i) => {
        const v = answered[i];
        if (v === null || v === undefined) return;
        shown++;
        expect(v, `${what} ${name} ${cell}[${i}]`).toBe(value);
        expect(v, `${what} ${name} ${cell}[${i}] shown`).toBeGreaterThanOrEqual(threshold);
      });
    }
    const columns = (want[name].values().next().value ?? []).length;
    const steps = [...want[name].keys()].filter((k) => k.startsWith('within:')).length;
    const instances: { total: [string, number]; parts: [string, number][] }[] = [];
    for (const relation of relationsOf(name, steps)) {
      for (let c = 0; c < columns; c++) {
        instances.push({
          total: [relation.total, c],
          parts: relation.parts.map((p): [string, number] => [p, c]),
        });
      }
    }
    if (columns > 1) {
      for (const cell of full.keys()) {
        instances.push({
          total: [cell, 0],
          parts: Array.from({ length: columns - 1 }, (_, i): [string, number] => [cell, i + 1]),
        });
      }
    }
    const isKnown = ([cell, c]: [string, number]) =>
      !cell.startsWith('~') && (got.get(cell)?.[c] ?? null) !== null;
    const valueOf = ([cell, c]: [string, number]) => full.get(cell)?.[c] ?? 0;
    for (const { total, parts } of instances) {
      const label = `${what} ${name}: ${total.join('@')} = ${parts.map((p) => p.join('@')).join(' + ')}`;
      const unknown = [total, ...parts].filter((x) => !isKnown(x));
      if (unknown.length === 1) {
        expect(
          valueOf(unknown[0] as [string, number]),
          `${label} computable`,
        ).toBeGreaterThanOrEqual(threshold);
      }
      const hiddenParts = parts.filter((x) => !isKnown(x));
      if (isKnown(total) && hiddenParts.length > 0) {
        const rest = hiddenParts.reduce((sum, x) => sum + valueOf(x), 0);
        expect(rest, `${label} withheld parts`).toBeGreaterThanOrEqual(threshold);
      }
    }
  }
  return shown;
}

describe('the family protection dashboard on a generated data set', () => {
  it('exercises every figure, both sexes, every age band and relationship', () => {
    const country = expected(YEAR, null, null);
    const attrition = country.attrition;
    expect(attrition.get('complaint')?.[0]).toBeGreaterThan(60);
    for (const [cell, values] of attrition) expect(values[0], cell).toBeGreaterThan(0);
    for (const [cell, values] of country.gbvTypes) expect(values[0], cell).toBeGreaterThan(0);
    for (const dimension of DIMENSIONS) {
      const split = expected(YEAR, null, dimension).attrition.get('complaint') ?? [];
      const present = categoriesOf(dimension).filter((_, i) => (split[i + 1] ?? 0) > 0);
      // Every category has data, but no accused is under 12 (no criminal responsibility).
      const missing = dimension === 'accusedAgeBand' ? ['under_12'] : [];
      expect(present, dimension).toEqual(
        categoriesOf(dimension).filter((c) => !missing.includes(c)),
      );
    }
    expect(country.referrals.get('total')?.[0]).toBeGreaterThan(40);
    expect(country.referrals.get('overrides')?.[0]).toBeGreaterThan(0);
    expect(country.measures.get('issued')?.[0]).toBeGreaterThan(40);
    expect(country.measures.get('violated')?.[0]).toBeGreaterThan(5);
    const within = [0, 1].map((i) => country.measures.get(`within:${i}`)?.[0] ?? 0);
    expect(within[0]).toBeGreaterThan(0);
    expect(within[0]).toBeLessThan(within[1] ?? 0);
    expect(within[1]).toBeLessThan(country.measures.get('issued')?.[0] ?? 0);
  });

  it("gives the family protection unit its office's exact figures, unsplit and by each dimension", async () => {
    for (const [headers, office] of [
      [unitA, data.institutions.officeA],
      [unitB, data.institutions.officeB],
    ] as const) {
      for (const dimension of [null, ...DIMENSIONS]) {
        const answer = await ask(t, headers, { ...YEAR, ...splitQuery(dimension) });
        expect(answer.suppression).toEqual({ applied: false, threshold: 5 });
        expect(answer.institutions.map((i) => i.id)).toEqual([office]);
        expect(answer.splitBy).toBe(dimension);
        expect(answer.categories.map((c) => c.code)).toEqual(categoriesOf(dimension));
        expectExact(answer, expected(YEAR, [office], dimension), `${office} ${dimension}`);
      }
    }
  });

  it('gives an analyst the country: shown counts exact, no small count shown or computable', async () => {
    const unsplit = await ask(t, analyst, YEAR);
    expect(unsplit.suppression).toEqual({ applied: true, threshold: 5 });
    expect(unsplit.institutions).toEqual([]);
    const shownUnsplit = expectProtected(unsplit, expected(YEAR, null, null), 5, 'country');
    expect(shownUnsplit).toBeGreaterThan(15);
    const totals = answerFigures(unsplit);
    for (const dimension of DIMENSIONS) {
      const answer = await ask(t, analyst, { ...YEAR, splitBy: dimension });
      const shown = expectProtected(answer, expected(YEAR, null, dimension), 5, dimension);
      expect(shown, dimension).toBeGreaterThan(shownUnsplit);
      // A split never withholds a total the answer without it shows, or the two together would
      // reveal it.
      const split = answerFigures(answer);
      for (const name of FIGURES) {
        for (const [cell, values] of totals[name] ?? []) {
          expect(split[name]?.get(cell)?.[0], `${dimension} ${name} ${cell}`).toBe(values[0]);
        }
      }
    }
  });

  it('withholds small cells from a chief prosecutor whose grant is on the whole office', async () => {
    const office = data.institutions.officeA;
    for (const dimension of [null, 'victimAgeBand'] as const) {
      const answer = await ask(t, chiefA, { ...YEAR, ...splitQuery(dimension) });
      expect(answer.suppression.applied).toBe(true);
      expect(answer.institutions.map((i) => i.id)).toEqual([office]);
      const want = expected(YEAR, [office], dimension);
      expectProtected(answer, want, 5, `chief ${dimension}`);
      // Something really was withheld that the unit sees.
      const exact = answerFigures(await ask(t, unitA, { ...YEAR, ...splitQuery(dimension) }));
      const withheld = [...answerFigures(answer).attrition].filter(([cell, values]) =>
        values.some((v, i) => v === null && exact.attrition.get(cell)?.[i] !== null),
      );
      expect(withheld.length, `chief ${dimension}`).toBeGreaterThan(0);
    }
  });

  it('gives percentages from the counts shown, and withholds those of withheld counts', async () => {
    const exact = await ask(t, unitA, { ...YEAR, splitBy: 'victimSex' });
    const stage = (answer: Answer, code: string) =>
      answer.attrition.stages.find((s) => s.code === code);
    const complaints = stage(exact, 'complaint')?.count.value ?? 0;
    const indicted = stage(exact, 'indicted')?.count.value ?? 0;
    const convicted = stage(exact, 'convicted')?.count.value ?? 0;
    const round2 = (x: number) => Math.round(x * 100) / 100;
    expect(stage(exact, 'indicted')?.percentOfComplaints.value).toBe(
      round2((indicted / complaints) * 100),
    );
    expect(stage(exact, 'convicted')?.percentOfPreviousStage?.value).toBe(
      round2((convicted / indicted) * 100),
    );
    expect(stage(exact, 'complaint')?.percentOfPreviousStage).toBeNull();

    const withheld = await ask(t, analyst, { ...YEAR, splitBy: 'relationship' });
    for (const s of withheld.attrition.stages) {
      s.count.breakdown?.forEach((cell, i) => {
        const percent = s.percentOfComplaints.breakdown?.[i];
        if (cell.value === null) expect(percent).toMatchObject({ value: null, suppressed: true });
        expect(cell.suppressed).toBe(cell.value === null);
      });
    }
    for (const step of withheld.timeToDisposition.standard) {
      if (step.within.value === null) {
        expect(step.actualPercent).toMatchObject({ value: null, suppressed: true });
        expect(step.meetsTarget).toBeNull();
      }
    }
    for (const step of exact.timeToDisposition.standard) {
      const measured = exact.timeToDisposition.measured.value ?? 0;
      const percent = round2(((step.within.value ?? 0) / measured) * 100);
      expect(step.actualPercent.value).toBe(percent);
      expect(step.meetsTarget).toBe(percent >= step.targetPercent);
    }
    expect(exact.timeToDisposition.standard.map((s) => [s.days, s.targetPercent])).toEqual([
      [10, 90],
      [30, 98],
    ]);
  });

  it('counts by the day in Hebron, not in UTC', async () => {
    // 00:30 on 1 January 2025 in Hebron is 22:30 on 31 December 2024 in UTC.
    const day = { from: '2025-01-01', to: '2025-01-01' };
    const answer = await ask(t, unitA, day);
    const want = expected(day, [data.institutions.officeA], null);
    expectExact(answer, want, 'new year');
    const utc = expectedFigures(data, {
      start: new Date('2025-01-01T00:00:00Z'),
      until: new Date('2025-01-02T00:00:00Z'),
      institutionIds: [data.institutions.officeA],
      dimension: null,
      standard: t.config.protectionOrderTimeStandard,
    });
    expect(want.attrition.get('complaint')?.[0]).not.toBe(utc.attrition.get('complaint')?.[0]);
  });

  it('follows a configured time standard and small-cell threshold', async () => {
    const custom = await buildTestApp({
      handle: iso.handle,
      env: {
        QADIYA_PROTECTION_ORDER_TIME_STANDARD: '5:50, 20:80,45:95',
        QADIYA_SMALL_CELL_THRESHOLD: '10',
      },
    });
    try {
      const standard = [
        { days: 5, targetPercent: 50 },
        { days: 20, targetPercent: 80 },
        { days: 45, targetPercent: 95 },
      ];
      const exact = await ask(custom, unitA, { ...YEAR, splitBy: 'accusedAgeBand' });
      expect(exact.suppression).toEqual({ applied: false, threshold: 10 });
      expectExact(
        exact,
        expected(YEAR, [data.institutions.officeA], 'accusedAgeBand', standard),
        'custom',
      );
      expect(exact.timeToDisposition.standard.map((s) => [s.days, s.targetPercent])).toEqual(
        standard.map((s) => [s.days, s.targetPercent]),
      );
      for (const dimension of [null, 'accusedSex'] as const) {
        const answer = await ask(custom, analyst, { ...YEAR, ...splitQuery(dimension) });
        expect(answer.suppression).toEqual({ applied: true, threshold: 10 });
        expectProtected(
          answer,
          expected(YEAR, null, dimension, standard),
          10,
          `custom ${dimension}`,
        );
      }
    } finally {
      await custom.app.close();
    }
  });
});
