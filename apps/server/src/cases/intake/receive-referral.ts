/**
 * The outbox handler of `case.refer`: opens the receiving institution's file in its inbox, in the
 * same matter, linked to the sender's file, with the parties and the charges that travel with it.
 * Idempotent: a message that was already handled (cases.created_by_message) changes nothing.
 */
import { caseTypeDefinition, type ChargeDisposition } from '@qadiya/domain';
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit-log';
import type { Database } from '../../db/schema';
import type { OutboxHandler } from '../../outbox/outbox-worker';
import { appendEvent } from '../cases.repository';
import type { ReferMessage } from '../case-effects';
import { addWorkingDaysAt } from '../working-days';

export const receiveReferral: OutboxHandler = async (trx, message, services) => {
  const already = await trx
    .selectFrom('cases')
    .select('id')
    .where('created_by_message', '=', message.id)
    .executeTakeFirst();
  if (already) return;
  const refer = message.payload as unknown as ReferMessage;
  const definition = caseTypeDefinition(refer.toCaseType);
  if (!definition) throw new Error(`referral to unknown case type ${refer.toCaseType}`);
  const from = await trx
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', refer.fromCaseId)
    .executeTakeFirstOrThrow();
  const institution = await trx
    .selectFrom('institutions')
    .select(['id', 'kind'])
    .where('id', '=', refer.toInstitutionId)
    .executeTakeFirstOrThrow();
  // A prosecution office receives into its general unit, or its juvenile or family protection unit
  // for such a file (the acceptor may still choose another unit).
  const receivingUnit =
    institution.kind === 'prosecution_office'
      ? await trx
          .selectFrom('institution_units')
          .select('id')
          .where('institution_id', '=', institution.id)
          .where(
            'kind',
            '=',
            from.is_juvenile
              ? 'juvenile'
              : from.is_family_protection
                ? 'family_protection'
                : 'general',
          )
          .executeTakeFirst()
      : undefined;
  const now = services.clock.now();
  const file = await trx
    .insertInto('cases')
    .values({
      matter_id: from.matter_id,
      case_type: definition.caseType,
      workflow_version: definition.version,
      institution_id: institution.id,
      unit_id: receivingUnit?.id ?? null,
      state: definition.initialState,
      version: 1,
      intake_status: 'pending',
      confidentiality: from.confidentiality,
      // The ages at the offence travel with the parties: the offence is the same.
      is_juvenile: from.is_juvenile,
      is_family_protection: from.is_family_protection,
      family_protection_reasons: from.family_protection_reasons,
      links_cybercrime: from.links_cybercrime,
      gbv_type: from.gbv_type,
      gbv_intimate_partner: from.gbv_intimate_partner,
      gbv_child_victim: from.gbv_child_victim,
      gbv_early_marriage: from.gbv_early_marriage,
      mediation_status: null,
      summary: from.summary,
      incident_date: from.incident_date,
      referred_from_id: from.id,
      created_by_message: message.id,
      opened_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvent(trx, {
    caseId: file.id,
    seq: 1,
    eventType: 'received',
    actorUserId: null,
    onBehalfOfId: null,
    occurredAt: now,
    workflowVersion: definition.version,
    payload: { fromCaseId: from.id, fromReference: from.reference, link: refer.link },
    stateBefore: null,
    stateAfter: file.state,
    requestId: null,
  });
  await trx
    .insertInto('case_links')
    .values({ from_case_id: from.id, to_case_id: file.id, link_kind: refer.link, created_at: now })
    .execute();
  await copyPartiesAndCharges(trx, from.id, file.id, refer, now);
  await trx
    .insertInto('deadlines')
    .values({
      case_id: file.id,
      name: 'accept_referral',
      title_ar: 'استلام ملف محال',
      title_en: 'Accept or return a referred file',
      kind: 'task',
      priority: 'high',
      due_at: await addWorkingDaysAt(trx, services.config.timeZone, institution.id, now, 2),
      assignee_role: definition.acceptingRoles[0] ?? null,
      institution_id: institution.id,
      created_at: now,
    })
    .execute();
  await recordAudit(
    trx,
    { requestId: null, sourceIp: null, occurredAt: now },
    {
      action: 'case.received',
      outcome: 'success',
      actor: { userId: null, username: 'system:outbox' },
      object: { type: 'case', id: file.id },
      institutionId: institution.id,
      details: { fromCaseId: from.id, link: refer.link, messageId: message.id },
    },
  );
};

/** Which charges travel, and as what, depends on the kind of hand-over. */
function travellingCharges(link: ReferMessage['link']): {
  from: ChargeDisposition[];
  as: ChargeDisposition | 'same';
} {
  switch (link) {
    case 'referral':
      return { from: ['indicted'], as: 'indicted' };
    case 'appeal':
      return { from: ['convicted', 'acquitted', 'dismissed'], as: 'indicted' };
    case 'execution':
      return { from: ['convicted'], as: 'same' };
    case 'transfer':
      return { from: ['pending'], as: 'pending' };
  }
}

async function copyPartiesAndCharges(
  trx: Transaction<Database>,
  fromCaseId: string,
  toCaseId: string,
  refer: ReferMessage,
  now: Date,
): Promise<void> {
  const parties = await trx
    .selectFrom('parties')
    .selectAll()
    .where('case_id', '=', fromCaseId)
    .execute();
  const newPartyId = new Map<string, string>();
  for (const party of parties) {
    const copy = await trx
      .insertInto('parties')
      .values({
        case_id: toCaseId,
        person_id: party.person_id,
        role: party.role,
        relationship_to_accused: party.relationship_to_accused,
        age_at_offence: party.age_at_offence,
        age_status: party.age_status,
        address_confidential: party.address_confidential,
        added_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    newPartyId.set(party.id, copy.id);
  }
  const rule = travellingCharges(refer.link);
  let query = trx
    .selectFrom('charges')
    .selectAll()
    .where('case_id', '=', fromCaseId)
    .where('disposition', 'in', rule.from);
  if (refer.chargeIds) query = query.where('id', 'in', refer.chargeIds);
  for (const charge of await query.execute()) {
    const partyId = newPartyId.get(charge.party_id);
    if (!partyId) throw new Error(`charge ${charge.id} names a party that is not in its file`);
    await trx
      .insertInto('charges')
      .values({
        case_id: toCaseId,
        party_id: partyId,
        offence_id: charge.offence_id,
        incident_date: charge.incident_date,
        source_charge_id: charge.id,
        disposition: rule.as === 'same' ? charge.disposition : rule.as,
        custodial_months: rule.as === 'same' ? charge.custodial_months : null,
        fine_amount: rule.as === 'same' ? charge.fine_amount : null,
        created_at: now,
      })
      .execute();
  }
}
