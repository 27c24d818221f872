/**
 * The policy module: the one place that decides whether an actor may do something to an object.
 * Use cases call `decide` (or `requireAccess`, which also audits refusals); list queries call the
 * scope functions, which express the very same rule as SQL conditions. Nothing else in the code
 * base looks at role assignments to make an access decision.
 */
import type { Role } from '@qadiya/domain';
import type { Actor, ActiveAssignment } from './actor';

/** What can be asked of the policy module. Each permission names the role that carries it. */
export const PERMISSIONS = {
  'institution.create': 'admin',
  'institution.update': 'admin',
  'user.read': 'admin',
  'user.manage': 'admin',
  'role.grant': 'admin',
  'role.settings': 'admin',
  'audit.read': 'auditor',
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * The object the action is about, described by what the policy needs. `institutionId: null` means
 * a national object (a national grant, role settings, creating an institution).
 */
export interface PolicyTarget {
  institutionId: string | null;
}

export type Decision =
  | { allowed: true; via: 'national' | 'institution' | 'break_glass'; assignmentId: string }
  | { allowed: false; reason: string };

/** Institutions where the actor holds `role`, or national scope. Drives both decisions and SQL. */
export interface RoleScope {
  national: boolean;
  institutionIds: string[];
}

function grantsScope(assignment: ActiveAssignment, role: Role): boolean {
  return (
    assignment.role === role &&
    (assignment.grantKind === 'standard' || assignment.grantKind === 'break_glass') &&
    assignment.caseId === null
  );
}

export function roleScope(actor: Actor, role: Role): RoleScope {
  const grants = actor.assignments.filter((a) => grantsScope(a, role));
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
  const role = PERMISSIONS[permission];
  const grants = actor.assignments.filter((a) => grantsScope(a, role));
  const national = grants.find((a) => a.institutionId === null);
  if (national) return { allowed: true, via: 'national', assignmentId: national.id };
  if (nationalOnly(permission) || target.institutionId === null) {
    return { allowed: false, reason: `${permission} needs a national ${role} assignment` };
  }
  // A standard grant wins over a break-glass one, so break-glass use is only recorded when it was
  // really needed.
  const local =
    grants.find((a) => a.institutionId === target.institutionId && a.grantKind === 'standard') ??
    grants.find((a) => a.institutionId === target.institutionId);
  if (local) {
    return {
      allowed: true,
      via: local.grantKind === 'break_glass' ? 'break_glass' : 'institution',
      assignmentId: local.id,
    };
  }
  return {
    allowed: false,
    reason: `${permission} needs a ${role} assignment at institution ${target.institutionId}`,
  };
}

function nationalOnly(permission: Permission): boolean {
  return permission === 'institution.create' || permission === 'role.settings';
}
