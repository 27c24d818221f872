/**
 * Shapes of files, institutions and persons that several screens share (register, inbox, work
 * queue, person page). They mirror the server's TypeBox schemas (see /api/openapi.json).
 */
import type { ConfidentialityLevel } from '@qadiya/domain/organisation';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Labels } from './types';

export interface CaseHeader {
  id: string;
  matterId: string;
  reference: string | null;
  number: string | null;
  caseType: string;
  caseTypeLabels: Labels;
  state: string;
  stateLabels: Labels;
  version: number;
  intakeStatus: 'pending' | 'accepted' | 'returned';
  returnReason: string | null;
  confidentiality: ConfidentialityLevel;
  institutionId: string;
  unitId: string | null;
  incidentDate: string | null;
  openedAt: string;
  isDisposed: boolean;
  disposedAt: string | null;
}

export interface CaseParty {
  id: string;
  personId: string;
  role: PartyRole;
  nameAr: string;
}

/** The part of the case page (`POST /cases/:id/events` answers with it) the intake screens read. */
export interface CasePageLite extends CaseHeader {
  parties: CaseParty[] | null;
}

export type PartyRole =
  'accused' | 'victim' | 'complainant' | 'witness' | 'guardian' | 'lawyer' | 'counsellor';

export interface Unit {
  id: string;
  institutionId: string;
  kind: string;
  nameAr: string;
  nameEn: string;
  isActive: boolean;
}

export interface Institution {
  id: string;
  code: string;
  kind: string;
  nameAr: string;
  nameEn: string;
  isActive: boolean;
  units: Unit[];
}

export interface Person {
  id: string;
  nationalId: string | null;
  firstNameAr: string;
  fatherNameAr: string | null;
  grandfatherNameAr: string | null;
  familyNameAr: string | null;
  fullNameAr: string;
  nameLatin: string | null;
  /**
   * A protected victim seen from outside their files' teams: the names are initials, and the
   * national ID, date of birth, nationality and contact details are withheld (null).
   */
  isMasked: boolean;
  sex: 'female' | 'male' | null;
  dateOfBirth: string | null;
  nationality: string | null;
  phone?: string | null;
  address?: string | null;
  version: number;
  /** Why a search found this person (`GET /persons` only). */
  match?: PersonMatch;
}

/** Why a person search found a person: by what, how well (1 is exact) and in which name. */
export interface PersonMatch {
  by: 'national_id' | 'name' | 'date_of_birth';
  score: number;
  kind: 'exact' | 'prefix' | 'contains' | 'similar';
  field?: 'name_ar' | 'name_latin';
}

export function useInstitution(institutionId: string | null | undefined) {
  return useQuery({
    queryKey: ['institutions', institutionId],
    queryFn: () => api.get<Institution>(`/institutions/${institutionId ?? ''}`),
    enabled: Boolean(institutionId),
    staleTime: 5 * 60_000,
  });
}

/** The person's name in the reader's language: the Latin form in English when there is one. */
export function personName(person: Pick<Person, 'fullNameAr' | 'nameLatin'>, language: string) {
  return language === 'en' && person.nameLatin ? person.nameLatin : person.fullNameAr;
}
