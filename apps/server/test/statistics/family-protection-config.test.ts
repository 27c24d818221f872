/**
 * The family protection dashboard's settings: QADIYA_PROTECTION_ORDER_TIME_STANDARD (by default
 * the 90% within 10 days, 98% within 30), read like the juvenile standard; and
 * QADIYA_SMALL_CELL_THRESHOLD (by default 5). A bad value stops the start-up with a message naming
 * the setting and the problem.
 */
import { DEFAULT_PROTECTION_ORDER_TIME_STANDARD } from '@qadiya/domain';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

describe('the protection order time standard setting', () => {
  const load = (value?: string) =>
    loadConfig(value === undefined ? {} : { QADIYA_PROTECTION_ORDER_TIME_STANDARD: value })
      .protectionOrderTimeStandard;

  it('defaults to 90% within 10 days and 98% within 30', () => {
    expect(load()).toEqual(DEFAULT_PROTECTION_ORDER_TIME_STANDARD);
    expect(load(' ')).toEqual([
      { days: 10, targetPercent: 90 },
      { days: 30, targetPercent: 98 },
    ]);
  });

  it('reads days:percent steps, leaving the juvenile standard alone', () => {
    const config = loadConfig({ QADIYA_PROTECTION_ORDER_TIME_STANDARD: '3:50, 7:80,21:99' });
    expect(config.protectionOrderTimeStandard).toEqual([
      { days: 3, targetPercent: 50 },
      { days: 7, targetPercent: 80 },
      { days: 21, targetPercent: 99 },
    ]);
    expect(config.juvenileTimeStandard.map((s) => s.days)).toEqual([30, 45, 90]);
  });

  it.each([
    ['10-90', /"10-90" is not a step/],
    ['0:90', /days must be 1–3650, not 0/],
    ['10:101', /above 0 and at most 100/],
    ['30:90,10:98', /days must increase/],
    ['10:98,30:90', /targets must not decrease/],
  ])('refuses %s, naming the setting', (value, problem) => {
    expect(() => load(value)).toThrow(problem);
    expect(() => load(value)).toThrow(
      /^QADIYA_PROTECTION_ORDER_TIME_STANDARD: .*e\.g\. "10:90,30:98"/,
    );
  });
});

describe('the small-cell threshold setting', () => {
  const load = (value?: string) =>
    loadConfig(value === undefined ? {} : { QADIYA_SMALL_CELL_THRESHOLD: value })
      .smallCellThreshold;

  it('defaults to 5 and reads a whole number from 2 to 100', () => {
    expect(load()).toBe(5);
    expect(load('')).toBe(5);
    expect(load('10')).toBe(10);
    expect(load('2')).toBe(2);
  });

  it.each(['0', '1', '101', 'five', '2.5'])('refuses %s', (value) => {
    expect(() => load(value)).toThrow(
      /^QADIYA_SMALL_CELL_THRESHOLD must be a whole number between 2 and 100/,
    );
  });
});
