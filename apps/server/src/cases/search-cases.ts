/**
 * Case search (`GET /cases/search`): free text over files' titles (the summary), the notes of their
 * events and hearing minutes, in Arabic and English (PostgreSQL full-text search, migration 0010),
 * and filters by number, reference, party, offence, institution, type, state, opening date and
 * assignee. Access is decided inside the SQL by the policy's own condition, so a file the user may
 * not open is never a result, whatever it contains. A match counts only in a field the user may
 * read in that file (the case type's field rights, also in SQL): searching a summary one may not
 * read must not reveal what it says. See docs/adr/0014-case-search.md.
 */
import {
  arabicNameKey,
  CASE_TYPES,
  caseTypeDefinition,
  endOfLocalDay,
  isArabicStopWord,
  nameKeyWords,
  type Role,
} from '@qadiya/domain';
import {
  expressionBuilder,
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import type { CaseRow, Database } from '../db/schema';
import { withoutParallelWorkers } from '../db/without-parallel-workers';
import { AppError } from '../http/errors';
import { SYSTEM_USER_ID, type Actor } from '../policy/actor';
import {
  accessSubjectOf,
  CASE_ROLES,
  decideCaseAccess,
  visibleCasesCondition,
} from '../policy/case-access';
import type { UseCaseContext } from '../use-case-context';
import { escapeLike } from '../users/users.repository';
import { canReadField, presentCaseHeader } from './case.presenter';
import { definitionOf } from './fire-event';

export interface CaseSearchInput {
  q?: string | undefined;
  number?: string | undefined;
  reference?: string | undefined;
  personId?: string | undefined;
  partyName?: string | undefined;
  offenceId?: string | undefined;
  institutionId?: string | undefined;
  caseType?: string | undefined;
  state?: string | undefined;
  assigneeId?: string | undefined;
  openedFrom?: string | undefined;
  openedTo?: string | undefined;
  limit: number;
  offset: number;
}

/** Where a query matched: the title (summary), an event's note, hearing minutes, the reference. */
export type MatchField = 'title' | 'event_note' | 'hearing_minutes' | 'reference';

export interface CaseSearchHit {
  file: CaseRow & {
    institution_code: string;
    institution_name_ar: string;
    institution_name_en: string;
  };
  /** null without a text query (filters only). */
  rank: number | null;
  fields: MatchField[];
  /** The best field's text around the matched words (`<mark>`…`</mark>`); null if not shown. */
  excerpt: { field: MatchField; text: string } | null;
  /** The roles the user holds on the file, for field rights when presenting it. */
  roles: Role[];
}

const FILTERS = [
  'number',
  'reference',
  'personId',
  'partyName',
  'offenceId',
  'institutionId',
  'caseType',
  'state',
  'assigneeId',
  'openedFrom',
  'openedTo',
] as const satisfies readonly (keyof CaseSearchInput)[];

const INVISIBLE = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
/**
 * Letters and digits of any script, with the marks written on them (tashkeel): what full-text
 * search can match.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
/** A word's length in letters and digits, without its marks. */
const letters = (word: string) => word.replace(/\p{M}/gu, '').length;
/** How a title match weighs against a match in notes or minutes (a title names the file). */
const FIELD_WEIGHT: Record<Exclude<MatchField, 'reference'>, number> = {
  title: 1,
  event_note: 0.6,
  hearing_minutes: 0.6,
};

export interface CaseSearchResult {
  hits: CaseSearchHit[];
  /** Files found; with `totalIsLowerBound`, at least that many. */
  total: number;
  /**
   * True for a common word (more matching documents than `CASE_SEARCH_DOCUMENT_CAP`): the files
   * are then listed newest first and `total` counts the files found among the matches read, a
   * lower bound (ADR 0014).
   */
  totalIsLowerBound: boolean;
  /** `relevance`: best match first; `newest`: by opening date (filters only, or a common word). */
  order: 'relevance' | 'newest';
}

export async function searchCases(
  ctx: UseCaseContext,
  input: CaseSearchInput,
  options: { documentCap?: number } = {},
): Promise<CaseSearchResult> {
  const search = checkInput(ctx, input);
  if (search === 'nothing') {
    return { hits: [], total: 0, totalIsLowerBound: false, order: 'relevance' };
  }
  const { rows, total, totalIsLowerBound, order } = await runSearch(
    ctx.db,
    ctx.actor,
    search,
    options.documentCap ?? CASE_SEARCH_DOCUMENT_CAP,
  );
  const teamRoles = await teamRolesByCase(
    ctx.db,
    ctx.actor.userId,
    rows.map((row) => row.id),
  );
  const hits = rows.map((row): CaseSearchHit => {
    const { rank, fields, best_field, best_doc, headline, ...file } = row;
    const decision = decideCaseAccess(
      ctx.actor,
      accessSubjectOf(file),
      teamRoles.get(file.id) ?? [],
    );
    const roles = decision.allowed ? decision.roles : [];
    // A restricted or sealed file shows what matched, never the matched text: reading it is
    // opening the file, which is audited.
    const showText = file.confidentiality === 'normal';
    return {
      file,
      rank: rank === null ? null : Math.round(rank * 10_000) / 10_000,
      fields: (fields ?? []).sort(),
      excerpt:
        showText && best_field && headline && best_doc
          ? { field: best_field, text: headline }
          : null,
      roles,
    };
  });
  return { hits, total, totalIsLowerBound, order };
}

interface CheckedSearch {
  text: string | null;
  /** The query looks like a file number or reference: also match those. */
  referenceLike: string | null;
  filters: Pick<CaseSearchInput, Exclude<(typeof FILTERS)[number], 'openedFrom' | 'openedTo'>>;
  partyWords: string[];
  openedAfter: Date | null;
  openedUntil: Date | null;
  limit: number;
  offset: number;
}

/**
 * Refuses what cannot be a useful search, naming the field (400): no query and no filter, an empty
 * query, a query whose words are one letter each, a party name too short to narrow, a date range
 * ending before it starts, an unknown case type or state. A query of symbols only cannot match any
 * text: it finds nothing, without a query.
 */
function checkInput(ctx: UseCaseContext, input: CaseSearchInput): CheckedSearch | 'nothing' {
  const hasFilter = FILTERS.some((field) => input[field] !== undefined);
  let text: string | null = null;
  if (input.q !== undefined) {
    const cleaned = input.q.replace(INVISIBLE, '').trim();
    if (cleaned === '') throw invalid('q', 'is empty: type a word, a file number or a reference');
    const words = cleaned.match(WORD) ?? [];
    if (words.length === 0) return 'nothing';
    const meaningful = words.filter((word) => !isArabicStopWord(word));
    if (meaningful.length === 0) {
      throw invalid(
        'q',
        'has only very common words (في، من، على، عليه…), which are in nearly every file: add a word that says what the file is about',
      );
    }
    if (!meaningful.some((word) => letters(word) >= 2)) {
      throw invalid('q', 'is too short: type at least two letters or digits of a word');
    }
    text = withoutStopWords(cleaned);
  } else if (!hasFilter) {
    throw invalid('q', `is missing: give q or a filter (${FILTERS.join(', ')})`);
  }
  const definition = input.caseType === undefined ? null : caseTypeDefinition(input.caseType);
  if (definition === undefined) throw invalid('caseType', 'is not a case type');
  const { state } = input;
  if (state !== undefined) {
    const types = definition ? [definition] : CASE_TYPES;
    if (!types.some((type) => Object.hasOwn(type.states, state))) {
      throw invalid(
        'state',
        input.caseType ? 'is not a state of this case type' : 'is not a state',
      );
    }
  }
  let partyWords: string[] = [];
  if (input.partyName !== undefined) {
    partyWords = nameKeyWords(arabicNameKey(input.partyName)).filter((word) => word.length >= 2);
    if (partyWords.length === 0) {
      throw invalid('partyName', 'is too short: type at least two letters of a name');
    }
  }
  if (input.openedFrom && input.openedTo && input.openedFrom > input.openedTo) {
    throw invalid('openedTo', 'is before openedFrom');
  }
  const zone = ctx.config.timeZone;
  const { limit, offset, openedFrom, openedTo } = input;
  const filters = Object.fromEntries(
    FILTERS.filter((field) => field !== 'openedFrom' && field !== 'openedTo').map((field) => [
      field,
      input[field],
    ]),
  ) as CheckedSearch['filters'];
  return {
    text,
    referenceLike:
      text !== null && /^[\p{L}\p{N}/_.-]*\p{N}[\p{L}\p{N}/_.-]*$/u.test(text) ? text : null,
    filters,
    partyWords: partyWords.slice(0, 8),
    // Dates are the courts' calendar days: from the end of the day before `openedFrom` to the end
    // of `openedTo`, in the configured time zone.
    openedAfter: openedFrom ? endOfLocalDay(civil(openedFrom, -1), zone) : null,
    openedUntil: openedTo ? endOfLocalDay(civil(openedTo, 0), zone) : null,
    limit,
    offset,
  };
}

/**
 * The query without the Arabic function words typed among other words ("سرقة في السوق" searches
 * "سرقة السوق"): they narrow nothing, and each is in most documents, so the index would read most of
 * its entries to intersect them. A quoted phrase is kept as typed, since its words' positions
 * matter; an excluded function word (`-في`) is dropped with its sign.
 */
function withoutStopWords(query: string): string {
  if (query.includes('"')) return query;
  return query
    .split(/\s+/)
    .filter((token) => {
      const words = token.match(WORD) ?? [];
      return words.length === 0 || !words.every((word) => isArabicStopWord(word));
    })
    .join(' ');
}

function civil(date: string, shiftDays: number) {
  const day = new Date(Date.parse(`${date}T00:00:00Z`) + shiftDays * 86_400_000);
  return { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
}

function invalid(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid querystring field "${field}": ${problem}`, {
    issues: [{ field, in: 'querystring', problem }],
  });
}

type CaseScope = ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>;

/**
 * The user may read `field` of the file: the case type sets no rights on it, or one of the roles
 * the user holds on this file may read it. Those roles come from the same sources as the policy's
 * own decision (decideCaseAccess): the file's team, and grants that open it (the policy's SQL
 * condition applied to the grants of one role at a time).
 */
function readableField(actor: Actor, field: string) {
  return (eb: CaseScope): Expression<SqlBool> => {
    const open = CASE_TYPES.filter((d) => !d.fields[field]).map((d) => d.caseType);
    const readers = (role: Role) =>
      CASE_TYPES.filter((d) => d.fields[field]?.read.includes(role)).map((d) => d.caseType);
    const pairs = CASE_TYPES.flatMap((d) =>
      (d.fields[field]?.read ?? []).map((role) => sql`(${d.caseType}, ${role})`),
    );
    const ways: Expression<SqlBool>[] = [];
    if (open.length > 0) ways.push(eb('c.case_type', 'in', open));
    if (pairs.length > 0) {
      // The files where the user's team role may read the field, by file and case type: one
      // uncorrelated subquery, which PostgreSQL hashes once per statement, instead of a probe of
      // the team per file judged (a search judges up to thousands of files).
      ways.push(
        sql<SqlBool>`(c.id, c.case_type) IN (
          SELECT ca.case_id, reader.case_type
          FROM case_assignments ca
          JOIN (VALUES ${sql.join(pairs)}) AS reader (case_type, role) ON reader.role = ca.role
          WHERE ca.user_id = ${actor.userId} AND ca.ended_at IS NULL)`,
      );
    }
    const heldRoles = new Set(
      actor.assignments.filter((a) => a.grantKind !== 'excluded').map((a) => a.role),
    );
    for (const role of CASE_ROLES.filter((r) => heldRoles.has(r))) {
      const types = readers(role);
      if (types.length === 0) continue;
      // The policy's condition over this role's grants only. Its team part is switched off by an
      // id that no case assignment can hold (the system actor has no user row): team roles were
      // matched above, role by role.
      const grantsOfRole: Actor = {
        ...actor,
        userId: SYSTEM_USER_ID,
        assignments: actor.assignments.filter((a) => a.role === role && a.grantKind !== 'excluded'),
      };
      ways.push(eb.and([eb('c.case_type', 'in', types), visibleCasesCondition(grantsOfRole)(eb)]));
    }
    return ways.length > 0 ? eb.or(ways) : sql<SqlBool>`false`;
  };
}

/** The filters, as one condition on the file `c`. */
function filtersCondition(actor: Actor, search: CheckedSearch) {
  return (eb: CaseScope): Expression<SqlBool> => {
    const { filters } = search;
    const all: Expression<SqlBool>[] = [];
    if (filters.number) {
      const [serial, year] = filters.number.split('/');
      all.push(eb('c.serial', '=', Number(serial)));
      if (year) all.push(eb('c.year', '=', Number(year)));
    }
    if (filters.reference) {
      all.push(eb('c.reference', 'ilike', `%${escapeLike(filters.reference)}%`));
    }
    if (filters.institutionId) all.push(eb('c.institution_id', '=', filters.institutionId));
    if (filters.caseType) all.push(eb('c.case_type', '=', filters.caseType));
    if (filters.state) all.push(eb('c.state', '=', filters.state));
    if (search.openedAfter) all.push(eb('c.opened_at', '>', search.openedAfter));
    if (search.openedUntil) all.push(eb('c.opened_at', '<=', search.openedUntil));
    if (filters.offenceId) {
      all.push(
        eb.exists(
          eb
            .selectFrom('charges as ch')
            .select('ch.id')
            .whereRef('ch.case_id', '=', 'c.id')
            .where('ch.offence_id', '=', filters.offenceId),
        ),
      );
    }
    if (filters.assigneeId) {
      all.push(
        eb.exists(
          eb
            .selectFrom('case_assignments as asg')
            .select('asg.id')
            .whereRef('asg.case_id', '=', 'c.id')
            .where('asg.user_id', '=', filters.assigneeId)
            .where('asg.ended_at', 'is', null),
        ),
      );
    }
    // Who is a party is itself a field the case type may hide from some roles.
    if (filters.personId || search.partyWords.length > 0) {
      let parties = eb
        .selectFrom('parties as p')
        .innerJoin('persons as pe', 'pe.id', 'p.person_id')
        .select('p.id')
        .whereRef('p.case_id', '=', 'c.id');
      if (filters.personId) parties = parties.where('p.person_id', '=', filters.personId);
      for (const word of search.partyWords) {
        parties = parties.where('pe.name_normalised', 'like', `%${escapeLike(word)}%`);
      }
      all.push(eb.and([eb.exists(parties), readableField(actor, 'parties')(eb)]));
    }
    return eb.and(all);
  };
}

/**
 * Where to look for the text: the documents of the files the user may possibly open, found through
 * indexes before anything is ranked (migration 0013). A superset of what the policy allows: the
 * institutions where the user holds a standard grant (the index on institution and document), the
 * files of the user's team and those of specific grants (by file). The policy's own condition is
 * applied to every candidate afterwards, so this only narrows the work, never the rule.
 */
function candidateDocuments(db: Kysely<Database>, actor: Actor, query: RawBuilder<unknown>) {
  const { institutions, specific } = candidateSources(actor);
  const documents = () =>
    db
      .selectFrom('case_search_documents as d')
      .select([
        'd.case_id',
        sql<MatchField>`d.field`.as('field'),
        sql<number>`${weightedRank(query)}`.as('rank'),
        sql<string | null>`d.source_id`.as('source_id'),
      ])
      .where(sql<SqlBool>`d.document @@ ${query}`);
  // The team's files one by one (a LATERAL subquery the planner keeps as such): a team is tens
  // or hundreds of files, while a common word is in hundreds of thousands of documents, which the
  // planner would otherwise read through the index to keep those of the team (16,500 documents,
  // 40 ms, for "البلدة القديمة").
  const team = sql`SELECT td.* FROM (
      SELECT DISTINCT ca.case_id FROM case_assignments ca
      WHERE ca.user_id = ${actor.userId} AND ca.ended_at IS NULL
    ) team
    CROSS JOIN LATERAL (${documents().where(sql<SqlBool>`d.case_id = team.case_id`)} OFFSET 0) td`;
  const branches: RawBuilder<unknown>[] = [team];
  if (institutions.length > 0) {
    branches.push(sql`${documents().where('d.institution_id', 'in', institutions)}`);
  }
  if (specific.length > 0) {
    branches.push(sql`${documents().where('d.case_id', 'in', specific)}`);
  }
  return sql.join(branches, sql` UNION ALL `);
}

/** The institutions where the user holds a standard grant, and the files of specific grants. */
function candidateSources(actor: Actor) {
  const grants = actor.assignments.filter((a) => CASE_ROLES.includes(a.role));
  const institutions = [
    ...new Set(
      grants.flatMap((a) =>
        a.grantKind === 'standard' && a.institutionId !== null ? [a.institutionId] : [],
      ),
    ),
  ];
  const specific = [
    ...new Set(grants.flatMap((a) => (a.grantKind === 'specific' && a.caseId ? [a.caseId] : []))),
  ];
  return { institutions, specific };
}

/** A stored document's rank for the query: `ts_rank` by length, a title weighing more. */
function weightedRank(query: RawBuilder<unknown>) {
  return sql`(CASE d.field WHEN 'title' THEN ${FIELD_WEIGHT.title}::float8
    ELSE ${FIELD_WEIGHT.event_note}::float8 END) * ts_rank(d.document, ${query}, 1)`;
}

/**
 * How many matching documents a text search reads and ranks before it takes the query as a common
 * word (ADR 0014): every match of a rarer query is ranked and counted exactly; past this, the
 * files are listed newest first and the total is a lower bound. Measured on the benchmark data
 * (500,000 files, the bench's 200 sampled queries one at a time, load average 4.5-5.5): 3,000
 * gives a p95 of 45-52 ms with 65 of the 200 taken as common words; 5,000: 56-63 ms, 37 common;
 * 8,000: 69-83 ms, 23 common.
 */
export const CASE_SEARCH_DOCUMENT_CAP = 3000;

/**
 * Past the cap, how many of the documents read are judged (the policy, the field rights) for the
 * total's lower bound: judging is most of a capped search's time (30 of 55 ms for 3,000).
 */
const LOWER_BOUND_DOCUMENTS = 1000;

/** The conditions on the file `c` every text match is judged by, built once for a statement. */
function conditions(actor: Actor, search: CheckedSearch) {
  const eb: CaseScope = expressionBuilder<Database & { c: Database['cases'] }, 'c'>();
  return {
    visible: visibleCasesCondition(actor)(eb),
    filters: filtersCondition(actor, search)(eb),
    // A match counts only in a field the user may read in that file: the title is the `summary`
    // field, hearing minutes the `hearings` field, and the free text of events (a questioning's
    // summary, a note) the `investigation_notes` field where the case type declares it. The
    // reference is on every list.
    title: readableField(actor, 'summary')(eb),
    notes: readableField(actor, 'investigation_notes')(eb),
    minutes: readableField(actor, 'hearings')(eb),
  };
}

/** The file `c` matches the query as a number or a reference (`774/2026`, `RAM-PRO/PF/774`). */
function referenceMatch(referenceLike: string) {
  const like = `%${escapeLike(referenceLike)}%`;
  const number = /^([0-9]{1,9})\/([0-9]{4})$/.exec(referenceLike);
  return number
    ? sql<SqlBool>`(c.reference ILIKE ${like} OR (c.serial = ${Number(number[1])} AND c.year = ${Number(number[2])}))`
    : sql<SqlBool>`c.reference ILIKE ${like}`;
}

const INSTITUTION_COLUMNS = sql`i.code AS institution_code, i.name_ar AS institution_name_ar,
  i.name_en AS institution_name_en`;

/**
 * From match rows `m` (case_id, field, rank, source_id; a reference match has field 'reference'),
 * the files the user may open with a match in a field they may read, one row each: the best
 * readable match's rank and source, the fields that matched. The policy's condition and the field
 * rights are evaluated once per file (a MATERIALIZED step, so that each condition is written once
 * in the plan), not once per matching document.
 */
function judgedFiles(c: ReturnType<typeof conditions>) {
  return sql`
  f AS (
    SELECT m.case_id,
      max(m.rank) FILTER (WHERE m.field = 'title') AS title_rank,
      max(m.rank) FILTER (WHERE m.field = 'event_note') AS note_rank,
      (array_agg(m.source_id ORDER BY m.rank DESC) FILTER (WHERE m.field = 'event_note'))[1]
        AS note_source,
      max(m.rank) FILTER (WHERE m.field = 'hearing_minutes') AS minutes_rank,
      (array_agg(m.source_id ORDER BY m.rank DESC) FILTER (WHERE m.field = 'hearing_minutes'))[1]
        AS minutes_source,
      coalesce(bool_or(m.field = 'reference'), false) AS reference
    FROM m GROUP BY m.case_id
  ),
  v AS MATERIALIZED (
    SELECT c.id, c.opened_at, f.note_source, f.minutes_source, f.reference,
      CASE WHEN f.title_rank IS NOT NULL AND ${c.title} THEN f.title_rank END AS t,
      CASE WHEN f.note_rank IS NOT NULL AND ${c.notes} THEN f.note_rank END AS n,
      CASE WHEN f.minutes_rank IS NOT NULL AND ${c.minutes} THEN f.minutes_rank END AS h
    FROM f JOIN cases c ON c.id = f.case_id
    WHERE ${c.visible} AND ${c.filters}
  ),
  r AS (
    SELECT v.*, greatest(v.t, v.n, v.h, CASE WHEN v.reference THEN 1.0::float8 END) AS rank,
      greatest(v.t, v.n, v.h) AS text_rank
    FROM v
    WHERE v.t IS NOT NULL OR v.n IS NOT NULL OR v.h IS NOT NULL OR v.reference
  )`;
}

/**
 * The page's rows (`page`: r's columns and `total`) with the file, its institution, where it
 * matched and the excerpt. The excerpt is computed for the page only, from the text of the best
 * match: Arabic text is cut into words with the arabic configuration, other text with english, so
 * the matched words are marked; the query's words are also taken as typed, since the excerpt shows
 * the text with its articles.
 */
function pageWithExcerpts(text: string, order: RawBuilder<unknown>) {
  return sql`
  SELECT x.*, ts_headline(
      CASE WHEN x.best_doc ~ '[\u0600-\u06ff]' THEN 'arabic' ELSE 'english' END::regconfig,
      x.best_doc,
      qadiya_search_query(${text}) || websearch_to_tsquery('arabic'::regconfig, ${text}),
      'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
    AS headline
  FROM (
    SELECT c.*, ${INSTITUTION_COLUMNS}, page.rank, page.total,
      array_remove(ARRAY[
        CASE WHEN page.t IS NOT NULL THEN 'title' END,
        CASE WHEN page.n IS NOT NULL THEN 'event_note' END,
        CASE WHEN page.h IS NOT NULL THEN 'hearing_minutes' END,
        CASE WHEN page.reference THEN 'reference' END], NULL)::text[] AS fields,
      b.best_field,
      CASE b.best_field
        WHEN 'title' THEN c.summary
        WHEN 'event_note' THEN (SELECT qadiya_event_text(e.payload) FROM case_events e
                                WHERE e.id = page.note_source)
        WHEN 'hearing_minutes' THEN (SELECT hm.minutes FROM hearings hm
                                     WHERE hm.id = page.minutes_source)
      END AS best_doc
    FROM page
    JOIN cases c ON c.id = page.id
    JOIN institutions i ON i.id = c.institution_id
    CROSS JOIN LATERAL (SELECT CASE
      WHEN page.text_rank IS NULL THEN NULL
      WHEN page.t = page.text_rank THEN 'title'
      WHEN page.n = page.text_rank THEN 'event_note'
      ELSE 'hearing_minutes' END AS best_field) b
    OFFSET 0
  ) x
  ORDER BY ${order}`;
}

type FoundRow = CaseRow & {
  institution_code: string;
  institution_name_ar: string;
  institution_name_en: string;
  rank: number | null;
  fields: MatchField[] | null;
  best_field: MatchField | null;
  best_doc: string | null;
  headline: string | null;
};

interface SearchOutcome {
  rows: FoundRow[];
  total: number;
  totalIsLowerBound: boolean;
  order: 'relevance' | 'newest';
}

async function runSearch(
  db: Kysely<Database>,
  actor: Actor,
  search: CheckedSearch,
  documentCap: number,
): Promise<SearchOutcome> {
  const { text } = search;
  if (text === null) {
    const visible = visibleCasesCondition(actor);
    const filters = filtersCondition(actor, search);
    const base = db
      .selectFrom('cases as c')
      .innerJoin('institutions as i', 'i.id', 'c.institution_id')
      .where(visible)
      .where(filters);
    const [rows, count] = await Promise.all([
      base
        .selectAll('c')
        .select([
          'i.code as institution_code',
          'i.name_ar as institution_name_ar',
          'i.name_en as institution_name_en',
        ])
        .select([
          sql<number | null>`NULL::float8`.as('rank'),
          sql<MatchField[] | null>`NULL::text[]`.as('fields'),
          sql<MatchField | null>`NULL::text`.as('best_field'),
          sql<string | null>`NULL::text`.as('best_doc'),
          sql<string | null>`NULL::text`.as('headline'),
        ])
        .orderBy('c.opened_at', 'desc')
        .orderBy('c.id')
        .limit(search.limit)
        .offset(search.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: count.total, totalIsLowerBound: false, order: 'newest' };
  }

  const c = conditions(actor, search);
  const query = sql`qadiya_search_query(${text})`;
  const references = search.referenceLike
    ? sql`UNION ALL SELECT c.id AS case_id, 'reference' AS field, 1.0::float8 AS rank,
        NULL::uuid AS source_id
      FROM cases c WHERE ${referenceMatch(search.referenceLike)}`
    : sql``;
  return withoutParallelWorkers(
    db,
    async (trx) => {
      // 1. The matching documents, at most `documentCap` + 1 of them, each read once: the files they
      //    belong to are judged by the policy and ranked, the page taken with the number of files.
      //    `documents` says whether the cap was reached. Past it, only the first
      //    `LOWER_BOUND_DOCUMENTS` are judged, for a total that is a lower bound, and no page is
      //    ranked (the walk below gives it). The documents are read through the GIN index only:
      //    under the LIMIT, the planner otherwise prefers to scan the whole table for words it
      //    believes rare together ("لعدم كفاية": 1.45 million rows, 230 ms): sequential scans are
      //    off for this transaction (set with the search's other planner settings).
      const underCap = sql`(SELECT counted.documents <= ${documentCap}::bigint FROM counted)`;
      const ranked = await sql<
        FoundRow & { total: null; documents: number | string; files: number | string }
      >`
      WITH docs AS (
        SELECT * FROM (${candidateDocuments(trx, actor, query)}) u LIMIT ${documentCap + 1}
      ),
      counted AS (SELECT count(*) AS documents FROM docs),
      m AS (
        SELECT case_id, field, rank, source_id FROM (
          SELECT * FROM docs
          LIMIT (SELECT CASE WHEN counted.documents <= ${documentCap}::bigint
                             THEN ${documentCap}::bigint
                             ELSE ${Math.min(LOWER_BOUND_DOCUMENTS, documentCap)}::bigint END
                 FROM counted)
        ) judged
        ${references}
      ),
      ${judgedFiles(c)},
      page AS (
        SELECT r.*, NULL::bigint AS total FROM r WHERE ${underCap}
        ORDER BY r.rank DESC, r.opened_at DESC, r.id
        LIMIT ${search.limit} OFFSET ${search.offset}
      )
      SELECT counted.documents, (SELECT count(*) FROM r) AS files, found.* FROM counted
      LEFT JOIN (${pageWithExcerpts(text, sql`x.rank DESC, x.opened_at DESC, x.id`)}) found ON true
      ORDER BY found.rank DESC NULLS LAST, found.opened_at DESC, found.id`.execute(trx);
      const first = ranked.rows[0];
      const documents = Number(first?.documents ?? 0);
      // The files found among the documents judged: all of them under the cap.
      const files = Number(first?.files ?? 0);
      const rows = ranked.rows.filter((row) => row.id !== null);
      if (documents <= documentCap) {
        // Every match was read: the page and the total are exact.
        return {
          rows: rows.map(withoutCounts),
          total: files,
          totalIsLowerBound: false,
          order: 'relevance',
        };
      }

      // 2. A common word: more matching documents than the cap. Ranking them all means reading every
      //    one (a word in a quarter of an office's documents: 55,000 of them, 0.5-1.5 s), so the files
      //    are listed newest first instead: the files the user may open are walked in the order of
      //    their opening date, each kept when one of its documents matches in a field the user may
      //    read. A common word is in many files, so the walk soon fills a page. The bitmap scans
      //    are switched off for this statement (sequential scans already are): the GIN index cannot
      //    give the files in date order, and the planner would otherwise read all the matches to
      //    sort them (a hash join of every match, 420 ms for "لعدم كفاية").
      await sql`SELECT set_config('enable_bitmapscan', 'off', true)`.execute(trx);
      // One matching document in a readable field is enough to keep a file. As a LATERAL subquery
      // with LIMIT 1 (not EXISTS, which the planner turns into a join of every match) it is asked
      // file by file, in the walk's order. Each institution where the user holds a grant is walked
      // on its own index of opening dates, and the files reached otherwise (team, specific grants)
      // apart; the walks are merged by date.
      const hit = sql`(
      SELECT true AS found FROM case_search_documents d
      WHERE d.case_id = c.id AND d.document @@ ${query}
        AND ((d.field = 'title' AND ${c.title})
          OR (d.field = 'event_note' AND ${c.notes})
          OR (d.field = 'hearing_minutes' AND ${c.minutes}))
      LIMIT 1)`;
      const kept = sql`${c.visible} AND ${c.filters} AND (hit.found
      ${search.referenceLike ? sql`OR ${referenceMatch(search.referenceLike)}` : sql``})`;
      const reach = search.limit + search.offset;
      const { institutions, specific } = candidateSources(actor);
      const walks = institutions.map(
        (institutionId) => sql`(SELECT c.id, c.opened_at FROM cases c
        LEFT JOIN LATERAL ${hit} hit ON true
        WHERE c.institution_id = ${institutionId} AND ${kept}
        ORDER BY c.opened_at DESC, c.id LIMIT ${reach})`,
      );
      // The team's and specific grants' files, looked up by id (an array computed once): a walk of
      // every file in date order to find the few of them was the planner's other choice (330 ms).
      const elsewhere = sql`ARRAY(SELECT ca.case_id FROM case_assignments ca
        WHERE ca.user_id = ${actor.userId} AND ca.ended_at IS NULL
      ${specific.length > 0 ? sql`UNION SELECT unnest(${specific}::uuid[])` : sql``})`;
      walks.push(sql`(SELECT c.id, c.opened_at FROM cases c
        LEFT JOIN LATERAL ${hit} hit ON true
        WHERE c.id = ANY (${elsewhere})
          ${institutions.length > 0 ? sql`AND c.institution_id <> ALL(${institutions}::uuid[])` : sql``}
          AND ${kept}
        ORDER BY c.opened_at DESC, c.id LIMIT ${reach})`);
      const walked = await sql<FoundRow & { total: null }>`
      WITH walk AS (
        SELECT w.id FROM (${sql.join(walks, sql` UNION ALL `)}) w
        ORDER BY w.opened_at DESC, w.id
        LIMIT ${search.limit} OFFSET ${search.offset}
      ),
      m AS (
        SELECT d.case_id, d.field, ${weightedRank(query)} AS rank, d.source_id
        FROM case_search_documents d
        WHERE d.case_id IN (SELECT id FROM walk) AND d.document @@ ${query}
        ${
          search.referenceLike
            ? sql`UNION ALL SELECT c.id, 'reference', 1.0::float8, NULL::uuid FROM cases c
                WHERE c.id IN (SELECT id FROM walk) AND ${referenceMatch(search.referenceLike)}`
            : sql``
        }
      ),
      ${judgedFiles(c)},
      page AS (SELECT r.*, NULL::bigint AS total FROM r)
      ${pageWithExcerpts(text, sql`x.opened_at DESC, x.id`)}`.execute(trx);
      const page = walked.rows.map(withoutCounts);
      // Fewer files than asked for: the walk reached the end, every match is listed.
      if (page.length < search.limit && (page.length > 0 || search.offset === 0)) {
        return {
          rows: page,
          total: search.offset + page.length,
          totalIsLowerBound: false,
          order: 'newest',
        };
      }
      // At least the files found among the documents read, and at least the files before this
      // page's last one (none past the end of the list).
      return {
        rows: page,
        total: Math.max(files, page.length > 0 ? search.offset + page.length : 0),
        totalIsLowerBound: true,
        order: 'newest',
      };
    },
    { enable_seqscan: 'off' },
  );
}

/** A found row without the statement's counts, which the result carries once. */
function withoutCounts(
  row: FoundRow & { total: unknown; documents?: unknown; files?: unknown },
): FoundRow {
  const rest: FoundRow & { total?: unknown; documents?: unknown; files?: unknown } = { ...row };
  delete rest.total;
  delete rest.documents;
  delete rest.files;
  return rest;
}

/** The user's active team roles on each of these files (one query for the page). */
async function teamRolesByCase(db: Kysely<Database>, userId: string, caseIds: readonly string[]) {
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

/** A result: the file's header, its summary where the user may read it, and why it matched. */
export function presentSearchHit(hit: CaseSearchHit) {
  const { file } = hit;
  const definition = definitionOf(file);
  return {
    case: presentCaseHeader(file, definition),
    summary:
      file.confidentiality === 'normal' && canReadField(definition, 'summary', hit.roles)
        ? file.summary
        : null,
    institution: {
      id: file.institution_id,
      code: file.institution_code,
      nameAr: file.institution_name_ar,
      nameEn: file.institution_name_en,
    },
    match: { rank: hit.rank, fields: hit.fields, excerpt: hit.excerpt },
  };
}
