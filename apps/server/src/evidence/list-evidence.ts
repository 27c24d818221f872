/** The evidence register of a file, with each item's files and chain of custody. */
import { openFile } from '../documents/document-access';
import { notFound } from '../http/errors';
import type { UseCaseContext } from '../use-case-context';
import { presentEvidence } from './evidence.presenter';
import { custodyOf, filesOf, findEvidence, listCaseEvidence } from './evidence.repository';

export async function listEvidence(ctx: UseCaseContext, caseId: string) {
  await openFile(ctx, caseId, 'read');
  const items = await listCaseEvidence(ctx.db, caseId);
  const ids = items.map((i) => i.id);
  const [files, custody] = await Promise.all([filesOf(ctx.db, ids), custodyOf(ctx.db, ids)]);
  return { items: items.map((i) => presentEvidence(i, files, custody)) };
}

export async function getEvidence(ctx: UseCaseContext, evidenceId: string) {
  const item = await findEvidence(ctx.db, evidenceId);
  if (!item) throw notFound('Evidence item', evidenceId);
  await openFile(ctx, item.case_id, 'read');
  const [files, custody] = await Promise.all([
    filesOf(ctx.db, [item.id]),
    custodyOf(ctx.db, [item.id]),
  ]);
  return presentEvidence(item, files, custody);
}
