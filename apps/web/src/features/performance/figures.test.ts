import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  chartOf,
  exportHref,
  lastFullMonth,
  monthPeriod,
  performanceFiltersFromParams,
  performanceFiltersToParams,
} from './figures';
import type { MeasureTable } from './types';

const NOW = new Date(2026, 2, 15);

describe('the performance filters in the address', () => {
  it('reads up to two known dimensions, a case type and an offence class, and drops the rest', () => {
    const filters = performanceFiltersFromParams(
      new URLSearchParams(
        'from=2025-01-01&to=2025-12-31&splitBy=accusedSex,shoeSize,victimAgeBand,relationship' +
          '&caseType=court_case&offenceClass=treason',
      ),
      NOW,
    );
    expect(filters).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      splitBy: ['accusedSex', 'victimAgeBand'],
      caseType: 'court_case',
      offenceClass: null,
    });
    const again = performanceFiltersFromParams(performanceFiltersToParams(filters), NOW);
    expect(again).toEqual(filters);
    expect(apiQuery(filters).splitBy).toBe('accusedSex,victimAgeBand');
  });

  it('falls back to the last full year on a bad period', () => {
    const filters = performanceFiltersFromParams(new URLSearchParams('from=x&to=y'), NOW);
    expect(filters).toMatchObject({ from: '2025-01-01', to: '2025-12-31', splitBy: [] });
  });

  it('builds the address of an export with the filters', () => {
    const filters = performanceFiltersFromParams(
      new URLSearchParams('from=2025-01-01&to=2025-03-31&splitBy=accusedSex'),
      NOW,
    );
    const href = exportHref(filters, 'clearance_rate', 'xlsx', 'ar');
    const params = new URL(href, 'http://x').searchParams;
    expect(params.get('measure')).toBe('clearance_rate');
    expect(params.get('format')).toBe('xlsx');
    expect(params.get('splitBy')).toBe('accusedSex');
    expect(params.has('caseType')).toBe(false);
  });
});

describe('the monthly report', () => {
  it('turns a month into its first and last day, leap years included', () => {
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(monthPeriod('2025-13')).toBeNull();
    expect(monthPeriod('1066-10')).toBeNull();
  });

  it('defaults to the last full month', () => {
    expect(lastFullMonth(new Date(2026, 0, 10))).toBe('2025-12');
    expect(lastFullMonth(NOW)).toBe('2026-02');
  });
});

describe('a measure chart', () => {
  const table: MeasureTable = {
    code: 'clearance_rate',
    labels: { ar: 'معدل الإنجاز', en: 'Clearance rate' },
    definition: { ar: '', en: '' },
    source: '',
    columns: [
      { code: 'incoming', labels: { ar: '', en: '' }, unit: 'count', drill: 'incoming' },
      { code: 'disposed', labels: { ar: '', en: '' }, unit: 'count', drill: 'disposed' },
      { code: 'clearance_rate', labels: { ar: '', en: '' }, unit: 'percent', drill: null },
    ],
    rows: [
      { key: 'all', labels: { ar: 'المجموع', en: 'Total' }, values: { incoming: 5, disposed: 4 } },
      { key: 'female', labels: { ar: 'أنثى', en: 'Female' }, values: { incoming: 2, disposed: 1 } },
      { key: 'male', labels: { ar: 'ذكر', en: 'Male' }, values: { incoming: 3, disposed: 3 } },
    ],
  };

  it('draws the counts by category, the percentages only in the table', () => {
    const chart = chartOf(table, (row) => row.labels.en);
    expect(chart.series.map((s) => s.code)).toEqual(['incoming', 'disposed']);
    expect(chart.data).toEqual([
      { label: 'Female', incoming: 2, disposed: 1 },
      { label: 'Male', incoming: 3, disposed: 3 },
    ]);
    expect(chart.hasBars).toBe(true);
  });

  it('draws the total alone without a split', () => {
    const chart = chartOf({ ...table, rows: table.rows.slice(0, 1) }, (row) => row.labels.en);
    expect(chart.data).toEqual([{ label: 'Total', incoming: 5, disposed: 4 }]);
  });
});
