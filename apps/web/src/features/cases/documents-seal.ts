/**
 * Who is offered "Seal" on a document, and the server's refusals in words. The server decides
 * (seal-document.ts): a prosecutor, chief prosecutor or judge of the file who may themselves open
 * sealed documents, that is one of the file's team or the holder of a specific grant for it. An
 * institution-wide grant alone, even a chief prosecutor's, does not reach sealed documents, so it
 * gets no button it could not use.
 */
import type { Role } from '@qadiya/domain/organisation';
import { ApiError } from '../../api/client';
import type { Assignment } from '../../api/types';
import type { CaseDocument } from './documents-section';
import type { CasePage } from './types';

/** The server's SEALING_ROLES (apps/server/src/documents/seal-document.ts). */
export const SEALING_ROLES: readonly Role[] = ['prosecutor', 'chief_prosecutor', 'judge'];

export interface Sealer {
  id: string;
  assignments: readonly Pick<Assignment, 'grantKind' | 'caseId'>[];
}

/** Whether the user may seal documents of this file (roles on it, and open to its sealed ones). */
export function maySealDocuments(
  page: Pick<CasePage, 'id' | 'myRoles' | 'team'>,
  user: Sealer,
): boolean {
  const hasRole = page.myRoles.some((role) => (SEALING_ROLES as readonly string[]).includes(role));
  if (!hasRole) return false;
  const onTeam = page.team.some((member) => member.userId === user.id);
  const granted = user.assignments.some((a) => a.grantKind === 'specific' && a.caseId === page.id);
  return onTeam || granted;
}

/** A document that can still be sealed: not sealed already, and its content not disposed of. */
export function isSealable(doc: Pick<CaseDocument, 'isSealed' | 'disposedAt'>): boolean {
  return !doc.isSealed && doc.disposedAt === null;
}

/**
 * Whether the server refused the seal to this user (its role on the file, or sealed documents
 * closed to them): said in the user's words, as its English sentence is for the log. Anything
 * else is shown the way every screen shows errors.
 */
export function isSealForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'FORBIDDEN';
}
