/**
 * What the juvenile indicator queries share: the scope of a request, the shape of their rows (one
 * per sex × age band), and the SQL fragment that selects an institution's files. Ages are put in
 * their band by the shared dimensions (dimensions.ts, `ageBandSql`). The rules every query follows
 * are in juvenile-indicators.repository.ts.
 */
import { sql, type RawBuilder } from 'kysely';

type Sex = 'female' | 'male' | null;

export interface IndicatorScope {
  start: Date;
  until: Date;
  institutionIds: readonly string[] | null;
}

/** One cell of the breakdown: a sex (null: not recorded) and an age band (`ageBandOf`). */
export interface Cell {
  sex: Sex;
  band: string;
}

/** Distinct children of one cell. */
export interface CountRow extends Cell {
  n: number;
}

export interface ShareRow extends Cell {
  numerator: number;
  denominator: number;
}

export interface DurationRow extends Cell {
  /** True for the row of all periods together (the overall mean and median). */
  isTotal: boolean;
  n: number;
  totalDays: number;
  medianDays: number | null;
}

export interface DispositionRow extends Cell {
  n: number;
  /** Children disposed of within each step of the standard, in the standard's order. */
  within: number[];
}

/** The files of these institutions (null: of every institution). */
export function inInstitutions(column: string, ids: readonly string[] | null): RawBuilder<boolean> {
  if (ids === null) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(column)} in (${sql.join(ids)})`;
}
