/**
 * Who is signed in. The server is the authority: `/auth/me` answers from the session cookie, and
 * every screen's data is filtered by the server's policy module. The roles here only decide which
 * links and buttons to show, never what may be read.
 */
import type { Role } from '@qadiya/domain/organisation';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated } from '../api/client';
import type { CurrentUser } from '../api/types';

export interface Session {
  user: CurrentUser;
  roles: ReadonlySet<Role>;
  hasRole: (...roles: Role[]) => boolean;
}

interface SessionState {
  session: Session | null;
  isLoading: boolean;
  /** After sign-in or sign-out: fetch `/auth/me` again. */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
export const CURRENT_USER_KEY = ['auth', 'me'] as const;

async function fetchCurrentUser(): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: CURRENT_USER_KEY,
    queryFn: fetchCurrentUser,
    staleTime: 60_000,
  });

  useEffect(
    () =>
      onUnauthenticated(() => {
        queryClient.setQueryData(CURRENT_USER_KEY, null);
      }),
    [queryClient],
  );

  const state = useMemo<SessionState>(() => {
    const user = query.data ?? null;
    const roles = new Set<Role>(
      (user?.assignments ?? []).filter((a) => a.grantKind !== 'excluded').map((a) => a.role),
    );
    return {
      session: user
        ? { user, roles, hasRole: (...wanted) => wanted.some((r) => roles.has(r)) }
        : null,
      isLoading: query.isPending,
      refresh: async () => {
        await queryClient.invalidateQueries({ queryKey: CURRENT_USER_KEY });
      },
    };
  }, [query.data, query.isPending, queryClient]);

  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The signed-in user; only inside routes guarded by `RequireSession`. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession without a signed-in user');
  return session;
}
