/**
 * Verifying the digital evidence of a file: each stored file is re-read and its SHA-256
 * recomputed against the hash recorded when it was taken in. A mismatch (the bytes were altered)
 * or a missing file is reported and audited.
 */
import { recordAuditAlone } from '../audit/audit-log';
import { blobStoreFor } from '../documents/blob-store';
import { openFile } from '../documents/document-access';
import { checkBlob } from '../documents/verify-blobs';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { caseEvidenceFiles } from './evidence.repository';

export async function verifyEvidence(ctx: UseCaseContext, caseId: string) {
  const access = await openFile(ctx, caseId, 'read');
  const files = await caseEvidenceFiles(ctx.db, caseId);
  const store = blobStoreFor(ctx.config.documents.storage);
  const items = [];
  for (const f of files) {
    const check = await checkBlob(store, f.sha256);
    items.push({
      evidenceId: f.evidence_id,
      itemNumber: f.item_number,
      fileId: f.id,
      fileName: f.file_name,
      sha256: f.sha256,
      status: check.status,
      actualSha256: check.actualSha256,
    });
  }
  const problems = items.filter((i) => i.status !== 'ok');
  await recordAuditAlone(ctx.db, ctx.origin, {
    action: 'evidence.verified',
    outcome: problems.length === 0 ? 'success' : 'failure',
    actor: auditActor(ctx.actor),
    object: { type: 'case', id: caseId },
    institutionId: access.file.institution_id,
    details: {
      checked: items.length,
      problems: problems.map((p) => ({
        fileId: p.fileId,
        itemNumber: p.itemNumber,
        status: p.status,
        sha256: p.sha256,
        actualSha256: p.actualSha256,
      })),
    },
  });
  return {
    checkedAt: ctx.clock.now().toISOString(),
    checked: items.length,
    isIntact: problems.length === 0,
    items,
  };
}
