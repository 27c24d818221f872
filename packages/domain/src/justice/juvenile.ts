/**
 * Juvenile justice rules of the Juvenile Protection Decree-Law No. 4 of 2016 (DESIGN.md "Juvenile
 * justice"), as pure functions. Age is derived from the date of birth and the offence date, never
 * typed in:
 * - under 12 on the offence date: no criminal responsibility (`under_age`); the child is referred
 *   to child protection, never charged;
 * - at least 12 and under 18: a juvenile (حدث);
 * - 18 or more: an adult;
 * - no date of birth or no offence date: `unknown`, and the file's age is "to be verified".
 *
 * Dates are calendar dates (`YYYY-MM-DD`), compared without a time zone. A person turns N on their
 * birthday; someone born on 29 February turns N on 1 March in a year without that day.
 */
import type { Labels } from '../workflow/types';

export const AGE_OF_CRIMINAL_RESPONSIBILITY = 12;
export const AGE_OF_MAJORITY = 18;

export const AGE_STATUSES = ['under_age', 'juvenile', 'adult', 'unknown'] as const;
export type AgeStatus = (typeof AGE_STATUSES)[number];

export const AGE_STATUS_LABELS: Readonly<Record<AgeStatus, Labels>> = {
  under_age: {
    ar: 'دون سن المسؤولية (أقل من 12)',
    en: 'Under the age of responsibility (under 12)',
  },
  juvenile: { ar: 'حدث', en: 'Juvenile' },
  adult: { ar: 'بالغ', en: 'Adult' },
  unknown: { ar: 'العمر بحاجة إلى تحقق', en: 'Age to be verified' },
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] | null {
  const match = DATE.exec(date.slice(0, 10));
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/**
 * Whole years between a date of birth and a later date, or null when either is missing or the
 * birth is after the date (the caller reports that contradiction).
 */
export function ageInYearsAt(dateOfBirth: string | null, onDate: string | null): number | null {
  if (!dateOfBirth || !onDate) return null;
  const birth = parts(dateOfBirth);
  const on = parts(onDate);
  if (!birth || !on) return null;
  const [by, bm, bd] = birth;
  const [y, m, d] = on;
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age >= 0 ? age : null;
}

/** Is the birth after the offence? Such dates contradict each other and are refused (400). */
export function bornAfter(dateOfBirth: string | null, onDate: string | null): boolean {
  if (!dateOfBirth || !onDate) return false;
  return dateOfBirth.slice(0, 10) > onDate.slice(0, 10);
}

export function ageStatusOf(age: number | null): AgeStatus {
  if (age === null) return 'unknown';
  if (age < AGE_OF_CRIMINAL_RESPONSIBILITY) return 'under_age';
  if (age < AGE_OF_MAJORITY) return 'juvenile';
  return 'adult';
}

export function criminalAgeStatus(dateOfBirth: string | null, offenceDate: string | null) {
  const age = ageInYearsAt(dateOfBirth, offenceDate);
  return { age, status: ageStatusOf(age) };
}

/** A child in conflict with the law: the juvenile rules apply (under-12s included). */
export const isChildStatus = (status: AgeStatus) => status === 'juvenile' || status === 'under_age';

/**
 * Age bands for every statistic split by age (UNODC juvenile indicators, DESIGN.md "Measures").
 * Children are banded in two-year steps from the age of responsibility; adults in one band.
 */
export const AGE_BANDS = ['under_12', '12_13', '14_15', '16_17', '18_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, Labels>> = {
  under_12: { ar: 'أقل من 12', en: 'Under 12' },
  '12_13': { ar: '12–13', en: '12–13' },
  '14_15': { ar: '14–15', en: '14–15' },
  '16_17': { ar: '16–17', en: '16–17' },
  '18_plus': { ar: '18 فأكثر', en: '18 and over' },
  unknown: { ar: 'غير معروف', en: 'Unknown' },
};

export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  if (age < 12) return 'under_12';
  if (age < 14) return '12_13';
  if (age < 16) return '14_15';
  if (age < 18) return '16_17';
  return '18_plus';
}

/** Where the file stands on mediation (Art. 23): the file always shows one of these once offered. */
export const MEDIATION_STATUSES = [
  'offered',
  'declined',
  'in_mediation',
  'agreed',
  'fulfilled',
  'failed',
] as const;
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];

export const MEDIATION_STATUS_LABELS: Readonly<Record<MediationStatus, Labels>> = {
  offered: { ar: 'عُرضت الوساطة', en: 'Mediation offered' },
  declined: { ar: 'رُفضت الوساطة', en: 'Mediation declined' },
  in_mediation: { ar: 'قيد الوساطة', en: 'In mediation' },
  agreed: { ar: 'تم الاتفاق', en: 'Agreement reached' },
  fulfilled: { ar: 'نُفذ الاتفاق', en: 'Agreement fulfilled' },
  failed: { ar: 'فشلت الوساطة', en: 'Mediation failed' },
};

/** Obligations a mediation agreement may impose (Art. 23). Placement is refused by a guard. */
export const MEDIATION_OBLIGATIONS = [
  'repair_damage',
  'treatment',
  'no_contact',
  'place_ban',
  'placement',
] as const;

/** The counsellor's recommendation: the measures of the Decree-Law, or mediation. */
export const SOCIAL_REPORT_RECOMMENDATIONS = [
  'mediation',
  'reprimand',
  'hand_over_to_guardian',
  'vocational_training',
  'specific_obligations',
  'judicial_probation',
  'care_institution',
  'treatment',
  'no_measure',
] as const;
export type SocialReportRecommendation = (typeof SOCIAL_REPORT_RECOMMENDATIONS)[number];

export const DETENTION_FACILITIES = ['police_custody', 'juvenile_centre', 'adult_centre'] as const;
export type DetentionFacility = (typeof DETENTION_FACILITIES)[number];

/**
 * The juvenile time standard: the share of detained juveniles whose file is disposed of within
 * each number of days from the arrest. Defaults from the issue (75% in 30 days, 90% in 45, 98% in
 * 90); configurable by QADIYA_JUVENILE_TIME_STANDARD.
 */
export interface TimeStandardStep {
  days: number;
  targetPercent: number;
}

export const DEFAULT_JUVENILE_TIME_STANDARD: readonly TimeStandardStep[] = [
  { days: 30, targetPercent: 75 },
  { days: 45, targetPercent: 90 },
  { days: 90, targetPercent: 98 },
];
