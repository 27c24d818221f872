/**
 * Entering an item in the evidence register. The seizure is the first link of the chain of
 * custody: from nobody to the person who seized it (or the first holder named).
 */
import { recordAudit } from '../audit/audit-log';
import { lockCase } from '../cases/cases.repository';
import type { EvidenceKind } from '../documents/document-tables';
import { notFound, ruleViolation } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { EVIDENCE_KEEPERS, openForEvidence } from './evidence-access';
import { nextItemNumber } from './evidence.repository';
import { getEvidence } from './list-evidence';

export interface RegisterEvidenceInput {
  kind: EvidenceKind;
  item: string;
  description: string;
  seizedBy: string;
  seizedAt: string;
  seizedPlace: string;
  storageLocation: string;
  /** Who holds it after the seizure; the person who seized it by default. */
  holder?: string;
}

export async function registerEvidence(
  ctx: UseCaseContext,
  caseId: string,
  input: RegisterEvidenceInput,
) {
  const access = await openForEvidence(ctx, caseId, EVIDENCE_KEEPERS, 'evidence.register');
  const now = ctx.clock.now();
  const seizedAt = new Date(input.seizedAt);
  if (seizedAt > now) {
    throw ruleViolation('SEIZURE_IN_FUTURE', {
      ar: 'لا يمكن أن يكون تاريخ الضبط في المستقبل',
      en: 'The seizure cannot be in the future',
    });
  }
  const holder = input.holder?.trim() || input.seizedBy;
  const id = await ctx.db.transaction().execute(async (trx) => {
    // The file's row lock keeps item numbers gap-free and unique under concurrent entries.
    if (!(await lockCase(trx, caseId))) throw notFound('File', caseId);
    const itemNumber = await nextItemNumber(trx, caseId);
    const row = await trx
      .insertInto('evidence_items')
      .values({
        case_id: caseId,
        item_number: itemNumber,
        kind: input.kind,
        item: input.item,
        description: input.description,
        seized_by: input.seizedBy,
        seized_at: seizedAt,
        seized_place: input.seizedPlace,
        storage_location: input.storageLocation,
        current_holder: holder,
        created_by: actorUserIdForFk(ctx.actor),
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('custody_events')
      .values({
        evidence_id: row.id,
        seq: 1,
        from_holder: null,
        to_holder: holder,
        occurred_at: seizedAt,
        purpose: 'seizure',
        recorded_by: actorUserIdForFk(ctx.actor),
        recorded_by_username: ctx.actor.username,
        recorded_at: now,
      })
      .execute();
    await recordAudit(trx, ctx.origin, {
      action: 'evidence.registered',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'evidence', id: row.id },
      institutionId: access.file.institution_id,
      details: { caseId, itemNumber, kind: input.kind, seizedAt: seizedAt.toISOString() },
    });
    return row.id;
  });
  return getEvidence(ctx, id);
}
