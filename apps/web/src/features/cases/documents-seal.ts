/**
 * Sealing a document on the case page: which documents can still be sealed, and the server's
 * refusals in words. Who may seal is the server's rule (`maySeal` in the documents list, from
 * apps/server/src/documents/document-access.ts), never guessed here.
 */
import { ApiError } from '../../api/client';
import type { CaseDocument } from './documents-section';

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
