/** Shapes users and role assignments for the API. Never exposes hashes or TOTP secrets. */
import type { RoleAssignmentRow, UserRow } from '../db/schema';

export interface PresentedRoleAssignment {
  id: string;
  role: RoleAssignmentRow['role'];
  grantKind: RoleAssignmentRow['grant_kind'];
  institutionId: string | null;
  unitId: string | null;
  caseId: string | null;
  reason: string | null;
  validFrom: string;
  validUntil: string | null;
  grantedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

export function presentRoleAssignment(row: RoleAssignmentRow): PresentedRoleAssignment {
  return {
    id: row.id,
    role: row.role,
    grantKind: row.grant_kind,
    institutionId: row.institution_id,
    unitId: row.unit_id,
    caseId: row.case_id,
    reason: row.reason,
    validFrom: row.valid_from.toISOString(),
    validUntil: row.valid_until?.toISOString() ?? null,
    grantedBy: row.granted_by,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokeReason: row.revoke_reason,
  };
}

export interface PresentedUser {
  id: string;
  username: string;
  displayNameAr: string;
  displayNameEn: string;
  email: string | null;
  sex: 'female' | 'male' | null;
  institutionId: string | null;
  isActive: boolean;
  isLocked: boolean;
  hasTotp: boolean;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function presentUser(row: UserRow, now: Date): PresentedUser {
  return {
    id: row.id,
    username: row.username,
    displayNameAr: row.display_name_ar,
    displayNameEn: row.display_name_en,
    email: row.email,
    sex: row.sex,
    institutionId: row.institution_id,
    isActive: row.is_active,
    isLocked: row.locked_until !== null && row.locked_until.getTime() > now.getTime(),
    hasTotp: row.totp_enabled_at !== null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
