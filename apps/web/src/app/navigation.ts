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
    | 'familyProtection'
    | 'performance'
    | 'retention'
    | 'referrals'
    | 'admin'
    | 'audit';
  path: string;
  /** Shown to everyone signed in when absent. */
  roles?: readonly Role[];
  /** Also shown to holders of these roles through a grant on a unit of this kind. */
  unitRoles?: { roles: readonly Role[]; unitKind: string };
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
  // Protection service providers see only the referrals sent to their service, never a file.
  { key: 'referrals', path: '/referrals', roles: ['service_provider'] },
  // Aggregates only. The family protection unit steers its own work with it; its prosecutors hold
  // it through their grant on the unit (the server's UNIT_BOUND_ROLES), not as prosecutors.
  {
    key: 'familyProtection',
    path: '/statistics/family-protection',
    roles: ['analyst', 'chief_prosecutor'],
    unitRoles: { roles: ['prosecutor'], unitKind: 'family_protection' },
  },
  // Aggregates only (issue 8): analysts see no name, chief prosecutors and court presidents their
  // own institution.
  {
    key: 'performance',
    path: '/statistics/performance',
    roles: ['analyst', 'chief_prosecutor', 'court_president'],
  },
  // The retention schedule (issue 10): chief prosecutors decide the disposal of due documents.
  { key: 'retention', path: '/documents/retention', roles: ['chief_prosecutor'] },
  { key: 'admin', path: '/admin', roles: ['admin'] },
  { key: 'audit', path: '/audit', roles: ['auditor'] },
];

/**
 * The entries for a user: by role, or by a role held on a unit of a given kind (`onUnit`, false
 * until the user's units are known).
 */
export function visibleEntries(
  has: (...roles: Role[]) => boolean,
  onUnit: (roles: readonly Role[], unitKind: string) => boolean = () => false,
): NavEntry[] {
  return NAV_ENTRIES.filter(
    (entry) =>
      !entry.roles ||
      has(...entry.roles) ||
      (entry.unitRoles !== undefined && onUnit(entry.unitRoles.roles, entry.unitRoles.unitKind)),
  );
}
