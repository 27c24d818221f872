/**
 * Verifying a file's documents: every stored version is re-read from the blob store and its
 * SHA-256 recomputed. Mismatches and missing blobs are reported and audited.
 */
import { recordAuditAlone } from '../audit/audit-log';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { blobStoreFor } from './blob-store';
import { openFile } from './document-access';
import { listCaseDocuments, versionsOf } from './documents.repository';
import { checkBlob } from './verify-blobs';

export async function verifyDocuments(ctx: UseCaseContext, caseId: string) {
  const access = await openFile(ctx, caseId, 'read');
  // Verification reads hashes only, never content: sealed documents are checked for everyone.
  const documents = await listCaseDocuments(ctx.db, caseId, true);
  const versions = await versionsOf(
    ctx.db,
    documents.map((d) => d.id),
  );
  const store = blobStoreFor(ctx.config.documents.storage);
  const results = [];
  for (const v of versions) {
    if (v.blob_disposed_at !== null) continue;
    const check = await checkBlob(store, v.sha256);
    results.push({
      documentId: v.document_id,
      version: v.version,
      sha256: v.sha256,
      status: check.status,
      actualSha256: check.actualSha256,
    });
  }
  const problems = results.filter((r) => r.status !== 'ok');
  await recordAuditAlone(ctx.db, ctx.origin, {
    action: 'documents.verified',
    outcome: problems.length === 0 ? 'success' : 'failure',
    actor: auditActor(ctx.actor),
    object: { type: 'case', id: caseId },
    institutionId: access.file.institution_id,
    details: { checked: results.length, problems },
  });
  return {
    checkedAt: ctx.clock.now().toISOString(),
    checked: results.length,
    isIntact: problems.length === 0,
    items: results,
  };
}
