/**
 * The case types as the server declares them (`GET /case-types`): labels, registering roles,
 * states and events. Shared by the screens that show a file's type or register one; cached for
 * the session, since case types change only with a new release.
 */
import type { Role } from '@qadiya/domain/organisation';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Labels } from './types';

export interface CaseTypeEvent {
  name: string;
  labels: Labels;
  toState: string | null;
}

export interface CaseTypeInfo {
  caseType: string;
  version: number;
  labels: Labels;
  referenceCode: string;
  institutionKinds: string[];
  registeringRoles: Role[];
  initialState: string;
  states: Record<string, { labels: Labels }>;
  events: CaseTypeEvent[];
}

export const CASE_TYPES_KEY = ['case-types'] as const;

export function useCaseTypes() {
  return useQuery({
    queryKey: CASE_TYPES_KEY,
    queryFn: () => api.get<CaseTypeInfo[]>('/case-types'),
    staleTime: Infinity,
  });
}

/** The `{ ar, en }` label of a case type, or null while the list loads. */
export function caseTypeLabels(
  types: readonly CaseTypeInfo[] | undefined,
  caseType: string,
): Labels | null {
  return types?.find((type) => type.caseType === caseType)?.labels ?? null;
}
