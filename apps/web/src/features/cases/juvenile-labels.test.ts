import {
  AGE_STATUSES,
  DETENTION_FACILITIES,
  MEDIATION_OBLIGATIONS,
  MEDIATION_STATUSES,
  SOCIAL_REPORT_RECOMMENDATIONS,
} from '@qadiya/domain';
import { describe, expect, it } from 'vitest';
import { JUVENILE_LABELS_AR, JUVENILE_LABELS_EN } from './juvenile-labels';
import { MEDIATION_STEPS } from './mediation-path';
import { PAYLOAD_LABELS_AR, PAYLOAD_LABELS_EN } from './payload-labels';

type Labels = Record<string, string | undefined>;

function gaps(labels: Labels, values: readonly string[]): string[] {
  return values.filter((value) => !labels[value]?.trim());
}

describe('juvenile labels of the case page', () => {
  for (const [language, juvenile, payload] of [
    ['Arabic', JUVENILE_LABELS_AR, PAYLOAD_LABELS_AR],
    ['English', JUVENILE_LABELS_EN, PAYLOAD_LABELS_EN],
  ] as const) {
    it(`name every age status, mediation status and step of the domain in ${language}`, () => {
      expect(gaps(juvenile.ageStatuses, AGE_STATUSES)).toEqual([]);
      expect(gaps(juvenile.mediation.statuses, MEDIATION_STATUSES)).toEqual([]);
      expect(gaps(juvenile.mediation.steps, MEDIATION_STEPS)).toEqual([]);
    });

    it(`name every recommendation, obligation and facility the page shows in ${language}`, () => {
      // The case page shows these through the payload labels, the same words as the event forms.
      expect(gaps(payload.values.recommendation, SOCIAL_REPORT_RECOMMENDATIONS)).toEqual([]);
      expect(gaps(payload.values.kind, MEDIATION_OBLIGATIONS)).toEqual([]);
      expect(gaps(payload.values.facility, DETENTION_FACILITIES)).toEqual([]);
    });
  }

  it('use the Arabic legal term for a juvenile on the badge', () => {
    expect(JUVENILE_LABELS_AR.badge).toBe('حدث');
  });
});
