import {
  FAMILY_PROTECTION_REASONS,
  GBV_TYPES,
  MEASURE_AUTHORITIES,
  MEASURE_STATUSES,
  PROTECTION_MEASURE_KIND_LABELS,
  PROTECTION_MEASURE_KINDS,
  REFERRAL_CONSENTS,
  REFERRAL_SERVICE_LABELS,
  REFERRAL_SERVICES,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  RELATIONSHIP_LABELS,
  RELATIONSHIPS,
  RISK_LEVEL_LABELS,
  RISK_LEVELS,
  missingFamilyProtectionDetails,
} from '@qadiya/domain';
import { describe, expect, it } from 'vitest';
import { FAMILY_LABELS_AR, FAMILY_LABELS_EN } from './family-labels';
import { PAYLOAD_LABELS_AR, PAYLOAD_LABELS_EN } from './payload-labels';

type Labels = Record<string, string | undefined>;

function gaps(labels: Labels, values: readonly string[]): string[] {
  return values.filter((value) => !labels[value]?.trim());
}

/** The labels of a domain table in one language, keyed as the web's tables are. */
function wordsOf(
  table: Readonly<Record<string, { ar: string; en: string }>>,
  language: 'ar' | 'en',
) {
  return Object.fromEntries(Object.entries(table).map(([key, labels]) => [key, labels[language]]));
}

// Every detail missingFamilyProtectionDetails can name: an accused and a victim with nothing known.
const ALL_MISSING = missingFamilyProtectionDetails([
  {
    role: 'accused',
    sex: null,
    relationshipToAccused: null,
    ageAtOffence: null,
    hasDateOfBirth: false,
  },
  {
    role: 'victim',
    sex: null,
    relationshipToAccused: null,
    ageAtOffence: null,
    hasDateOfBirth: false,
  },
]);

describe('family protection labels of the case page', () => {
  for (const [language, family, payload] of [
    ['ar', FAMILY_LABELS_AR, PAYLOAD_LABELS_AR],
    ['en', FAMILY_LABELS_EN, PAYLOAD_LABELS_EN],
  ] as const) {
    it(`name every reason, missing detail, status and consent in ${language}`, () => {
      expect(gaps(family.reasons, FAMILY_PROTECTION_REASONS)).toEqual([]);
      expect(ALL_MISSING.length).toBe(3);
      expect(gaps(family.missing as Labels, ALL_MISSING)).toEqual([]);
      expect(gaps(family.measure.statuses, MEASURE_STATUSES)).toEqual([]);
      expect(gaps(family.referral.consents, REFERRAL_CONSENTS)).toEqual([]);
    });

    it(`say levels and referral statuses in the domain's own words in ${language}`, () => {
      expect(family.risk.levels).toEqual(wordsOf(RISK_LEVEL_LABELS, language));
      expect(Object.keys(family.risk.levels)).toEqual([...RISK_LEVELS]);
      expect(family.referral.statuses).toEqual(wordsOf(REFERRAL_STATUS_LABELS, language));
      expect(Object.keys(family.referral.statuses)).toEqual([...REFERRAL_STATUSES]);
    });

    it(`name relationships, GBV types, services, measures and authorities through the payload labels in ${language}`, () => {
      // The case page shows these with the payload labels, the same words as the event forms.
      expect(payload.values.relationshipToAccused).toEqual(wordsOf(RELATIONSHIP_LABELS, language));
      expect(gaps(payload.values.relationshipToAccused, RELATIONSHIPS)).toEqual([]);
      expect(gaps(payload.values.gbvType, GBV_TYPES)).toEqual([]);
      expect(payload.values.service).toEqual(wordsOf(REFERRAL_SERVICE_LABELS, language));
      expect(gaps(payload.values.service, REFERRAL_SERVICES)).toEqual([]);
      expect(payload.values.measureKind).toEqual(wordsOf(PROTECTION_MEASURE_KIND_LABELS, language));
      expect(gaps(payload.values.measureKind, PROTECTION_MEASURE_KINDS)).toEqual([]);
      expect(gaps(payload.values.authority, MEASURE_AUTHORITIES)).toEqual([]);
    });
  }

  it('use the unit’s Arabic name on the badge', () => {
    expect(FAMILY_LABELS_AR.badge).toBe('حماية الأسرة');
  });
});
