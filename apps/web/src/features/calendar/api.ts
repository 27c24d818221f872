/** Data of the calendar screens: the courts and a court's hearings over a range of days. */
import { COURT_LEVELS } from '@qadiya/domain/organisation';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { Court, CourtCalendar } from './types';

export function useCourts() {
  return useQuery({
    queryKey: ['institutions', 'courts'],
    queryFn: () => api.get<Page<Court>>('/institutions', { kind: 'court', limit: 500 }),
    staleTime: 5 * 60_000,
  });
}

/** The user's own institution, to find the courts of its region when it is not a court. */
export function useInstitution(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['institutions', id],
    queryFn: () => api.get<Court>(`/institutions/${id ?? ''}`),
    enabled: enabled && id !== null,
    staleTime: 5 * 60_000,
  });
}

export interface CalendarQuery {
  courtId: string;
  from: string;
  to: string;
  judgeId?: string | null;
  room?: string | null;
}

export function useCourtCalendar(query: CalendarQuery | null) {
  return useQuery({
    queryKey: ['hearings', query],
    queryFn: () =>
      api.get<CourtCalendar>('/hearings', {
        courtId: query?.courtId,
        from: query?.from,
        to: query?.to,
        judgeId: query?.judgeId,
        room: query?.room,
      }),
    enabled: query !== null,
  });
}

const levelRank = (court: Court) => {
  const rank = COURT_LEVELS.indexOf(court.courtLevel as (typeof COURT_LEVELS)[number]);
  return rank < 0 ? COURT_LEVELS.length : rank;
};

/**
 * The court to open on: the user's own court; otherwise (a prosecutor) the first-level court of
 * the user's region, where most of their hearings are; otherwise the first court.
 */
export function defaultCourt(
  courts: readonly Court[],
  own: { id: string | null; regionId: string | null },
): Court | null {
  const mine = courts.find((c) => c.id === own.id);
  if (mine) return mine;
  const sorted = [...courts].sort(
    (a, b) =>
      Number(b.regionId !== null && b.regionId === own.regionId) -
        Number(a.regionId !== null && a.regionId === own.regionId) ||
      levelRank(a) - levelRank(b) ||
      a.code.localeCompare(b.code),
  );
  return sorted[0] ?? null;
}
