/**
 * From the indicators API to what the screen shows: values in their unit, the sex × age band
 * grid of the breakdown (as table rows and as chart data), and the time standard's rows. Pure:
 * the caller passes the number formatter and the labels.
 */
import {
  CHILD_AGE_BANDS,
  SEXES,
  type BreakdownCell,
  type ChildAgeBand,
  type Indicator,
  type IndicatorUnit,
  type JuvenileIndicators,
  type Sex,
  type StandardStep,
} from './types';

export interface NumberText {
  /** A whole number or a number with at most `fractionDigits` decimals, in the user's digits. */
  number: (value: number, fractionDigits?: number) => string;
  /** A share given in percent (75.5 for 75.5%). */
  percent: (value: number) => string;
  /** A number of days (already written in the user's digits), with its unit. */
  days: (value: string) => string;
  /** "3 of 8": a percentage's numerator and denominator, already written in the user's digits. */
  ratio: (numerator: string, denominator: string) => string;
}

/** An indicator's value in its unit; null when there is nothing to show. */
export function formatValue(
  unit: IndicatorUnit,
  value: number | null,
  text: NumberText,
): string | null {
  if (value === null) return null;
  switch (unit) {
    case 'count':
      return text.number(value);
    case 'days':
      return text.days(text.number(value, 1));
    case 'percent':
      return text.percent(value);
  }
}

/**
 * A rate per 100,000 children. Rates are small (one child in a national population is about
 * 0.04): below 10 they keep two decimals, so that a child counted is never shown as a rate of 0.
 */
export function formatRate(rate: number, text: NumberText): string {
  return text.number(rate, rate < 10 ? 2 : 1);
}

/**
 * A percentage's numerator and denominator in words ("3 of 8", "٣ من ٨"): a slash between two
 * numbers reads in either order in a right-to-left line. Null when the API sent neither.
 */
export function formatRatio(
  numerator: number | null,
  denominator: number | null,
  text: NumberText,
): string | null {
  if (numerator === null || denominator === null) return null;
  return text.ratio(text.number(numerator), text.number(denominator));
}

/** A cell counts when it holds something: a non-zero value, or cases behind a percentage. */
function isInformative(cell: BreakdownCell): boolean {
  return (cell.value ?? 0) !== 0 || (cell.denominator ?? 0) > 0 || (cell.numerator ?? 0) > 0;
}

export interface BreakdownGrid {
  sexes: Sex[];
  ageBands: ChildAgeBand[];
  cell: (sex: Sex, ageBand: ChildAgeBand) => BreakdownCell | null;
}

/**
 * The breakdown as a grid of age bands (rows) by sex (columns). Female and male are always shown
 * and so is every band of 12 to 17; the "unknown" sex or band only when something is recorded
 * under it, so that a complete registry does not show an empty row and column.
 */
export function breakdownGrid(breakdown: readonly BreakdownCell[]): BreakdownGrid {
  const cells = new Map<string, BreakdownCell>();
  for (const cell of breakdown) cells.set(`${cell.sex}|${cell.ageBand}`, cell);
  const unknownSex = breakdown.some((c) => c.sex === 'unknown' && isInformative(c));
  const unknownBand = breakdown.some((c) => c.ageBand === 'unknown' && isInformative(c));
  return {
    sexes: SEXES.filter((sex) => sex !== 'unknown' || unknownSex),
    ageBands: CHILD_AGE_BANDS.filter((band) => band !== 'unknown' || unknownBand),
    cell: (sex, ageBand) => cells.get(`${sex}|${ageBand}`) ?? null,
  };
}

/** One bar group per age band, one bar per sex; a missing or null value draws no bar. */
export type ChartRow = { band: string } & Partial<Record<Sex, number | null>>;

export function chartRows(grid: BreakdownGrid, bandLabel: (band: ChildAgeBand) => string) {
  return grid.ageBands.map((band) => {
    const row: ChartRow = { band: bandLabel(band) };
    for (const sex of grid.sexes) row[sex] = grid.cell(sex, band)?.value ?? null;
    return row;
  });
}

/** Would the chart draw any bar? Zeros and blanks draw none: an empty chart is only noise. */
export function hasBars(rows: readonly ChartRow[]): boolean {
  return rows.some((row) =>
    Object.entries(row).some(
      ([key, value]) => key !== 'band' && typeof value === 'number' && value > 0,
    ),
  );
}

export type StandardOutcome = 'met' | 'notMet' | 'noData';

export interface StandardRow extends StandardStep {
  outcome: StandardOutcome;
}

/** Each step of the time standard, and whether the actual share reached its target. */
export function standardRows(standard: readonly StandardStep[] | undefined): StandardRow[] {
  return [...(standard ?? [])]
    .sort((a, b) => a.days - b.days)
    .map((step) => ({
      ...step,
      outcome:
        step.actualPercent === null
          ? 'noData'
          : step.actualPercent >= step.targetPercent
            ? 'met'
            : 'notMet',
    }));
}

/** Is there anything at all to show for the period, or only zeros and blanks? */
export function hasData(report: JuvenileIndicators): boolean {
  return report.indicators.some(
    (indicator: Indicator) =>
      (indicator.value ?? 0) !== 0 ||
      (indicator.denominator ?? 0) > 0 ||
      indicator.breakdown.some(isInformative),
  );
}
