/**
 * The retention schedule's list as the API gives it (`GET /documents/retention-due`, see
 * apps/server/src/documents/retention.routes.ts), and the refusals of a disposal in words.
 */
import type { DocumentType } from '@qadiya/domain';
import { ApiError } from '../../api/client';

export interface RetentionDueItem {
  documentId: string;
  caseId: string;
  caseReference: string | null;
  title: string;
  documentType: DocumentType;
  fileClosedAt: string | null;
  retentionDays: number;
}

export interface RetentionDueList {
  items: RetentionDueItem[];
}

export const RETENTION_DUE_KEY = ['documents', 'retention-due'] as const;

/** The list without a document just disposed of: its row leaves at once, before the refetch. */
export function withoutDocument(
  list: RetentionDueList | undefined,
  documentId: string,
): RetentionDueList | undefined {
  return list && { items: list.items.filter((item) => item.documentId !== documentId) };
}

export type DisposalRefusal = 'forbidden' | 'notDue' | 'alreadyDisposed';

/**
 * A refusal the screen words itself (the server's English sentence is for the log): not a chief
 * prosecutor of the file, not due yet, or disposed of meanwhile. Anything else is shown the way
 * every screen shows errors.
 */
export function disposalRefusalOf(error: unknown): DisposalRefusal | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case 'FORBIDDEN':
      return 'forbidden';
    case 'RETENTION_NOT_DUE':
      return 'notDue';
    case 'DOCUMENT_DISPOSED':
      return 'alreadyDisposed';
    default:
      return null;
  }
}
