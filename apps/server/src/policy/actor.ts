/**
 * The authenticated caller of a request, with the role assignments in force right now. Built once
 * per request by the authentication hook; the policy module decides everything from it.
 */
import type { GrantKind, Role } from '@qadiya/domain';

export interface ActiveAssignment {
  id: string;
  role: Role;
  grantKind: GrantKind;
  /** null = national scope (admin, auditor, analyst only). */
  institutionId: string | null;
  unitId: string | null;
  caseId: string | null;
  validUntil: Date | null;
}

export interface Actor {
  /** For the system actor (CLI, start-up jobs) this is SYSTEM_USER_ID, which is no user row. */
  userId: string;
  /** True for the operator's CLI and start-up jobs: no user account, national admin scope. */
  isSystem?: boolean;
  username: string;
  displayNameAr: string;
  displayNameEn: string;
  institutionId: string | null;
  sessionId: string;
  assignments: ActiveAssignment[];
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.assignments.some((a) => a.role === role && a.grantKind !== 'excluded');
}

export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The actor of maintenance commands run by the operator on the server itself (`qadiya user create`).
 * Whoever can run the CLI already controls the database, so it acts as a national administrator;
 * its audit rows name it `cli:<os user>`.
 */
export function systemActor(username: string): Actor {
  return {
    userId: SYSTEM_USER_ID,
    isSystem: true,
    username,
    displayNameAr: 'النظام',
    displayNameEn: 'System',
    institutionId: null,
    sessionId: SYSTEM_USER_ID,
    assignments: [
      {
        id: SYSTEM_USER_ID,
        role: 'admin',
        grantKind: 'standard',
        institutionId: null,
        unitId: null,
        caseId: null,
        validUntil: null,
      },
    ],
  };
}

/** The user id to store in a foreign key (granted_by, revoked_by …): null for the system actor. */
export function actorUserIdForFk(actor: Actor): string | null {
  return actor.isSystem ? null : actor.userId;
}
