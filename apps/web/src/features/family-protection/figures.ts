/**
 * From the family protection dashboard's answer to what the screen shows, pure: the filters in the
 * address (the period and institution of every statistics screen, and the dimension to split by),
 * what a cell holds (a number, a withheld small cell, or nothing to say), the rows of a chart, and
 * whether the period has anything at all.
 */
import {
  filtersFromParams,
  filtersToParams,
  type Filters,
} from '../../components/statistics/period';
import {
  DIMENSIONS,
  type Cell,
  type Category,
  type Dimension,
  type FamilyProtectionReport,
} from './types';

export interface DashboardFilters extends Filters {
  splitBy: Dimension | null;
}

const isDimension = (value: string | null): value is Dimension =>
  (DIMENSIONS as readonly string[]).includes(value ?? '');

export function dashboardFiltersFromParams(params: URLSearchParams, now: Date): DashboardFilters {
  const splitBy = params.get('splitBy');
  return { ...filtersFromParams(params, now), splitBy: isDimension(splitBy) ? splitBy : null };
}

export function dashboardFiltersToParams(filters: DashboardFilters): URLSearchParams {
  const params = filtersToParams(filters);
  if (filters.splitBy) params.set('splitBy', filters.splitBy);
  return params;
}

/**
 * What one cell shows: its number; "withheld" when the server suppressed it (a small count, or one
 * from which a small count could be worked out); or nothing, as for a share of no cases.
 */
export type CellState =
  { kind: 'value'; value: number } | { kind: 'suppressed' } | { kind: 'none' };

export function cellState(cell: Pick<Cell, 'value' | 'suppressed'> | null | undefined): CellState {
  if (!cell) return { kind: 'none' };
  if (cell.suppressed) return { kind: 'suppressed' };
  return cell.value === null ? { kind: 'none' } : { kind: 'value', value: cell.value };
}

/** A cell's value in one category of the split (an absent category reads as nothing). */
export function categoryCell(cell: Cell, category: string): CellState {
  return cellState(cell.breakdown?.find((c) => c.category === category));
}

/** One bar group per item; one bar per series (the total, or each category of the split). */
export type ChartRow = { label: string } & Record<string, number | string | null>;

export interface ChartSeries {
  key: string;
  label: string;
}

/**
 * The rows of a chart of counts: without a split, one series (the total); split, one series per
 * category. A withheld cell draws no bar: the chart never shows what the table withholds.
 */
export function chartRows<T>(
  items: readonly T[],
  labelOf: (item: T) => string,
  cellOf: (item: T) => Cell,
  categories: readonly Category[],
): ChartRow[] {
  return items.map((item) => {
    const row: ChartRow = { label: labelOf(item) };
    const cell = cellOf(item);
    if (categories.length === 0) {
      const state = cellState(cell);
      row.total = state.kind === 'value' ? state.value : null;
    } else {
      for (const category of categories) {
        const state = categoryCell(cell, category.code);
        row[category.code] = state.kind === 'value' ? state.value : null;
      }
    }
    return row;
  });
}

/** Would the chart draw any bar? Zeros and withheld cells draw none. */
export function hasBars(rows: readonly ChartRow[]): boolean {
  return rows.some((row) =>
    Object.entries(row).some(
      ([key, value]) => key !== 'label' && typeof value === 'number' && value > 0,
    ),
  );
}

/**
 * Is there anything for the period? A complaint counted, or withheld (a withheld count is a count
 * too small to show, not an empty period).
 */
export function hasData(report: FamilyProtectionReport): boolean {
  const complaints = report.attrition.stages.find((s) => s.code === 'complaint')?.count;
  const state = cellState(complaints);
  return state.kind === 'suppressed' || (state.kind === 'value' && state.value > 0);
}

/**
 * An age band's name in the user's digits: "١٢–١٣", "under 12", "18 and over"; other categories
 * keep the server's words.
 */
export function categoryName(
  category: Category,
  text: {
    number: (value: number) => string;
    under: (age: string) => string;
    andOver: (age: string) => string;
    server: (category: Category) => string;
  },
): string {
  const range = /^(\d+)_(\d+)$/.exec(category.code);
  if (range) return `${text.number(Number(range[1]))}–${text.number(Number(range[2]))}`;
  const under = /^under_(\d+)$/.exec(category.code);
  if (under) return text.under(text.number(Number(under[1])));
  const plus = /^(\d+)_plus$/.exec(category.code);
  if (plus) return text.andOver(text.number(Number(plus[1])));
  return text.server(category);
}
