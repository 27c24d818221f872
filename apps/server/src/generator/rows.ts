/**
 * The tables the generator writes, their columns in the order rows are encoded, and the text form
 * of values. Rows are kept as arrays of cells already in PostgreSQL's text representation (the
 * form COPY reads, and the form an INSERT parameter of unknown type is cast from), so one encoding
 * serves both the COPY path and the INSERT fallback. Tables are listed parents first.
 */
import type { InstitutionKind, Role, UnitKind } from '@qadiya/domain';

export type Cell = string | null;
export type Row = Cell[];

export const TABLES = {
  regions: 'id code kind parent_id name_ar name_en',
  institutions: 'id code kind court_level region_id name_ar name_en created_at updated_at',
  institution_units: 'id institution_id kind name_ar name_en created_at',
  users:
    'id username display_name_ar display_name_en sex institution_id password_hash ' +
    'password_changed_at created_at updated_at',
  role_assignments: 'id user_id role grant_kind institution_id unit_id valid_from created_at',
  persons:
    'id national_id first_name_ar father_name_ar grandfather_name_ar family_name_ar ' +
    'name_latin sex date_of_birth nationality phone address created_at updated_at',
  matters: 'id incident_date created_at',
  cases:
    'id matter_id case_type workflow_version institution_id unit_id state version ' +
    'intake_status serial year reference confidentiality summary incident_date ' +
    'referred_from_id created_by_message is_disposed opened_at disposed_at created_at ' +
    'updated_at is_juvenile mediation_status is_family_protection family_protection_reasons ' +
    'links_cybercrime gbv_type gbv_intimate_partner gbv_child_victim gbv_early_marriage',
  case_events:
    'id case_id seq event_type actor_user_id occurred_at workflow_version payload ' +
    'state_before state_after request_id',
  case_links: 'from_case_id to_case_id link_kind created_at',
  parties: 'id case_id person_id role relationship_to_accused added_at age_at_offence age_status',
  charges:
    'id case_id party_id offence_id incident_date source_charge_id disposition ' +
    'custodial_months fine_amount disposed_at created_at',
  detentions:
    'id case_id party_id arrested_at place released_at release_reason facility ' +
    'is_juvenile last_resort_justification',
  detention_orders: 'id detention_id authority issued_by issued_at starts_at expires_at reason',
  hearings:
    'id case_id court_id room starts_at ends_at status minutes adjourn_reason ' +
    'next_hearing_id summoned_party_ids created_at',
  hearing_judges: 'hearing_id judge_id',
  deadlines:
    'id case_id name title_ar title_en kind priority due_at assignee_user_id ' +
    'assignee_role institution_id created_by_event subject_id completed_at created_at',
  case_assignments:
    'id case_id user_id role is_lead assigned_at assigned_by reason ended_at ' + 'end_reason',
  social_research_reports:
    'id case_id counsellor_user_id instructed_by instructed_at instruction_event ' +
    'due_at submitted_at submission_event family_situation education health ' +
    'circumstances recommendation recommendation_note',
  outbox: 'id topic payload created_at available_at attempts delivered_at',
} as const;

export type TableName = keyof typeof TABLES;

/** Each table's columns, in the order of its cells. */
export function columnsOf(table: TableName): string[] {
  return TABLES[table].split(' ');
}

/** Tables in the order a batch is written: every row's parents are written before it. */
export const TABLE_ORDER = Object.keys(TABLES) as TableName[];

/** The tables that hold files and their parts (what a batch of matters writes). */
export const FILE_TABLES: readonly TableName[] = TABLE_ORDER.slice(TABLE_ORDER.indexOf('matters'));

export const ts = (ms: number): string => new Date(ms).toISOString();
export const tsOrNull = (ms: number | null): Cell => (ms === null ? null : ts(ms));
export const bool = (value: boolean): string => (value ? 't' : 'f');
export const int = (value: number | null): Cell => (value === null ? null : String(value));
export const uuidArray = (ids: readonly string[]): string => `{${ids.join(',')}}`;
/** A text[] of plain words (codes), which need no quoting. */
export const textArray = (words: readonly string[]): string => `{${words.join(',')}}`;

export interface OrganisationRows {
  regions: { id: string; code: string; nameAr: string; nameEn: string }[];
  institutions: {
    id: string;
    code: string;
    kind: InstitutionKind;
    courtLevel: string | null;
    regionId: string | null;
    nameAr: string;
    nameEn: string;
  }[];
  units: {
    id: string;
    institutionId: string;
    kind: UnitKind;
    officeAr: string;
    officeEn: string;
  }[];
  users: {
    id: string;
    username: string;
    nameAr: string;
    nameEn: string;
    sex: 'female' | 'male' | null;
    institutionId: string | null;
    passwordHash: string;
    createdAt: number;
  }[];
  grants: {
    id: string;
    userId: string;
    role: Role;
    institutionId: string | null;
    unitId: string | null;
    validFrom: number;
  }[];
}

const UNIT_NAMES: Record<UnitKind, { ar: string; en: string }> = {
  general: { ar: 'الدائرة العامة', en: 'General Unit' },
  juvenile: { ar: 'نيابة الأحداث', en: 'Juvenile Unit' },
  family_protection: { ar: 'نيابة حماية الأسرة', en: 'Family Protection Unit' },
  cybercrime: { ar: 'نيابة الجرائم الإلكترونية', en: 'Cybercrime Unit' },
};

/** The organisation's new rows, table by table, as cells. */
export function organisationCells(rows: OrganisationRows, at: number): Map<TableName, Row[]> {
  const created = ts(at);
  return new Map<TableName, Row[]>([
    ['regions', rows.regions.map((r) => [r.id, r.code, 'governorate', null, r.nameAr, r.nameEn])],
    [
      'institutions',
      rows.institutions.map((i) => [
        i.id,
        i.code,
        i.kind,
        i.courtLevel,
        i.regionId,
        i.nameAr,
        i.nameEn,
        created,
        created,
      ]),
    ],
    [
      'institution_units',
      // The demo's unit names: "<unit> - <office>" in Arabic, "<office>: <unit>" in English.
      rows.units.map((u) => [
        u.id,
        u.institutionId,
        u.kind,
        `${UNIT_NAMES[u.kind].ar} - ${u.officeAr}`,
        `${u.officeEn}: ${UNIT_NAMES[u.kind].en}`,
        created,
      ]),
    ],
    [
      'users',
      rows.users.map((u) => [
        u.id,
        u.username,
        u.nameAr,
        u.nameEn,
        u.sex,
        u.institutionId,
        u.passwordHash,
        ts(u.createdAt),
        ts(u.createdAt),
        ts(u.createdAt),
      ]),
    ],
    [
      'role_assignments',
      rows.grants.map((g) => [
        g.id,
        g.userId,
        g.role,
        'standard',
        g.institutionId,
        g.unitId,
        ts(g.validFrom),
        ts(g.validFrom),
      ]),
    ],
  ]);
}
