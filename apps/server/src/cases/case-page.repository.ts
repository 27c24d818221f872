/**
 * The parts of the case page in one statement. The page used to send one statement per part
 * (about 25 after the access check, one round trip and one system call each, plus one per linked
 * file for the reader's roles in it); a CPU profile of the server under load put a quarter of its
 * samples in those writes (docs/performance.md). Each part is now a subquery aggregated to JSON,
 * with the same columns, filters and order as its own statement had, so the page is unchanged.
 *
 * Read after the access check (read-cases.ts): nothing of a file is read before the policy module
 * has allowed it. The bare baseline server (bench/baseline-sql.ts) sends this very text.
 */
import type { Role } from '@qadiya/domain';
import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type {
  CaseAssignmentTable,
  CaseEventTable,
  CaseRow,
  ChargeTable,
  Database,
  DeadlineTable,
  DetentionOrderTable,
  DetentionTable,
  HearingJudgeTable,
  HearingTable,
  InstitutionTable,
  OffenceTable,
  PartyTable,
  PersonTable,
  ProtectionMeasureTable,
  ProtectionMeasureViolationTable,
  RiskAssessmentTable,
  ServiceReferralTable,
  SocialResearchReportTable,
  UserTable,
} from '../db/schema';
import { JUVENILE_PAGE_EVENT_TYPES } from './juvenile-page';

type UserNames = Pick<Selectable<UserTable>, 'display_name_ar' | 'display_name_en'>;
type Nullable<T> = { [K in keyof T]: T[K] | null };

export type TeamMemberRow = Pick<
  Selectable<CaseAssignmentTable>,
  'user_id' | 'role' | 'is_lead' | 'assigned_at'
> &
  UserNames;
export type PartyRow = Pick<
  Selectable<PartyTable>,
  | 'id'
  | 'person_id'
  | 'role'
  | 'relationship_to_accused'
  | 'age_at_offence'
  | 'age_status'
  | 'address_confidential'
> &
  Pick<
    Selectable<PersonTable>,
    | 'first_name_ar'
    | 'father_name_ar'
    | 'grandfather_name_ar'
    | 'family_name_ar'
    | 'name_latin'
    | 'sex'
    | 'date_of_birth'
  >;
export type ChargeRow = Pick<
  Selectable<ChargeTable>,
  'id' | 'party_id' | 'disposition' | 'custodial_months' | 'fine_amount' | 'incident_date'
> &
  Pick<
    Selectable<OffenceTable>,
    'title_ar' | 'title_en' | 'offence_class' | 'law_ar' | 'article'
  > & {
    offence_code: string;
  };
export type JudgeRow = Selectable<HearingJudgeTable> & UserNames;
export type InstitutionHeader = Pick<
  Selectable<InstitutionTable>,
  'id' | 'code' | 'name_ar' | 'name_en' | 'kind'
>;
/** Every file of the matter, the page's own included, with the reader's roles in its team. */
export type MatterFileRow = Pick<
  CaseRow,
  | 'id'
  | 'case_type'
  | 'state'
  | 'reference'
  | 'intake_status'
  | 'institution_id'
  | 'unit_id'
  | 'confidentiality'
  | 'opened_at'
  | 'mediation_status'
  | 'updated_at'
> &
  Pick<Selectable<InstitutionTable>, 'name_ar' | 'name_en'> & { team_roles: Role[] };
export type PageEventRow = Pick<
  Selectable<CaseEventTable>,
  'case_id' | 'event_type' | 'occurred_at' | 'payload'
>;
export type ReportRow = Selectable<SocialResearchReportTable> & UserNames;
export type MediatorRow = Pick<Selectable<UserTable>, 'id'> & UserNames;
export type AssessmentRow = Selectable<RiskAssessmentTable> & Nullable<UserNames>;
export type ReferralRow = Selectable<ServiceReferralTable> &
  Nullable<UserNames> & {
    institution_code: string;
    institution_name_ar: string;
    institution_name_en: string;
  };
export type MeasureRow = Selectable<ProtectionMeasureTable>;
export type ViolationRow = Selectable<ProtectionMeasureViolationTable> & {
  new_case_reference: string | null;
};

export interface CasePageRows {
  team: TeamMemberRow[];
  parties: PartyRow[];
  charges: ChargeRow[];
  detentions: Selectable<DetentionTable>[];
  orders: Selectable<DetentionOrderTable>[];
  hearings: Selectable<HearingTable>[];
  judges: JudgeRow[];
  deadlines: Selectable<DeadlineTable>[];
  institution: InstitutionHeader;
  matterFiles: MatterFileRow[];
  /** The mediation and override events of the matter's files (JUVENILE_PAGE_EVENT_TYPES). */
  events: PageEventRow[];
  reports: ReportRow[];
  hasAccusedOfUnknownAge: boolean;
  /** The users named as mediator by a referral to mediation in the matter. */
  mediators: MediatorRow[];
  assessments: AssessmentRow[];
  referrals: ReferralRow[];
  measures: MeasureRow[];
  violations: ViolationRow[];
}

/** `'a', 'b'`: the event types are constants of the domain, written into the text. */
function literalList(values: readonly string[]): string {
  return values
    .map((value) => {
      if (!/^[a-z_]+$/.test(value)) throw new Error(`Not an event type: ${value}`);
      return `'${value}'`;
    })
    .join(',');
}

/** One part: its rows as a JSON array, in the subquery's order ('[]' when there are none). */
const rowsOf = (subquery: string, name: string) =>
  `(select coalesce(json_agg(t),'[]') from (${subquery}) t) as ${name}`;

const MATTER = 'select id from cases where matter_id=$2';
const MEDIATION_REFERRAL = 'refer_to_mediation';
// A mediator id is a uuid (the payload schema); another text is not looked up rather than cast.
const MEDIATOR_ID = "payload->>'mediatorUserId'";
const UUID = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

/**
 * $1 the file, $2 its matter, $3 its institution, $4 the reader. Each subquery is the statement
 * the part had on its own (same joins, filters and order), so it is planned the same way.
 *
 * The team and the judges had no order: their rows came in user order from the index, or in the
 * users table's order when the planner hashed the join with that small table, and a prepared
 * statement switched from the one to the other after five executions, so the same page came in
 * two orders. The team is shown as its members read it: the lead first, then the others in the
 * order they joined the file; the judges of a hearing by user.
 */
export const CASE_PAGE_SQL = `select ${[
  rowsOf(
    'select ca.user_id,ca.role,ca.is_lead,ca.assigned_at,u.display_name_ar,u.display_name_en from case_assignments ca join users u on u.id=ca.user_id where ca.case_id=$1 and ca.ended_at is null order by ca.is_lead desc,ca.assigned_at,ca.user_id',
    'team',
  ),
  // Parties in the order they were added; those added together (a registration) accused first,
  // then victims, complainants and the others, so the order never depends on the plan.
  rowsOf(
    "select p.id,p.person_id,p.role,p.relationship_to_accused,p.age_at_offence,p.age_status,p.address_confidential,pe.first_name_ar,pe.father_name_ar,pe.grandfather_name_ar,pe.family_name_ar,pe.name_latin,pe.sex,pe.date_of_birth from parties p join persons pe on pe.id=p.person_id where p.case_id=$1 order by p.added_at,array_position(array['accused','victim','complainant','guardian','witness','lawyer','counsellor'],p.role),p.id",
    'parties',
  ),
  // numeric as text: JSON would make the amount a floating-point number.
  rowsOf(
    'select ch.id,ch.party_id,ch.disposition,ch.custodial_months,ch.fine_amount::text as fine_amount,ch.incident_date,o.code as offence_code,o.title_ar,o.title_en,o.offence_class,o.law_ar,o.article from charges ch join offences o on o.id=ch.offence_id where ch.case_id=$1 order by ch.created_at',
    'charges',
  ),
  rowsOf('select * from detentions where case_id=$1 order by arrested_at', 'detentions'),
  rowsOf(
    'select o.* from detention_orders o join detentions d on d.id=o.detention_id where d.case_id=$1 order by o.issued_at',
    'orders',
  ),
  rowsOf('select * from hearings where case_id=$1 order by starts_at', 'hearings'),
  rowsOf(
    'select hj.hearing_id,hj.judge_id,u.display_name_ar,u.display_name_en from hearing_judges hj join hearings h on h.id=hj.hearing_id join users u on u.id=hj.judge_id where h.case_id=$1 order by hj.hearing_id,hj.judge_id',
    'judges',
  ),
  rowsOf(
    'select * from deadlines where case_id=$1 and completed_at is null order by due_at',
    'deadlines',
  ),
  '(select row_to_json(t) from (select id,code,name_ar,name_en,kind from institutions where id=$3) t) as institution',
  rowsOf(
    'select c.id,c.case_type,c.state,c.reference,c.intake_status,c.institution_id,c.unit_id,c.confidentiality,i.name_ar,i.name_en,c.opened_at,c.mediation_status,c.updated_at,array(select a.role from case_assignments a where a.case_id=c.id and a.user_id=$4 and a.ended_at is null) as team_roles from cases c join institutions i on i.id=c.institution_id where c.matter_id=$2 order by c.opened_at',
    'matter_files',
  ),
  rowsOf(
    `select case_id,event_type,occurred_at,payload from case_events where case_id in (${MATTER}) and event_type in (${literalList(JUVENILE_PAGE_EVENT_TYPES)}) order by seq`,
    'events',
  ),
  rowsOf(
    `select r.*,u.display_name_ar,u.display_name_en from social_research_reports r join users u on u.id=r.counsellor_user_id where r.case_id in (${MATTER}) order by r.instructed_at`,
    'reports',
  ),
  "exists(select from parties where case_id=$1 and role='accused' and age_status='unknown') as has_accused_of_unknown_age",
  rowsOf(
    `select id,display_name_ar,display_name_en from users where id in (select case when ${MEDIATOR_ID}~*${UUID} then (${MEDIATOR_ID})::uuid end from case_events where case_id in (${MATTER}) and event_type='${MEDIATION_REFERRAL}')`,
    'mediators',
  ),
  rowsOf(
    'select r.*,u.display_name_ar,u.display_name_en from risk_assessments r join case_events e on e.id=r.event_id left join users u on u.id=r.assessed_by where r.case_id=$1 order by e.seq desc',
    'assessments',
  ),
  rowsOf(
    'select s.*,i.code as institution_code,i.name_ar as institution_name_ar,i.name_en as institution_name_en,u.display_name_ar,u.display_name_en from service_referrals s join case_events e on e.id=s.event_id join institutions i on i.id=s.institution_id left join users u on u.id=s.sent_by where s.case_id=$1 order by e.seq desc',
    'referrals',
  ),
  rowsOf(
    'select m.* from protection_measures m join case_events e on e.id=m.event_id where m.case_id=$1 order by e.seq desc',
    'measures',
  ),
  rowsOf(
    'select v.*,c.reference as new_case_reference from protection_measure_violations v join case_events e on e.id=v.event_id left join cases c on c.id=v.new_case_id where v.case_id=$1 order by v.occurred_at,e.seq',
    'violations',
  ),
].join(',')}`;

/**
 * JSON carries a timestamp as ISO 8601 text. `new Date` truncates its microseconds to
 * milliseconds as the drivers' own parsers do (pg's postgres-date, PGlite's `new Date`), so a
 * part's Dates are the ones its own statement returned. `keys` must name every timestamp column
 * of the row type (a Record, so that the compiler checks none is forgotten).
 */
type DateKeys<T> = { [K in keyof T]-?: Date extends T[K] ? K : never }[keyof T];
type AsJson<T> = { [K in keyof T]: K extends DateKeys<T> ? Exclude<T[K], Date> | string : T[K] };

function withDates<T>(rows: readonly AsJson<T>[], keys: Record<DateKeys<T>, true>): T[] {
  const names = Object.keys(keys);
  return rows.map((row) => {
    const decoded: Record<string, unknown> = { ...row };
    for (const name of names) {
      const value = decoded[name];
      if (typeof value === 'string') decoded[name] = new Date(value);
    }
    return decoded as T;
  });
}

interface CasePageJson {
  team: AsJson<TeamMemberRow>[];
  parties: PartyRow[];
  charges: ChargeRow[];
  detentions: AsJson<Selectable<DetentionTable>>[];
  orders: AsJson<Selectable<DetentionOrderTable>>[];
  hearings: AsJson<Selectable<HearingTable>>[];
  judges: JudgeRow[];
  deadlines: AsJson<Selectable<DeadlineTable>>[];
  institution: InstitutionHeader | null;
  matter_files: AsJson<MatterFileRow>[];
  events: AsJson<PageEventRow>[];
  reports: AsJson<ReportRow>[];
  has_accused_of_unknown_age: boolean;
  mediators: MediatorRow[];
  assessments: AsJson<AssessmentRow>[];
  referrals: AsJson<ReferralRow>[];
  measures: AsJson<MeasureRow>[];
  violations: AsJson<ViolationRow>[];
}

/** The page's parts of a file the reader has been allowed to open. */
export async function loadCasePageRows(
  db: Kysely<Database>,
  file: Pick<CaseRow, 'id' | 'matter_id' | 'institution_id'>,
  readerId: string,
): Promise<CasePageRows> {
  const result = await db.executeQuery<CasePageJson>(
    CompiledQuery.raw(CASE_PAGE_SQL, [file.id, file.matter_id, file.institution_id, readerId]),
  );
  const row = result.rows[0];
  if (!row) throw new Error(`The case page statement returned no row for file ${file.id}`);
  // The file's institution is a foreign key: its absence is a broken database, not a 404.
  if (!row.institution) throw new Error(`Institution ${file.institution_id} not found`);
  return {
    team: withDates(row.team, { assigned_at: true }),
    parties: row.parties,
    charges: row.charges,
    detentions: withDates(row.detentions, { arrested_at: true, released_at: true }),
    orders: withDates(row.orders, { issued_at: true, starts_at: true, expires_at: true }),
    hearings: withDates(row.hearings, { starts_at: true, ends_at: true, created_at: true }),
    judges: row.judges,
    deadlines: withDates(row.deadlines, { due_at: true, completed_at: true, created_at: true }),
    institution: row.institution,
    matterFiles: withDates(row.matter_files, { opened_at: true, updated_at: true }),
    events: withDates(row.events, { occurred_at: true }),
    reports: withDates(row.reports, { instructed_at: true, due_at: true, submitted_at: true }),
    hasAccusedOfUnknownAge: row.has_accused_of_unknown_age,
    mediators: row.mediators,
    assessments: withDates(row.assessments, { assessed_at: true }),
    referrals: withDates(row.referrals, { sent_at: true, responded_at: true, closed_at: true }),
    measures: withDates(row.measures, { issued_at: true, expires_at: true, revoked_at: true }),
    violations: withDates(row.violations, { occurred_at: true, recorded_at: true }),
  };
}
