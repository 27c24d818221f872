/**
 * From the performance answer to what the screen shows, pure: the filters in the address (the
 * period and institution of every statistics screen, up to two dimensions, a case type and an
 * offence class), the query sent to the server, the rows of a chart, the address of an export,
 * and the month of the printable report.
 */
import {
  filtersFromParams,
  filtersToParams,
  type Filters,
} from '../../components/statistics/period';
import {
  CASE_TYPES,
  DIMENSIONS,
  OFFENCE_CLASSES,
  type Dimension,
  type MeasureTable,
  type OffenceClass,
  type PerformanceReport,
} from './types';

export interface PerformanceFilters extends Filters {
  splitBy: Dimension[];
  caseType: string | null;
  offenceClass: OffenceClass | null;
}

const isDimension = (value: string): value is Dimension =>
  (DIMENSIONS as readonly string[]).includes(value);

export function performanceFiltersFromParams(
  params: URLSearchParams,
  now: Date,
): PerformanceFilters {
  const splitBy = [...new Set((params.get('splitBy') ?? '').split(',').filter(isDimension))];
  const caseType = params.get('caseType');
  const offenceClass = params.get('offenceClass');
  return {
    ...filtersFromParams(params, now),
    splitBy: splitBy.slice(0, 2),
    caseType: caseType && (CASE_TYPES as readonly string[]).includes(caseType) ? caseType : null,
    offenceClass:
      offenceClass && (OFFENCE_CLASSES as readonly string[]).includes(offenceClass)
        ? (offenceClass as OffenceClass)
        : null,
  };
}

export function performanceFiltersToParams(filters: PerformanceFilters): URLSearchParams {
  const params = filtersToParams(filters);
  if (filters.splitBy.length > 0) params.set('splitBy', filters.splitBy.join(','));
  if (filters.caseType) params.set('caseType', filters.caseType);
  if (filters.offenceClass) params.set('offenceClass', filters.offenceClass);
  return params;
}

/** The query of the API for these filters (absent values are left out). */
export function apiQuery(filters: PerformanceFilters) {
  return {
    from: filters.from,
    to: filters.to,
    institutionId: filters.institutionId,
    splitBy: filters.splitBy.join(','),
    caseType: filters.caseType,
    offenceClass: filters.offenceClass,
  };
}

/** The address of one measure's table as a file. */
export function exportHref(
  filters: PerformanceFilters,
  measure: string,
  format: 'csv' | 'xlsx',
  language: 'ar' | 'en',
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(apiQuery(filters))) {
    if (value) params.set(key, value);
  }
  params.set('measure', measure);
  params.set('format', format);
  params.set('lang', language);
  return `/api/v1/statistics/performance/export?${params.toString()}`;
}

/** Whether any measure counts anything. */
export function hasData(report: PerformanceReport): boolean {
  return report.measures.some((m) =>
    m.rows.some((row) =>
      m.columns.some(
        (c) => c.unit === 'count' && c.code !== 'period_days' && (row.values[c.code] ?? 0) > 0,
      ),
    ),
  );
}

export type ChartRow = { label: string } & Record<string, number | string>;

/**
 * The chart of a measure: its count columns (at most three) as series; one bar group per category
 * of the split, or the total alone without a split. Workload: one group per person.
 */
export function chartOf(table: MeasureTable, label: (row: MeasureTable['rows'][number]) => string) {
  const series = table.columns
    .filter(
      (c) =>
        c.unit === 'count' &&
        c.code !== 'period_days' &&
        !/^age_|_within_|^felony_|^misdemeanour_/.test(c.code),
    )
    .slice(0, 3);
  const rows = table.rows.length > 1 ? table.rows.slice(1) : table.rows;
  const data: ChartRow[] = rows.map((row) => {
    const item: ChartRow = { label: label(row) };
    for (const s of series) item[s.code] = row.values[s.code] ?? 0;
    return item;
  });
  const hasBars = data.some((row) => series.some((s) => Number(row[s.code]) > 0));
  return { series, data, hasBars };
}

/** The month of the report (`YYYY-MM`) as a period: its first and last day. */
export function monthPeriod(month: string): { from: string; to: string } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12 || year < 1990) return null;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The last full month before `now`, `YYYY-MM`. */
export function lastFullMonth(now: Date): string {
  const year = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  const month = now.getMonth() === 0 ? 12 : now.getMonth();
  return `${year}-${String(month).padStart(2, '0')}`;
}
