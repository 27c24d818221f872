/** party.add and charge.add: who is in the file, and what each accused is charged with. */
import { localDateString } from '@qadiya/domain';
import { AppError } from '../../http/errors';
import { invalidField } from '../../http/validation';
import type { ActionHandler } from './action-context';

export const addParty: ActionHandler = async ({ trx, file, payload, now }) => {
  const personId = payload.personId as string;
  const person = await trx
    .selectFrom('persons')
    .select('id')
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw invalidField('payload.personId', 'no such person in the registry');
  const existing = await trx
    .selectFrom('parties')
    .select('id')
    .where('case_id', '=', file.id)
    .where('person_id', '=', personId)
    .where('role', '=', payload.role as never)
    .executeTakeFirst();
  if (existing) {
    throw new AppError('ALREADY_EXISTS', 'This person already has that role in the file', {
      partyId: existing.id,
    });
  }
  await trx
    .insertInto('parties')
    .values({
      case_id: file.id,
      person_id: personId,
      role: payload.role as never,
      relationship_to_accused: (payload.relationshipToAccused as never) ?? null,
      address_confidential: payload.addressConfidential === true,
      added_at: now,
    })
    .execute();
};

export const addCharge: ActionHandler = async ({ trx, ctx, file, payload, now }) => {
  const offence = await trx
    .selectFrom('offences')
    .select(['id', 'is_active'])
    .where('id', '=', payload.offenceId as string)
    .executeTakeFirst();
  if (!offence?.is_active)
    throw invalidField('payload.offenceId', 'no such offence in the catalogue');
  const incidentDate = payload.incidentDate as string | undefined;
  if (incidentDate && incidentDate > localDateString(now, ctx.config.timeZone)) {
    throw invalidField('payload.incidentDate', 'is in the future');
  }
  await trx
    .insertInto('charges')
    .values({
      case_id: file.id,
      party_id: payload.partyId as string,
      offence_id: offence.id,
      incident_date: (payload.incidentDate as string | undefined) ?? file.incident_date,
      created_at: now,
    })
    .execute();
};
