/**
 * A transfer in the chain of custody: appended, never changed (the database refuses UPDATE and
 * DELETE on custody_events). It starts from the current holder and cannot predate the last link.
 */
import { recordAudit } from '../audit/audit-log';
import { AppError, notFound, ruleViolation } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { EVIDENCE_KEEPERS, openForEvidence } from './evidence-access';
import { findEvidence, lastCustodyEvent, lockEvidence } from './evidence.repository';
import { getEvidence } from './list-evidence';

export interface TransferInput {
  /** When given, must be the current holder (a check against a stale screen). */
  fromHolder?: string;
  toHolder: string;
  occurredAt: string;
  purpose: string;
  /** Where the item is kept after the transfer, when that changes. */
  storageLocation?: string;
}

export async function transferCustody(
  ctx: UseCaseContext,
  evidenceId: string,
  input: TransferInput,
) {
  const found = await findEvidence(ctx.db, evidenceId);
  if (!found) throw notFound('Evidence item', evidenceId);
  const access = await openForEvidence(ctx, found.case_id, EVIDENCE_KEEPERS, 'evidence.custody');
  const now = ctx.clock.now();
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt > now) {
    throw ruleViolation('CUSTODY_IN_FUTURE', {
      ar: 'لا يمكن تسجيل تسليم في المستقبل',
      en: 'A transfer cannot be recorded in the future',
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const item = await lockEvidence(trx, evidenceId);
    if (!item) throw notFound('Evidence item', evidenceId);
    if (item.status !== 'held') {
      throw new AppError('EVIDENCE_NOT_HELD', `The item was already ${item.status}`, {
        status: item.status,
      });
    }
    if (input.fromHolder !== undefined && input.fromHolder.trim() !== item.current_holder) {
      throw ruleViolation(
        'CUSTODY_HOLDER_MISMATCH',
        {
          ar: 'المُسلِّم ليس الحائز الحالي للمضبوط',
          en: 'The item is not held by the person handing it over',
        },
        { currentHolder: item.current_holder },
      );
    }
    const last = await lastCustodyEvent(trx, evidenceId);
    if (last && occurredAt < last.occurred_at) {
      throw ruleViolation(
        'CUSTODY_OUT_OF_ORDER',
        {
          ar: 'التسليم أقدم من آخر حلقة في سلسلة الحيازة',
          en: 'The transfer predates the last one',
        },
        { lastOccurredAt: last.occurred_at.toISOString() },
      );
    }
    const seq = (last?.seq ?? 0) + 1;
    await trx
      .insertInto('custody_events')
      .values({
        evidence_id: evidenceId,
        seq,
        from_holder: item.current_holder,
        to_holder: input.toHolder,
        occurred_at: occurredAt,
        purpose: input.purpose,
        recorded_by: actorUserIdForFk(ctx.actor),
        recorded_by_username: ctx.actor.username,
        recorded_at: now,
      })
      .execute();
    await trx
      .updateTable('evidence_items')
      .set({
        current_holder: input.toHolder,
        storage_location: input.storageLocation?.trim() || item.storage_location,
      })
      .where('id', '=', evidenceId)
      .execute();
    await recordAudit(trx, ctx.origin, {
      action: 'evidence.custody_transferred',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'evidence', id: evidenceId },
      institutionId: access.file.institution_id,
      details: {
        caseId: item.case_id,
        seq,
        from: item.current_holder,
        to: input.toHolder,
        occurredAt: occurredAt.toISOString(),
        purpose: input.purpose,
      },
    });
  });
  return getEvidence(ctx, evidenceId);
}
