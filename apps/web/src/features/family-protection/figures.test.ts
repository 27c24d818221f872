import { describe, expect, it } from 'vitest';
import {
  categoryCell,
  categoryName,
  cellState,
  chartRows,
  dashboardFiltersFromParams,
  dashboardFiltersToParams,
  hasBars,
  hasData,
} from './figures';
import type { Cell, FamilyProtectionReport } from './types';

const now = new Date('2026-03-14T10:00:00Z');
const count = (value: number | null, suppressed = value === null): Cell => ({ value, suppressed });

describe('the dashboard filters', () => {
  it('read the period, institution and split from the address, and write them back', () => {
    const params = new URLSearchParams('from=2026-01-01&to=2026-02-28&splitBy=relationship');
    const filters = dashboardFiltersFromParams(params, now);
    expect(filters).toEqual({
      from: '2026-01-01',
      to: '2026-02-28',
      institutionId: null,
      splitBy: 'relationship',
    });
    expect(dashboardFiltersToParams(filters).toString()).toBe(params.toString());
  });

  it('drop a dimension the server does not know, and keep no split by default', () => {
    const filters = dashboardFiltersFromParams(new URLSearchParams('splitBy=religion'), now);
    expect(filters.splitBy).toBeNull();
    expect(filters.from).toBe('2025-01-01');
    expect(dashboardFiltersToParams(filters).has('splitBy')).toBe(false);
  });
});

describe('a cell of the dashboard', () => {
  it('is a number, withheld, or nothing', () => {
    expect(cellState(count(7))).toEqual({ kind: 'value', value: 7 });
    expect(cellState(count(0))).toEqual({ kind: 'value', value: 0 });
    expect(cellState(count(null))).toEqual({ kind: 'suppressed' });
    expect(cellState({ value: null, suppressed: false })).toEqual({ kind: 'none' });
    expect(cellState(null)).toEqual({ kind: 'none' });
  });

  it('reads one category of a split', () => {
    const cell: Cell = {
      value: 12,
      suppressed: false,
      breakdown: [
        { category: 'female', value: 9, suppressed: false },
        { category: 'male', value: null, suppressed: true },
      ],
    };
    expect(categoryCell(cell, 'female')).toEqual({ kind: 'value', value: 9 });
    expect(categoryCell(cell, 'male')).toEqual({ kind: 'suppressed' });
    expect(categoryCell(cell, 'unknown')).toEqual({ kind: 'none' });
  });
});

describe('the charts', () => {
  const items = [
    { name: 'a', count: count(6) },
    { name: 'b', count: count(null) },
  ];

  it('draw the total, and no bar for a withheld cell', () => {
    const rows = chartRows(
      items,
      (i) => i.name,
      (i) => i.count,
      [],
    );
    expect(rows).toEqual([
      { label: 'a', total: 6 },
      { label: 'b', total: null },
    ]);
    expect(hasBars(rows)).toBe(true);
    expect(
      hasBars([
        { label: 'x', total: 0 },
        { label: 'y', total: null },
      ]),
    ).toBe(false);
  });

  it('draw one series per category of a split', () => {
    const split = [
      {
        name: 'a',
        count: {
          value: 6,
          suppressed: false,
          breakdown: [
            { category: 'female', value: 6, suppressed: false },
            { category: 'male', value: null, suppressed: true },
          ],
        },
      },
    ];
    const categories = [
      { code: 'female', labels: { ar: 'أنثى', en: 'Female' } },
      { code: 'male', labels: { ar: 'ذكر', en: 'Male' } },
    ];
    expect(
      chartRows(
        split,
        (i) => i.name,
        (i) => i.count,
        categories,
      ),
    ).toEqual([{ label: 'a', female: 6, male: null }]);
  });
});

describe('the names of categories', () => {
  const text = {
    number: (n: number) => `#${n}`,
    under: (age: string) => `under ${age}`,
    andOver: (age: string) => `${age}+`,
    server: (c: { labels: { en: string } }) => c.labels.en,
  };
  it('write age bands in the user’s digits and keep the server’s words for the rest', () => {
    const name = (code: string) =>
      categoryName({ code, labels: { ar: code, en: `(${code})` } }, text);
    expect(name('12_13')).toBe('#12–#13');
    expect(name('under_12')).toBe('under #12');
    expect(name('18_plus')).toBe('#18+');
    expect(name('spouse')).toBe('(spouse)');
  });
});

describe('an empty period', () => {
  const report = (complaints: Cell) =>
    ({
      attrition: {
        stages: [
          {
            code: 'complaint',
            labels: { ar: '', en: '' },
            count: complaints,
            percentOfComplaints: count(100),
            percentOfPreviousStage: null,
          },
        ],
        outcomes: [],
      },
    }) as unknown as FamilyProtectionReport;
  it('has no complaint; a withheld count is not an empty period', () => {
    expect(hasData(report(count(0)))).toBe(false);
    expect(hasData(report(count(3)))).toBe(true);
    expect(hasData(report(count(null)))).toBe(true);
  });
});
