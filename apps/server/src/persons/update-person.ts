import { recordAudit } from '../audit/audit-log';
import { notFound, ruleViolation, staleVersion } from '../http/errors';
import { requireAccess } from '../policy/require-access';
import { reclassifyFilesOfPerson } from '../cases/file-classification';
import { auditActor, type UseCaseContext } from '../use-case-context';
import {
  checkDateOfBirth,
  duplicateNationalId,
  isUniqueViolation,
  personColumns,
} from './person-fields';
import {
  findPersonById,
  findPersonByNationalId,
  updatePersonAtVersion,
} from './persons.repository';
import type { UpdatePersonBody } from './persons.schemas';

/**
 * Corrects a person record; send the version you edited. The date of birth and sex drive the
 * juvenile rules and every gender statistic, so a change to either is audited with before and
 * after.
 */
export async function updatePerson(ctx: UseCaseContext, id: string, input: UpdatePersonBody) {
  // The registry is national: ask the policy first, so a refused caller cannot probe for ids.
  await requireAccess(ctx, 'person.update', {
    institutionId: null,
    object: { type: 'person', id },
  });
  const current = await findPersonById(ctx.db, id);
  if (!current) throw notFound('Person', id);
  // A merged record is kept as it was merged (its snapshot is the record of the merge); the
  // person lives on in the survivor, which is the record to correct.
  if (current.merged_into_id) throw mergedRecord(current.merged_into_id);
  checkDateOfBirth(ctx, input.dateOfBirth);
  const { version, ...fields } = input;
  const changes = personColumns(fields);
  const nationalId = fields.nationalId;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (nationalId && nationalId !== current.national_id) {
        const holder = await findPersonByNationalId(trx, nationalId);
        if (holder && holder.id !== id) throw duplicateNationalId(holder.id);
      }
      const updated = await updatePersonAtVersion(trx, id, version, changes, ctx.origin.occurredAt);
      if (!updated) {
        const latest = await findPersonById(trx, id);
        if (latest?.merged_into_id) throw mergedRecord(latest.merged_into_id);
        throw staleVersion('Person', latest?.version ?? current.version);
      }
      await recordAudit(trx, ctx.origin, {
        action: 'person.updated',
        outcome: 'success',
        actor: auditActor(ctx.actor),
        object: { type: 'person', id },
        institutionId: ctx.actor.institutionId,
        details: {
          changes: Object.keys(fields).sort(),
          version: updated.version,
          ...corrected('dateOfBirth', current.date_of_birth, updated.date_of_birth),
          ...corrected('sex', current.sex, updated.sex),
        },
      });
      // A corrected date of birth or sex re-derives the age of every party this person is, and so
      // which files are juvenile or family protection files (each change audited there). A birth
      // after one of their offences is refused with the whole correction.
      if (updated.date_of_birth !== current.date_of_birth || updated.sex !== current.sex) {
        await reclassifyFilesOfPerson(
          trx,
          { origin: ctx.origin, actor: auditActor(ctx.actor), timeZone: ctx.config.timeZone },
          id,
        );
      }
      return updated;
    });
  } catch (error) {
    if (nationalId && isUniqueViolation(error)) {
      const holder = await findPersonByNationalId(ctx.db, nationalId);
      if (holder && holder.id !== id) throw duplicateNationalId(holder.id);
    }
    throw error;
  }
}

function mergedRecord(mergedIntoId: string) {
  return ruleViolation(
    'PERSON_MERGED',
    {
      ar: 'هذا السجل مدموج في سجل آخر: صحّح السجل الذي دُمج فيه.',
      en: 'This record was merged into another one: correct that record instead.',
    },
    { mergedIntoId },
  );
}

function corrected(field: string, before: string | null, after: string | null) {
  return before === after ? {} : { [field]: { before, after } };
}
