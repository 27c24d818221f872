/**
 * The SQL of the performance measures (issue 8; performance-definitions.ts says what each is,
 * docs/measures.md section 3 at length). Every query aggregates in the database and answers one
 * row per category of the requested dimensions (dimensions.ts; 'all' without a split). No row
 * names a party.
 *
 * The unit of count is one accused party in one file of the scope (`units`): one defendant and the
 * charges from one incident, in the institution that keeps the file. A unit
 * - is incoming when its file is opened (`cases.opened_at`; a referred file from its arrival);
 * - is disposed of at the earlier of its file's disposal (`cases.disposed_at`, the first time the
 *   file reached a state its case type marks `isDisposed`) and the moment the last of its charges
 *   in the file was disposed of (no charge pending: dropped, indicted, judged, diverted);
 * - has the offence class of its most serious charge in the file ('none' without a charge);
 * - is counted net of suspended time: the spans its file spent in states its case type marks
 *   `isSuspended` (mediation), read from the event history (`case_events.state_after`).
 * Files returned to their sender never count.
 */
import { CASE_TYPES, type TimeStandardStep } from '@qadiya/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { categoryKey, joinDimensionParties, principalVictimOf, type Dimension } from './dimensions';
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

/** The (case type, state) pairs whose time does not count (`isSuspended`), as a condition. */
function isSuspendedState(caseTypeColumn: string, stateColumn: string): RawBuilder<boolean> {
  const rules = CASE_TYPES.flatMap((definition) => {
    const states = Object.entries(definition.states)
      .filter(([, state]) => state.isSuspended)
      .map(([name]) => name);
    return states.length === 0
      ? []
      : [
          sql`(${sql.ref(caseTypeColumn)} = ${definition.caseType} and ${sql.ref(stateColumn)} in (${sql.join(states)}))`,
        ];
  });
  return rules.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(rules, sql` or `)})`;
}

/**
 * Days a file spent in suspended states before `until` (an SQL timestamp): each event that put the
 * file in a suspended state opens a span that the file's next event closes.
 */
function suspendedDays(
  caseIdColumn: string,
  caseTypeColumn: string,
  until: RawBuilder<Date>,
): RawBuilder<number> {
  return sql<number>`coalesce((
    select sum(extract(epoch from (least(coalesce((
             select n.occurred_at from case_events n
             where n.case_id = e.case_id and n.seq > e.seq order by n.seq limit 1
           ), 'infinity'::timestamptz), ${until}) - e.occurred_at)))
    from case_events e
    where e.case_id = ${sql.ref(caseIdColumn)} and e.occurred_at < ${until}
      and ${isSuspendedState(caseTypeColumn, 'e.state_after')}
  ), 0) / ${sql.lit(DAY_SECONDS)}`;
}

function fileClassCondition(fileClass: FileClass): RawBuilder<boolean> {
  switch (fileClass) {
    case 'all':
      return sql<boolean>`true`;
    case 'public':
      return sql<boolean>`(c.confidentiality = 'normal' and not c.is_juvenile and not c.is_family_protection)`;
    case 'juvenile':
      return sql<boolean>`c.is_juvenile`;
    case 'family_protection':
      return sql<boolean>`c.is_family_protection`;
  }
}

/**
 * `scope_files` (the files of the scope) and `units` (one row per accused party in them, with its
 * disposal, offence class and principal victim).
 */
export function unitCtes(scope: PerformanceScope): RawBuilder<unknown> {
  return sql`scope_files as (
      select c.id, c.matter_id, c.case_type, c.institution_id, c.opened_at, c.disposed_at
      from cases c
      where c.intake_status <> 'returned'
        and ${inInstitutions('c.institution_id', scope.institutionIds)}
        and ${scope.unitId === null ? sql`true` : sql`c.unit_id = ${scope.unitId}`}
        and ${scope.caseType === null ? sql`true` : sql`c.case_type = ${scope.caseType}`}
        and ${fileClassCondition(scope.fileClass)}
    ), all_units as (
      select f.id as case_id, f.matter_id, f.case_type, f.institution_id, f.opened_at,
             p.id as accused_party, p.person_id,
             least(f.disposed_at, ch.done_at) as disposed_at,
             coalesce(ch.offence_class, 'none') as offence_class
      from scope_files f
      join parties p on p.case_id = f.id and p.role = 'accused'
      left join lateral (
        select case when count(*) > 0 and not bool_or(x.disposition = 'pending')
                    then max(x.disposed_at) end as done_at,
               (array['contravention', 'misdemeanour', 'felony'])[max(
                 case o.offence_class when 'contravention' then 1 when 'misdemeanour' then 2
                                      when 'felony' then 3 end)] as offence_class
        from charges x join offences o on o.id = x.offence_id
        where x.case_id = f.id and x.party_id = p.id
      ) ch on true
    ), units as (
      select u.*, ${principalVictimOf('u.case_id')} as victim_party,
             case when u.offence_class = 'felony' then 'felony' else 'misdemeanour' end
               as standard_group
      from all_units u
      where ${scope.offenceClass === null ? sql`true` : sql`u.offence_class = ${scope.offenceClass}`}
    )`;
}

const inPeriod = (column: string, scope: PerformanceScope) =>
  sql<boolean>`(${sql.ref(column)} >= ${scope.start} and ${sql.ref(column)} < ${scope.until})`;

/** Pending at `asOf`: opened before it, not disposed of by then. */
const pendingAt = (scope: PerformanceScope, alias = 'u') =>
  sql<boolean>`(${sql.ref(`${alias}.opened_at`)} < ${scope.asOf} and (${sql.ref(`${alias}.disposed_at`)} is null or ${sql.ref(`${alias}.disposed_at`)} >= ${scope.asOf}))`;

const dims = (scope: PerformanceScope, alias = 'u') => ({
  key: scope.byInstitution
    ? sql<string>`${sql.ref(`${alias}.institution_id`)}::text`
    : categoryKey(scope.dimensions),
  join: joinDimensionParties({
    victimParty: `${alias}.victim_party`,
    accusedParty: `${alias}.accused_party`,
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
    with ${unitCtes(scope)}
    select ${d.key} as category,
           count(*) filter (where ${inPeriod('u.opened_at', scope)})::int as incoming,
           count(*) filter (where ${inPeriod('u.disposed_at', scope)})::int as disposed
    from units u
    ${d.join}
    where ${inPeriod('u.opened_at', scope)} or ${inPeriod('u.disposed_at', scope)}
    group by 1`.execute(db);
  return result.rows;
}

export interface DispositionRow {
  category: string;
  standardGroup: 'felony' | 'misdemeanour';
  n: number;
  totalDays: number;
  medianDays: number | null;
  /** Units within each number of days of `days` (the union of both standards' steps). */
  within: number[];
}

/**
 * Time to disposition (CourTools 3): for each unit disposed of in the period, the days from its
 * file's opening to its disposal less the suspended days; counts within each step.
 */
export async function measureTimeToDisposition(
  db: Db,
  scope: PerformanceScope,
  days: readonly number[],
): Promise<DispositionRow[]> {
  const d = dims(scope);
  const within = days.map(
    (limit) => sql`count(*) filter (where u.net_days <= ${sql.lit(limit)})::int`,
  );
  const result = await sql<Omit<DispositionRow, 'within'> & { within: number[] | null }>`
    with ${unitCtes(scope)}, timed as (
      select u.*, greatest(0, extract(epoch from (u.disposed_at - u.opened_at)) / ${sql.lit(DAY_SECONDS)}
               - ${suspendedDays('u.case_id', 'u.case_type', sql<Date>`u.disposed_at`)}) as net_days
      from units u
      where ${inPeriod('u.disposed_at', scope)}
    )
    select ${d.key} as category, u.standard_group as "standardGroup", count(*)::int as n,
           coalesce(sum(u.net_days), 0)::float8 as "totalDays",
           (percentile_cont(0.5) within group (order by u.net_days))::float8 as "medianDays",
           ${within.length === 0 ? sql`null` : sql`array[${sql.join(within)}]`} as within
    from timed u
    ${d.join}
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
    with ${unitCtes(scope)}, aged as (
      select u.*, floor(greatest(0, extract(epoch from (${scope.asOf}::timestamptz - u.opened_at))
               / ${sql.lit(DAY_SECONDS)}
               - ${suspendedDays('u.case_id', 'u.case_type', sql<Date>`${scope.asOf}::timestamptz`)})) as age_days
      from units u
      where ${pendingAt(scope)}
    )
    select ${d.key} as category, count(*)::int as pending,
           array[${sql.join(bands)}] as bands,
           count(*) filter (where u.age_days > case u.standard_group
             when 'felony' then ${sql.lit(standards.felony)}
             else ${sql.lit(standards.misdemeanour)} end)::int as "overStandard"
    from aged u
    ${d.join}
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
 * and including the first one held; tried at the first setting when that is the only one.
 */
export async function countTrialCertainty(
  db: Db,
  scope: PerformanceScope,
): Promise<TrialCertaintyRow[]> {
  const d = dims(scope);
  const result = await sql<TrialCertaintyRow>`
    with ${unitCtes(scope)}, first_held as (
      select h.case_id, min(h.starts_at) as held_at
      from hearings h
      where h.status = 'held' and h.case_id in (select id from scope_files)
      group by h.case_id
    ), tried as (
      select u.*, (select count(*) from hearings s
                   where s.case_id = u.case_id and s.status <> 'cancelled'
                     and s.starts_at <= fh.held_at)::int as settings
      from units u
      join first_held fh on fh.case_id = u.case_id and fh.held_at <= u.disposed_at
      where ${inPeriod('u.disposed_at', scope)}
    )
    select ${d.key} as category, count(*)::int as tried,
           coalesce(sum(u.settings), 0)::int as settings,
           count(*) filter (where u.settings = 1)::int as "firstSetting"
    from tried u
    ${d.join}
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
    with ${unitCtes(scope)}
    select ${d.key} as category,
           count(*) filter (where ${pendingAt(scope)})::int as pending,
           count(*) filter (where ${inPeriod('u.disposed_at', scope)})::int as resolved
    from units u
    ${d.join}
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
  const result = await sql<WorkloadRow>`
    with ${unitCtes(scope)}, leads as (
      select a.case_id, a.user_id, a.role, a.assigned_at, a.ended_at
      from case_assignments a
      where a.is_lead and a.role in (${sql.join([...WORKLOAD_ROLES])})
        and a.case_id in (select id from scope_files)
    ), first_leads as (
      select distinct on (case_id) case_id, user_id, role from leads
      order by case_id, assigned_at
    ), counted as (
      select fl.user_id, fl.role, 'incoming' as figure
      from units u join first_leads fl on fl.case_id = u.case_id
      where ${inPeriod('u.opened_at', scope)}
      union all
      select l.user_id, l.role, 'disposed'
      from units u join leads l on l.case_id = u.case_id and l.assigned_at <= u.disposed_at
        and (l.ended_at is null or l.ended_at > u.disposed_at)
      where ${inPeriod('u.disposed_at', scope)}
      union all
      select l.user_id, l.role, 'pending'
      from units u join leads l on l.case_id = u.case_id and l.assigned_at <= ${scope.asOf}
        and (l.ended_at is null or l.ended_at > ${scope.asOf})
      where ${pendingAt(scope)}
      union all
      select dl.assignee_user_id, coalesce(l.role, 'prosecutor'), 'overdue'
      from deadlines dl
      join scope_files f on f.id = dl.case_id
      left join lateral (select l.role from leads l where l.case_id = dl.case_id
                         and l.user_id = dl.assignee_user_id limit 1) l on true
      where dl.assignee_user_id is not null and dl.due_at < ${scope.asOf}
        and dl.created_at <= ${scope.asOf}
        and (dl.completed_at is null or dl.completed_at > ${scope.asOf})
        and exists (select 1 from leads x where x.user_id = dl.assignee_user_id)
    )
    select c.user_id as "userId",
           case when bool_or(c.role = 'judge') then 'judge' else 'prosecutor' end as role,
           usr.institution_id as "institutionId",
           usr.display_name_ar as "nameAr", usr.display_name_en as "nameEn",
           count(*) filter (where c.figure = 'incoming')::int as incoming,
           count(*) filter (where c.figure = 'disposed')::int as disposed,
           count(*) filter (where c.figure = 'pending')::int as pending,
           count(*) filter (where c.figure = 'overdue')::int as overdue
    from counted c
    join users usr on usr.id = c.user_id
    group by c.user_id, usr.institution_id, usr.display_name_ar, usr.display_name_en
    order by usr.display_name_en, c.user_id`.execute(db);
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
  const result = await sql<DetentionRow>`
    with ${unitCtes(scope)}, held as (
      select u.case_id, u.accused_party,
             bool_and(not exists (
               select 1 from detention_orders o
               where o.detention_id = dt.id and o.starts_at <= ${scope.asOf}
                 and o.expires_at > ${scope.asOf})) as beyond
      from units u
      join detentions dt on dt.case_id = u.case_id and dt.party_id = u.accused_party
      where dt.arrested_at < ${scope.asOf}
        and (dt.released_at is null or dt.released_at >= ${scope.asOf})
      group by u.case_id, u.accused_party
    ), released as (
      select u.case_id, u.accused_party,
             count(*)::int as n,
             sum(extract(epoch from (dt.released_at - dt.arrested_at)))
               / ${sql.lit(DAY_SECONDS)} as days
      from units u
      join detentions dt on dt.case_id = u.case_id and dt.party_id = u.accused_party
      where ${inPeriod('dt.released_at', scope)}
      group by u.case_id, u.accused_party
    )
    select ${d.key} as category,
           count(h.case_id)::int as held,
           count(*) filter (where h.beyond)::int as "beyondLimits",
           coalesce(sum(r.n), 0)::int as released,
           coalesce(sum(r.days), 0)::float8 as "releasedDays"
    from units u
    left join held h on h.case_id = u.case_id and h.accused_party = u.accused_party
    left join released r on r.case_id = u.case_id and r.accused_party = u.accused_party
    ${d.join}
    where h.case_id is not null or r.case_id is not null
    group by 1`.execute(db);
  return result.rows;
}

/** A charge of the report's accused, in any file of the matter, with one of these dispositions. */
function chargeOfTheirs(dispositions: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select 1 from cases f
    join parties fp on fp.case_id = f.id and fp.person_id = r.person_id and fp.role = 'accused'
    join charges ch on ch.case_id = f.id and ch.party_id = fp.id
    where f.matter_id = r.matter_id and f.intake_status <> 'returned'
      and ch.disposition in ${dispositions}`;
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
 */
export async function countAttrition(db: Db, scope: PerformanceScope): Promise<AttritionRow[]> {
  const d = dims(scope, 'r');
  const result = await sql<AttritionRow>`
    with ${unitCtes(scope)}, period_matters as (
      select distinct matter_id from units u where ${inPeriod('u.opened_at', scope)}
    ), first_files as (
      select distinct on (c.matter_id) c.matter_id, c.id
      from cases c
      join institutions i on i.id = c.institution_id
      where c.matter_id in (select matter_id from period_matters)
        and c.intake_status <> 'returned'
        and i.kind in ('police_unit', 'prosecution_office')
        and ${inInstitutions('c.institution_id', scope.institutionIds)}
      order by c.matter_id, c.opened_at, c.id
    ), reports as (
      select distinct on (u.matter_id, u.person_id) u.*
      from units u
      join first_files ff on ff.id = u.case_id
      where ${inPeriod('u.opened_at', scope)}
      order by u.matter_id, u.person_id, u.accused_party
    ), outcomes as (
      select r.*,
             exists (${chargeOfTheirs(sql`('indicted', 'convicted', 'acquitted', 'dismissed')`)})
               as is_indicted,
             exists (${chargeOfTheirs(sql`('convicted')`)}) as is_convicted
      from reports r
    )
    select ${d.key} as category, count(*)::int as reported,
           count(*) filter (where r.is_indicted)::int as indicted,
           count(*) filter (where r.is_convicted)::int as convicted
    from outcomes r
    ${d.join}
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
               - ${suspendedDays('u.case_id', 'u.case_type', sql<Date>`${scope.asOf}::timestamptz`)})) >
               case u.standard_group when 'felony' then ${sql.lit(standards.felony)}
               else ${sql.lit(standards.misdemeanour)} end`;
      case 'tried':
        return sql`${inPeriod('u.disposed_at', scope)} and exists (select 1 from hearings h
               where h.case_id = u.case_id and h.status = 'held' and h.starts_at <= u.disposed_at)`;
      case 'held':
      case 'beyond_limits':
        return sql`exists (select 1 from detentions dt where dt.case_id = u.case_id
               and dt.party_id = u.accused_party and dt.arrested_at < ${scope.asOf}
               and (dt.released_at is null or dt.released_at >= ${scope.asOf})
               ${
                 figure === 'beyond_limits'
                   ? sql`and not exists (select 1 from detention_orders o where o.detention_id = dt.id
                          and o.starts_at <= ${scope.asOf} and o.expires_at > ${scope.asOf})`
                   : sql``
               })`;
    }
  })();
  return sql`(with ${unitCtes(scope)}
    select u.case_id from units u ${d.join}
    where ${condition} and ${inCategory})`;
}
