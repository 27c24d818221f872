/**
 * Kysely table types. They mirror the SQL migrations in ./migrations; the migration is the source
 * of truth and a test checks that every table declared here exists.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  AgeStatus,
  ChargeDisposition,
  FamilyProtectionReason,
  GbvType,
  DetentionFacility,
  MediationStatus,
  MeasureAuthority,
  MeasureStatus,
  ProtectionMeasureKind,
  ReferralConsent,
  ReferralService,
  ReferralStatus,
  RiskLevel,
  SocialReportRecommendation,
  ConfidentialityLevel,
  OffenceClass,
  PartyRole,
  CourtLevel,
  GrantKind,
  InstitutionKind,
  RegionKind,
  Role,
  UnitKind,
} from '@qadiya/domain';
import type { DocumentsTables } from '../documents/document-tables';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface RegionTable {
  id: Generated<string>;
  code: string;
  kind: RegionKind;
  parent_id: string | null;
  name_ar: string;
  name_en: string;
}

export interface InstitutionTable {
  id: Generated<string>;
  code: string;
  kind: InstitutionKind;
  court_level: CourtLevel | null;
  region_id: string | null;
  name_ar: string;
  name_en: string;
  is_active: Generated<boolean>;
  version: Generated<number>;
  /** ISO weekdays off (1 = Monday … 7 = Sunday), for working-day deadlines. */
  weekend_days: Generated<number[]>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface InstitutionUnitTable {
  id: Generated<string>;
  institution_id: string;
  kind: UnitKind;
  name_ar: string;
  name_en: string;
  is_active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name_ar: string;
  display_name_en: string;
  email: string | null;
  sex: 'female' | 'male' | null;
  institution_id: string | null;
  password_hash: string;
  password_changed_at: GeneratedTimestamp;
  is_active: Generated<boolean>;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_pending_secret: string | null;
  /** The TOTP time step of the last sign-in (replay protection). */
  totp_last_step: number | null;
  last_login_at: Timestamp | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface RoleSettingTable {
  role: Role;
  requires_mfa: boolean;
  updated_at: GeneratedTimestamp;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  grant_kind: GrantKind;
  institution_id: string | null;
  unit_id: string | null;
  case_id: string | null;
  reason: string | null;
  valid_from: GeneratedTimestamp;
  valid_until: Timestamp | null;
  granted_by: string | null;
  created_at: GeneratedTimestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export type SessionRevokeReason =
  'logout' | 'password_changed' | 'account_disabled' | 'mfa_changed' | 'admin';

export interface SessionTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  is_mfa_enrolment_only: Generated<boolean>;
  revoked_at: Timestamp | null;
  revoke_reason: SessionRevokeReason | null;
  source_ip: string | null;
  user_agent: string | null;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** What an audit row records: the columns audit_log and audit_pending share. */
interface AuditContentColumns {
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  institution_id: string | null;
  outcome: AuditOutcome;
  request_id: string | null;
  source_ip: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
}

export interface AuditLogTable extends AuditContentColumns {
  seq: number;
  prev_hash: string;
  hash: string;
  /** Which hash formula the row was written with (audit/audit-chain.ts). */
  chain_version: ColumnType<1 | 2, 1 | 2 | undefined, never>;
}

export interface AuditChainHeadTable {
  id: Generated<boolean>;
  last_seq: number;
  last_hash: string;
}

/** Audit rows waiting for their transaction's commit, which chains them (migration 0020). */
export interface AuditPendingTable extends AuditContentColumns {
  id: Generated<number>;
  content_hash: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: GeneratedTimestamp;
}

// ---- Case lifecycle (migration 0002) ----

export interface HolidayTable {
  id: Generated<string>;
  institution_id: string | null;
  holiday_date: string;
  name_ar: string;
  name_en: string;
}

export interface OffenceTable {
  id: Generated<string>;
  code: string;
  law_ar: string;
  law_en: string;
  article: string;
  title_ar: string;
  title_en: string;
  offence_class: OffenceClass;
  iccs_category: string;
  is_gbv_related: Generated<boolean>;
  links_cybercrime: Generated<boolean>;
  is_active: Generated<boolean>;
}

export interface PersonTable {
  id: Generated<string>;
  national_id: string | null;
  first_name_ar: string;
  father_name_ar: string | null;
  grandfather_name_ar: string | null;
  family_name_ar: string | null;
  name_latin: string | null;
  sex: 'female' | 'male' | null;
  date_of_birth: string | null;
  nationality: string | null;
  phone: string | null;
  address: string | null;
  created_by: string | null;
  /** Search key of the four-part Arabic name; set by a trigger (migration 0006), never written. */
  name_normalised: Generated<string>;
  /** Consonant skeleton of `name_latin`; set by the same trigger. */
  name_latin_key: Generated<string>;
  /** The record this duplicate was merged into (migration 0009); null for a live record. */
  merged_into_id: Generated<string | null>;
  /**
   * False when the person is no victim or complainant of a family protection file and has no
   * confidential address: the victim-protection check may be skipped. Kept by triggers
   * (migration 0017), never written.
   */
  may_be_protected: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface MatterTable {
  id: Generated<string>;
  incident_date: string | null;
  created_at: GeneratedTimestamp;
}

export type IntakeStatus = 'pending' | 'accepted' | 'returned';

/** The vocabulary of name words (migration 0013), filled by a trigger on persons. */
export interface PersonNameWordTable {
  word: string;
}

/** A word of a live person's name keys with the name parts, in rank order (migration 0017). */
export interface PersonSearchWordTable {
  /** A word of the Latin key, else of the Arabic key. */
  latin: boolean;
  word: string;
  family_name_ar: string | null;
  first_name_ar: string;
  father_name_ar: string | null;
  grandfather_name_ar: string | null;
  person_id: string;
}

/** A searchable text's parsed document (migration 0013), written by triggers with the text. */
export interface CaseSearchDocumentTable {
  /** The file, event or hearing the text belongs to. */
  source_id: string;
  field: 'title' | 'event_note' | 'hearing_minutes';
  case_id: string;
  institution_id: string;
  /** A tsvector, read by the database only. */
  document: string;
}

/**
 * One unit of count of the performance measures (migration 0016, ADR 0020): an accused party in a
 * file that was not returned, with the facts the measures filter and split on. Written only by the
 * database's triggers, from the view `performance_unit_facts`.
 */
export interface PerformanceUnitTable {
  case_id: string;
  accused_party: string;
  matter_id: string;
  case_type: string;
  institution_id: string;
  unit_id: string | null;
  person_id: string;
  opened_at: Date;
  /** The earlier of the file's disposal and the disposal of the party's last pending charge. */
  disposed_at: Date | null;
  offence_class: 'contravention' | 'misdemeanour' | 'felony' | 'none';
  /** The file's principal victim (`principalVictimOf`), a party id. */
  victim_party: string | null;
  confidentiality: ConfidentialityLevel;
  is_juvenile: boolean;
  is_family_protection: boolean;
  /** The dimensions (statistics/dimensions.ts): the accused's and the principal victim's sex and age at the offence. */
  accused_sex: 'female' | 'male' | null;
  accused_age: number | null;
  victim_sex: 'female' | 'male' | null;
  victim_age: number | null;
  /** The principal victim's relationship to the accused. */
  relationship: string | null;
  /** Migration 0019: days from opening to disposal less suspended days (numeric; null while pending). */
  disposal_days: string | null;
  /** The file's first hearing held, and its trial settings up to it (trial date certainty). */
  first_held_at: Date | null;
  trial_settings: number | null;
  /** The file's first lead of a measured role (workload: who counts its incoming). */
  first_lead_user: string | null;
  first_lead_role: string | null;
  /** Its lead at the unit's disposal (workload: who counts its disposal). */
  disposal_lead_user: string | null;
  disposal_lead_role: string | null;
  /** Attrition: in the first police or prosecution file of the matter (nationally; in its institution). */
  reported: boolean | null;
  reported_here: boolean | null;
  /** Attrition: the person indicted / convicted on a charge in any file of the matter. */
  indicted: boolean | null;
  convicted: boolean | null;
}

/** A span a file spent in a suspended state of its case type (migration 0016); open when ended_at is null. */
export interface PerformanceSuspensionTable {
  case_id: string;
  /** The event that entered the state. */
  seq: number;
  started_at: Date;
  ended_at: Date | null;
}

/** The states the domain's case types mark `isSuspended`, for SQL (checked against the domain by a test). */
export interface PerformanceSuspendedStateTable {
  case_type: string;
  state: string;
}

export interface CaseTable {
  id: Generated<string>;
  matter_id: string;
  case_type: string;
  workflow_version: number;
  institution_id: string;
  unit_id: string | null;
  state: string;
  version: Generated<number>;
  intake_status: IntakeStatus;
  serial: number | null;
  year: number | null;
  reference: string | null;
  confidentiality: Generated<ConfidentialityLevel>;
  summary: string | null;
  incident_date: string | null;
  referred_from_id: string | null;
  created_by_message: string | null;
  return_reason: string | null;
  is_disposed: Generated<boolean>;
  opened_at: Timestamp;
  disposed_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** An accused was under 18 at the offence (derived; migration 0007). */
  is_juvenile: Generated<boolean>;
  mediation_status: MediationStatus | null;
  /** Family protection (derived; migration 0011). */
  is_family_protection: Generated<boolean>;
  family_protection_reasons: Generated<FamilyProtectionReason[]>;
  links_cybercrime: Generated<boolean>;
  gbv_type: GbvType | null;
  gbv_intimate_partner: Generated<boolean>;
  gbv_child_victim: Generated<boolean>;
  gbv_early_marriage: Generated<boolean>;
}

export interface CaseNumberCounterTable {
  institution_id: string;
  case_type: string;
  year: number;
  last_serial: number;
}

export interface CaseEventTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  event_type: string;
  actor_user_id: string | null;
  on_behalf_of_id: string | null;
  occurred_at: Timestamp;
  workflow_version: number;
  payload: ColumnType<Record<string, unknown>, string, never>;
  state_before: string | null;
  state_after: string;
  request_id: string | null;
}

/** `violation`: the file opened for the violation of a protection measure (migration 0012). */
export type CaseLinkKind = 'referral' | 'appeal' | 'execution' | 'transfer' | 'violation';

export interface CaseLinkTable {
  from_case_id: string;
  to_case_id: string;
  link_kind: CaseLinkKind;
  created_at: GeneratedTimestamp;
}

export interface CaseAssignmentTable {
  id: Generated<string>;
  case_id: string;
  user_id: string;
  role: Role;
  is_lead: Generated<boolean>;
  assigned_at: Timestamp;
  assigned_by: string | null;
  reason: string | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
}

/**
 * Lead assignments per (institution, case type, user), ever made, and the latest: the equal
 * rotation's counts (migration 0018), kept by a trigger on case_assignments, never written.
 */
export interface LeadRotationLoadTable {
  institution_id: string;
  case_type: string;
  user_id: string;
  files: number;
  last_assigned: Date;
}

export interface PartyTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  role: PartyRole;
  relationship_to_accused: string | null;
  added_at: Timestamp;
  /** Whole years on the offence date; derived from the person's date of birth. */
  age_at_offence: number | null;
  age_status: Generated<AgeStatus>;
  address_confidential: Generated<boolean>;
}

export interface ChargeTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  offence_id: string;
  incident_date: string | null;
  source_charge_id: string | null;
  disposition: Generated<ChargeDisposition>;
  custodial_months: number | null;
  /** numeric: a string, so no money is lost to floating point. */
  fine_amount: string | null;
  disposed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface DetentionTable {
  id: Generated<string>;
  case_id: string;
  party_id: string;
  arrested_at: Timestamp;
  place: string | null;
  released_at: Timestamp | null;
  release_reason: string | null;
  facility: DetentionFacility | null;
  is_juvenile: Generated<boolean>;
  last_resort_justification: string | null;
}

export type DetentionAuthority = 'police' | 'prosecution' | 'court';

export interface DetentionOrderTable {
  id: Generated<string>;
  detention_id: string;
  authority: DetentionAuthority;
  issued_by: string | null;
  issued_at: Timestamp;
  starts_at: Timestamp;
  expires_at: Timestamp;
  reason: string;
}

export type HearingStatus = 'scheduled' | 'held' | 'adjourned' | 'cancelled';

export interface HearingTable {
  id: Generated<string>;
  case_id: string;
  court_id: string;
  room: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: Generated<HearingStatus>;
  minutes: string | null;
  adjourn_reason: string | null;
  next_hearing_id: string | null;
  summoned_party_ids: Generated<string[]>;
  created_at: Timestamp;
}

export interface HearingJudgeTable {
  hearing_id: string;
  judge_id: string;
}

export type DeadlineKind = 'deadline' | 'detention' | 'hearing' | 'task';
export type DeadlinePriority = 'urgent' | 'high' | 'normal';

export interface DeadlineTable {
  id: Generated<string>;
  case_id: string;
  name: string;
  title_ar: string;
  title_en: string;
  kind: Generated<DeadlineKind>;
  priority: DeadlinePriority;
  due_at: Timestamp;
  assignee_user_id: string | null;
  assignee_role: Role | null;
  institution_id: string;
  created_by_event: string | null;
  subject_id: string | null;
  completed_at: Timestamp | null;
  created_at: Timestamp;
}

export interface OutboxTable {
  id: Generated<string>;
  topic: string;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: Generated<number>;
  delivered_at: Timestamp | null;
  last_error: string | null;
}

export interface SocialResearchReportTable {
  id: Generated<string>;
  case_id: string;
  counsellor_user_id: string;
  instructed_by: string | null;
  instructed_at: Timestamp;
  instruction_event: string;
  due_at: Timestamp;
  submitted_at: Timestamp | null;
  submission_event: string | null;
  family_situation: string | null;
  education: string | null;
  health: string | null;
  circumstances: string | null;
  recommendation: SocialReportRecommendation | null;
  recommendation_note: string | null;
}

// ---- Person merge (migration 0009) ----

export interface PersonMergeTable {
  id: Generated<string>;
  survivor_id: string;
  duplicate_id: string;
  /** The duplicate as presented when merged. */
  duplicate_snapshot: ColumnType<Record<string, unknown>, string, never>;
  reason: string;
  merged_by: string | null;
  merged_at: Timestamp;
  reverted_by: string | null;
  reverted_at: Timestamp | null;
  revert_reason: string | null;
}

export interface PersonMergePartyTable {
  merge_id: string;
  party_id: string;
}

/** A year's child population figures (migration 0008): where they come from, who set them. */
export interface ChildPopulationYearTable {
  year: number;
  source: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** Children (under 18) by year, sex and age band: the denominator of the per-100,000 rates. */
export interface ChildPopulationTable {
  year: number;
  sex: 'female' | 'male';
  age_band: 'under_12' | '12_13' | '14_15' | '16_17';
  population: number;
}

// ---- Victim protection (migration 0012) ----

export interface RiskAssessmentTable {
  id: Generated<string>;
  case_id: string;
  victim_party_id: string;
  assessed_at: Timestamp;
  assessed_by: string | null;
  questionnaire_id: string;
  answers: ColumnType<Record<string, string>, string, never>;
  score: number;
  level: RiskLevel;
  event_id: string;
}

export interface ServiceReferralTable {
  id: Generated<string>;
  case_id: string;
  victim_party_id: string;
  service: ReferralService;
  institution_id: string;
  status: Generated<ReferralStatus>;
  consent: ReferralConsent;
  override_reason: string | null;
  note: string | null;
  sent_at: Timestamp;
  sent_by: string | null;
  event_id: string;
  responded_at: Timestamp | null;
  responded_by: string | null;
  feedback: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  closing_feedback: string | null;
  version: Generated<number>;
}

export interface ProtectionMeasureTable {
  id: Generated<string>;
  case_id: string;
  kind: ProtectionMeasureKind;
  protected_party_id: string;
  against_party_id: string;
  authority: MeasureAuthority;
  conditions: string;
  issued_at: Timestamp;
  issued_by: string | null;
  expires_at: Timestamp;
  /** What was decided or happened; time alone makes it expired (measureStatusAt). */
  status: Generated<MeasureStatus>;
  event_id: string;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface ProtectionMeasureViolationTable {
  id: Generated<string>;
  measure_id: string;
  case_id: string;
  occurred_at: Timestamp;
  description: string;
  recorded_at: Timestamp;
  recorded_by: string | null;
  event_id: string;
  new_case_id: string | null;
}

export interface Database extends DocumentsTables {
  regions: RegionTable;
  institutions: InstitutionTable;
  institution_units: InstitutionUnitTable;
  users: UserTable;
  role_settings: RoleSettingTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  audit_pending: AuditPendingTable;
  schema_migrations: SchemaMigrationTable;
  holidays: HolidayTable;
  offences: OffenceTable;
  persons: PersonTable;
  matters: MatterTable;
  cases: CaseTable;
  case_number_counters: CaseNumberCounterTable;
  case_events: CaseEventTable;
  case_links: CaseLinkTable;
  case_assignments: CaseAssignmentTable;
  parties: PartyTable;
  charges: ChargeTable;
  detentions: DetentionTable;
  detention_orders: DetentionOrderTable;
  hearings: HearingTable;
  hearing_judges: HearingJudgeTable;
  deadlines: DeadlineTable;
  outbox: OutboxTable;
  social_research_reports: SocialResearchReportTable;
  child_population_years: ChildPopulationYearTable;
  child_population: ChildPopulationTable;
  person_merges: PersonMergeTable;
  person_merge_parties: PersonMergePartyTable;
  risk_assessments: RiskAssessmentTable;
  service_referrals: ServiceReferralTable;
  protection_measures: ProtectionMeasureTable;
  protection_measure_violations: ProtectionMeasureViolationTable;
  person_name_words: PersonNameWordTable;
  person_search_words: PersonSearchWordTable;
  lead_rotation_loads: LeadRotationLoadTable;
  case_search_documents: CaseSearchDocumentTable;
  performance_units: PerformanceUnitTable;
  performance_suspensions: PerformanceSuspensionTable;
  performance_suspended_states: PerformanceSuspendedStateTable;
}

export type CaseRow = Selectable<CaseTable>;
export type PersonRow = Selectable<PersonTable>;
export type PersonMergeRow = Selectable<PersonMergeTable>;

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type InstitutionRow = Selectable<InstitutionTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type { ConfidentialityLevel };
