/**
 * Keeps the derived juvenile data of files current (DESIGN.md "Juvenile justice"; migration 0007):
 * each party's age on the offence date and its status, and whether the file is a juvenile file.
 * Called in the transaction of whatever can change them: adding a party or a charge, receiving a
 * referred file, correcting a date of birth, merging persons. Age is never typed in.
 *
 * The offence date of a party is the earliest incident date of their charges in the file, else the
 * file's incident date, else the day the file was opened (the offence cannot be later than its
 * report, so an adult then was at most as old at the offence; the prosecutor corrects the incident
 * date when it matters).
 *
 * A file that becomes juvenile is restricted (Art. 9) and, at a prosecution office, moved to its
 * juvenile unit. The reverse never lowers confidentiality by itself: a person may still be a child
 * victim, and opening a file is a decision for a person, not a side effect.
 */
import { criminalAgeStatus, isChildStatus, localDateString } from '@qadiya/domain';
import type { Transaction } from 'kysely';
import { recordAudit, type RequestOrigin } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { AppError } from '../http/errors';

export interface JuvenileAuditContext {
  origin: RequestOrigin;
  actor: { userId: string | null; username: string | null };
  timeZone: string;
}

export interface JuvenileStatus {
  isJuvenile: boolean;
  changed: boolean;
}

/** Recomputes the ages of a file's parties and its juvenile flag; refuses a birth after the offence. */
export async function reevaluateJuvenileStatus(
  trx: Transaction<Database>,
  audit: JuvenileAuditContext,
  caseId: string,
): Promise<JuvenileStatus> {
  const file = await trx
    .selectFrom('cases as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select([
      'c.id',
      'c.institution_id',
      'c.unit_id',
      'c.is_juvenile',
      'c.confidentiality',
      'c.incident_date',
      'c.opened_at',
      'i.kind as institution_kind',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirstOrThrow();
  const parties = await trx
    .selectFrom('parties as p')
    .innerJoin('persons as pe', 'pe.id', 'p.person_id')
    .select([
      'p.id',
      'p.role',
      'p.age_at_offence',
      'p.age_status',
      'pe.date_of_birth',
      (eb) =>
        eb
          .selectFrom('charges as ch')
          .select((e) => e.fn.min('ch.incident_date').as('first'))
          .whereRef('ch.party_id', '=', 'p.id')
          .as('first_charge_date'),
    ])
    .where('p.case_id', '=', caseId)
    .execute();
  const fallbackDate = file.incident_date ?? localDateString(file.opened_at, audit.timeZone);
  let isJuvenile = false;
  for (const party of parties) {
    const offenceDate = party.first_charge_date ?? fallbackDate;
    if (party.date_of_birth && party.date_of_birth > offenceDate) {
      throw new AppError(
        'BIRTH_AFTER_OFFENCE',
        `A party's date of birth (${party.date_of_birth}) is after the offence date (${offenceDate})`,
        { partyId: party.id, dateOfBirth: party.date_of_birth, offenceDate },
      );
    }
    const { age, status } = criminalAgeStatus(party.date_of_birth, offenceDate);
    if (party.role === 'accused' && isChildStatus(status)) isJuvenile = true;
    if (age !== party.age_at_offence || status !== party.age_status) {
      await trx
        .updateTable('parties')
        .set({ age_at_offence: age, age_status: status })
        .where('id', '=', party.id)
        .execute();
    }
  }
  if (isJuvenile === file.is_juvenile) return { isJuvenile, changed: false };
  const juvenileUnit =
    isJuvenile && file.institution_kind === 'prosecution_office'
      ? await trx
          .selectFrom('institution_units')
          .select('id')
          .where('institution_id', '=', file.institution_id)
          .where('kind', '=', 'juvenile')
          .executeTakeFirst()
      : undefined;
  const confidentiality =
    isJuvenile && file.confidentiality === 'normal' ? 'restricted' : file.confidentiality;
  const unitId = juvenileUnit?.id ?? file.unit_id;
  await trx
    .updateTable('cases')
    .set({ is_juvenile: isJuvenile, confidentiality, unit_id: unitId })
    .where('id', '=', caseId)
    .execute();
  await recordAudit(trx, audit.origin, {
    action: 'case.juvenile_status_changed',
    outcome: 'success',
    actor: audit.actor,
    object: { type: 'case', id: caseId },
    institutionId: file.institution_id,
    details: {
      isJuvenile,
      confidentiality: { before: file.confidentiality, after: confidentiality },
      unitId: { before: file.unit_id, after: unitId },
    },
  });
  return { isJuvenile, changed: true };
}

/** After a date of birth is corrected (or persons merged): every file the person is a party of. */
export async function reevaluateJuvenileStatusOfPerson(
  trx: Transaction<Database>,
  audit: JuvenileAuditContext,
  personId: string,
): Promise<void> {
  const files = await trx
    .selectFrom('parties')
    .select('case_id')
    .distinct()
    .where('person_id', '=', personId)
    .orderBy('case_id')
    .execute();
  for (const { case_id } of files) await reevaluateJuvenileStatus(trx, audit, case_id);
}
