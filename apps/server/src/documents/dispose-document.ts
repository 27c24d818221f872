/**
 * Disposing of a document under the retention schedule: a chief prosecutor of the file decides,
 * naming the decision; the document must be due (its file closed for the schedule's days). The
 * disposal row, the versions marked disposed and the audit row commit together; the metadata and
 * every hash stay. Only then are the blobs removed, each one unless another live record (another
 * version, an evidence file) has the same bytes.
 */
import { recordAudit } from '../audit/audit-log';
import { AppError, notFound } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { blobStoreFor } from './blob-store';
import { openFile, requireFileRole, requireSealedAccess } from './document-access';
import { retentionDaysFor } from './documents-config';
import { findDocument, isBlobReferenced, lockDocument, versionsOf } from './documents.repository';
import { getDocument } from './list-documents';
import { dueAt } from './retention';

export interface DisposeInput {
  decisionReference: string;
  reason: string;
}

export async function disposeDocument(
  ctx: UseCaseContext,
  documentId: string,
  input: DisposeInput,
) {
  const doc = await findDocument(ctx.db, documentId);
  if (!doc) throw notFound('Document', documentId);
  const access = await openFile(ctx, doc.case_id, 'act');
  const object = { type: 'document', id: doc.id };
  await requireFileRole(ctx, access, ['chief_prosecutor'], 'document.dispose', object);
  if (doc.is_sealed) await requireSealedAccess(ctx, access, object);
  const days = retentionDaysFor(ctx.config.documents.retention, doc.document_type);
  const due = dueAt(access.file.is_disposed ? access.file.disposed_at : null, days);
  const now = ctx.clock.now();
  if (due === null || due > now) {
    throw new AppError('RETENTION_NOT_DUE', 'This document is not due for disposal', {
      retentionDays: days,
      fileClosedAt: access.file.disposed_at?.toISOString() ?? null,
      dueAt: due?.toISOString() ?? null,
    });
  }
  const hashes = await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockDocument(trx, doc.id);
    if (!locked) throw notFound('Document', doc.id);
    if (locked.disposed_at !== null) {
      throw new AppError('DOCUMENT_DISPOSED', 'This document was already disposed of', {
        id: doc.id,
      });
    }
    const versions = await versionsOf(trx, [doc.id]);
    await trx
      .insertInto('document_disposals')
      .values({
        document_id: doc.id,
        decided_by: actorUserIdForFk(ctx.actor),
        decided_by_username: ctx.actor.username,
        decision_reference: input.decisionReference,
        reason: input.reason,
        retention_days: days ?? 0,
        disposed_at: now,
      })
      .execute();
    await trx.updateTable('documents').set({ disposed_at: now }).where('id', '=', doc.id).execute();
    await trx
      .updateTable('document_versions')
      .set({ blob_disposed_at: now })
      .where('document_id', '=', doc.id)
      .execute();
    await recordAudit(trx, ctx.origin, {
      action: 'document.disposed',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object,
      institutionId: access.file.institution_id,
      details: {
        caseId: doc.case_id,
        decisionReference: input.decisionReference,
        reason: input.reason,
        retentionDays: days,
        versions: versions.map((v) => ({ version: v.version, sha256: v.sha256 })),
      },
    });
    return [...new Set(versions.map((v) => v.sha256))];
  });
  const store = blobStoreFor(ctx.config.documents.storage);
  for (const sha256 of hashes) {
    if (!(await isBlobReferenced(ctx.db, sha256))) await store.remove(sha256);
  }
  return getDocument(ctx, doc.id);
}
