/**
 * QADIYA_JUVENILE_TIME_STANDARD: the default is the standard (75% in 30 days, 90% in 45,
 * 98% in 90); a configured one is read as `days:percent` steps; a bad one stops the start-up
 * with a message naming the setting and the problem.
 */
import { DEFAULT_JUVENILE_TIME_STANDARD } from '@qadiya/domain';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

const load = (value?: string) =>
  loadConfig(value === undefined ? {} : { QADIYA_JUVENILE_TIME_STANDARD: value })
    .juvenileTimeStandard;

describe('the juvenile time standard setting', () => {
  it('defaults to 75% within 30 days, 90% within 45, 98% within 90', () => {
    expect(load()).toEqual(DEFAULT_JUVENILE_TIME_STANDARD);
    expect(load('')).toEqual([
      { days: 30, targetPercent: 75 },
      { days: 45, targetPercent: 90 },
      { days: 90, targetPercent: 98 },
    ]);
  });

  it('reads days:percent steps', () => {
    expect(load('20:60, 40:85,120:99.5')).toEqual([
      { days: 20, targetPercent: 60 },
      { days: 40, targetPercent: 85 },
      { days: 120, targetPercent: 99.5 },
    ]);
    expect(load('60:100')).toEqual([{ days: 60, targetPercent: 100 }]);
  });

  it.each([
    ['30-75', /"30-75" is not a step/],
    ['30:75,', /"" is not a step/],
    ['0:75', /days must be 1–3650, not 0/],
    ['30:0', /above 0 and at most 100/],
    ['30:101', /above 0 and at most 100/],
    ['45:75,30:90', /days must increase/],
    ['30:90,45:75', /targets must not decrease/],
    ['30:75,30:90', /days must increase/],
    ['thirty:75', /is not a step/],
  ])('refuses %s', (value, problem) => {
    expect(() => load(value)).toThrow(problem);
    expect(() => load(value)).toThrow(
      /^QADIYA_JUVENILE_TIME_STANDARD: .*e\.g\. "30:75,45:90,90:98"/,
    );
  });
});
