/**
 * Shapes persons for the API. Contact details are personal data: they are left out unless the
 * policy lets the reader see them (case-handling roles).
 */
import { accusedLabel } from '@qadiya/domain';
import { presentCaseHeader } from '../cases/case.presenter';
import { definitionOf } from '../cases/fire-event';
import type { PersonRow } from '../db/schema';
import type { PersonCaseEntry } from './list-person-cases';

export interface PresentOptions {
  includeContact: boolean;
}

/** The Arabic four-part name: first, father, grandfather, family, the parts present. */
export function fullNameAr(row: PersonRow): string {
  return [row.first_name_ar, row.father_name_ar, row.grandfather_name_ar, row.family_name_ar]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}

export function presentPerson(row: PersonRow, options: PresentOptions) {
  return {
    id: row.id,
    nationalId: row.national_id,
    firstNameAr: row.first_name_ar,
    fatherNameAr: row.father_name_ar,
    grandfatherNameAr: row.grandfather_name_ar,
    familyNameAr: row.family_name_ar,
    fullNameAr: fullNameAr(row),
    nameLatin: row.name_latin,
    sex: row.sex,
    dateOfBirth: row.date_of_birth,
    nationality: row.nationality,
    ...(options.includeContact ? { phone: row.phone, address: row.address } : {}),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** One file of a person's list: the file's header, its institution and the person's role(s). */
export function presentPersonCase(entry: PersonCaseEntry) {
  const { file } = entry;
  return {
    case: presentCaseHeader(file, definitionOf(file)),
    institution: {
      id: file.institution_id,
      code: file.institution_code,
      nameAr: file.institution_name_ar,
      nameEn: file.institution_name_en,
    },
    parties: entry.parties.map((party) => ({
      partyId: party.id,
      role: party.role,
      roleLabels: party.role === 'accused' ? accusedLabel(party.offenceClasses) : null,
    })),
  };
}
