/**
 * Shapes persons for the API. Contact details are personal data: they are left out unless the
 * policy lets the reader see them (case-handling roles).
 */
import { accusedLabel } from '@qadiya/domain';
import { presentCaseHeader } from '../cases/case.presenter';
import { arabicInitials, latinInitials } from '../hearings/hearing.presenter';
import { definitionOf } from '../cases/fire-event';
import type { PersonMergeRow, PersonRow } from '../db/schema';
import type { PersonCaseEntry } from './list-person-cases';
import type { PersonMergeHistoryRow } from './person-merges.repository';

export interface PresentOptions {
  includeContact: boolean;
  /** A protected victim seen from outside their files' teams (policy/victim-protection.ts). */
  masked?: boolean;
  /** For a merged record: the merge in force, whose survivor the record points to. */
  activeMerge?: PersonMergeRow | undefined;
}

/** The Arabic four-part name: first, father, grandfather, family, the parts present. */
export function fullNameAr(row: PersonRow): string {
  return [row.first_name_ar, row.father_name_ar, row.grandfather_name_ar, row.family_name_ar]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
}

export function presentPerson(row: PersonRow, options: PresentOptions) {
  if (options.masked) {
    const initials = arabicInitials(row.first_name_ar, row.family_name_ar);
    return {
      id: row.id,
      nationalId: null,
      firstNameAr: initials,
      fatherNameAr: null,
      grandfatherNameAr: null,
      familyNameAr: null,
      fullNameAr: initials,
      nameLatin: row.name_latin ? latinInitials(row.name_latin) : null,
      isMasked: true,
      sex: row.sex,
      dateOfBirth: null,
      nationality: null,
      mergedInto: null,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
  return {
    id: row.id,
    nationalId: row.national_id,
    firstNameAr: row.first_name_ar,
    fatherNameAr: row.father_name_ar,
    grandfatherNameAr: row.grandfather_name_ar,
    familyNameAr: row.family_name_ar,
    fullNameAr: fullNameAr(row),
    nameLatin: row.name_latin,
    isMasked: false,
    sex: row.sex,
    dateOfBirth: row.date_of_birth,
    nationality: row.nationality,
    ...(options.includeContact ? { phone: row.phone, address: row.address } : {}),
    mergedInto: row.merged_into_id
      ? {
          personId: row.merged_into_id,
          mergeId: options.activeMerge?.id ?? null,
          mergedAt: options.activeMerge?.merged_at.toISOString() ?? null,
        }
      : null,
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

/** A merge record: who merged which record into which, why, when, and whether it was reverted. */
export function presentMerge(merge: PersonMergeRow, movedPartyCount: number) {
  return {
    id: merge.id,
    survivorId: merge.survivor_id,
    duplicateId: merge.duplicate_id,
    reason: merge.reason,
    mergedBy: merge.merged_by,
    mergedAt: merge.merged_at.toISOString(),
    movedPartyCount,
    revertedBy: merge.reverted_by,
    revertedAt: merge.reverted_at?.toISOString() ?? null,
    revertReason: merge.revert_reason,
  };
}

/** One line of a person's merge history, with both records' names and who acted. */
export function presentMergeHistory(row: PersonMergeHistoryRow) {
  return {
    ...presentMerge(row, row.party_count ?? 0),
    survivorNameAr: row.survivor_name_ar,
    duplicateNameAr: row.duplicate_name_ar,
    mergedByName:
      row.merged_by_name_ar !== null && row.merged_by_name_en !== null
        ? { ar: row.merged_by_name_ar, en: row.merged_by_name_en }
        : null,
    revertedByName:
      row.reverted_by_name_ar !== null && row.reverted_by_name_en !== null
        ? { ar: row.reverted_by_name_ar, en: row.reverted_by_name_en }
        : null,
  };
}
