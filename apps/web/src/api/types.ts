/**
 * Shapes of the API responses the whole app shares. A screen's own shapes live with the screen.
 * They mirror the server's TypeBox schemas (see /api/openapi.json).
 */
import type { Role } from '@qadiya/domain/organisation';

export interface Labels {
  ar: string;
  en: string;
}

export interface Assignment {
  id: string;
  role: Role;
  grantKind: 'standard' | 'specific' | 'excluded' | 'break_glass';
  institutionId: string | null;
  unitId: string | null;
  caseId: string | null;
  validUntil: string | null;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayNameAr: string;
  displayNameEn: string;
  institutionId: string | null;
  totpEnabled: boolean;
  mfaRequired: boolean;
  assignments: Assignment[];
}

export interface Page<T> {
  items: T[];
  total: number;
}
