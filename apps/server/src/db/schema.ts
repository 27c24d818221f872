/**
 * Kysely table types. They mirror the SQL migrations in ./migrations; the migration is the source
 * of truth and a test checks that every table declared here exists.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ConfidentialityLevel,
  CourtLevel,
  GrantKind,
  InstitutionKind,
  RegionKind,
  Role,
  UnitKind,
} from '@qadiya/domain';

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

export interface AuditLogTable {
  seq: number;
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
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: Generated<boolean>;
  last_seq: number;
  last_hash: string;
}

export interface SchemaMigrationTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: GeneratedTimestamp;
}

export interface Database {
  regions: RegionTable;
  institutions: InstitutionTable;
  institution_units: InstitutionUnitTable;
  users: UserTable;
  role_settings: RoleSettingTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  schema_migrations: SchemaMigrationTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type InstitutionRow = Selectable<InstitutionTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type { ConfidentialityLevel };
