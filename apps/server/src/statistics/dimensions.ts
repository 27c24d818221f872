/**
 * The standard dimensions of Qadiya's statistics (issue 6, item 7; issue 8): every count can be
 * split by the sex and the age band of the victim and of the accused, and by the victim's
 * relationship to the accused. This module is the one place that says how, as SQL grouping
 * expressions, so that every measure splits by exactly the same categories.
 *
 * How a measure uses it: each unit of count the measure's query produces carries the party row
 * (`parties.id`) of its victim and of its accused (`principalVictimOf` / `principalAccusedOf` pick
 * them where the record itself does not say, e.g. for a file with several victims);
 * `joinDimensionParties` joins those parties and their persons, and `dimensionValue` is the
 * category of the unit, to select and group by. The categories are closed lists (below), every
 * unit falls in exactly one, so a breakdown adds up to its total.
 *
 * - sex: `persons.sex` (female, male; unknown when not recorded or when there is no such party);
 * - age band: the domain's `ageBandOf` of `parties.age_at_offence` (the age on the offence date,
 *   derived, never typed in), turned into a CASE expression so SQL bands exactly as the domain does;
 * - relationship: the victim party's `relationship_to_accused` (the domain's RELATIONSHIPS;
 *   unknown when not recorded).
 */
import { sql, type RawBuilder } from 'kysely';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  ageBandOf,
  RELATIONSHIP_LABELS,
  RELATIONSHIPS,
  type AgeBand,
} from '@qadiya/domain';
import { AppError } from '../http/errors';

export const DIMENSIONS = [
  'victimSex',
  'victimAgeBand',
  'accusedSex',
  'accusedAgeBand',
  'relationship',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

interface Labels {
  ar: string;
  en: string;
}

export interface Category {
  code: string;
  labels: Labels;
}

const UNKNOWN: Category = { code: 'unknown', labels: { ar: 'غير معروف', en: 'Unknown' } };

const SEX_CATEGORIES: readonly Category[] = [
  { code: 'female', labels: { ar: 'أنثى', en: 'Female' } },
  { code: 'male', labels: { ar: 'ذكر', en: 'Male' } },
  UNKNOWN,
];

const AGE_BAND_CATEGORIES: readonly Category[] = AGE_BANDS.map((band) => ({
  code: band,
  labels: AGE_BAND_LABELS[band],
}));

const RELATIONSHIP_CATEGORIES: readonly Category[] = [
  ...RELATIONSHIPS.map((relationship) => ({
    code: relationship,
    labels: RELATIONSHIP_LABELS[relationship],
  })),
  UNKNOWN,
];

export const DIMENSION_LABELS: Readonly<Record<Dimension, Labels>> = {
  victimSex: { ar: 'جنس الضحية', en: 'Victim sex' },
  victimAgeBand: { ar: 'الفئة العمرية للضحية', en: 'Victim age band' },
  accusedSex: { ar: 'جنس المشتكى عليه', en: 'Accused sex' },
  accusedAgeBand: { ar: 'الفئة العمرية للمشتكى عليه', en: 'Accused age band' },
  relationship: { ar: 'صلة الضحية بالمشتكى عليه', en: 'Victim’s relationship to the accused' },
};

/** Every category of a dimension, in the order screens show them; 'unknown' always last. */
export function categoriesOf(dimension: Dimension): readonly Category[] {
  switch (dimension) {
    case 'victimSex':
    case 'accusedSex':
      return SEX_CATEGORIES;
    case 'victimAgeBand':
    case 'accusedAgeBand':
      return AGE_BAND_CATEGORIES;
    case 'relationship':
      return RELATIONSHIP_CATEGORIES;
  }
}

/**
 * The domain's age band of an age column, as a CASE expression built from `ageBandOf` itself
 * (runs of equal bands over 0–130 years, the range `parties.age_at_offence` allows): SQL bands
 * exactly as the domain does, and an expression, unlike a join, can appear several times in one
 * query (the victim's band and the accused's). Null ages are 'unknown'.
 */
export function ageBandSql(ageColumn: string): RawBuilder<AgeBand> {
  const runs: { band: AgeBand; from: number; to: number }[] = [];
  for (let age = 0; age <= 130; age++) {
    const band = ageBandOf(age);
    const last = runs.at(-1);
    if (last && last.band === band) last.to = age;
    else runs.push({ band, from: age, to: age });
  }
  const age = sql.ref(ageColumn);
  const whens = runs.map(
    (run) =>
      sql`when ${age} between ${sql.lit(run.from)} and ${sql.lit(run.to)} then ${sql.lit(run.band)}`,
  );
  return sql<AgeBand>`(case ${sql.join(whens, sql` `)} else 'unknown' end)`;
}

/** Aliases of the joined dimension parties; reserved in any query that uses them. */
const V = 'dim_victim';
const VP = 'dim_victim_person';
const A = 'dim_accused';
const AP = 'dim_accused_person';

/**
 * Joins the victim and accused parties (and their persons) of each unit. The columns hold party
 * ids (`parties.id`), either of them null when the unit has no such party.
 */
export function joinDimensionParties(columns: {
  victimParty: string;
  accusedParty: string;
}): RawBuilder<unknown> {
  return sql`left join parties ${sql.id(V)} on ${sql.ref(`${V}.id`)} = ${sql.ref(columns.victimParty)}
    left join persons ${sql.id(VP)} on ${sql.ref(`${VP}.id`)} = ${sql.ref(`${V}.person_id`)}
    left join parties ${sql.id(A)} on ${sql.ref(`${A}.id`)} = ${sql.ref(columns.accusedParty)}
    left join persons ${sql.id(AP)} on ${sql.ref(`${AP}.id`)} = ${sql.ref(`${A}.person_id`)}`;
}

/**
 * Where a query finds the facts the dimensions split on: by default the parties and persons
 * `joinDimensionParties` joins; a query over rows that carry them (the performance measures' unit
 * summary table) names its own columns instead.
 */
export interface DimensionColumns {
  victimSex: string;
  victimAge: string;
  accusedSex: string;
  accusedAge: string;
  relationship: string;
}

const JOINED_COLUMNS: DimensionColumns = {
  victimSex: `${VP}.sex`,
  victimAge: `${V}.age_at_offence`,
  accusedSex: `${AP}.sex`,
  accusedAge: `${A}.age_at_offence`,
  relationship: `${V}.relationship_to_accused`,
};

/**
 * The category of a unit in a dimension, once `joinDimensionParties` is in the query (or from the
 * given columns); without a dimension, the single category 'all'. Select it and group by it.
 */
export function dimensionValue(
  dimension: Dimension | null,
  columns: DimensionColumns = JOINED_COLUMNS,
): RawBuilder<string> {
  switch (dimension) {
    case null:
      return sql<string>`'all'`;
    case 'victimSex':
      return sql<string>`coalesce(${sql.ref(columns.victimSex)}, 'unknown')`;
    case 'accusedSex':
      return sql<string>`coalesce(${sql.ref(columns.accusedSex)}, 'unknown')`;
    case 'victimAgeBand':
      return ageBandSql(columns.victimAge);
    case 'accusedAgeBand':
      return ageBandSql(columns.accusedAge);
    case 'relationship':
      return sql<string>`coalesce(${sql.ref(columns.relationship)}, 'unknown')`;
  }
}

/**
 * The principal victim of a file, as a scalar subquery giving a party id (null when none): a file
 * may name several victims, and a unit of count falls in one category only. The principal victim
 * is the first recorded party with the role victim (a complainant only when the file names no
 * victim: a mother may complain for her child). The performance measures' unit table stores the
 * same choice (the view `performance_unit_facts`, migration 0016); a test compares the two.
 */
export function principalVictimOf(caseIdColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(select pv.id from parties pv
    where pv.case_id = ${sql.ref(caseIdColumn)} and pv.role in ('victim', 'complainant')
    order by (pv.role = 'victim') desc, pv.added_at, pv.id limit 1)`;
}

/** The principal accused of a file: the first recorded party with the role accused. */
export function principalAccusedOf(caseIdColumn: string): RawBuilder<string | null> {
  return sql<string | null>`(select pa.id from parties pa
    where pa.case_id = ${sql.ref(caseIdColumn)} and pa.role = 'accused'
    order by pa.added_at, pa.id limit 1)`;
}

/** The most dimensions one request may split by at once (issue 8: a cross-tabulation of two). */
export const MAX_DIMENSIONS = 2;

/** A 400 naming the `splitBy` field, with a code saying what is wrong with it. */
function invalidSplit(code: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid querystring field "splitBy": ${problem}`, {
    issues: [{ field: 'splitBy', in: 'querystring', code, problem }],
  });
}

/**
 * The dimensions of a `splitBy` query field: names separated by commas, each one of DIMENSIONS,
 * at most `max` of them, none twice. Absent or empty: no split. An unknown name
 * (UNKNOWN_DIMENSION), a repeated one (DUPLICATE_DIMENSION) or too many (TOO_MANY_DIMENSIONS) is a
 * 400 naming the field.
 */
export function parseDimensions(raw: string | undefined, max = MAX_DIMENSIONS): Dimension[] {
  if (raw === undefined || raw.trim() === '') return [];
  const names = raw.split(',').map((name) => name.trim());
  const dimensions: Dimension[] = [];
  for (const name of names) {
    if (!(DIMENSIONS as readonly string[]).includes(name)) {
      throw invalidSplit(
        'UNKNOWN_DIMENSION',
        `unknown dimension "${name}"; expected one of ${DIMENSIONS.join(', ')}`,
      );
    }
    const dimension = name as Dimension;
    if (dimensions.includes(dimension)) {
      throw invalidSplit('DUPLICATE_DIMENSION', `dimension "${name}" is given twice`);
    }
    dimensions.push(dimension);
  }
  if (dimensions.length > max) {
    throw invalidSplit(
      'TOO_MANY_DIMENSIONS',
      `at most ${max} dimensions at once, not ${dimensions.length}`,
    );
  }
  return dimensions;
}

/** The separator of the categories of several dimensions in one category key. */
export const CATEGORY_SEPARATOR = '|';

/**
 * The category key of a unit in several dimensions at once (a cross-tabulation), once
 * `joinDimensionParties` is in the query (or from the given columns): each dimension's category
 * (`dimensionValue`) joined by CATEGORY_SEPARATOR, in the order given; 'all' without a dimension.
 * Select it and group by it.
 */
export function categoryKey(
  dimensions: readonly Dimension[],
  columns: DimensionColumns = JOINED_COLUMNS,
): RawBuilder<string> {
  if (dimensions.length === 0) return dimensionValue(null);
  return sql<string>`(${sql.join(
    dimensions.map((d) => dimensionValue(d, columns)),
    sql` || ${sql.lit(CATEGORY_SEPARATOR)} || `,
  )})`;
}

/** Every category key of these dimensions (their cross product), in the order screens show them. */
export function categoryKeysOf(
  dimensions: readonly Dimension[],
): { key: string; codes: string[]; labels: Labels[] }[] {
  let keys: { key: string; codes: string[]; labels: Labels[] }[] = [
    { key: '', codes: [], labels: [] },
  ];
  for (const dimension of dimensions) {
    keys = keys.flatMap((prefix) =>
      categoriesOf(dimension).map((category) => ({
        key:
          prefix.codes.length === 0
            ? category.code
            : `${prefix.key}${CATEGORY_SEPARATOR}${category.code}`,
        codes: [...prefix.codes, category.code],
        labels: [...prefix.labels, category.labels],
      })),
    );
  }
  return dimensions.length === 0 ? [] : keys;
}
