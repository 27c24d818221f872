/** Queries on the persons registry. Use cases call these; routes never query directly. */
import {
  sql,
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type Transaction,
} from 'kysely';
import type { Database, PersonRow, PersonTable } from '../db/schema';
import type { Insertable, Updateable } from 'kysely';
import type { OffenceClass, Role } from '@qadiya/domain';
import type { Actor } from '../policy/actor';
import { visibleCasesCondition } from '../policy/case-access';
import { withoutParallelWorkers } from '../db/without-parallel-workers';
import { seenUnmaskedCondition } from '../policy/victim-protection';
import { escapeLike } from '../users/users.repository';

type Db = Kysely<Database> | Transaction<Database>;

export function findPersonById(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPersonByNationalId(db: Db, nationalId: string) {
  return db
    .selectFrom('persons')
    .select(['id', 'version'])
    .where('national_id', '=', nationalId)
    .executeTakeFirst();
}

export function insertPerson(db: Db, values: Insertable<PersonTable>): Promise<PersonRow> {
  return db.insertInto('persons').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates a person and bumps its version; `undefined` when the version is stale. */
export function updatePersonAtVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Updateable<PersonTable>,
  now: Date,
): Promise<PersonRow | undefined> {
  return db
    .updateTable('persons')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export interface PersonSearch {
  /**
   * Words of the normalised Arabic name key (each of two characters or more), all of which must
   * match a word of the person's four-part name: exactly, as its start, inside it, or by trigram
   * word similarity (a typo).
   */
  arabicWords: readonly string[];
  /** Words of the Latin skeleton of the query, matched the same way against `name_latin`. */
  latinWords: readonly string[];
  /** Digits of the query (4 to 9): national IDs equal to, starting with or similar to them. */
  nationalIdDigits?: string | undefined;
  /** Exact national ID (a filter). */
  nationalId?: string | undefined;
  /** Exact date of birth, or a year of birth (filters). */
  dateOfBirth?: string | undefined;
  birthYear?: number | undefined;
  limit: number;
  offset: number;
  /**
   * The reader. Persons they would see masked (protected victims, policy/victim-protection.ts)
   * are left out of the results altogether: issue 6, ADR 0017.
   */
  reader: Actor;
}

export type MatchKind = 'exact' | 'prefix' | 'contains' | 'similar';

export interface PersonMatch {
  by: 'national_id' | 'name' | 'date_of_birth';
  /** 1 for an exact match; lower for weaker ones. */
  score: number;
  kind: MatchKind;
  /** For a name: which name matched (the Arabic four-part name or the Latin transliteration). */
  field?: 'name_ar' | 'name_latin';
}

/**
 * A search counts its visible matches up to this many; beyond, the total is reported as "more
 * than" it (`totalIsLowerBound`): counting all 39,000 holders of a common family name, each
 * checked for victim protection, took most of a second (docs/performance.md).
 */
export const PERSON_SEARCH_TOTAL_CAP = 1000;

/** Candidates ranked beyond the page, for the protected victims the reader may not see. */
const PROTECTED_OVERFETCH = 10;

/** A national ID typed with one or two wrong digits still finds its holder, below exact ones. */
const SIMILAR_ID_THRESHOLD = 0.5;

/**
 * How well one query word matches a name key: 1 for a whole word, 0.9 for the start of a word,
 * 0.8 inside a word, else 0.8 × pg_trgm's word similarity. The words contain only letters and
 * digits (normalised), and are passed as parameters, never spliced into the SQL text.
 */
function wordScore(column: RawBuilder<string>, word: string): RawBuilder<number> {
  const like = escapeLike(word);
  return sql<number>`(CASE
    WHEN ' ' || ${column} || ' ' LIKE ${`% ${like} %`} THEN 1.0
    WHEN ' ' || ${column} LIKE ${`% ${like}%`} THEN 0.9
    WHEN ${column} LIKE ${`%${like}%`} THEN 0.8
    ELSE 0.8 * word_similarity(${word}, ${column}) END)`;
}

/**
 * The words of the registry's vocabulary (`person_name_words`, a few thousand rows, migration
 * 0013) that each query word may stand for: itself, words starting with or containing it (from
 * three letters), and words a typo away (pg_trgm word similarity). One statement for all words.
 */
async function vocabularyOf(db: Db, words: readonly string[]): Promise<string[][]> {
  if (words.length === 0) return [];
  const vocabulary = sql.ref<string>('v.word');
  const row = await db
    .selectFrom('person_name_words as v')
    .select(
      words.map((word, i) => {
        const matches =
          word.length >= 3
            ? sql<boolean>`(${vocabulary} LIKE ${`%${escapeLike(word)}%`} OR ${word} <% ${vocabulary})`
            : sql<boolean>`${word} <% ${vocabulary}`;
        return sql<string[] | null>`array_agg(${vocabulary}) FILTER (WHERE ${matches})`.as(`w${i}`);
      }),
    )
    .executeTakeFirst();
  const found = (row ?? {}) as Record<string, string[] | null>;
  return words.map((_, i) => found[`w${i}`] ?? []);
}

/**
 * Every word matches a word of the key: exactly, as its start, inside it or by trigram word
 * similarity, as the vocabulary says. The persons holding one of a word's vocabulary words are
 * found by the GIN index of their key's words (`&&`): small index lookups instead of trigram
 * scans of the whole registry, which visited tens of thousands of entries for a common name and
 * re-checked every row (docs/performance.md).
 */
function wordsCondition(
  column: RawBuilder<string>,
  vocabulary: readonly string[][],
): RawBuilder<boolean> {
  if (vocabulary.some((words) => words.length === 0)) return sql<boolean>`false`;
  const each = vocabulary.map(
    (words) => sql`string_to_array(${column}, ' ') && ${sql.val(words)}::text[]`,
  );
  return sql<boolean>`(${sql.join(each, sql` AND `)})`;
}

function averageScore(column: RawBuilder<string>, words: readonly string[]): RawBuilder<number> {
  return sql<number>`((${sql.join(
    words.map((word) => wordScore(column, word)),
    sql` + `,
  )}) / ${words.length})`;
}

/**
 * Registry search. With name words, national-ID digits or both, a person is found when any of them
 * matches; dates of birth and an exact national ID filter. Ranked: exact national ID first, then
 * by score, then by family name and the other parts, so homonyms sit together. Each row carries
 * its match. The query never scans the table: names use the vocabulary and the index of name
 * words, IDs the unique index and the trigram index, dates the date index (the use case refuses a
 * search without any criterion). A small statement looks the words up in the vocabulary; one
 * statement then gives the page and the total (a window count); only a page past the end needs a
 * third, for the total.
 *
 * A person the reader would see masked (a protected victim, for a reader outside her files'
 * teams) is never a result, whatever matched: a masked row would still tell that the name typed
 * belongs to a protected victim, and how well it matched (ADR 0017).
 */
export async function searchPersons(db: Db, filter: PersonSearch) {
  const common = await searchOneCommonWord(db, filter);
  if (common) return common;
  const arKey = sql.ref<string>('name_normalised');
  const latinKey = sql.ref<string>('name_latin_key');
  const { arabicWords, latinWords, nationalIdDigits: digits } = filter;

  const vocabulary = await vocabularyOf(db, [...arabicWords, ...latinWords]);
  const arVocabulary = vocabulary.slice(0, arabicWords.length);
  const latinVocabulary = vocabulary.slice(arabicWords.length);
  const arMatch =
    arabicWords.length > 0 ? wordsCondition(arKey, arVocabulary) : sql<boolean>`false`;
  const latinMatch =
    latinWords.length > 0 ? wordsCondition(latinKey, latinVocabulary) : sql<boolean>`false`;
  const arScore =
    arabicWords.length > 0
      ? sql<number>`CASE WHEN ${arMatch} THEN ${averageScore(arKey, arabicWords)} ELSE 0 END`
      : sql<number>`0`;
  const latinScore =
    latinWords.length > 0
      ? sql<number>`CASE WHEN ${latinMatch} THEN ${averageScore(latinKey, latinWords)} ELSE 0 END`
      : sql<number>`0`;
  const idExact = digits
    ? sql<boolean>`coalesce(national_id = ${digits}, false)`
    : sql<boolean>`false`;
  const idMatch = !digits
    ? sql<boolean>`false`
    : digits.length === 9
      ? sql<boolean>`(national_id = ${digits} OR (national_id % ${digits} AND similarity(national_id, ${digits}) >= ${SIMILAR_ID_THRESHOLD}))`
      : sql<boolean>`national_id LIKE ${`${digits}%`}`;
  const idScore = !digits
    ? sql<number>`0`
    : digits.length === 9
      ? sql<number>`CASE WHEN ${idExact} THEN 1.0 WHEN ${idMatch} THEN 0.9 * similarity(national_id, ${digits}) ELSE 0 END`
      : sql<number>`CASE WHEN ${idMatch} THEN ${0.5 + (0.4 * digits.length) / 9}::float8 ELSE 0 END`;
  const textual = arabicWords.length > 0 || latinWords.length > 0 || digits !== undefined;

  // Merged records are not persons any more: their parties are the survivor's.
  let matches = db.selectFrom('persons').where('merged_into_id', 'is', null);
  if (filter.nationalId) matches = matches.where('national_id', '=', filter.nationalId);
  if (filter.dateOfBirth) matches = matches.where('date_of_birth', '=', filter.dateOfBirth);
  if (filter.birthYear !== undefined) {
    matches = matches
      .where('date_of_birth', '>=', `${filter.birthYear}-01-01`)
      .where('date_of_birth', '<', `${filter.birthYear + 1}-01-01`);
  }
  if (textual) matches = matches.where(sql<boolean>`(${arMatch} OR ${latinMatch} OR ${idMatch})`);
  const seen = (id: RawBuilder<string>, mayBeProtected: RawBuilder<boolean>) =>
    seenUnmaskedCondition(filter.reader, id, mayBeProtected);
  const visible = matches.where(
    seen(sql.ref<string>('persons.id'), sql.ref<boolean>('persons.may_be_protected')),
  );

  // Visible persons up to the cap: a bounded read, for a page past the end of the ranking only.
  const capped = visible.select(sql`1`.as('one')).limit(PERSON_SEARCH_TOTAL_CAP + 1);

  // A constant (no digits typed) may not stand in ORDER BY, so the ID rank is added only when used.
  const candidates = (window: number) =>
    (digits ? matches.orderBy(sql`${idExact} DESC`) : matches)
      .selectAll()
      .select([
        idExact.as('match_id_exact'),
        // numeric or float8 depending on the branch: the driver may return a string.
        sql<number | string>`${idScore}`.as('match_id_score'),
        sql<number | string>`${arScore}`.as('match_ar_score'),
        sql<number | string>`${latinScore}`.as('match_latin_score'),
        sql<number | string>`greatest(${idScore}, ${arScore}, ${latinScore})`.as('match_score'),
        // Every match and those the reader may not see, counted in the same scan as the ranking
        // (window aggregates run before the limit): the total needs no second lookup of the
        // names. The check is cheap here: it reads parties only for persons flagged as possibly
        // protected (may_be_protected).
        sql<number | string>`count(*) OVER ()`.as('match_all'),
        sql<number | string>`count(*) FILTER (WHERE NOT ${seen(
          sql.ref<string>('persons.id'),
          sql.ref<boolean>('persons.may_be_protected'),
        )}) OVER ()`.as('match_masked'),
      ])
      .orderBy(sql`greatest(${idScore}, ${arScore}, ${latinScore}) DESC`)
      .orderBy(sql`family_name_ar NULLS LAST`)
      .orderBy('first_name_ar')
      .orderBy(sql`father_name_ar NULLS LAST`)
      .orderBy(sql`grandfather_name_ar NULLS LAST`)
      .orderBy('id')
      .limit(window);

  // The page is ranked without the victim-protection check, and only its candidates (the page,
  // those before it and a few more) are checked, in the same order: protected victims are rare,
  // so the page is nearly always filled at once; when too many were left out, a wider window is
  // ranked again. The visible candidates are the first visible persons of the full ranking, so
  // the page is the same as if every match had been checked first.
  const wanted = filter.offset + filter.limit;
  let window = wanted + PROTECTED_OVERFETCH;
  for (;;) {
    // Materialised: ranked once, both checked and counted.
    const ranked = await withoutParallelWorkers(db, (db) =>
      db
        .with(
          (cte) => cte('r').materialized(),
          () => candidates(window),
        )
        .selectFrom('r')
        .selectAll()
        .select([
          sql<number | string>`count(*) OVER ()`.as('match_visible'),
          sql<number | string>`(SELECT count(*) FROM r)`.as('match_candidates'),
          sql<number | string>`r.match_all - r.match_masked`.as('match_total'),
        ])
        .where(seen(sql.ref<string>('r.id'), sql.ref<boolean>('r.may_be_protected')))
        .$if(digits !== undefined, (q) => q.orderBy('r.match_id_exact', 'desc'))
        .orderBy('r.match_score', 'desc')
        .orderBy(sql`r.family_name_ar NULLS LAST`)
        .orderBy('r.first_name_ar')
        .orderBy(sql`r.father_name_ar NULLS LAST`)
        .orderBy(sql`r.grandfather_name_ar NULLS LAST`)
        .orderBy('r.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
    );
    const first = ranked[0];
    // The window was full: more matches may follow it.
    let more = first !== undefined && Number(first.match_candidates) >= window;
    let counted = first !== undefined ? Number(first.match_total) : 0;
    if (first === undefined) {
      // An empty page: past the end, or every candidate of the window was left out.
      counted = await countOf(db, capped);
      if (counted > filter.offset || counted > PERSON_SEARCH_TOTAL_CAP) {
        more = (await countOf(db, matches.select(sql`1`.as('one')))) > window;
      }
    }
    if (more && (first === undefined || Number(first.match_visible) < wanted)) {
      window *= 2;
      continue;
    }
    const rows = ranked.map(
      ({
        match_id_exact,
        match_id_score,
        match_ar_score,
        match_latin_score,
        match_score,
        ...columns
      }) => ({
        row: withoutBookkeeping(columns),
        match: describeMatch(textual, digits?.length ?? 0, {
          idExact: match_id_exact,
          id: Number(match_id_score),
          ar: Number(match_ar_score),
          latin: Number(match_latin_score),
          best: Number(match_score),
        }),
      }),
    );
    return {
      rows,
      total: Math.min(counted, PERSON_SEARCH_TOTAL_CAP),
      totalIsLowerBound: counted > PERSON_SEARCH_TOTAL_CAP,
    };
  }
}

/**
 * A search for one name word and nothing else, when that word is a whole word of at least a page's
 * and a full total's worth of names ("الخطيب", "محمد", "mhmd"): the general ranking would score
 * and sort every one of tens of thousands of matches (docs/performance.md). Here every whole-word
 * match scores 1, above any prefix, inside-a-word or typo match, and whole-word matches sort by
 * name: so the page is the first visible rows of `person_search_words` (migration 0017) for that
 * word, read in index order, and the total is "more than the cap" as soon as the cap's worth of
 * visible whole-word matches is counted. The result is the one the general ranking gives; when
 * the word has fewer whole-word matches than the page needs or the cap, it returns undefined and
 * the general ranking answers (then the matches are few, or the other tiers must be ranked).
 */
async function searchOneCommonWord(db: Db, filter: PersonSearch) {
  const { arabicWords, latinWords } = filter;
  // One word typed: its Arabic key, and for a word in Latin letters its Latin skeleton too.
  const onlyOneWord =
    arabicWords.length === 1 &&
    latinWords.length <= 1 &&
    filter.nationalIdDigits === undefined &&
    filter.nationalId === undefined &&
    filter.dateOfBirth === undefined &&
    filter.birthYear === undefined;
  const arabicWord = arabicWords[0];
  if (!onlyOneWord || arabicWord === undefined) return undefined;
  const latinWord = latinWords[0];
  // A word in Latin letters is a whole word of Latin names ("mohammad" → "mhmd"); were it also a
  // whole word of an Arabic name key (letters kept as typed), both would score 1, and the two
  // lists would have to be merged: the general ranking does that.
  if (latinWord !== undefined) {
    const alsoArabic = await db
      .selectFrom('person_search_words')
      .select('person_id')
      .where('latin', '=', false)
      .where('word', '=', arabicWord)
      .limit(1)
      .executeTakeFirst();
    if (alsoArabic) return undefined;
  }
  const latin = latinWord !== undefined;
  const word = latinWord ?? arabicWord;

  // Built on the statement's own connection: inside `withoutParallelWorkers`' transaction, the
  // embedded database's one connection is taken, and a query on the pool would wait for ever.
  const wholeWordMatches = (db: Db) =>
    db
      .selectFrom('person_search_words as w')
      .innerJoin('persons as p', 'p.id', 'w.person_id')
      .where('w.latin', '=', latin)
      .where('w.word', '=', word)
      .where(
        seenUnmaskedCondition(
          filter.reader,
          sql.ref<string>('p.id'),
          sql.ref<boolean>('p.may_be_protected'),
        ),
      );
  // Pages past the cap are the general ranking's: the total there is counted, not bounded.
  if (filter.offset + filter.limit > PERSON_SEARCH_TOTAL_CAP) return undefined;
  return withoutParallelWorkers(db, async (db) => {
    const counted = await db
      .selectFrom(
        wholeWordMatches(db)
          .select(sql`1`.as('one'))
          .limit(PERSON_SEARCH_TOTAL_CAP + 1)
          .as('capped'),
      )
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirstOrThrow();
    // Fewer whole-word matches than the cap: the total needs the other tiers too.
    if (Number(counted.total) <= PERSON_SEARCH_TOTAL_CAP) return undefined;
    const pageIds = (
      await wholeWordMatches(db)
        .select('w.person_id')
        .orderBy(sql`w.family_name_ar NULLS LAST`)
        .orderBy('w.first_name_ar')
        .orderBy(sql`w.father_name_ar NULLS LAST`)
        .orderBy(sql`w.grandfather_name_ar NULLS LAST`)
        .orderBy('w.person_id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute()
    ).map((row) => row.person_id);
    const rows =
      pageIds.length === 0
        ? []
        : await db.selectFrom('persons').selectAll().where('id', 'in', pageIds).execute();
    const position = new Map(pageIds.map((id, i) => [id, i]));
    rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    const scores = { idExact: false, id: 0, ar: latin ? 0 : 1, latin: latin ? 1 : 0, best: 1 };
    return {
      rows: rows.map((row) => ({ row, match: describeMatch(true, 0, scores) })),
      total: PERSON_SEARCH_TOTAL_CAP,
      totalIsLowerBound: true,
    };
  });
}

const BOOKKEEPING = new Set([
  'match_visible',
  'match_candidates',
  'match_total',
  'match_all',
  'match_masked',
]);

type Bookkeeping =
  'match_visible' | 'match_candidates' | 'match_total' | 'match_all' | 'match_masked';

/** A person's columns, without the columns the statement counted the window with. */
function withoutBookkeeping<T extends object>(columns: T): Omit<T, Bookkeeping> {
  return Object.fromEntries(
    Object.entries(columns).filter(([key]) => !BOOKKEEPING.has(key)),
  ) as Omit<T, Bookkeeping>;
}

async function countOf(db: Db, query: SelectQueryBuilder<Database, 'persons', { one: unknown }>) {
  const row = await db
    .selectFrom(query.as('counted'))
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

function describeMatch(
  textual: boolean,
  digitCount: number,
  scores: { idExact: boolean; id: number; ar: number; latin: number; best: number },
): PersonMatch {
  if (!textual) return { by: 'date_of_birth', score: 1, kind: 'exact' };
  const score = Math.round(scores.best * 1000) / 1000;
  if (scores.idExact) return { by: 'national_id', score: 1, kind: 'exact' };
  if (scores.id > 0 && scores.id >= scores.ar && scores.id >= scores.latin) {
    return { by: 'national_id', score, kind: digitCount === 9 ? 'similar' : 'prefix' };
  }
  const kind: MatchKind =
    score >= 1 ? 'exact' : score >= 0.9 ? 'prefix' : score >= 0.8 ? 'contains' : 'similar';
  return { by: 'name', score, kind, field: scores.latin > scores.ar ? 'name_latin' : 'name_ar' };
}

/**
 * The files in which a person is a party, one row per party record, restricted in SQL to the files
 * the actor may open (the policy's own condition, so a recusal or another institution's file never
 * leaves the database). Newest files first.
 */
export function findVisibleCasesOfPerson(db: Db, actor: Actor, personId: string, limit: number) {
  return db
    .selectFrom('parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .selectAll('c')
    .select([
      'p.id as party_id',
      'p.role as party_role',
      'p.added_at as party_added_at',
      'i.code as institution_code',
      'i.name_ar as institution_name_ar',
      'i.name_en as institution_name_en',
    ])
    .where('p.person_id', '=', personId)
    .where(visibleCasesCondition(actor))
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.id')
    .orderBy('p.added_at')
    .limit(limit)
    .execute();
}

export type PersonCaseRow = Awaited<ReturnType<typeof findVisibleCasesOfPerson>>[number];

/**
 * How many of a person's files the actor may not open, leaving out juvenile files (Art. 9: not even
 * hinted at outside their team) and sealed ones. The policy's own condition decides, negated in
 * SQL; `coalesce` because the condition is NULL (not false) for a file without a unit.
 */
export async function countHiddenCasesOfPerson(
  db: Db,
  actor: Actor,
  personId: string,
): Promise<number> {
  const row = await db
    .selectFrom('parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select(sql<number>`count(DISTINCT c.id)`.as('hidden'))
    .where('p.person_id', '=', personId)
    .where('c.is_juvenile', '=', false)
    .where('c.confidentiality', '<>', 'sealed')
    .where((eb) => sql<SqlBool>`NOT coalesce(${visibleCasesCondition(actor)(eb)}, false)`)
    .executeTakeFirstOrThrow();
  return row.hidden;
}

/** The actor's active team roles on each of these files (one query for the whole list). */
export async function teamRolesByCase(db: Db, userId: string, caseIds: readonly string[]) {
  const byCase = new Map<string, Role[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('case_assignments')
    .select(['case_id', 'role'])
    .where('user_id', '=', userId)
    .where('case_id', 'in', caseIds)
    .where('ended_at', 'is', null)
    .execute();
  for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row.role]);
  return byCase;
}

/** The offence classes charged against each party, for the accused label (مشتكى عليه، ظنين، متهم). */
export async function offenceClassesByParty(db: Db, partyIds: readonly string[]) {
  const byParty = new Map<string, OffenceClass[]>();
  if (partyIds.length === 0) return byParty;
  const rows = await db
    .selectFrom('charges as ch')
    .innerJoin('offences as o', 'o.id', 'ch.offence_id')
    .select(['ch.party_id', 'o.offence_class'])
    .where('ch.party_id', 'in', partyIds)
    .execute();
  for (const row of rows) {
    byParty.set(row.party_id, [...(byParty.get(row.party_id) ?? []), row.offence_class]);
  }
  return byParty;
}
