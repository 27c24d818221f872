/**
 * Shapes persons for the API. Contact details are personal data: they are left out unless the
 * policy lets the reader see them (case-handling roles).
 */
import type { PersonRow } from '../db/schema';

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
