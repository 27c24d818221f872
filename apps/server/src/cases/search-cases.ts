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
  nameKeyWords,
  type Role,
} from '@qadiya/domain';
import {
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
import { CASE_ROLES, decideCaseAccess, visibleCasesCondition } from '../policy/case-access';
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
/** Letters and digits of any script: what full-text search can match. */
const WORD = /[\p{L}\p{N}]+/gu;
/** How a title match weighs against a match in notes or minutes (a title names the file). */
const FIELD_WEIGHT: Record<Exclude<MatchField, 'reference'>, number> = {
  title: 1,
  event_note: 0.6,
  hearing_minutes: 0.6,
};

export async function searchCases(
  ctx: UseCaseContext,
  input: CaseSearchInput,
): Promise<{ hits: CaseSearchHit[]; total: number }> {
  const search = checkInput(ctx, input);
  if (search === 'nothing') return { hits: [], total: 0 };
  const { rows, total } = await runSearch(ctx.db, ctx.actor, search);
  const teamRoles = await teamRolesByCase(
    ctx.db,
    ctx.actor.userId,
    rows.map((row) => row.id),
  );
  const hits = rows.map((row): CaseSearchHit => {
    const { rank, fields, best_field, best_doc, headline, ...file } = row;
    const decision = decideCaseAccess(
      ctx.actor,
      {
        id: file.id,
        institutionId: file.institution_id,
        unitId: file.unit_id,
        confidentiality: file.confidentiality,
      },
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
  return { hits, total };
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
    if (!words.some((word) => word.length >= 2)) {
      throw invalid('q', 'is too short: type at least two letters or digits of a word');
    }
    text = cleaned;
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
      ways.push(
        eb.exists(
          eb
            .selectFrom('case_assignments as ca')
            .select('ca.id')
            .whereRef('ca.case_id', '=', 'c.id')
            .where('ca.user_id', '=', actor.userId)
            .where('ca.ended_at', 'is', null)
            .where(sql<SqlBool>`(c.case_type, ca.role) IN (${sql.join(pairs)})`),
        ),
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
  const documents = () =>
    db
      .selectFrom('case_search_documents as d')
      .select([
        'd.case_id',
        sql<MatchField>`d.field`.as('field'),
        sql<number>`(CASE d.field WHEN 'title' THEN ${FIELD_WEIGHT.title}::float8
          ELSE ${FIELD_WEIGHT.event_note}::float8 END) * ts_rank(d.document, ${query}, 1)`.as(
          'rank',
        ),
        sql<string | null>`d.source_id`.as('source_id'),
      ])
      .where(sql<SqlBool>`d.document @@ ${query}`);
  let matches = documents().where('d.case_id', 'in', (eb) =>
    eb
      .selectFrom('case_assignments as ca')
      .select('ca.case_id')
      .where('ca.user_id', '=', actor.userId)
      .where('ca.ended_at', 'is', null),
  );
  if (institutions.length > 0) {
    matches = matches.unionAll(documents().where('d.institution_id', 'in', institutions));
  }
  if (specific.length > 0) {
    matches = matches.unionAll(documents().where('d.case_id', 'in', specific));
  }
  return matches;
}

/**
 * Match rows of the text query, one per matching title, event or hearing (or the reference), with
 * the stored document's rank. A file reached twice (team and institution) has its matches twice,
 * which the grouping absorbs.
 */
function textMatches(db: Kysely<Database>, actor: Actor, search: CheckedSearch, text: string) {
  const query = sql`qadiya_search_query(${text})`;
  let matches = candidateDocuments(db, actor, query);
  if (search.referenceLike) {
    const like = `%${escapeLike(search.referenceLike)}%`;
    const number = /^([0-9]{1,9})\/([0-9]{4})$/.exec(search.referenceLike);
    matches = matches.unionAll(
      db
        .selectFrom('cases as rc')
        .select([
          'rc.id as case_id',
          sql<MatchField>`'reference'`.as('field'),
          sql<number>`1.0::float8`.as('rank'),
          sql<string | null>`NULL::uuid`.as('source_id'),
        ])
        .where((eb) =>
          eb.or([
            eb('rc.reference', 'ilike', like),
            ...(number
              ? [
                  eb.and([
                    eb('rc.serial', '=', Number(number[1])),
                    eb('rc.year', '=', Number(number[2])),
                  ]),
                ]
              : []),
          ]),
        ),
    );
  }
  return matches;
}

const INSTITUTION_COLUMNS = [
  'i.code as institution_code',
  'i.name_ar as institution_name_ar',
  'i.name_en as institution_name_en',
] as const;

/** Of a file's matches, the value of the best one that has text (a reference match has none). */
function bestWithText(column: RawBuilder<unknown>) {
  return sql`(array_agg(${column} ORDER BY m.rank DESC) FILTER (WHERE m.source_id IS NOT NULL))[1]`;
}

async function runSearch(db: Kysely<Database>, actor: Actor, search: CheckedSearch) {
  const visible = visibleCasesCondition(actor);
  const filters = filtersCondition(actor, search);
  const { text } = search;
  if (text === null) {
    const base = db
      .selectFrom('cases as c')
      .innerJoin('institutions as i', 'i.id', 'c.institution_id')
      .where(visible)
      .where(filters);
    const [rows, count] = await Promise.all([
      base
        .selectAll('c')
        .select(INSTITUTION_COLUMNS)
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
    return { rows, total: count.total };
  }

  // A match counts only in a field the user may read in that file: the title is the `summary`
  // field, hearing minutes the `hearings` field, and the free text of events (a questioning's
  // summary, a note) the `investigation_notes` field where the case type declares it. The
  // reference is on every list.
  const matched = db
    .with('m', () => textMatches(db, actor, search, text))
    .selectFrom('m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .where(visible)
    .where(filters)
    .where((eb) =>
      eb.or([
        eb('m.field', '=', 'reference'),
        eb.and([eb('m.field', '=', 'title'), readableField(actor, 'summary')(eb)]),
        eb.and([eb('m.field', '=', 'event_note'), readableField(actor, 'investigation_notes')(eb)]),
        eb.and([eb('m.field', '=', 'hearing_minutes'), readableField(actor, 'hearings')(eb)]),
      ]),
    );
  // One statement: the page, ranked over the user's candidates only, and the number of files
  // (a window count over the groups).
  const page = matched
    .selectAll('c')
    .select(INSTITUTION_COLUMNS)
    .select([
      sql<number>`max(m.rank)`.as('rank'),
      sql<MatchField[]>`array_agg(DISTINCT m.field)`.as('fields'),
      // The excerpt comes from the best match with text (a reference match has none).
      sql<MatchField | null>`${bestWithText(sql.ref('m.field'))}`.as('best_field'),
      sql<string | null>`${bestWithText(sql.ref('m.source_id'))}`.as('best_source'),
      sql<number | string>`count(*) OVER ()`.as('total'),
    ])
    .groupBy(['c.id', 'i.id'])
    .orderBy(sql`max(m.rank)`, 'desc')
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.id')
    .limit(search.limit)
    .offset(search.offset);
  // The excerpt is computed for the page only, after the limit, from the text of the best match.
  // Arabic text is cut into words with the arabic configuration, other text with english, so the
  // matched words are marked; the query's words are also taken as typed, since the excerpt shows
  // the text with its articles.
  const found = await withoutParallelWorkers(db, (trx) =>
    trx
      .with('page', () => page)
      .with('best', (qb) =>
        qb.selectFrom('page').select([
          'page.id as best_case_id',
          sql<string | null>`CASE page.best_field
            WHEN 'title' THEN page.summary
            WHEN 'event_note' THEN (SELECT qadiya_event_text(e.payload) FROM case_events e
                                    WHERE e.id = page.best_source)
            WHEN 'hearing_minutes' THEN (SELECT h.minutes FROM hearings h
                                         WHERE h.id = page.best_source)
          END`.as('best_doc'),
        ]),
      )
      .selectFrom('page')
      .innerJoin('best', 'best.best_case_id', 'page.id')
      .selectAll('page')
      .select([
        'best.best_doc',
        sql<string | null>`ts_headline(
          CASE WHEN best.best_doc ~ '[\u0600-\u06ff]' THEN 'arabic' ELSE 'english' END::regconfig,
          best.best_doc,
          qadiya_search_query(${text}) || websearch_to_tsquery('arabic'::regconfig, ${text}),
          'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')`.as(
          'headline',
        ),
      ])
      .orderBy('page.rank', 'desc')
      .orderBy('page.opened_at', 'desc')
      .orderBy('page.id')
      .execute(),
  );
  // Each row also carries the window count and the best match's source, unused past here.
  const rows = found;
  const total =
    found[0] !== undefined
      ? Number(found[0].total)
      : search.offset === 0
        ? 0
        : Number(
            (
              await matched
                .select(sql<number | string>`count(DISTINCT c.id)`.as('total'))
                .executeTakeFirstOrThrow()
            ).total,
          );
  return { rows, total };
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
