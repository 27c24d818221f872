/**
 * Sealing a document further than its file: a prosecutor, chief prosecutor or judge of the file
 * who may themselves open sealed documents (the team or a specific grant). Unsealing is not
 * offered: lifting a seal is a decision that belongs to the workflow, not to a button.
 */
import { recordAudit } from '../audit/audit-log';
import { notFound } from '../http/errors';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { openFile, requireFileRole, requireSealedAccess, SEALING_ROLES } from './document-access';
import { findDocument } from './documents.repository';
import { getDocument } from './list-documents';

export async function sealDocument(ctx: UseCaseContext, documentId: string, reason: string) {
  const doc = await findDocument(ctx.db, documentId);
  if (!doc) throw notFound('Document', documentId);
  const access = await openFile(ctx, doc.case_id, 'act');
  const object = { type: 'document', id: doc.id };
  await requireFileRole(ctx, access, SEALING_ROLES, 'document.seal', object);
  await requireSealedAccess(ctx, access, object);
  if (!doc.is_sealed) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('documents')
        .set({ is_sealed: true })
        .where('id', '=', doc.id)
        .execute();
      await recordAudit(trx, ctx.origin, {
        action: 'document.sealed',
        outcome: 'success',
        actor: auditActor(ctx.actor),
        object,
        institutionId: access.file.institution_id,
        details: { caseId: doc.case_id, reason },
      });
    });
  }
  return getDocument(ctx, doc.id);
}
