/** Queries on the child population figures (migration 0008). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import {
  POPULATION_AGE_BANDS,
  POPULATION_SEXES,
  type PopulationAgeBand,
} from './statistics.schemas';

type Db = Kysely<Database> | Transaction<Database>;

export interface PopulationFigure {
  sex: 'female' | 'male';
  ageBand: PopulationAgeBand;
  population: number;
}

export interface ChildPopulationYear {
  year: number;
  source: string;
  updatedAt: Date;
  figures: PopulationFigure[];
}

async function figuresOf(db: Db, year: number): Promise<PopulationFigure[]> {
  const rows = await db
    .selectFrom('child_population')
    .select(['sex', 'age_band', 'population'])
    .where('year', '=', year)
    .execute();
  const rank = (figure: PopulationFigure) =>
    POPULATION_SEXES.indexOf(figure.sex) * 10 + POPULATION_AGE_BANDS.indexOf(figure.ageBand);
  return rows
    .map((row) => ({ sex: row.sex, ageBand: row.age_band, population: row.population }))
    .sort((a, b) => rank(a) - rank(b));
}

export async function findChildPopulation(
  db: Db,
  year: number,
): Promise<ChildPopulationYear | undefined> {
  const row = await db
    .selectFrom('child_population_years')
    .select(['year', 'source', 'updated_at'])
    .where('year', '=', year)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    year: row.year,
    source: row.source,
    updatedAt: row.updated_at,
    figures: await figuresOf(db, row.year),
  };
}

/** The latest year with figures that is not after `year`: the denominator of a period's rates. */
export async function findLatestChildPopulation(
  db: Db,
  year: number,
): Promise<ChildPopulationYear | undefined> {
  const row = await db
    .selectFrom('child_population_years')
    .select('year')
    .where('year', '<=', year)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? findChildPopulation(db, row.year) : undefined;
}

/** Replaces a year's figures (and its source) with these. */
export async function replaceChildPopulation(
  trx: Transaction<Database>,
  values: {
    year: number;
    source: string;
    figures: readonly PopulationFigure[];
    updatedAt: Date;
    updatedBy: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('child_population_years')
    .values({
      year: values.year,
      source: values.source,
      updated_at: values.updatedAt,
      updated_by: values.updatedBy,
    })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        source: values.source,
        updated_at: values.updatedAt,
        updated_by: values.updatedBy,
      }),
    )
    .execute();
  await trx.deleteFrom('child_population').where('year', '=', values.year).execute();
  await trx
    .insertInto('child_population')
    .values(
      values.figures.map((figure) => ({
        year: values.year,
        sex: figure.sex,
        age_band: figure.ageBand,
        population: figure.population,
      })),
    )
    .execute();
}
