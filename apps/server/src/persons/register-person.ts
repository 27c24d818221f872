import { recordAudit } from '../audit/audit-log';
import { actorUserIdForFk } from '../policy/actor';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import {
  checkDateOfBirth,
  duplicateNationalId,
  isUniqueViolation,
  personColumns,
} from './person-fields';
import { findPersonByNationalId, insertPerson } from './persons.repository';
import type { RegisterPersonBody } from './persons.schemas';

/**
 * Registers a person in the national registry. A national ID may be registered once: a second
 * registration gets 409 with the existing person's id, so the caller can reuse that record.
 */
export async function registerPerson(ctx: UseCaseContext, input: RegisterPersonBody) {
  await requireAccess(ctx, 'person.register', { institutionId: null });
  checkDateOfBirth(ctx, input.dateOfBirth);
  const nationalId = input.nationalId ?? null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (nationalId) {
        const existing = await findPersonByNationalId(trx, nationalId);
        if (existing) throw duplicateNationalId(existing.id);
      }
      const person = await insertPerson(trx, {
        ...personColumns(input),
        first_name_ar: input.firstNameAr.trim(),
        created_by: actorUserIdForFk(ctx.actor),
        created_at: ctx.origin.occurredAt,
        updated_at: ctx.origin.occurredAt,
      });
      await recordAudit(trx, ctx.origin, {
        action: 'person.created',
        outcome: 'success',
        actor: auditActor(ctx.actor),
        object: { type: 'person', id: person.id },
        institutionId: ctx.actor.institutionId,
        // Which facts were known, not the personal data itself.
        details: { fields: Object.keys(input).sort() },
      });
      return person;
    });
  } catch (error) {
    if (nationalId && isUniqueViolation(error)) {
      const winner = await findPersonByNationalId(ctx.db, nationalId);
      if (winner) throw duplicateNationalId(winner.id);
    }
    throw error;
  }
}
