/**
 * The main menu. A link is shown to the roles that have something to do there; the server decides
 * what each of them may actually see on arrival.
 */
import type { Role } from '@qadiya/domain/organisation';

export interface NavEntry {
  /** Key under `common:nav`. */
  key:
    | 'home'
    | 'inbox'
    | 'register'
    | 'persons'
    | 'caseSearch'
    | 'calendar'
    | 'juvenileIndicators'
    | 'admin'
    | 'audit';
  path: string;
  /** Shown to everyone signed in when absent. */
  roles?: readonly Role[];
}

/** The roles that may read the persons registry (`person.read`): they get the person search. */
export const PERSON_SEARCH_ROLES: readonly Role[] = [
  'police_investigator',
  'prosecutor',
  'chief_prosecutor',
  'judge',
  'court_clerk',
  'child_protection_counsellor',
  'mediator',
  'correction_officer',
];

/** The roles that work on files: they may search the files they can open (`GET /cases/search`). */
export const CASE_SEARCH_ROLES: readonly Role[] = [...PERSON_SEARCH_ROLES, 'lawyer'];

export const NAV_ENTRIES: readonly NavEntry[] = [
  { key: 'home', path: '/' },
  {
    key: 'inbox',
    path: '/inbox',
    roles: ['prosecutor', 'chief_prosecutor', 'court_clerk', 'correction_officer'],
  },
  {
    key: 'register',
    path: '/cases/new',
    roles: ['police_investigator', 'prosecutor', 'chief_prosecutor', 'court_clerk'],
  },
  { key: 'persons', path: '/persons', roles: PERSON_SEARCH_ROLES },
  { key: 'caseSearch', path: '/cases/search', roles: CASE_SEARCH_ROLES },
  {
    key: 'calendar',
    path: '/calendar',
    roles: ['judge', 'court_clerk', 'prosecutor', 'chief_prosecutor'],
  },
  // Aggregates only: analysts see no file, chief prosecutors follow their office's juvenile unit.
  {
    key: 'juvenileIndicators',
    path: '/statistics/juvenile',
    roles: ['analyst', 'chief_prosecutor'],
  },
  { key: 'admin', path: '/admin', roles: ['admin'] },
  { key: 'audit', path: '/audit', roles: ['auditor'] },
];

export function visibleEntries(has: (...roles: Role[]) => boolean): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => !entry.roles || has(...entry.roles));
}
