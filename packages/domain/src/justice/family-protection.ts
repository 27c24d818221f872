/**
 * Family protection and gender (DESIGN.md "Family protection and gender"; issue 6), as pure rules.
 *
 * A file is a family protection file when:
 * - a victim is family of an accused (spouse or former spouse, parent, child, sibling, other
 *   relative, guardian), or
 * - an offence charged is flagged as violence against women or children (the catalogue's
 *   `is_gbv_related`), or
 * - it is a threat or blackmail of a woman by a means of communication (a cybercrime offence of the
 *   catalogue with `links_cybercrime`, and a female victim): such a file is also linked to the
 *   cybercrime unit.
 *
 * Such files go to the family protection unit and are restricted; GBV incidents are classified with
 * exactly one of the six GBVIMS core types, by the act.
 */
import type { Labels } from '../workflow/types';

/** How a victim (or another party) is related to the accused: "the accused's spouse", … */
export const RELATIONSHIPS = [
  'spouse',
  'former_spouse',
  'fiance',
  'parent',
  'child',
  'sibling',
  'other_relative',
  'guardian',
  'acquaintance',
  'stranger',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** The relationships that make a family: violence between them is family violence. */
export const FAMILY_RELATIONSHIPS: readonly Relationship[] = [
  'spouse',
  'former_spouse',
  'parent',
  'child',
  'sibling',
  'other_relative',
  'guardian',
];

/** An intimate partner (GBVIMS context flag): a spouse, former spouse or fiancé(e). */
export const INTIMATE_PARTNERS: readonly Relationship[] = ['spouse', 'former_spouse', 'fiance'];

export const RELATIONSHIP_LABELS: Readonly<Record<Relationship, Labels>> = {
  spouse: { ar: 'زوج/زوجة', en: 'Spouse' },
  former_spouse: { ar: 'زوج سابق/طليقة', en: 'Former spouse' },
  fiance: { ar: 'خاطب/مخطوبة', en: 'Fiancé(e)' },
  parent: { ar: 'أب/أم', en: 'Parent' },
  child: { ar: 'ابن/ابنة', en: 'Child' },
  sibling: { ar: 'أخ/أخت', en: 'Sibling' },
  other_relative: { ar: 'قريب آخر', en: 'Other relative' },
  guardian: { ar: 'وصي/ولي', en: 'Guardian' },
  acquaintance: { ar: 'معرفة', en: 'Acquaintance' },
  stranger: { ar: 'لا صلة', en: 'No relation' },
};

/** The six GBVIMS core incident types; one per incident, chosen by the act. */
export const GBV_TYPES = [
  'rape',
  'sexual_assault',
  'physical_assault',
  'forced_marriage',
  'denial_of_resources',
  'psychological_abuse',
] as const;
export type GbvType = (typeof GBV_TYPES)[number];

export const GBV_TYPE_LABELS: Readonly<Record<GbvType, Labels>> = {
  rape: { ar: 'اغتصاب', en: 'Rape' },
  sexual_assault: { ar: 'اعتداء جنسي', en: 'Sexual assault' },
  physical_assault: { ar: 'اعتداء جسدي', en: 'Physical assault' },
  forced_marriage: { ar: 'زواج قسري', en: 'Forced marriage' },
  denial_of_resources: {
    ar: 'الحرمان من الموارد أو الفرص أو الخدمات',
    en: 'Denial of resources, opportunities or services',
  },
  psychological_abuse: { ar: 'إساءة نفسية أو عاطفية', en: 'Psychological or emotional abuse' },
};

export const FAMILY_PROTECTION_REASONS = [
  'family_relationship',
  'gbv_offence',
  'communication_threat_against_woman',
] as const;
export type FamilyProtectionReason = (typeof FAMILY_PROTECTION_REASONS)[number];

export interface ClassificationParty {
  role: string;
  sex: 'female' | 'male' | null;
  relationshipToAccused: string | null;
  /** Whole years on the offence date, when known. */
  ageAtOffence: number | null;
}

export interface ClassificationCharge {
  isGbvRelated: boolean;
  linksCybercrime: boolean;
}

export interface FamilyProtectionClassification {
  isFamilyProtection: boolean;
  reasons: FamilyProtectionReason[];
  /** A threat or blackmail of a woman by a means of communication: the cybercrime unit is linked. */
  linksCybercrime: boolean;
}

const isVictim = (p: ClassificationParty) => p.role === 'victim' || p.role === 'complainant';

export function classifyFamilyProtection(
  parties: readonly ClassificationParty[],
  charges: readonly ClassificationCharge[],
): FamilyProtectionClassification {
  const victims = parties.filter(isVictim);
  const reasons: FamilyProtectionReason[] = [];
  if (
    victims.some((v) =>
      FAMILY_RELATIONSHIPS.includes((v.relationshipToAccused ?? '') as Relationship),
    )
  ) {
    reasons.push('family_relationship');
  }
  if (charges.some((c) => c.isGbvRelated)) reasons.push('gbv_offence');
  const linksCybercrime =
    charges.some((c) => c.linksCybercrime) && victims.some((v) => v.sex === 'female');
  if (linksCybercrime) reasons.push('communication_threat_against_woman');
  return { isFamilyProtection: reasons.length > 0, reasons, linksCybercrime };
}

/** The GBVIMS context flags of an incident, derived from its parties and its type. */
export function gbvContextFlags(gbvType: GbvType | null, parties: readonly ClassificationParty[]) {
  const victims = parties.filter(isVictim);
  const childVictim = victims.some((v) => v.ageAtOffence !== null && v.ageAtOffence < 18);
  return {
    intimatePartner: victims.some((v) =>
      INTIMATE_PARTNERS.includes((v.relationshipToAccused ?? '') as Relationship),
    ),
    childVictim,
    earlyMarriage: gbvType === 'forced_marriage' && childVictim,
  };
}

/**
 * What a family protection file must say about its people before a decision: the sex and the
 * date of birth (so the age) of every victim and accused, and each victim's relationship to the
 * accused. The statistics split by exactly these.
 */
export function missingFamilyProtectionDetails(
  parties: readonly (ClassificationParty & { hasDateOfBirth: boolean })[],
): string[] {
  const missing = new Set<string>();
  for (const p of parties) {
    if (p.role !== 'accused' && !isVictim(p)) continue;
    if (p.sex === null) missing.add('sex');
    if (!p.hasDateOfBirth) missing.add('dateOfBirth');
    if (isVictim(p) && p.relationshipToAccused === null) missing.add('relationshipToAccused');
  }
  return [...missing].sort();
}

/**
 * DV protection orders time standard (issue 6): the share of protection orders decided within each
 * number of days. Configurable like the juvenile standard.
 */
export const DEFAULT_PROTECTION_ORDER_TIME_STANDARD = [
  { days: 10, targetPercent: 90 },
  { days: 30, targetPercent: 98 },
] as const;
