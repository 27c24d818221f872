/**
 * Small-cell suppression (issue 6: "any figure that reaches people outside the unit suppresses
 * cells smaller than a configurable threshold, so that no victim can be identified"); the rule in
 * words is in docs/measures.md, section 2.3.
 *
 * A table is a set of counts (cells) in columns: column 0 counts every unit, columns 1… one
 * category each of a dimension (victim sex, …), so column 0 is the sum of the others. Relations
 * `total = part + part + …` hold in every column (complaints = indicted + not indicted …). Hidden
 * cells are never shown but are counts all the same (those not indicted; the measures issued after
 * the last step of the time standard): a reader can compute them from what is shown, so they are
 * protected like any other.
 *
 * The rule: a count below the threshold (zero included) is never shown and never computable.
 * - primary suppression: every shown cell below the threshold is replaced by null;
 * - secondary suppression, until neither holds:
 *   - a cell below the threshold (shown or hidden) can be computed exactly from the shown cells
 *     through the relations (linear algebra, so chains of subtractions are caught too);
 *   - in one relation whose total is shown, the cells not shown add up to less than the
 *     threshold (they would all be known to be small);
 *   the cheapest cell that removes the problem is suppressed as well: the smallest, so that as
 *   little as possible is lost.
 * - the totals (column 0) are first protected on their own, then locked: a split by a dimension
 *   never suppresses more totals than the answer without a split shows, or the two answers
 *   together would reveal them.
 */

export interface Relation {
  total: string;
  parts: readonly string[];
}

export interface CellTable {
  /** Each cell's count per column: column 0 all units, then one column per category. */
  values: ReadonlyMap<string, readonly number[]>;
  /** Cells that are never shown (but are protected). */
  hidden?: ReadonlySet<string>;
  /** Relations that hold in every column. */
  relations: readonly Relation[];
}

/** For each cell, per column: true when it must not be shown. Hidden cells are always true. */
export type Suppression = Map<string, boolean[]>;

interface Variable {
  cell: string;
  column: number;
  value: number;
  isHidden: boolean;
  isLocked: boolean;
  isSuppressed: boolean;
}

/** `total − Σ parts = 0`, as variable indexes. */
interface Equation {
  total: number;
  parts: number[];
}

const EPSILON = 1e-9;

/** Protects a table; every cell of `values` must have the same number of columns. */
export function protectSmallCells(table: CellTable, threshold: number): Suppression {
  const columns = [...table.values.values()][0]?.length ?? 0;
  const totals = solve(table, threshold, 1, null);
  if (columns <= 1) return totals;
  return solve(table, threshold, columns, totals);
}

/** Exact figures: nothing suppressed but the hidden cells. */
export function noSuppression(table: CellTable): Suppression {
  return new Map(
    [...table.values].map(([cell, values]) => [
      cell,
      values.map(() => table.hidden?.has(cell) ?? false),
    ]),
  );
}

function solve(
  table: CellTable,
  threshold: number,
  columns: number,
  locked: Suppression | null,
): Suppression {
  const cells = [...table.values.keys()];
  const variables: Variable[] = [];
  const indexOf = (cell: string, column: number) => cells.indexOf(cell) * columns + column;
  for (const cell of cells) {
    const values = table.values.get(cell) ?? [];
    for (let column = 0; column < columns; column++) {
      const isHidden = table.hidden?.has(cell) ?? false;
      const isLocked = locked !== null && column === 0;
      const value = values[column] ?? 0;
      variables.push({
        cell,
        column,
        value,
        isHidden,
        isLocked,
        // Primary suppression; locked totals keep the answer of the table without a split.
        isSuppressed: isLocked ? (locked.get(cell)?.[0] ?? true) : !isHidden && value < threshold,
      });
    }
  }
  const equations: Equation[] = [];
  for (let column = 0; column < columns; column++) {
    for (const relation of table.relations) {
      equations.push({
        total: indexOf(relation.total, column),
        parts: relation.parts.map((part) => indexOf(part, column)),
      });
    }
  }
  if (columns > 1) {
    for (const cell of cells) {
      equations.push({
        total: indexOf(cell, 0),
        parts: Array.from({ length: columns - 1 }, (_, i) => indexOf(cell, i + 1)),
      });
    }
  }
  const problem = new Protection(variables, equations, threshold);
  problem.run();
  const result: Suppression = new Map();
  for (const cell of cells) {
    result.set(
      cell,
      Array.from({ length: columns }, (_, column) => {
        const variable = variables[indexOf(cell, column)];
        return variable ? variable.isHidden || variable.isSuppressed : true;
      }),
    );
  }
  return result;
}

/** A cell to protect, and the shown cells whose suppression would protect it. */
interface Violation {
  candidates: number[];
}

class Protection {
  private readonly totals = new Set<number>();

  constructor(
    private readonly variables: Variable[],
    private readonly equations: Equation[],
    private readonly threshold: number,
  ) {
    for (const equation of equations) this.totals.add(equation.total);
  }

  private isUnknown(index: number): boolean {
    const variable = this.variables[index];
    return variable === undefined || variable.isHidden || variable.isSuppressed;
  }

  private isSmall(index: number): boolean {
    return (this.variables[index]?.value ?? 0) < this.threshold;
  }

  /** Shown and not locked: a cell this run may still suppress. */
  private isFree(index: number): boolean {
    return !this.isUnknown(index) && !(this.variables[index]?.isLocked ?? true);
  }

  run(): void {
    // Each round suppresses one more cell, so this ends; the bound is a guard against a bug.
    for (let round = 0; round <= this.variables.length; round++) {
      const violation =
        this.residualViolation() ?? this.peelingViolation() ?? this.exactViolation();
      if (!violation) return;
      const chosen = this.choose(violation.candidates);
      if (chosen === null) break;
      const variable = this.variables[chosen];
      if (variable) variable.isSuppressed = true;
    }
    // Nothing left that resolves it (never expected): fail closed, showing no unlocked cell.
    for (const variable of this.variables) if (!variable.isLocked) variable.isSuppressed = true;
  }

  /**
   * A relation whose total is shown while the parts not shown add up to less than the threshold.
   * Any shown part (at least the threshold itself) lifts that sum above it.
   */
  private residualViolation(): Violation | null {
    for (const equation of this.equations) {
      if (this.isUnknown(equation.total)) continue;
      const unknown = equation.parts.filter((part) => this.isUnknown(part));
      if (unknown.length === 0) continue;
      const residual = unknown.reduce((sum, part) => sum + (this.variables[part]?.value ?? 0), 0);
      if (residual >= this.threshold) continue;
      const parts = equation.parts.filter((part) => this.isFree(part));
      return { candidates: parts.length > 0 ? parts : [equation.total] };
    }
    return null;
  }

  /**
   * Subtraction, step by step: a relation with a single cell not shown gives that cell; it is
   * known from then on. A small cell found so is a violation of the relation that gave it.
   */
  private peelingViolation(): Violation | null {
    const known = this.variables.map((_, i) => !this.isUnknown(i));
    let isProgressing = true;
    while (isProgressing) {
      isProgressing = false;
      for (const equation of this.equations) {
        const members = [equation.total, ...equation.parts];
        const missing = members.filter((m) => !known[m]);
        const only = missing[0];
        if (missing.length !== 1 || only === undefined) continue;
        if (this.isSmall(only)) {
          return { candidates: members.filter((m) => this.isFree(m)) };
        }
        known[only] = true;
        isProgressing = true;
      }
    }
    return null;
  }

  /**
   * Linear algebra, for what subtraction step by step misses (several relations solved
   * together). Gauss–Jordan elimination on the unknown cells' columns, carrying the shown cells'
   * columns along: a row with a single unknown left computes it from the shown cells of that row.
   * Suppressing one of those breaks the computation unless a relation among shown cells alone
   * (a row with no unknown) can bring it back; those are the candidates.
   */
  private exactViolation(): Violation | null {
    const unknowns = this.variables.map((_, i) => i).filter((i) => this.isUnknown(i));
    if (unknowns.length === 0) return null;
    const shown = this.variables.map((_, i) => i).filter((i) => !this.isUnknown(i));
    const order = [...unknowns, ...shown];
    const column = new Map(order.map((variable, i) => [variable, i]));
    const rows = this.equations.map((equation) => {
      const row = new Array<number>(order.length).fill(0);
      const add = (variable: number, coefficient: number) => {
        const at = column.get(variable) as number;
        row[at] = (row[at] ?? 0) + coefficient;
      };
      add(equation.total, 1);
      for (const part of equation.parts) add(part, -1);
      return row;
    });
    const reduced = reducedRowEchelon(rows, unknowns.length);
    const isZero = (value: number | undefined) => Math.abs(value ?? 0) <= EPSILON;
    const amongShown = reduced.filter((row) => row.slice(0, unknowns.length).every(isZero));
    for (const row of reduced) {
      const nonZero = row.slice(0, unknowns.length).flatMap((v, i) => (isZero(v) ? [] : [i]));
      const at = nonZero[0];
      if (nonZero.length !== 1 || at === undefined) continue;
      const variable = unknowns[at] as number;
      if (!this.isSmall(variable)) continue;
      const involved = shown.filter((_, i) => !isZero(row[unknowns.length + i]));
      const breaking = involved.filter((variable) => {
        const c = unknowns.length + shown.indexOf(variable);
        return amongShown.every((other) => isZero(other[c]));
      });
      const free = breaking.filter((v) => this.isFree(v));
      return { candidates: free.length > 0 ? free : involved.filter((v) => this.isFree(v)) };
    }
    return null;
  }

  /** The cheapest candidate: the smallest count, a part rather than a total, then the first. */
  private choose(candidates: readonly number[]): number | null {
    const free = candidates.filter((index) => this.isFree(index));
    free.sort(
      (a, b) =>
        (this.variables[a]?.value ?? 0) - (this.variables[b]?.value ?? 0) ||
        Number(this.totals.has(a)) - Number(this.totals.has(b)) ||
        a - b,
    );
    return free[0] ?? null;
  }
}

/**
 * Gauss–Jordan elimination with partial pivoting over the first `pivotColumns` columns, carrying
 * the rest of each row along; every row is returned (rows with no pivot last).
 */
function reducedRowEchelon(input: number[][], pivotColumns: number): number[][] {
  const rows = input.map((row) => [...row]);
  let pivotRow = 0;
  for (let column = 0; column < pivotColumns && pivotRow < rows.length; column++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r++) {
      if (Math.abs(rows[r]?.[column] ?? 0) > Math.abs(rows[best]?.[column] ?? 0)) best = r;
    }
    const pivot = rows[best]?.[column] ?? 0;
    if (Math.abs(pivot) <= EPSILON) continue;
    const swap = rows[best] as number[];
    rows[best] = rows[pivotRow] as number[];
    rows[pivotRow] = swap.map((value) => value / pivot);
    const normalised = rows[pivotRow] as number[];
    for (let r = 0; r < rows.length; r++) {
      if (r === pivotRow) continue;
      const row = rows[r] as number[];
      const factor = row[column] ?? 0;
      if (Math.abs(factor) <= EPSILON) continue;
      for (let c = 0; c < row.length; c++) row[c] = (row[c] ?? 0) - factor * (normalised[c] ?? 0);
    }
    pivotRow++;
  }
  return rows;
}
