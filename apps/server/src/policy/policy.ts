/**
 * The policy module: the one place that decides whether an actor may do something to an object.
 * Use cases call `decide` (or `requireAccess`, which also audits refusals); list queries call the
 * scope functions, which express the very same rule as SQL conditions. Nothing else in the code
 * base looks at role assignments to make an access decision.
 */
import type { Role } from '@qadiya/domain';
import type { Actor, ActiveAssignment } from './actor';

/**
 * Roles that handle files along the chain: the police, the prosecution and the courts. They may
 * register persons and see their contact details.
 */
export const CASE_HANDLING_ROLES = [
  'police_investigator',
  'prosecutor',
  'chief_prosecutor',
  'judge',
  'court_clerk',
] as const satisfies readonly Role[];

/**
 * Roles that may look persons up: the case-handling roles and the services that work with the
 * people of a file (child protection, mediation, correction centres). Lawyers are private parties
 * and see persons only through their files; administrators, analysts and auditors never do.
 */
const PERSON_READERS = [
  ...CASE_HANDLING_ROLES,
  'child_protection_counsellor',
  'mediator',
  'correction_officer',
] as const satisfies readonly Role[];

/** What can be asked of the policy module. Each permission names the roles that carry it. */
export const PERMISSIONS = {
  'institution.create': ['admin'],
  'institution.update': ['admin'],
  'user.read': ['admin'],
  'user.manage': ['admin'],
  'role.grant': ['admin'],
  'role.settings': ['admin'],
  'audit.read': ['auditor'],
  'person.register': CASE_HANDLING_ROLES,
  'person.update': CASE_HANDLING_ROLES,
  'person.read': PERSON_READERS,
  'person.read_contact': CASE_HANDLING_ROLES,
  // Merging duplicate person records (and reverting a merge) moves parties between records in
  // every institution's files: a chief prosecutor's decision.
  'person.merge': ['chief_prosecutor'],
  // The prior record may say how many of a person's files the reader may not open ("N restricted
  // files"): the police, the prosecution and the courts, who decide on the person. Never juvenile
  // or sealed files (list-person-cases.ts).
  'person.count_restricted_files': CASE_HANDLING_ROLES,
  // Holidays and weekend days: national admins for national holidays, an institution's admin for
  // its own.
  'calendar.manage': ['admin'],
  // Pickers of the event forms: a court's judges, for its judges and clerks (hearing panels); an
  // institution's staff by role, for those who reassign its files.
  'lookup.court_judges': ['judge', 'court_clerk'],
  'lookup.institution_staff': ['chief_prosecutor', 'judge', 'court_clerk'],
  // Counsellors and mediators of any institution, for the prosecutor who instructs or refers.
  'lookup.case_workers': ['prosecutor', 'chief_prosecutor'],
  // The court calendar and its cause list: a court's judges and clerks see every hearing of their
  // court; prosecutors see the hearings of files they may see (filtered in SQL by the case rule).
  'hearing.court_calendar': ['judge', 'court_clerk'],
  'hearing.own_calendar': ['prosecutor', 'chief_prosecutor'],
  // Aggregate statistics (the juvenile justice indicators, the performance measures): analysts
  // nationally, chief prosecutors for their own offices, court presidents for their own courts.
  // Answers hold counts and rates only, never a name.
  'statistics.read': ['analyst', 'chief_prosecutor', 'court_president'],
  // The family protection dashboard (issue 6): analysts nationally, chief prosecutors for their own
  // offices, and the prosecutors of a family protection unit for their own unit's office (a
  // prosecutor holds it only through a grant on that unit: UNIT_BOUND_ROLES). The unit steers its
  // own work with it (referrals to follow up, protection orders issued late); the figures are
  // aggregates, and who sees them exact rather than small-cell-suppressed is decided by
  // `seesExactFamilyProtectionFigures`.
  'statistics.read_family_protection': ['analyst', 'chief_prosecutor', 'prosecutor'],
  // The child population figures behind the per-100,000 rates: national administrators.
  'statistics.manage_population': ['admin'],
  // Referrals of victims to services: the staff of the receiving service see their institution's
  // referrals (minimum information, never the file) and answer them.
  'referral.read': ['service_provider'],
  'referral.respond': ['service_provider'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * The object the action is about, described by what the policy needs. `institutionId: null` means
 * a national object (a national grant, role settings, creating an institution).
 */
export interface PolicyTarget {
  institutionId: string | null;
  /** The unit the object belongs to, for the roles that hold a permission only through it. */
  unitId?: string | null;
}

/**
 * Roles that hold a permission only through a grant on the target's own unit, not through a grant
 * on the whole institution or on another unit.
 */
const UNIT_BOUND_ROLES: Partial<Record<Permission, readonly Role[]>> = {
  'statistics.read_family_protection': ['prosecutor'],
};

function coversTargetUnit(
  permission: Permission,
  assignment: ActiveAssignment,
  target: PolicyTarget,
): boolean {
  if (!UNIT_BOUND_ROLES[permission]?.includes(assignment.role)) return true;
  return assignment.unitId !== null && assignment.unitId === (target.unitId ?? null);
}

export type Decision =
  | { allowed: true; via: 'national' | 'institution' | 'break_glass'; assignmentId: string }
  | { allowed: false; reason: string };

/** Institutions where the actor holds `role`, or national scope. Drives both decisions and SQL. */
export interface RoleScope {
  national: boolean;
  institutionIds: string[];
}

function grantsScope(assignment: ActiveAssignment, roles: readonly Role[]): boolean {
  return (
    roles.includes(assignment.role) &&
    (assignment.grantKind === 'standard' || assignment.grantKind === 'break_glass') &&
    assignment.caseId === null
  );
}

/** Institutions where the actor holds one of `roles` (or one role), or national scope. */
export function roleScope(actor: Actor, roles: Role | readonly Role[]): RoleScope {
  const wanted: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
  const grants = actor.assignments.filter((a) => grantsScope(a, wanted));
  return {
    national: grants.some((a) => a.institutionId === null),
    institutionIds: [
      ...new Set(grants.flatMap((a) => (a.institutionId === null ? [] : [a.institutionId]))),
    ],
  };
}

/** The scope in which the actor holds `permission`, for list queries to apply in SQL. */
export function scopeFor(actor: Actor, permission: Permission): RoleScope {
  return roleScope(actor, PERMISSIONS[permission]);
}

export function decide(actor: Actor, permission: Permission, target: PolicyTarget): Decision {
  const roles: readonly Role[] = PERMISSIONS[permission];
  const needs = roles.join(' or ');
  const grants = actor.assignments.filter(
    (a) => grantsScope(a, roles) && coversTargetUnit(permission, a, target),
  );
  const national = grants.find((a) => a.institutionId === null);
  if (national) return { allowed: true, via: 'national', assignmentId: national.id };
  // A standard grant wins over a break-glass one, so break-glass use is only recorded when it was
  // really needed.
  const pick = (candidates: ActiveAssignment[]) =>
    candidates.find((a) => a.grantKind === 'standard') ?? candidates[0];
  const viaOf = (grant: ActiveAssignment) =>
    grant.grantKind === 'break_glass' ? ('break_glass' as const) : ('institution' as const);
  if (isRegistryPermission(permission)) {
    const anywhere = pick(grants);
    if (anywhere) return { allowed: true, via: viaOf(anywhere), assignmentId: anywhere.id };
    return { allowed: false, reason: `${permission} needs a ${needs} assignment` };
  }
  if (nationalOnly(permission) || target.institutionId === null) {
    return { allowed: false, reason: `${permission} needs a national ${needs} assignment` };
  }
  const local = pick(grants.filter((a) => a.institutionId === target.institutionId));
  if (local) return { allowed: true, via: viaOf(local), assignmentId: local.id };
  return {
    allowed: false,
    reason: `${permission} needs a ${needs} assignment at institution ${target.institutionId}`,
  };
}

function nationalOnly(permission: Permission): boolean {
  return permission === 'institution.create' || permission === 'role.settings';
}

/**
 * Permissions over the national persons registry. A person is one record reused by every
 * institution of the chain, so the object has no institution: holding one of the roles at any
 * institution is enough (decided for the "case lifecycle" issue). What a person did in a file is
 * protected by the file's own access rules, not here.
 */
function isRegistryPermission(permission: Permission): boolean {
  return (
    permission === 'person.register' ||
    permission === 'person.update' ||
    permission === 'person.read' ||
    permission === 'person.read_contact' ||
    permission === 'person.merge' ||
    permission === 'person.count_restricted_files'
  );
}

/**
 * Family protection figures are exact only for the family protection unit itself: a standard
 * grant carrying `statistics.read_family_protection` on the family protection unit of every
 * institution counted (`familyUnitId`: that institution's unit, null when it has none). Everyone
 * else, analysts, other units and grants on a whole office included, gets small cells suppressed
 * (issue 6: no victim may be identifiable from a figure that leaves the unit). A national answer
 * (no institution) is never exact.
 */
export function seesExactFamilyProtectionFigures(
  actor: Actor,
  institutions: readonly { institutionId: string; familyUnitId: string | null }[],
): boolean {
  const roles: readonly Role[] = PERMISSIONS['statistics.read_family_protection'];
  return (
    institutions.length > 0 &&
    institutions.every(({ institutionId, familyUnitId }) =>
      actor.assignments.some(
        (a) =>
          a.grantKind === 'standard' &&
          a.caseId === null &&
          roles.includes(a.role) &&
          familyUnitId !== null &&
          a.institutionId === institutionId &&
          a.unitId === familyUnitId,
      ),
    )
  );
}
