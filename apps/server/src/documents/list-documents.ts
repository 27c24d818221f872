/** The documents of a file, with their versions; sealed ones only for those who may open them. */
import type { UseCaseContext } from '../use-case-context';
import { maySealDocuments, openFile, requireSealedAccess } from './document-access';
import { presentDocument } from './document.presenter';
import { notFound } from '../http/errors';
import { countSealed, findDocument, listCaseDocuments, versionsOf } from './documents.repository';

export async function listDocuments(ctx: UseCaseContext, caseId: string) {
  const access = await openFile(ctx, caseId, 'read');
  const documents = await listCaseDocuments(ctx.db, caseId, access.canSeeSealed);
  const versions = await versionsOf(
    ctx.db,
    documents.map((d) => d.id),
  );
  return {
    items: documents.map((d) => presentDocument(d, versions)),
    // Those outside the team learn that sealed documents exist, never what they are.
    withheldSealed: access.canSeeSealed ? 0 : await countSealed(ctx.db, caseId),
    maySeal: maySealDocuments(access),
  };
}

export async function getDocument(ctx: UseCaseContext, documentId: string) {
  const doc = await findDocument(ctx.db, documentId);
  if (!doc) throw notFound('Document', documentId);
  const access = await openFile(ctx, doc.case_id, 'read');
  if (doc.is_sealed) await requireSealedAccess(ctx, access, { type: 'document', id: doc.id });
  return presentDocument(doc, await versionsOf(ctx.db, [doc.id]));
}
