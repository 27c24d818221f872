/**
 * The administration API as the screens use it: shapes mirroring the server's TypeBox schemas
 * (organisation, users, calendar areas), query keys and the queries themselves.
 */
import type {
  CourtLevel,
  GrantKind,
  InstitutionKind,
  Role,
  UnitKind,
} from '@qadiya/domain/organisation';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

export interface Unit {
  id: string;
  institutionId: string;
  kind: UnitKind;
  nameAr: string;
  nameEn: string;
  isActive: boolean;
}

export interface Institution {
  id: string;
  code: string;
  kind: InstitutionKind;
  courtLevel: CourtLevel | null;
  regionId: string | null;
  nameAr: string;
  nameEn: string;
  isActive: boolean;
  version: number;
  units: Unit[];
}

export interface Region {
  id: string;
  code: string;
  kind: 'governorate' | 'district';
  parentId: string | null;
  nameAr: string;
  nameEn: string;
}

export interface AdminUser {
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

export interface RoleAssignment {
  id: string;
  role: Role;
  grantKind: GrantKind;
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

export interface UserWithAssignments {
  user: AdminUser;
  assignments: RoleAssignment[];
}

export interface Holiday {
  id: string;
  date: string;
  nameAr: string;
  nameEn: string;
  scope: 'national' | 'institution';
  institutionId: string | null;
}

export interface RoleSetting {
  role: Role;
  requiresMfa: boolean;
  isMfaForcedByConfig: boolean;
}

export const adminKeys = {
  institutions: ['admin', 'institutions'] as const,
  regions: ['admin', 'regions'] as const,
  users: ['admin', 'users'] as const,
  user: (id: string) => ['admin', 'users', 'one', id] as const,
  holidays: ['admin', 'holidays'] as const,
  roleSettings: ['admin', 'role-settings'] as const,
};

/** Every institution, inactive ones included: the directory is small (hundreds at most). */
export function useInstitutions() {
  return useQuery({
    queryKey: adminKeys.institutions,
    queryFn: () =>
      api.get<Page<Institution>>('/institutions', { includeInactive: true, limit: 500 }),
  });
}

export function useRegions() {
  return useQuery({
    queryKey: adminKeys.regions,
    queryFn: () => api.get<Region[]>('/regions'),
    staleTime: 5 * 60_000,
  });
}

export const USERS_PAGE_SIZE = 25;

export function useUsers(filter: { q: string; isActive: boolean | undefined; page: number }) {
  return useQuery({
    queryKey: [...adminKeys.users, 'list', filter],
    queryFn: () =>
      api.get<Page<AdminUser>>('/admin/users', {
        q: filter.q.trim() || undefined,
        isActive: filter.isActive,
        limit: USERS_PAGE_SIZE,
        offset: (filter.page - 1) * USERS_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: adminKeys.user(id),
    queryFn: () => api.get<UserWithAssignments>(`/admin/users/${encodeURIComponent(id)}`),
  });
}

export function useHolidays(year: number, institutionId: string | null) {
  return useQuery({
    queryKey: [...adminKeys.holidays, year, institutionId],
    queryFn: () =>
      api.get<Holiday[]>('/holidays', { year, institutionId: institutionId ?? undefined }),
    placeholderData: keepPreviousData,
  });
}

export function useRoleSettings() {
  return useQuery({
    queryKey: adminKeys.roleSettings,
    queryFn: () => api.get<RoleSetting[]>('/admin/role-settings'),
  });
}
