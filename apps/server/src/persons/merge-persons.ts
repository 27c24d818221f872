/**
 * Merging a duplicate person record into the surviving one (a chief prosecutor's decision). Every
 * party of the duplicate moves to the survivor, in every institution's files; the duplicate is
 * marked merged, not deleted, and the merge records exactly which parties moved, so that
 * `revertPersonMerge` can undo it. No file loses a party: where both records are parties of one
 * file in the same role, the merge is refused and the files are named.
 */
import { recordAudit } from '../audit/audit-log';
import { reclassifyFilesOfPerson } from '../cases/file-classification';
import type { Transaction } from 'kysely';
import type { Database, PersonRow } from '../db/schema';
import { AppError, notFound, ruleViolation } from '../http/errors';
import { invalidField } from '../http/validation';
import { actorUserIdForFk, type Actor } from '../policy/actor';
import { decideCaseAccess } from '../policy/case-access';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { isUniqueViolation } from './person-fields';
import { presentPerson } from './person.presenter';
import {
  bumpPersonVersion,
  findSharedPartyRoles,
  insertMerge,
  lockPersons,
  moveAllParties,
  recordMergedParties,
  setMergedInto,
  type SharedPartyRole,
} from './person-merges.repository';
import { teamRolesByCase } from './persons.repository';

export interface MergePersonsInput {
  duplicateId: string;
  reason: string;
  /** The survivor's version the user decided on. */
  version: number;
  duplicateVersion: number;
}

export async function mergePersons(
  ctx: UseCaseContext,
  survivorId: string,
  input: MergePersonsInput,
) {
  await requireAccess(ctx, 'person.merge', {
    institutionId: null,
    object: { type: 'person', id: input.duplicateId },
  });
  if (input.duplicateId === survivorId) {
    throw invalidField('duplicateId', 'is the surviving person itself');
  }
  const reason = input.reason.trim();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const locked = await lockPersons(trx, [survivorId, input.duplicateId]);
      const survivor = locked.get(survivorId);
      if (!survivor) throw notFound('Person', survivorId);
      const duplicate = locked.get(input.duplicateId);
      if (!duplicate) throw notFound('Person', input.duplicateId);
      if (survivor.merged_into_id) throw alreadyMerged(survivor, 'survivor');
      if (duplicate.merged_into_id) throw alreadyMerged(duplicate, 'duplicate');
      if (survivor.version !== input.version) throw stale('version', survivor.version);
      if (duplicate.version !== input.duplicateVersion) {
        throw stale('duplicateVersion', duplicate.version);
      }
      const conflicts = conflictingFacts(survivor, duplicate);
      if (conflicts.length > 0) {
        throw ruleViolation(
          'MERGE_CONFLICTING_FACTS',
          {
            ar: 'لا يمكن الدمج: السجلان مختلفان في رقم الهوية أو تاريخ الميلاد أو الجنس. صحّح السجل الخاطئ أولاً، أو ادمج في الاتجاه المعاكس إن كانت المعلومة في السجل المكرر وحده.',
            en: 'Cannot merge: the records differ in national ID, date of birth or sex. Correct the wrong record first, or merge the other way if only the duplicate holds the fact.',
          },
          { conflicts },
        );
      }
      const shared = await findSharedPartyRoles(trx, survivorId, duplicate.id);
      if (shared.length > 0) throw await sameRoleInFile(trx, ctx.actor, shared);

      const now = ctx.origin.occurredAt;
      const merge = await insertMerge(trx, {
        survivorId,
        duplicateId: duplicate.id,
        snapshot: presentPerson(duplicate, { includeContact: true }),
        reason,
        mergedBy: actorUserIdForFk(ctx.actor),
        mergedAt: now,
      });
      const moved = await moveAllParties(trx, duplicate.id, survivorId);
      await recordMergedParties(
        trx,
        merge.id,
        moved.map((party) => party.id),
      );
      const mergedDuplicate = await setMergedInto(trx, duplicate.id, survivorId, now);
      const updatedSurvivor = await bumpPersonVersion(trx, survivorId, now);
      // The moved parties now take the survivor's date of birth (the same one: a different date is
      // refused above), so their derived age at the offence and their files' juvenile flag are
      // recomputed here, in this transaction, like any correction of a date of birth.
      await reclassifyFilesOfPerson(
        trx,
        { origin: ctx.origin, actor: auditActor(ctx.actor), timeZone: ctx.config.timeZone },
        survivorId,
      );
      await recordAudit(trx, ctx.origin, {
        action: 'person.merged',
        outcome: 'success',
        actor: auditActor(ctx.actor),
        object: { type: 'person', id: duplicate.id },
        institutionId: ctx.actor.institutionId,
        details: {
          mergeId: merge.id,
          survivorId,
          duplicateId: duplicate.id,
          reason,
          movedPartyIds: moved.map((party) => party.id),
          caseIds: [...new Set(moved.map((party) => party.case_id))],
        },
      });
      return { merge, survivor: updatedSurvivor, duplicate: mergedDuplicate, moved };
    });
  } catch (error) {
    // The checks above run under the locks that keep parties from being added meanwhile; should a
    // writer still slip a same-role party in, the constraint's refusal is a conflict, never a 500.
    if (isUniqueViolation(error) && isPartiesConstraint(error)) {
      throw ruleViolation('MERGE_SAME_ROLE_IN_FILE', SAME_ROLE_MESSAGE, {
        files: [],
        otherFiles: 0,
      });
    }
    throw error;
  }
}

function isPartiesConstraint(error: unknown): boolean {
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint !== 'string' || constraint.startsWith('parties_');
}

function stale(field: 'version' | 'duplicateVersion', currentVersion: number): AppError {
  return new AppError(
    'STALE_VERSION',
    `The ${field === 'version' ? 'surviving' : 'duplicate'} person was changed by someone else; reload and try again`,
    { field, currentVersion },
  );
}

function alreadyMerged(person: PersonRow, which: 'survivor' | 'duplicate'): AppError {
  return ruleViolation(
    'PERSON_MERGED',
    which === 'survivor'
      ? {
          ar: 'السجل المختار للإبقاء عليه مدموج في سجل آخر: ادمج في ذلك السجل.',
          en: 'The record chosen to survive was itself merged into another record: merge into that one.',
        }
      : {
          ar: 'السجل المكرر مدموج من قبل في سجل آخر.',
          en: 'The duplicate record was already merged into another record.',
        },
    {
      personId: person.id,
      mergedIntoId: person.merged_into_id,
      field: which === 'survivor' ? 'id' : 'duplicateId',
    },
  );
}

/**
 * Facts a merge must not drop or silently replace: the duplicate's national ID, date of birth
 * (which decides who is a juvenile) and sex (every gender statistic) must be unknown or the same
 * as the survivor's. A fact held by the duplicate alone would be lost: merge the other way.
 */
function conflictingFacts(survivor: PersonRow, duplicate: PersonRow) {
  const facts = [
    ['nationalId', survivor.national_id, duplicate.national_id],
    ['dateOfBirth', survivor.date_of_birth, duplicate.date_of_birth],
    ['sex', survivor.sex, duplicate.sex],
  ] as const;
  return facts
    .filter(([, kept, dropped]) => dropped !== null && dropped !== kept)
    .map(([field, kept, dropped]) => ({ field, survivor: kept, duplicate: dropped }));
}

const SAME_ROLE_MESSAGE = {
  ar: 'لا يمكن الدمج: السجلان طرفان في الملف نفسه بالصفة نفسها، فيفقد الملف أحد أطرافه. يُصحَّح ذلك في الملف أولاً.',
  en: 'Cannot merge: both records are parties of the same file in the same role, so the file would lose a party. Correct the file first.',
};

/**
 * The refusal names the files the user may open (reference, institution, role); files they may
 * not open are only counted, so the refusal reveals no reference or institution of a restricted,
 * juvenile or sealed file.
 */
async function sameRoleInFile(
  trx: Transaction<Database>,
  actor: Actor,
  shared: SharedPartyRole[],
): Promise<AppError> {
  const teamRoles = await teamRolesByCase(
    trx,
    actor.userId,
    shared.map((row) => row.case_id),
  );
  const visible = shared.filter((row) => canOpen(actor, row, teamRoles.get(row.case_id) ?? []));
  const hidden = new Set(shared.filter((row) => !visible.includes(row)).map((row) => row.case_id));
  return ruleViolation('MERGE_SAME_ROLE_IN_FILE', SAME_ROLE_MESSAGE, {
    files: visible.map((row) => ({
      caseId: row.case_id,
      reference: row.reference,
      role: row.role,
      institution: {
        id: row.institution_id,
        code: row.institution_code,
        nameAr: row.institution_name_ar,
        nameEn: row.institution_name_en,
      },
    })),
    otherFiles: hidden.size,
  });
}

function canOpen(
  actor: Actor,
  row: SharedPartyRole,
  teamRoles: Parameters<typeof decideCaseAccess>[2],
) {
  const decision = decideCaseAccess(
    actor,
    {
      id: row.case_id,
      institutionId: row.institution_id,
      unitId: row.unit_id,
      confidentiality: row.confidentiality,
    },
    teamRoles,
  );
  // Break-glass access opens one file on purpose; it does not make a file nameable elsewhere.
  return decision.allowed && !decision.isBreakGlass;
}
