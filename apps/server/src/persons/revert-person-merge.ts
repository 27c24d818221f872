/**
 * Reverting a merge: exactly the parties the merge moved go back to the duplicate record, which is
 * restored (searchable and editable again); parties the survivor had or gained since stay with it.
 * A merge is reverted once, and only while its survivor is itself unmerged (merges are undone in
 * the reverse order of their making, so every party goes back to where it was).
 */
import { recordAudit } from '../audit/audit-log';
import { reclassifyFilesOfPerson } from '../cases/file-classification';
import { notFound, ruleViolation } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import {
  bumpPersonVersion,
  findMergedParties,
  lockMerge,
  lockPersons,
  markMergeReverted,
  moveParties,
  setMergedInto,
} from './person-merges.repository';

export async function revertPersonMerge(
  ctx: UseCaseContext,
  mergeId: string,
  input: { reason: string },
) {
  await requireAccess(ctx, 'person.merge', {
    institutionId: null,
    object: { type: 'person_merge', id: mergeId },
  });
  const reason = input.reason.trim();
  return ctx.db.transaction().execute(async (trx) => {
    const merge = await lockMerge(trx, mergeId);
    if (!merge) throw notFound('Merge', mergeId);
    if (merge.reverted_at) {
      throw ruleViolation(
        'MERGE_ALREADY_REVERTED',
        { ar: 'أُلغي هذا الدمج من قبل.', en: 'This merge was already reverted.' },
        { revertedAt: merge.reverted_at.toISOString() },
      );
    }
    const locked = await lockPersons(trx, [merge.survivor_id, merge.duplicate_id]);
    const survivor = locked.get(merge.survivor_id);
    if (survivor?.merged_into_id) {
      throw ruleViolation(
        'SURVIVOR_MERGED',
        {
          ar: 'السجل الذي دُمج فيه هذا السجل مدموج بدوره في سجل آخر: ألغِ ذلك الدمج أولاً.',
          en: 'The record this one was merged into was itself merged since: revert that merge first.',
        },
        { survivorId: merge.survivor_id, mergedIntoId: survivor.merged_into_id },
      );
    }
    const parties = await findMergedParties(trx, merge.id);
    // Parties change person only through merges, and the survivor is unmerged: every party the
    // merge moved is still the survivor's. Checked anyway, so a revert never moves a party that
    // belongs to someone else now.
    const strayed = parties.filter((party) => party.person_id !== merge.survivor_id);
    if (strayed.length > 0) {
      throw ruleViolation(
        'MERGE_PARTIES_MOVED',
        {
          ar: 'بعض الأطراف التي نقلها الدمج لم تعد للسجل الذي دُمج فيه، فلا يمكن إلغاء الدمج.',
          en: 'Some parties the merge moved no longer belong to the surviving record; the merge cannot be reverted.',
        },
        { partyIds: strayed.map((party) => party.id) },
      );
    }
    const now = ctx.origin.occurredAt;
    // Restore the duplicate first: a merged record takes no party (trigger of migration 0009).
    const duplicate = await setMergedInto(trx, merge.duplicate_id, null, now);
    const moved = await moveParties(
      trx,
      parties.map((party) => party.id),
      merge.survivor_id,
      merge.duplicate_id,
    );
    const updatedSurvivor = await bumpPersonVersion(trx, merge.survivor_id, now);
    const reverted = await markMergeReverted(trx, merge.id, {
      revertedBy: actorUserIdForFk(ctx.actor),
      revertedAt: now,
      reason,
    });
    // The parties moved back take the restored record's date of birth again: their derived age at
    // the offence and their files' juvenile flag are recomputed, in this transaction.
    await reclassifyFilesOfPerson(
      trx,
      { origin: ctx.origin, actor: auditActor(ctx.actor), timeZone: ctx.config.timeZone },
      merge.duplicate_id,
    );
    await recordAudit(trx, ctx.origin, {
      action: 'person.merge_reverted',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'person', id: merge.duplicate_id },
      institutionId: ctx.actor.institutionId,
      details: {
        mergeId: merge.id,
        survivorId: merge.survivor_id,
        duplicateId: merge.duplicate_id,
        reason,
        movedPartyIds: moved.map((party) => party.id),
        caseIds: [...new Set(moved.map((party) => party.case_id))],
      },
    });
    return { merge: reverted, survivor: updatedSurvivor, duplicate, moved };
  });
}
