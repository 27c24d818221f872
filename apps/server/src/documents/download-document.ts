/**
 * Downloading (or previewing) one version of a document. Authorised through the file and the
 * sealed rule; every download is audited, and so is a blob found missing (BLOB_MISSING), which
 * verification also reports.
 */
import type { Readable } from 'node:stream';
import { recordAuditAlone } from '../audit/audit-log';
import { AppError, notFound } from '../http/errors';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { blobStoreFor } from './blob-store';
import { openFile, requireSealedAccess } from './document-access';
import { findDocument, findVersion } from './documents.repository';

export interface DocumentDownload {
  stream: Readable;
  sizeBytes: number;
  contentType: string;
  fileName: string;
  sha256: string;
}

export async function downloadDocument(
  ctx: UseCaseContext,
  documentId: string,
  versionNumber: number,
  disposition: 'inline' | 'attachment',
): Promise<DocumentDownload> {
  const doc = await findDocument(ctx.db, documentId);
  if (!doc) throw notFound('Document', documentId);
  const access = await openFile(ctx, doc.case_id, 'read');
  if (doc.is_sealed) await requireSealedAccess(ctx, access, { type: 'document', id: doc.id });
  const version = await findVersion(ctx.db, doc.id, versionNumber);
  if (!version) throw notFound('Document version', `${documentId}/${versionNumber}`);
  if (version.blob_disposed_at !== null) {
    throw new AppError(
      'DOCUMENT_DISPOSED',
      'The content of this version was disposed of under the retention schedule',
      { documentId, version: versionNumber, sha256: version.sha256 },
    );
  }
  const audit = (outcome: 'success' | 'failure', extra: Record<string, unknown> = {}) =>
    recordAuditAlone(ctx.db, ctx.origin, {
      action: 'document.downloaded',
      outcome,
      actor: auditActor(ctx.actor),
      object: { type: 'document', id: doc.id },
      institutionId: access.file.institution_id,
      details: {
        caseId: doc.case_id,
        version: versionNumber,
        sha256: version.sha256,
        disposition,
        ...extra,
      },
    });
  const blob = await blobStoreFor(ctx.config.documents.storage).open(version.sha256);
  if (!blob) {
    await audit('failure', { error: 'BLOB_MISSING' });
    throw new AppError(
      'BLOB_MISSING',
      'The stored content of this document is missing; the administrator has to restore it from a backup',
      { documentId, version: versionNumber, sha256: version.sha256 },
    );
  }
  await audit('success');
  return {
    stream: blob.stream,
    sizeBytes: blob.sizeBytes,
    contentType: version.content_type,
    fileName: version.file_name,
    sha256: version.sha256,
  };
}
