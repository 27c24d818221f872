/**
 * Shapes the signed-in user for the API. Only what the client needs: never the password hash,
 * TOTP secrets or the lockout counter.
 */
import type { CurrentUser } from './auth.schemas';
import type { CurrentUserSnapshot } from './get-current-user';

export interface CurrentUserSource {
  id: string;
  username: string;
  display_name_ar: string;
  display_name_en: string;
  institution_id: string | null;
  totp_enabled_at: Date | null;
}

export function presentCurrentUser({
  account: user,
  assignments,
  mfaRequired,
}: CurrentUserSnapshot): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayNameAr: user.display_name_ar,
    displayNameEn: user.display_name_en,
    institutionId: user.institution_id,
    totpEnabled: user.totp_enabled_at !== null,
    mfaRequired,
    assignments: assignments.map((a) => ({
      id: a.id,
      role: a.role,
      grantKind: a.grantKind,
      institutionId: a.institutionId,
      unitId: a.unitId,
      caseId: a.caseId,
      validUntil: a.validUntil?.toISOString() ?? null,
    })),
  };
}
