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
  userId: string;
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
