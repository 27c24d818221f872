/**
 * Small-cell suppression as a pure rule (apps/server/src/statistics/small-cells.ts): primary
 * suppression below the threshold, zero included; secondary suppression so that no small count
 * can be computed from what is shown, by one subtraction, by a chain of them, or only by solving
 * several relations together (checked by brute force over every possible table); hidden counts
 * protected like shown ones; the totals of a split locked to the answer without it.
 */
import { describe, expect, it } from 'vitest';
import {
  noSuppression,
  protectSmallCells,
  type CellTable,
  type Relation,
} from '../../src/statistics/small-cells';

const table = (
  values: Record<string, number[]>,
  relations: Relation[],
  hidden: string[] = [],
): CellTable => ({
  values: new Map(Object.entries(values)),
  relations,
  hidden: new Set(hidden),
});

/** The cells withheld in column `column`. */
function withheld(result: Map<string, boolean[]>, column = 0): string[] {
  return [...result]
    .filter(([, flags]) => flags[column])
    .map(([cell]) => cell)
    .sort();
}

/**
 * Every value a withheld cell can take in a table consistent with what is shown (brute force over
 * 0…max for each withheld cell of a one-column table: only for tiny tables).
 */
function possibleValues(t: CellTable, result: Map<string, boolean[]>, max: number) {
  const cells = [...t.values.keys()];
  const unknown = cells.filter((c) => result.get(c)?.[0]);
  const seen = new Map<string, Set<number>>(unknown.map((c) => [c, new Set()]));
  const assignment = new Map(cells.map((c) => [c, t.values.get(c)?.[0] ?? 0]));
  const visit = (i: number) => {
    if (i === unknown.length) {
      const holds = t.relations.every(
        (r) =>
          (assignment.get(r.total) ?? 0) ===
          r.parts.reduce((sum, p) => sum + (assignment.get(p) ?? 0), 0),
      );
      if (holds) for (const c of unknown) seen.get(c)?.add(assignment.get(c) ?? 0);
      return;
    }
    for (let v = 0; v <= max; v++) {
      assignment.set(unknown[i] as string, v);
      visit(i + 1);
    }
  };
  visit(0);
  return seen;
}

describe('small-cell suppression', () => {
  it('withholds every count below the threshold, zero included, and shows the rest', () => {
    const t = table({ total: [40], a: [22], b: [18], c: [0] }, []);
    expect(withheld(protectSmallCells(t, 5))).toEqual(['c']);
    expect(withheld(protectSmallCells(t, 20))).toEqual(['b', 'c']);
  });

  it('withholds the smallest other part when a small one could be found by subtraction', () => {
    const t = table({ total: [20], a: [12], b: [6], c: [2] }, [
      { total: 'total', parts: ['a', 'b', 'c'] },
    ]);
    // c = total − a − b unless b is withheld too; the total stays.
    expect(withheld(protectSmallCells(t, 5))).toEqual(['b', 'c']);
  });

  it('does not let the withheld parts of a shown total add up to less than the threshold', () => {
    const t = table({ total: [30], a: [26], b: [3], c: [1] }, [
      { total: 'total', parts: ['a', 'b', 'c'] },
    ]);
    // b + c = 4 would say both are small: a is withheld as well.
    expect(withheld(protectSmallCells(t, 5))).toEqual(['a', 'b', 'c']);
  });

  it('protects a hidden count (a complement) like a shown one, preferring to withhold a part', () => {
    const t = table(
      { total: [10], flagged: [8], rest: [2] },
      [{ total: 'total', parts: ['flagged', 'rest'] }],
      ['rest'],
    );
    expect(withheld(protectSmallCells(t, 5))).toEqual(['flagged', 'rest']);
  });

  it('follows chains of subtractions', () => {
    // a2 = a − a1 and a = total − b: withholding a2 alone would not do.
    const t = table({ total: [40], a: [14], b: [26], a1: [11], a2: [3] }, [
      { total: 'total', parts: ['a', 'b'] },
      { total: 'a', parts: ['a1', 'a2'] },
    ]);
    const result = protectSmallCells(t, 5);
    const values = possibleValues(t, result, 40);
    expect(values.get('a2')?.size).toBeGreaterThan(1);
    expect(withheld(result)).toContain('a1');
  });

  it('catches what only several relations solved together reveal', () => {
    // x = (T + U − V) / 2 although every relation has two withheld cells.
    const t = table({ T: [13], U: [13], V: [20], x: [3], y: [10], z: [10] }, [
      { total: 'T', parts: ['x', 'y'] },
      { total: 'U', parts: ['x', 'z'] },
      { total: 'V', parts: ['y', 'z'] },
    ]);
    const result = protectSmallCells(t, 5);
    expect(withheld(result)).toEqual(expect.arrayContaining(['x', 'y', 'z']));
    expect(['T', 'U', 'V'].some((c) => result.get(c)?.[0])).toBe(true);
    const values = possibleValues(t, result, 25);
    expect(values.get('x')?.size, 'x is not computable').toBeGreaterThan(1);
  });

  it('protects a split without withholding more totals than the answer without it', () => {
    // Columns: all, then female, male, unknown.
    const t = table(
      {
        complaint: [50, 40, 9, 1],
        indicted: [20, 16, 4, 0],
        other: [30, 24, 5, 1],
      },
      [{ total: 'complaint', parts: ['indicted', 'other'] }],
    );
    const unsplit = protectSmallCells(
      table({ complaint: [50], indicted: [20], other: [30] }, [
        { total: 'complaint', parts: ['indicted', 'other'] },
      ]),
      5,
    );
    const split = protectSmallCells(t, 5);
    for (const cell of ['complaint', 'indicted', 'other']) {
      expect(split.get(cell)?.[0], cell).toBe(unsplit.get(cell)?.[0]);
    }
    expect(withheld(split, 0)).toEqual([]);
    // Unknown sex: every cell small. Male: 4 indicted is small, so 5 others would give it away.
    expect(withheld(split, 3)).toEqual(['complaint', 'indicted', 'other']);
    expect(split.get('indicted')?.[2]).toBe(true);
    // Nothing small is computable across the columns either: each total minus the shown
    // categories leaves at least the threshold withheld.
    for (const cell of ['complaint', 'indicted', 'other']) {
      const values = t.values.get(cell) ?? [];
      const flags = split.get(cell) ?? [];
      const rest = values.slice(1).reduce((sum, v, i) => sum + (flags[i + 1] ? v : 0), 0);
      if (flags.slice(1).some(Boolean)) expect(rest, cell).toBeGreaterThanOrEqual(5);
    }
  });

  it('shows everything but the hidden counts to the family protection unit', () => {
    const t = table(
      { total: [3], a: [2], rest: [1] },
      [{ total: 'total', parts: ['a', 'rest'] }],
      ['rest'],
    );
    expect(withheld(noSuppression(t))).toEqual(['rest']);
  });
});
