import {
  REFERRAL_SERVICE_LABELS,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  referralStatusAfter,
  RISK_LEVEL_LABELS,
} from '@qadiya/domain';
import { describe, expect, it } from 'vitest';
import { REFERRALS_AR, REFERRALS_EN } from './messages';
import { ANSWERS_BY_STATUS, matchesFilter, statusFilterOf } from './types';

const wordsOf = (table: Readonly<Record<string, { ar: string; en: string }>>, l: 'ar' | 'en') =>
  Object.fromEntries(Object.entries(table).map(([key, labels]) => [key, labels[l]]));

describe('a service’s answers to a referral', () => {
  it('offer exactly the answers the domain accepts in each status', () => {
    for (const status of REFERRAL_STATUSES) {
      const allowed = (['accept', 'decline', 'close'] as const).filter(
        (answer) => referralStatusAfter(status, answer) !== null,
      );
      expect(ANSWERS_BY_STATUS[status]).toEqual(allowed);
    }
  });

  it('show what still needs the service by default', () => {
    expect(statusFilterOf(null)).toBe('open');
    expect(statusFilterOf('nonsense')).toBe('open');
    expect(statusFilterOf('closed')).toBe('closed');
    expect(REFERRAL_STATUSES.filter((s) => matchesFilter(s, 'open'))).toEqual(['sent', 'accepted']);
    expect(REFERRAL_STATUSES.filter((s) => matchesFilter(s, 'all'))).toEqual([
      ...REFERRAL_STATUSES,
    ]);
    expect(REFERRAL_STATUSES.filter((s) => matchesFilter(s, 'declined'))).toEqual(['declined']);
  });
});

describe('the referrals screen’s words', () => {
  for (const [language, messages] of [
    ['ar', REFERRALS_AR],
    ['en', REFERRALS_EN],
  ] as const) {
    it(`are the domain's for services, statuses and risk levels in ${language}`, () => {
      expect(messages.services).toEqual(wordsOf(REFERRAL_SERVICE_LABELS, language));
      expect(messages.statuses).toEqual(wordsOf(REFERRAL_STATUS_LABELS, language));
      expect(messages.levels).toEqual(wordsOf(RISK_LEVEL_LABELS, language));
    });
  }
});
