/**
 * Keeps the derived classification of files current: each party's age on the offence date and its
 * status, whether the file is a juvenile file (DESIGN.md "Juvenile justice"; migration 0007), and
 * whether it is a family protection file (DESIGN.md "Family protection and gender"; migration
 * 0011). Called in the transaction of whatever can change them: adding a party or a charge,
 * receiving a referred file, correcting a date of birth or sex, merging persons. Neither an age nor
 * a classification is ever typed in.
 *
 * The offence date of a party is the earliest incident date of their charges in the file, else the
 * file's incident date, else the day the file was opened (the offence cannot be later than its
 * report, so an adult then was at most as old at the offence; the prosecutor corrects the incident
 * date when it matters).
 *
 * A file that becomes juvenile or family protection is restricted (Art. 9; victim protection) and,
 * at a prosecution office, moved to its juvenile unit (a juvenile accused is the juvenile
 * prosecution's, whatever else) or else its family protection unit. The reverse never lowers
 * confidentiality by itself: opening a file is a decision for a person, not a side effect.
 */
import {
  classifyFamilyProtection,
  criminalAgeStatus,
  gbvContextFlags,
  isChildStatus,
  localDateString,
  type UnitKind,
} from '@qadiya/domain';
import type { Transaction } from 'kysely';
import { recordAudit, type RequestOrigin } from '../audit/audit-log';
import type { Database } from '../db/schema';
import { AppError } from '../http/errors';

export interface ClassificationAuditContext {
  origin: RequestOrigin;
  actor: { userId: string | null; username: string | null };
  timeZone: string;
}

export interface FileClassification {
  isJuvenile: boolean;
  changed: boolean;
}

/** Recomputes the ages of a file's parties, its juvenile and family protection classification; refuses a birth after the offence. */
export async function reclassifyFile(
  trx: Transaction<Database>,
  audit: ClassificationAuditContext,
  caseId: string,
): Promise<FileClassification> {
  const file = await trx
    .selectFrom('cases as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select([
      'c.id',
      'c.institution_id',
      'c.unit_id',
      'c.is_juvenile',
      'c.is_family_protection',
      'c.family_protection_reasons',
      'c.gbv_type',
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
      'p.relationship_to_accused',
      'pe.date_of_birth',
      'pe.sex',
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
  const ages = new Map<string, number | null>();
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
    ages.set(party.id, age);
    if (party.role === 'accused' && isChildStatus(status)) isJuvenile = true;
    if (age !== party.age_at_offence || status !== party.age_status) {
      await trx
        .updateTable('parties')
        .set({ age_at_offence: age, age_status: status })
        .where('id', '=', party.id)
        .execute();
    }
  }
  const charges = await trx
    .selectFrom('charges as ch')
    .innerJoin('offences as o', 'o.id', 'ch.offence_id')
    .select(['o.is_gbv_related', 'o.links_cybercrime'])
    .where('ch.case_id', '=', caseId)
    .execute();
  const classificationParties = parties.map((p) => ({
    role: p.role,
    sex: p.sex,
    relationshipToAccused: p.relationship_to_accused,
    ageAtOffence: ages.get(p.id) ?? null,
  }));
  const family = classifyFamilyProtection(
    classificationParties,
    charges.map((c) => ({ isGbvRelated: c.is_gbv_related, linksCybercrime: c.links_cybercrime })),
  );
  const flags = gbvContextFlags(file.gbv_type, classificationParties);
  // The context flags follow the people (a corrected age, a new victim) whether or not the
  // classification itself changed.
  await trx
    .updateTable('cases')
    .set({
      links_cybercrime: family.linksCybercrime,
      gbv_intimate_partner: flags.intimatePartner,
      gbv_child_victim: flags.childVictim,
      gbv_early_marriage: flags.earlyMarriage,
    })
    .where('id', '=', caseId)
    .execute();
  const sameReasons =
    [...family.reasons].sort().join() === [...file.family_protection_reasons].sort().join();
  if (isJuvenile === file.is_juvenile && sameReasons) return { isJuvenile, changed: false };
  // The unit that must handle the file now: a juvenile accused first, then family protection.
  const unitKind: UnitKind | null = isJuvenile
    ? 'juvenile'
    : family.isFamilyProtection
      ? 'family_protection'
      : null;
  const specialisedUnit =
    unitKind && file.institution_kind === 'prosecution_office'
      ? await trx
          .selectFrom('institution_units')
          .select('id')
          .where('institution_id', '=', file.institution_id)
          .where('kind', '=', unitKind)
          .executeTakeFirst()
      : undefined;
  const restricted = isJuvenile || family.isFamilyProtection;
  const confidentiality =
    restricted && file.confidentiality === 'normal' ? 'restricted' : file.confidentiality;
  const unitId = specialisedUnit?.id ?? file.unit_id;
  await trx
    .updateTable('cases')
    .set({
      is_juvenile: isJuvenile,
      is_family_protection: family.isFamilyProtection,
      family_protection_reasons: family.reasons,
      confidentiality,
      unit_id: unitId,
    })
    .where('id', '=', caseId)
    .execute();
  const details = {
    confidentiality: { before: file.confidentiality, after: confidentiality },
    unitId: { before: file.unit_id, after: unitId },
  };
  if (isJuvenile !== file.is_juvenile) {
    await recordAudit(trx, audit.origin, {
      action: 'case.juvenile_status_changed',
      outcome: 'success',
      actor: audit.actor,
      object: { type: 'case', id: caseId },
      institutionId: file.institution_id,
      details: { isJuvenile, ...details },
    });
  }
  if (!sameReasons) {
    await recordAudit(trx, audit.origin, {
      action: 'case.family_protection_changed',
      outcome: 'success',
      actor: audit.actor,
      object: { type: 'case', id: caseId },
      institutionId: file.institution_id,
      details: {
        isFamilyProtection: family.isFamilyProtection,
        reasons: family.reasons,
        linksCybercrime: family.linksCybercrime,
        ...details,
      },
    });
  }
  return { isJuvenile, changed: true };
}

/** After a date of birth is corrected (or persons merged): every file the person is a party of. */
export async function reclassifyFilesOfPerson(
  trx: Transaction<Database>,
  audit: ClassificationAuditContext,
  personId: string,
): Promise<void> {
  const files = await trx
    .selectFrom('parties')
    .select('case_id')
    .distinct()
    .where('person_id', '=', personId)
    .orderBy('case_id')
    .execute();
  for (const { case_id } of files) await reclassifyFile(trx, audit, case_id);
}
