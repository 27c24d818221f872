/**
 * The SQL of the performance measures (issue 8; performance-definitions.ts says what each is,
 * docs/measures.md section 3 at length). Every query aggregates in the database and answers one
 * row per category of the requested dimensions (dimensions.ts; 'all' without a split). No row
 * names a party.
 *
 * The unit of count is one accused party in one file of the scope: one defendant and the charges
 * from one incident, in the institution that keeps the file. The units are rows of
 * `performance_units`, kept by database triggers in the transaction of every write that changes
 * them, from the one definition of a unit, the view `performance_unit_facts` (migration 0016,
 * ADR 0020). A unit
 * - is incoming when its file is opened (`cases.opened_at`; a referred file from its arrival);
 * - is disposed of at the earlier of its file's disposal (`cases.disposed_at`, the first time the
 *   file reached a state its case type marks `isDisposed`) and the moment the last of its charges
 *   in the file was disposed of (no charge pending: dropped, indicted, judged, diverted);
 * - has the offence class of its most serious charge in the file ('none' without a charge);
 * - is counted net of suspended time: the spans its file spent in states its case type marks
 *   `isSuspended` (mediation), from the event history (`performance_suspensions`, kept by a
 *   trigger on `case_events`).
 * Files returned to their sender never count. Each measure is a range scan of the table's date
 * indexes and a group by.
 */
import type { TimeStandardStep } from '@qadiya/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { categoryKey, type Dimension } from './dimensions';
import { inInstitutions } from './indicator-sql';
import {
  PENDING_AGE_BANDS,
  WORKLOAD_ROLES,
  type OffenceClassFilter,
} from './performance-definitions';

type Db = Kysely<Database>;

/** Which files a query looks at, beyond institution and filters. */
export type FileClass = 'all' | 'public' | 'juvenile' | 'family_protection';

export interface PerformanceScope {
  start: Date;
  until: Date;
  /** The end of the period, or now when the period is not over: snapshots are taken here. */
  asOf: Date;
  /** null: every institution. */
  institutionIds: readonly string[] | null;
  unitId: string | null;
  caseType: string | null;
  offenceClass: OffenceClassFilter | null;
  dimensions: readonly Dimension[];
  /**
   * 'public': open data, normal files that are neither juvenile nor family protection;
   * 'juvenile' / 'family_protection': those files only (open data totals).
   */
  fileClass: FileClass;
  /** Open data: one row per institution (its id as the category) instead of per category. */
  byInstitution?: boolean;
}

export interface Standards {
  felony: readonly TimeStandardStep[];
  misdemeanour: readonly TimeStandardStep[];
}

const DAY_SECONDS = 86_400;

/**
 * Days a file spent in suspended states before `until` (an SQL timestamp), from its spans in
 * `performance_suspensions` (each opened by an event entering a suspended state, closed by the
 * file's next event): one index lookup per unit. For many units at one instant, see
 * `suspendedDaysAt`.
 */
function suspendedDays(caseIdColumn: string, until: RawBuilder<Date>): RawBuilder<number> {
  return sql<number>`coalesce((
    select sum(extract(epoch from (least(coalesce(s.ended_at, 'infinity'::timestamptz), ${until})
             - s.started_at)))
    from performance_suspensions s
    where s.case_id = ${sql.ref(caseIdColumn)} and s.started_at < ${until}
  ), 0) / ${sql.lit(DAY_SECONDS)}`;
}

/**
 * The suspended days of every file with spans before one instant, as a derived table
 * (`case_id`, `days`) to left join: one pass over the (small) table of spans instead of a lookup
 * per unit.
 */
function suspendedDaysAt(until: Date): RawBuilder<unknown> {
  return sql`(select s.case_id,
      sum(extract(epoch from (least(coalesce(s.ended_at, 'infinity'::timestamptz),
        ${until}::timestamptz) - s.started_at))) / ${sql.lit(DAY_SECONDS)} as days
    from performance_suspensions s
    where s.started_at < ${until}::timestamptz
    group by s.case_id)`;
}

function fileClassCondition(fileClass: FileClass, alias: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  switch (fileClass) {
    case 'all':
      return sql<boolean>`true`;
    case 'public':
      return sql<boolean>`(${column('confidentiality')} = 'normal' and not ${column('is_juvenile')} and not ${column('is_family_protection')})`;
    case 'juvenile':
      return sql<boolean>`${column('is_juvenile')}`;
    case 'family_protection':
      return sql<boolean>`${column('is_family_protection')}`;
  }
}

/**
 * The units of the scope, as a derived table to select from (`from ${scopeUnits(scope)} u`): the
 * rows of `performance_units` (migration 0016, kept by triggers from the view
 * `performance_unit_facts`, the one definition of a unit) in the scope's institutions, unit, case
 * type, file class and offence class, with the standard group of their offence class. A derived
 * table, not a common table expression used twice, so that the planner pushes each query's period
 * conditions into it and reads the date indexes.
 */
export function scopeUnits(scope: PerformanceScope): RawBuilder<unknown> {
  return sql`(select su.*,
      case when su.offence_class = 'felony' then 'felony' else 'misdemeanour' end as standard_group
    from performance_units su
    where ${inInstitutions('su.institution_id', scope.institutionIds)}
      and ${scope.unitId === null ? sql`true` : sql`su.unit_id = ${scope.unitId}`}
      and ${scope.caseType === null ? sql`true` : sql`su.case_type = ${scope.caseType}`}
      and ${fileClassCondition(scope.fileClass, 'su')}
      and ${scope.offenceClass === null ? sql`true` : sql`su.offence_class = ${scope.offenceClass}`})`;
}

/**
 * A file of the scope (any file not returned, with or without an accused), as a condition on the
 * `cases` row `alias`: the workload's deadlines and leads are those of the scope's files.
 */
function fileInScope(scope: PerformanceScope, alias: string): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<boolean>`(${column('intake_status')} <> 'returned'
    and ${inInstitutions(`${alias}.institution_id`, scope.institutionIds)}
    and ${scope.unitId === null ? sql`true` : sql`${column('unit_id')} = ${scope.unitId}`}
    and ${scope.caseType === null ? sql`true` : sql`${column('case_type')} = ${scope.caseType}`}
    and ${fileClassCondition(scope.fileClass, alias)})`;
}

const inPeriod = (column: string, scope: PerformanceScope) =>
  sql<boolean>`(${sql.ref(column)} >= ${scope.start} and ${sql.ref(column)} < ${scope.until})`;

/** Pending at `asOf`: opened before it, not disposed of by then. */
const pendingAt = (scope: PerformanceScope, alias = 'u') =>
  sql<boolean>`(${sql.ref(`${alias}.opened_at`)} < ${scope.asOf} and (${sql.ref(`${alias}.disposed_at`)} is null or ${sql.ref(`${alias}.disposed_at`)} >= ${scope.asOf}))`;

/** The category of each unit (dimensions.ts), from the facts the unit row carries: no join. */
const dims = (scope: PerformanceScope, alias = 'u') => ({
  key: scope.byInstitution
    ? sql<string>`${sql.ref(`${alias}.institution_id`)}::text`
    : categoryKey(scope.dimensions, {
        victimSex: `${alias}.victim_sex`,
        victimAge: `${alias}.victim_age`,
        accusedSex: `${alias}.accused_sex`,
        accusedAge: `${alias}.accused_age`,
        relationship: `${alias}.relationship`,
      }),
});

export interface ClearanceRow {
  category: string;
  incoming: number;
  disposed: number;
}

/** Clearance rate (CourTools 2): units incoming and units disposed of in the period. */
export async function countClearance(db: Db, scope: PerformanceScope): Promise<ClearanceRow[]> {
  const d = dims(scope);
  const result = await sql<ClearanceRow>`
    select ${d.key} as category,
           count(*) filter (where ${inPeriod('u.opened_at', scope)})::int as incoming,
           count(*) filter (where ${inPeriod('u.disposed_at', scope)})::int as disposed
    from ${scopeUnits(scope)} u
    where ${inPeriod('u.opened_at', scope)} or ${inPeriod('u.disposed_at', scope)}
    group by 1`.execute(db);
  return result.rows;
}

export interface DispositionRow {
  category: string;
  standardGroup: 'felony' | 'misdemeanour';
  n: number;
  totalDays: number;
  /** Units within each number of days of `days` (the union of both standards' steps). */
  within: number[];
}

/**
 * Time to disposition (CourTools 3): for each unit disposed of in the period, the days from its
 * file's opening to its disposal less the suspended days (`disposal_days`, kept with the unit:
 * migration 0019); counts within each step.
 */
export async function measureTimeToDisposition(
  db: Db,
  scope: PerformanceScope,
  days: readonly number[],
): Promise<DispositionRow[]> {
  const d = dims(scope);
  const within = days.map(
    (limit) => sql`count(*) filter (where u.disposal_days <= ${sql.lit(limit)})::int`,
  );
  const result = await sql<Omit<DispositionRow, 'within'> & { within: number[] | null }>`
    select ${d.key} as category, u.standard_group as "standardGroup", count(*)::int as n,
           coalesce(sum(u.disposal_days), 0)::float8 as "totalDays",
           ${within.length === 0 ? sql`null` : sql`array[${sql.join(within)}]`} as within
    from ${scopeUnits(scope)} u
    where ${inPeriod('u.disposed_at', scope)}
    group by 1, 2`.execute(db);
  return result.rows.map((row) => ({ ...row, within: row.within ?? [] }));
}

export interface PendingAgeRow {
  category: string;
  pending: number;
  /** Units in each of PENDING_AGE_BANDS, in order. */
  bands: number[];
  overStandard: number;
}

/**
 * Age of the active pending caseload (CourTools 4): units pending at `asOf`, by age in whole days
 * net of suspended time, and those older than the last step of their standard.
 */
export async function countPendingAge(
  db: Db,
  scope: PerformanceScope,
  standards: { felony: number; misdemeanour: number },
): Promise<PendingAgeRow[]> {
  const d = dims(scope);
  const bands = PENDING_AGE_BANDS.map((band) =>
    band.to === null
      ? sql`count(*) filter (where u.age_days >= ${sql.lit(band.from)})::int`
      : sql`count(*) filter (where u.age_days between ${sql.lit(band.from)} and ${sql.lit(band.to)})::int`,
  );
  const result = await sql<PendingAgeRow>`
    with aged as (
      select u.*, floor(greatest(0, extract(epoch from (${scope.asOf}::timestamptz - u.opened_at))
               / ${sql.lit(DAY_SECONDS)} - coalesce(s.days, 0))) as age_days
      from ${scopeUnits(scope)} u
      left join ${suspendedDaysAt(scope.asOf)} s on s.case_id = u.case_id
      where ${pendingAt(scope)}
    )
    select ${d.key} as category, count(*)::int as pending,
           array[${sql.join(bands)}] as bands,
           count(*) filter (where u.age_days > case u.standard_group
             when 'felony' then ${sql.lit(standards.felony)}
             else ${sql.lit(standards.misdemeanour)} end)::int as "overStandard"
    from aged u
    group by 1`.execute(db);
  return result.rows;
}

export interface TrialCertaintyRow {
  category: string;
  tried: number;
  settings: number;
  firstSetting: number;
}

/**
 * Trial date certainty (CourTools 5): units disposed of in the period whose file held a hearing
 * by then ("disposed of by trial"); the trial settings are the file's hearings not cancelled up to
 * and including the first one held; tried at the first setting when that is the only one. The
 * first hearing held and the settings up to it are kept with the unit (`first_held_at`,
 * `trial_settings`: migration 0019, refreshed when a hearing of the file changes).
 */
export async function countTrialCertainty(
  db: Db,
  scope: PerformanceScope,
): Promise<TrialCertaintyRow[]> {
  const d = dims(scope);
  const result = await sql<TrialCertaintyRow>`
    select ${d.key} as category, count(*)::int as tried,
           coalesce(sum(u.trial_settings), 0)::int as settings,
           count(*) filter (where u.trial_settings = 1)::int as "firstSetting"
    from ${scopeUnits(scope)} u
    where u.first_held_at <= u.disposed_at and ${inPeriod('u.disposed_at', scope)}
    group by 1`.execute(db);
  return result.rows;
}

export interface BacklogRow {
  category: string;
  pending: number;
  resolved: number;
}

/** CEPEJ disposition time: units pending at `asOf` and units resolved in the period. */
export async function countBacklog(db: Db, scope: PerformanceScope): Promise<BacklogRow[]> {
  const d = dims(scope);
  const result = await sql<BacklogRow>`
    select ${d.key} as category,
           count(*) filter (where ${pendingAt(scope)})::int as pending,
           count(*) filter (where ${inPeriod('u.disposed_at', scope)})::int as resolved
    from ${scopeUnits(scope)} u
    where ${pendingAt(scope)} or ${inPeriod('u.disposed_at', scope)}
    group by 1`.execute(db);
  return result.rows;
}

export interface WorkloadRow {
  userId: string;
  role: string;
  institutionId: string;
  nameAr: string;
  nameEn: string;
  incoming: number;
  disposed: number;
  pending: number;
  overdue: number;
}

/**
 * Workload (DESIGN.md): per prosecutor and judge leading files of the scope. A unit counts for the
 * file's lead: incoming for the file's first lead; disposed for the lead at its disposal; pending
 * for the lead at `asOf`. Overdue deadlines: deadlines of the scope's files assigned to the person,
 * due before `asOf` and not completed by then. Not split by dimension: the rows are people.
 */
export async function countWorkload(db: Db, scope: PerformanceScope): Promise<WorkloadRow[]> {
  // The leads of one file, read by file (or by person) through the partial indexes of migration
  // 0016, for the units and deadlines counted only: never every lead of the scope.
  const isLead = (alias: string) =>
    sql`${sql.ref(`${alias}.is_lead`)} and ${sql.ref(`${alias}.role`)} in (${sql.join([...WORKLOAD_ROLES])})`;
  const leadAt = (at: RawBuilder<Date>) =>
    sql`l.assigned_at <= ${at} and (l.ended_at is null or l.ended_at > ${at})`;
  // The file's first lead and its lead at the unit's disposal are kept with the unit (migration
  // 0019): incoming and disposed are a scan of the units. The lead at `asOf` depends on the
  // request: joined by file.
  const result = await sql<WorkloadRow>`
    with overdue as (
      select dl.assignee_user_id, coalesce(l.role, 'prosecutor') as role
      from deadlines dl
      join cases f on f.id = dl.case_id and ${fileInScope(scope, 'f')}
      left join lateral (select l.role from case_assignments l where l.case_id = dl.case_id
                         and l.user_id = dl.assignee_user_id and ${isLead('l')} limit 1) l on true
      where dl.assignee_user_id is not null and dl.due_at < ${scope.asOf}
        and dl.created_at <= ${scope.asOf}
        and (dl.completed_at is null or dl.completed_at > ${scope.asOf})
    ), leaders as (
      -- The people with overdue deadlines who lead a file of the scope: one lookup each, stopped
      -- at their first such file.
      select a.user_id
      from (select distinct assignee_user_id as user_id from overdue) a
      cross join lateral (select 1 from case_assignments x join cases xf on xf.id = x.case_id
                          where x.user_id = a.user_id and ${isLead('x')}
                            and ${fileInScope(scope, 'xf')} limit 1) led
    ), counted as (
      -- Each figure counted per person in its own branch (a few hundred rows each), then added:
      -- the branches' rows (323,000 nationally over a year) are never gathered into one set.
      select u.first_lead_user as user_id, bool_or(u.first_lead_role = 'judge') as judge,
             'incoming' as figure, count(*) as n
      from ${scopeUnits(scope)} u
      where ${inPeriod('u.opened_at', scope)} and u.first_lead_user is not null
      group by 1
      union all
      select u.disposal_lead_user, bool_or(u.disposal_lead_role = 'judge'), 'disposed', count(*)
      from ${scopeUnits(scope)} u
      where ${inPeriod('u.disposed_at', scope)} and u.disposal_lead_user is not null
      group by 1
      union all
      select l.user_id, bool_or(l.role = 'judge'), 'pending', count(*)
      from ${scopeUnits(scope)} u
      join case_assignments l on l.case_id = u.case_id and ${isLead('l')}
        and ${leadAt(sql<Date>`${scope.asOf}::timestamptz`)}
      where ${pendingAt(scope)}
      group by 1
      union all
      select o.assignee_user_id, bool_or(o.role = 'judge'), 'overdue', count(*)
      from overdue o
      where o.assignee_user_id in (select user_id from leaders)
      group by 1
    ), per_person as (
      select c.user_id,
             case when bool_or(c.judge) then 'judge' else 'prosecutor' end as role,
             coalesce(sum(c.n) filter (where c.figure = 'incoming'), 0)::int as incoming,
             coalesce(sum(c.n) filter (where c.figure = 'disposed'), 0)::int as disposed,
             coalesce(sum(c.n) filter (where c.figure = 'pending'), 0)::int as pending,
             coalesce(sum(c.n) filter (where c.figure = 'overdue'), 0)::int as overdue
      from counted c
      group by c.user_id
    )
    select p.user_id as "userId", p.role, usr.institution_id as "institutionId",
           usr.display_name_ar as "nameAr", usr.display_name_en as "nameEn",
           p.incoming, p.disposed, p.pending, p.overdue
    from per_person p
    join users usr on usr.id = p.user_id
    order by usr.display_name_en, p.user_id`.execute(db);
  return result.rows;
}

export interface DetentionRow {
  category: string;
  held: number;
  beyondLimits: number;
  released: number;
  releasedDays: number;
}

/**
 * Detention: units with a detention open at `asOf` (arrested before, not released by then); of
 * them, those with no detention order in force at `asOf` (held beyond the limits); and the
 * detentions of the scope's units released in the period, with their total length in days.
 */
export async function countDetention(db: Db, scope: PerformanceScope): Promise<DetentionRow[]> {
  const d = dims(scope);
  const heldAtAsOf = sql<boolean>`(dt.arrested_at < ${scope.asOf}
    and (dt.released_at is null or dt.released_at >= ${scope.asOf}))`;
  const releasedInPeriod = inPeriod('dt.released_at', scope);
  // One pass over the detentions, one row per unit (accused party in a file), then one join to
  // the units: held at the end of the period, beyond the limits (held with no order in force),
  // released in the period and for how long. Held and released were two sets outer-joined to
  // the units; the planner took each for one row and joined them by nested loops (28,000 ×
  // 28,000 rows nationally: 110 s).
  const result = await sql<DetentionRow>`
    with detention_rows as (
      select dt.case_id, dt.party_id,
             ${heldAtAsOf} as is_held,
             ${heldAtAsOf} and not exists (
               select 1 from detention_orders o
               where o.detention_id = dt.id and o.starts_at <= ${scope.asOf}
                 and o.expires_at > ${scope.asOf}) as is_beyond,
             ${releasedInPeriod} as is_released,
             extract(epoch from (dt.released_at - dt.arrested_at)) as held_seconds
      from detentions dt
      where ${heldAtAsOf} or ${releasedInPeriod}
    ), detained as (
      select case_id, party_id,
             bool_or(is_held) as held,
             bool_and(is_beyond) filter (where is_held) as beyond,
             count(*) filter (where is_released)::int as released,
             coalesce(sum(held_seconds) filter (where is_released), 0)
               / ${sql.lit(DAY_SECONDS)} as released_days
      from detention_rows
      group by case_id, party_id
    )
    select ${d.key} as category,
           count(*) filter (where k.held)::int as held,
           count(*) filter (where k.beyond)::int as "beyondLimits",
           coalesce(sum(k.released), 0)::int as released,
           coalesce(sum(k.released_days), 0)::float8 as "releasedDays"
    from detained k
    join ${scopeUnits(scope)} u on u.case_id = k.case_id and u.accused_party = k.party_id
    group by 1`.execute(db);
  return result.rows;
}

export interface AttritionRow {
  category: string;
  reported: number;
  indicted: number;
  convicted: number;
}

/**
 * Attrition: one unit per accused person and incident reported in the period, that is, named in
 * the first file of the matter at a police unit or prosecution office of the scope, opened in the
 * period. Indicted: a charge of theirs in any file of the matter was indicted (or judged after an
 * indictment); convicted: one was convicted. As recorded now.
 *
 * Each unit carries these facts (migration 0019, refreshed for the whole matter when any of its
 * files changes): `reported` (its file is the first of the matter at a police unit or prosecution
 * office), `reported_here` (the first such file of the matter in its own institution), `indicted`
 * and `convicted`. The whole country and one institution read them; a scope of several
 * institutions finds the first file of each period matter among them. (A person is accused at most
 * once in a file, so a first file has one unit per person of the matter.)
 */
export async function countAttrition(db: Db, scope: PerformanceScope): Promise<AttritionRow[]> {
  const d = dims(scope, 'r');
  const ids = scope.institutionIds;
  const reports =
    ids === null || ids.length === 1
      ? sql`select u.* from ${scopeUnits(scope)} u
          where ${inPeriod('u.opened_at', scope)} and ${ids === null ? sql`u.reported` : sql`u.reported_here`}`
      : sql`select u.* from ${scopeUnits(scope)} u
          where ${inPeriod('u.opened_at', scope)} and u.case_id in (
            select distinct on (c.matter_id) c.id
            from cases c
            join institutions i on i.id = c.institution_id
            where c.matter_id in (select pu.matter_id from ${scopeUnits(scope)} pu
                                  where ${inPeriod('pu.opened_at', scope)})
              and c.intake_status <> 'returned'
              and i.kind in ('police_unit', 'prosecution_office')
              and ${inInstitutions('c.institution_id', ids)}
            order by c.matter_id, c.opened_at, c.id)`;
  const result = await sql<AttritionRow>`
    select ${d.key} as category, count(*)::int as reported,
           count(*) filter (where r.indicted)::int as indicted,
           count(*) filter (where r.convicted)::int as convicted
    from (${reports}) r
    group by 1`.execute(db);
  return result.rows;
}

export type DrillFigure =
  'incoming' | 'disposed' | 'pending' | 'over_standard' | 'tried' | 'held' | 'beyond_limits';

/**
 * The files behind one figure (drill-down): an SQL subquery of case ids, for the caller to filter
 * by what the reader may open. `category`: a category key of the scope's dimensions, or null for
 * every unit.
 */
export function filesBehind(
  scope: PerformanceScope,
  figure: DrillFigure,
  category: string | null,
  standards: { felony: number; misdemeanour: number },
): RawBuilder<unknown> {
  const d = dims(scope);
  const inCategory = category === null ? sql`true` : sql`${d.key} = ${category}`;
  const condition = (() => {
    switch (figure) {
      case 'incoming':
        return inPeriod('u.opened_at', scope);
      case 'disposed':
        return inPeriod('u.disposed_at', scope);
      case 'pending':
        return pendingAt(scope);
      case 'over_standard':
        return sql`${pendingAt(scope)} and floor(greatest(0, extract(epoch from (${scope.asOf}::timestamptz - u.opened_at))
               / ${sql.lit(DAY_SECONDS)}
               - ${suspendedDays('u.case_id', sql<Date>`${scope.asOf}::timestamptz`)})) >
               case u.standard_group when 'felony' then ${sql.lit(standards.felony)}
               else ${sql.lit(standards.misdemeanour)} end`;
      case 'tried':
        return sql`${inPeriod('u.disposed_at', scope)} and u.first_held_at <= u.disposed_at`;
      case 'held':
      case 'beyond_limits':
        return sql`(u.case_id, u.accused_party) in (select dt.case_id, dt.party_id
               from detentions dt where dt.arrested_at < ${scope.asOf}
               and (dt.released_at is null or dt.released_at >= ${scope.asOf})
               ${
                 figure === 'beyond_limits'
                   ? sql`and not exists (select 1 from detention_orders o where o.detention_id = dt.id
                          and o.starts_at <= ${scope.asOf} and o.expires_at > ${scope.asOf})`
                   : sql``
               })`;
    }
  })();
  return sql`(select u.case_id from ${scopeUnits(scope)} u
    where ${condition} and ${inCategory})`;
}
