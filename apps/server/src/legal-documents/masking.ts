/**
 * Names on generated documents (ADR 0019). A generated PDF is an export: once printed or served it
 * leaves the file's team. So, whoever generates it:
 * - the person the document is about (the summoned party, the detainee, the accused of an
 *   indictment, minutes or judgment) is named in full: a summons or an order that does not name
 *   its subject cannot be served or executed;
 * - every other party who is a juvenile or a child under 12 (DESIGN.md "Juvenile justice": anything
 *   shown outside the file uses initials), and every protected victim (a victim or complainant of
 *   a family protection file, or one whose address is confidential: policy/victim-protection.ts),
 *   is named by initials only, with no national ID or date of birth.
 */
import type { AgeStatus } from '@qadiya/domain';
import type { CaseRow } from '../db/schema';
import { arabicInitials, latinInitials } from '../hearings/hearing.presenter';

export interface PartyNameFields {
  id: string;
  role: string;
  age_status: AgeStatus;
  age_at_offence: number | null;
  address_confidential: boolean;
  first_name_ar: string;
  father_name_ar: string | null;
  grandfather_name_ar: string | null;
  family_name_ar: string | null;
  name_latin: string | null;
}

export function isJuvenileParty(party: PartyNameFields): boolean {
  return (
    party.age_status === 'juvenile' ||
    party.age_status === 'under_age' ||
    (party.age_at_offence !== null && party.age_at_offence < 18)
  );
}

/** The same rule as the case page and policy/victim-protection.ts. */
export function isProtectedVictim(
  file: Pick<CaseRow, 'is_family_protection'>,
  party: PartyNameFields,
): boolean {
  const victim = party.role === 'victim' || party.role === 'complainant';
  return victim && (file.is_family_protection || party.address_confidential);
}

export interface DocumentName {
  name: string;
  latin: string | null;
  isMasked: boolean;
}

export function fullArabicName(party: PartyNameFields): string {
  return [
    party.first_name_ar,
    party.father_name_ar,
    party.grandfather_name_ar,
    party.family_name_ar,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A party's name as a document shows it; `isSubject` for the person the document is about. */
export function documentName(
  file: Pick<CaseRow, 'is_family_protection'>,
  party: PartyNameFields,
  isSubject: boolean,
): DocumentName {
  const masked = !isSubject && (isJuvenileParty(party) || isProtectedVictim(file, party));
  if (!masked) return { name: fullArabicName(party), latin: party.name_latin, isMasked: false };
  return {
    name: arabicInitials(party.first_name_ar, party.family_name_ar),
    latin: party.name_latin ? latinInitials(party.name_latin) : null,
    isMasked: true,
  };
}
