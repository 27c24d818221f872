/**
 * Disposal or return of an evidence item, on the authorising decision (a prosecutor's or court's
 * decision reference). A return is also the last link of the chain of custody. Digital evidence
 * files and their hashes are kept: the register has to prove what was seized, even afterwards.
 */
import { recordAudit } from '../audit/audit-log';
import { AppError, notFound } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { DISPOSITION_DECIDERS, openForEvidence } from './evidence-access';
import { findEvidence, lastCustodyEvent, lockEvidence } from './evidence.repository';
import { getEvidence } from './list-evidence';
import { fieldError } from '../documents/multipart-upload';

export interface DispositionInput {
  disposition: 'disposed' | 'returned';
  decisionReference: string;
  note?: string;
  /** For a return: to whom (the owner, their lawyer…). */
  returnedTo?: string;
}

export async function recordDisposition(
  ctx: UseCaseContext,
  evidenceId: string,
  input: DispositionInput,
) {
  const found = await findEvidence(ctx.db, evidenceId);
  if (!found) throw notFound('Evidence item', evidenceId);
  const access = await openForEvidence(
    ctx,
    found.case_id,
    DISPOSITION_DECIDERS,
    'evidence.disposition',
  );
  const returnedTo = input.returnedTo?.trim() || null;
  if (input.disposition === 'returned' && returnedTo === null) {
    throw fieldError('returnedTo', 'a return names the person the item goes back to');
  }
  if (input.disposition === 'disposed' && returnedTo !== null) {
    throw fieldError('returnedTo', 'only a return names a recipient');
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const item = await lockEvidence(trx, evidenceId);
    if (!item) throw notFound('Evidence item', evidenceId);
    if (item.status !== 'held') {
      throw new AppError('EVIDENCE_NOT_HELD', `The item was already ${item.status}`, {
        status: item.status,
      });
    }
    if (returnedTo !== null) {
      const last = await lastCustodyEvent(trx, evidenceId);
      await trx
        .insertInto('custody_events')
        .values({
          evidence_id: evidenceId,
          seq: (last?.seq ?? 0) + 1,
          from_holder: item.current_holder,
          to_holder: returnedTo,
          occurred_at: now,
          purpose: `return: ${input.decisionReference}`.slice(0, 500),
          recorded_by: actorUserIdForFk(ctx.actor),
          recorded_by_username: ctx.actor.username,
          recorded_at: now,
        })
        .execute();
    }
    await trx
      .updateTable('evidence_items')
      .set({
        status: input.disposition,
        disposition_at: now,
        disposition_decision: input.decisionReference,
        disposition_note: input.note?.trim() || null,
        returned_to: returnedTo,
        disposition_by: actorUserIdForFk(ctx.actor),
        ...(returnedTo !== null ? { current_holder: returnedTo } : {}),
      })
      .where('id', '=', evidenceId)
      .execute();
    await recordAudit(trx, ctx.origin, {
      action: 'evidence.disposition',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'evidence', id: evidenceId },
      institutionId: access.file.institution_id,
      details: {
        caseId: item.case_id,
        disposition: input.disposition,
        decisionReference: input.decisionReference,
        returnedTo,
      },
    });
  });
  return getEvidence(ctx, evidenceId);
}
