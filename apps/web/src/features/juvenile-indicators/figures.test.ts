import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from '../../format/format';
import {
  breakdownGrid,
  chartRows,
  formatRate,
  formatRatio,
  formatValue,
  hasBars,
  hasData,
  standardRows,
  type NumberText,
} from './figures';
import type { BreakdownCell, Indicator, JuvenileIndicators } from './types';

const textIn = (language: 'ar' | 'en'): NumberText => ({
  number: (value, digits = 0) => formatNumber(value, language, { maximumFractionDigits: digits }),
  percent: (value) => formatPercent(value, language),
  days: (value) => (language === 'ar' ? `${value} يوم` : `${value} days`),
  ratio: (n, d) => (language === 'ar' ? `${n} من ${d}` : `${n} of ${d}`),
});

const cell = (
  sex: BreakdownCell['sex'],
  ageBand: BreakdownCell['ageBand'],
  value: number | null,
  numerator: number | null = null,
  denominator: number | null = null,
): BreakdownCell => ({ sex, ageBand, value, numerator, denominator });

function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    code: 'children_in_conflict',
    labels: { ar: 'الأطفال في نزاع مع القانون', en: 'Children in conflict with the law' },
    unit: 'count',
    value: 0,
    median: null,
    ratePer100k: null,
    numerator: null,
    denominator: null,
    breakdown: [],
    ...overrides,
  };
}

describe('indicator values', () => {
  it('writes each unit in the reader’s digits', () => {
    const ar = textIn('ar');
    const en = textIn('en');
    expect(formatValue('count', 1234, ar)).toBe('١٬٢٣٤');
    expect(formatValue('count', 1234, en)).toBe('1,234');
    expect(formatValue('days', 12.46, en)).toBe('12.5 days');
    expect(formatValue('days', 12.46, ar)).toBe('١٢٫٥ يوم');
    expect(formatValue('percent', 37.5, en)).toBe('37.5%');
    expect(formatValue('percent', 37.5, ar)).toMatch(/^٣٧٫٥٪/);
    expect(formatValue('percent', null, en)).toBeNull();
  });

  it('never shows a small rate per 100,000 as 0', () => {
    expect(formatRate((1 / 2_471_000) * 100_000, textIn('en'))).toBe('0.04');
    expect(formatRate(0.04, textIn('ar'))).toBe('٠٫٠٤');
    expect(formatRate(12.345, textIn('en'))).toBe('12.3');
    expect(formatRate(0, textIn('en'))).toBe('0');
  });

  it('gives the numerator and denominator of a percentage only when both are known', () => {
    expect(formatRatio(3, 8, textIn('en'))).toBe('3 of 8');
    expect(formatRatio(1234, 5678, textIn('ar'))).toBe('١٬٢٣٤ من ٥٬٦٧٨');
    expect(formatRatio(null, 8, textIn('en'))).toBeNull();
  });
});

describe('the sex × age band breakdown', () => {
  it('always shows female, male and the bands 12 to 17; unknown only when used', () => {
    const grid = breakdownGrid([
      cell('female', '12_13', 2),
      cell('male', '16_17', 5),
      cell('unknown', 'unknown', 0),
    ]);
    expect(grid.sexes).toEqual(['female', 'male']);
    expect(grid.ageBands).toEqual(['12_13', '14_15', '16_17']);
    expect(grid.cell('male', '16_17')?.value).toBe(5);
    expect(grid.cell('female', '14_15')).toBeNull();

    const withUnknown = breakdownGrid([cell('unknown', '14_15', 1), cell('male', 'unknown', 3)]);
    expect(withUnknown.sexes).toEqual(['female', 'male', 'unknown']);
    expect(withUnknown.ageBands).toEqual(['12_13', '14_15', '16_17', 'unknown']);
  });

  it('counts a percentage cell with cases behind it even when its value is 0%', () => {
    const grid = breakdownGrid([cell('unknown', '12_13', 0, 0, 4)]);
    expect(grid.sexes).toContain('unknown');
  });

  it('draws one bar group per band and one bar per sex, none for a missing value', () => {
    const grid = breakdownGrid([cell('female', '12_13', 2), cell('male', '12_13', null)]);
    const rows = chartRows(grid, (band) => `band ${band}`);
    expect(rows).toEqual([
      { band: 'band 12_13', female: 2, male: null },
      { band: 'band 14_15', female: null, male: null },
      { band: 'band 16_17', female: null, male: null },
    ]);
  });
});

describe('the juvenile time standard', () => {
  it('draws a chart only when some bar has a height', () => {
    expect(hasBars([{ band: '12–13', female: 0, male: null }])).toBe(false);
    expect(hasBars([{ band: '12–13', female: 0, male: 2 }])).toBe(true);
    expect(hasBars([])).toBe(false);
  });

  it('orders the steps by days and says whether each target was met', () => {
    const rows = standardRows([
      { days: 90, targetPercent: 98, actualPercent: 97.9 },
      { days: 30, targetPercent: 75, actualPercent: 75 },
      { days: 45, targetPercent: 90, actualPercent: null },
    ]);
    expect(rows.map((r) => [r.days, r.outcome])).toEqual([
      [30, 'met'],
      [45, 'noData'],
      [90, 'notMet'],
    ]);
    expect(standardRows(undefined)).toEqual([]);
  });
});

describe('an empty period', () => {
  const report = (indicators: Indicator[]): JuvenileIndicators => ({
    period: { from: '2025-01-01', to: '2025-12-31' },
    institutionId: null,
    childPopulation: null,
    indicators,
  });

  it('has no data when every indicator is zero or blank', () => {
    expect(hasData(report([]))).toBe(false);
    expect(
      hasData(
        report([
          indicator(),
          indicator({ code: 'custodial_sentencing_rate', unit: 'percent', value: null }),
          indicator({ breakdown: [cell('male', '12_13', 0)] }),
        ]),
      ),
    ).toBe(false);
  });

  it('has data as soon as one indicator counts something', () => {
    expect(hasData(report([indicator({ value: 1 })]))).toBe(true);
    expect(
      hasData(report([indicator({ unit: 'percent', value: 0, numerator: 0, denominator: 3 })])),
    ).toBe(true);
  });
});
