/**
 * Shapes the juvenile indicators for the API: totals from the SQL cells, percentages, means and
 * per-100,000 rates, rounded to two decimals. Only aggregates leave here.
 */
import type { ChildPopulationYear } from './child-population.repository';
import type { JuvenileIndicatorsData } from './get-juvenile-indicators';
import { JUVENILE_INDICATORS, type IndicatorDefinition } from './juvenile-indicator-definitions';
import type { Cell, CountRow, DispositionRow, DurationRow, ShareRow } from './indicator-sql';
import {
  BREAKDOWN_SEXES,
  CHILD_AGE_BANDS,
  type BreakdownSex,
  type ChildAgeBand,
  type Indicator,
  type IndicatorCode,
  type JuvenileIndicatorsResponse,
} from './statistics.schemas';

type BreakdownItem = Indicator['breakdown'][number];

const round2 = (value: number) => Math.round(value * 100) / 100;
const percentOf = (numerator: number, denominator: number) =>
  denominator > 0 ? round2((numerator / denominator) * 100) : null;
const per100k = (count: number, population: number | null | undefined) =>
  population ? round2((count / population) * 100_000) : null;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function childAgeBand(band: string): ChildAgeBand {
  if ((CHILD_AGE_BANDS as readonly string[]).includes(band)) return band as ChildAgeBand;
  // A child is 12–17 at the offence (CHECK on parties.age_status), so this is corrupt data.
  throw new Error(`a child counted in the juvenile indicators has the age band "${band}"`);
}

function cellOf(row: Cell): { sex: BreakdownSex; ageBand: ChildAgeBand } {
  return { sex: row.sex ?? 'unknown', ageBand: childAgeBand(row.band) };
}

/** Female before male before unknown; younger bands first. */
function byCell(a: BreakdownItem, b: BreakdownItem): number {
  return (
    BREAKDOWN_SEXES.indexOf(a.sex) - BREAKDOWN_SEXES.indexOf(b.sex) ||
    CHILD_AGE_BANDS.indexOf(a.ageBand) - CHILD_AGE_BANDS.indexOf(b.ageBand)
  );
}

function populationOfCell(
  population: ChildPopulationYear | null,
  cell: { sex: BreakdownSex; ageBand: ChildAgeBand },
): number | null {
  if (!population || cell.sex === 'unknown' || cell.ageBand === 'unknown') return null;
  return (
    population.figures.find((f) => f.sex === cell.sex && f.ageBand === cell.ageBand)?.population ??
    null
  );
}

const totalOf = (population: ChildPopulationYear | null) =>
  population ? sum(population.figures.map((f) => f.population)) : null;

function definitionOf(code: IndicatorCode): IndicatorDefinition {
  const definition = JUVENILE_INDICATORS.find((d) => d.code === code);
  if (!definition) throw new Error(`no definition for indicator ${code}`);
  return definition;
}

function header(code: IndicatorCode) {
  const { labels, definition, unit, manualIndicator } = definitionOf(code);
  return { code, labels, definition, unit, manualIndicator };
}

const EMPTY = {
  median: null,
  periods: null,
  numerator: null,
  denominator: null,
  ratePer100k: null,
};

function countIndicator(
  code: IndicatorCode,
  rows: readonly CountRow[],
  population: ChildPopulationYear | null,
): Indicator {
  const total = sum(rows.map((row) => row.n));
  return {
    ...header(code),
    ...EMPTY,
    value: total,
    ratePer100k: per100k(total, totalOf(population)),
    breakdown: rows
      .map((row) => {
        const cell = cellOf(row);
        return {
          ...cell,
          ...EMPTY,
          value: row.n,
          ratePer100k: per100k(row.n, populationOfCell(population, cell)),
        };
      })
      .sort(byCell),
  };
}

function shareIndicator(code: IndicatorCode, rows: readonly ShareRow[]): Indicator {
  const numerator = sum(rows.map((row) => row.numerator));
  const denominator = sum(rows.map((row) => row.denominator));
  return {
    ...header(code),
    ...EMPTY,
    value: percentOf(numerator, denominator),
    numerator,
    denominator,
    breakdown: rows
      .map((row) => ({
        ...cellOf(row),
        ...EMPTY,
        value: percentOf(row.numerator, row.denominator),
        numerator: row.numerator,
        denominator: row.denominator,
      }))
      .sort(byCell),
  };
}

function durationIndicator(code: IndicatorCode, rows: readonly DurationRow[]): Indicator {
  const shape = (row: DurationRow | undefined) => ({
    value: row && row.n > 0 ? round2(row.totalDays / row.n) : null,
    median: row?.medianDays === null || row === undefined ? null : round2(row.medianDays),
    periods: row?.n ?? 0,
  });
  return {
    ...header(code),
    ...EMPTY,
    ...shape(rows.find((row) => row.isTotal)),
    breakdown: rows
      .filter((row) => !row.isTotal)
      .map((row) => ({ ...cellOf(row), ...EMPTY, ...shape(row) }))
      .sort(byCell),
  };
}

function dispositionIndicator(
  code: IndicatorCode,
  rows: readonly DispositionRow[],
  standard: JuvenileIndicatorsData['standard'],
): Indicator {
  const n = sum(rows.map((row) => row.n));
  const within = standard.map((_, index) => sum(rows.map((row) => row.within[index] ?? 0)));
  const first = within[0] ?? 0;
  return {
    ...header(code),
    ...EMPTY,
    // The headline figure is the first step of the standard (75% within 30 days by default).
    value: percentOf(first, n),
    numerator: first,
    denominator: n,
    standard: standard.map((step, index) => ({
      days: step.days,
      targetPercent: step.targetPercent,
      actualPercent: percentOf(within[index] ?? 0, n),
      numerator: within[index] ?? 0,
    })),
    breakdown: rows
      .map((row) => ({
        ...cellOf(row),
        ...EMPTY,
        value: percentOf(row.within[0] ?? 0, row.n),
        numerator: row.within[0] ?? 0,
        denominator: row.n,
      }))
      .sort(byCell),
  };
}

export function presentJuvenileIndicators(
  data: JuvenileIndicatorsData,
): JuvenileIndicatorsResponse {
  const { population } = data;
  const total = totalOf(population);
  return {
    period: { from: data.period.from, to: data.period.to },
    timeZone: data.timeZone,
    institutionId: data.institutionId,
    institutions: data.institutions.map((i) => ({
      id: i.id,
      code: i.code,
      nameAr: i.name_ar,
      nameEn: i.name_en,
    })),
    childPopulation:
      population && total !== null
        ? { year: population.year, total, source: population.source }
        : null,
    dataQuality: { accusedAgeUnknown: data.accusedAgeUnknown },
    indicators: [
      countIndicator('children_in_conflict', data.inConflict, population),
      countIndicator('children_in_detention', data.detained, population),
      countIndicator('children_in_pre_sentence_detention', data.preSentence, population),
      durationIndicator('pre_sentence_detention_days', data.durations),
      shareIndicator('custodial_sentencing_rate', data.custodial),
      shareIndicator('pre_sentence_diversion_rate', data.diversion),
      dispositionIndicator('time_to_disposition_detained', data.disposition, data.standard),
    ],
  };
}
