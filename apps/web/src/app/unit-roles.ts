/**
 * Which kind of unit each of the user's unit grants is on (a prosecutor of the family protection
 * unit, say), from the directory of their institutions: the menu shows some screens only to a
 * role held on a unit of a given kind. Until the institutions load, no unit counts. The server
 * decides what may actually be read.
 */
import type { Role } from '@qadiya/domain/organisation';
import { useQueries } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Institution } from '../api/intake';
import type { Assignment } from '../api/types';

export function useUnitRoles(assignments: readonly Assignment[]) {
  const onUnits = assignments.filter(
    (a) => a.grantKind === 'standard' && a.unitId !== null && a.institutionId !== null,
  );
  const institutionIds = [...new Set(onUnits.map((a) => a.institutionId ?? ''))];
  const institutions = useQueries({
    queries: institutionIds.map((id) => ({
      queryKey: ['institutions', id],
      queryFn: () => api.get<Institution>(`/institutions/${id}`),
      staleTime: 5 * 60_000,
    })),
  });
  const unitKinds = new Map<string, string>();
  for (const institution of institutions) {
    for (const unit of institution.data?.units ?? []) unitKinds.set(unit.id, unit.kind);
  }
  return (roles: readonly Role[], unitKind: string) =>
    onUnits.some((a) => roles.includes(a.role) && unitKinds.get(a.unitId ?? '') === unitKind);
}
