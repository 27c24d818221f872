/** Downloading a digital evidence file: through the file's access rule, always audited. */
import type { Readable } from 'node:stream';
import { recordAuditAlone } from '../audit/audit-log';
import { blobStoreFor } from '../documents/blob-store';
import { openFile } from '../documents/document-access';
import { AppError, notFound } from '../http/errors';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findEvidenceFile } from './evidence.repository';

export async function downloadEvidenceFile(
  ctx: UseCaseContext,
  fileId: string,
): Promise<{
  stream: Readable;
  sizeBytes: number;
  contentType: string;
  fileName: string;
  sha256: string;
}> {
  const file = await findEvidenceFile(ctx.db, fileId);
  if (!file) throw notFound('Evidence file', fileId);
  const access = await openFile(ctx, file.case_id, 'read');
  const blob = await blobStoreFor(ctx.config.documents.storage).open(file.sha256);
  await recordAuditAlone(ctx.db, ctx.origin, {
    action: 'evidence.file_downloaded',
    outcome: blob ? 'success' : 'failure',
    actor: auditActor(ctx.actor),
    object: { type: 'evidence', id: file.evidence_id },
    institutionId: access.file.institution_id,
    details: {
      caseId: file.case_id,
      fileId,
      sha256: file.sha256,
      ...(blob ? {} : { error: 'BLOB_MISSING' }),
    },
  });
  if (!blob) {
    throw new AppError('BLOB_MISSING', 'The stored evidence file is missing', {
      fileId,
      sha256: file.sha256,
    });
  }
  return {
    stream: blob.stream,
    sizeBytes: blob.sizeBytes,
    contentType: file.content_type,
    fileName: file.file_name,
    sha256: file.sha256,
  };
}
