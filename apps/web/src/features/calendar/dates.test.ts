import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, isoWeekday, rangeOf, startOfWeek, step, today } from './dates';

describe('calendar days', () => {
  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2026-03-14')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('14/03/2026')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('starts the week on Saturday and ends it on Friday', () => {
    // 2026-03-14 is a Saturday, 2026-03-20 a Friday.
    expect(isoWeekday('2026-03-14')).toBe(6);
    expect(startOfWeek('2026-03-14')).toBe('2026-03-14');
    expect(startOfWeek('2026-03-20')).toBe('2026-03-14');
    expect(startOfWeek('2026-03-16')).toBe('2026-03-14');
    expect(rangeOf('2026-03-18', 'week')).toMatchObject({ from: '2026-03-14', to: '2026-03-20' });
    expect(rangeOf('2026-03-18', 'week').days).toHaveLength(7);
    expect(rangeOf('2026-03-18', 'day')).toEqual({
      from: '2026-03-18',
      to: '2026-03-18',
      days: ['2026-03-18'],
    });
  });

  it('steps by a day or a week, across months and years', () => {
    expect(step('2026-12-31', 'day', 1)).toBe('2027-01-01');
    expect(step('2026-03-01', 'week', -1)).toBe('2026-02-22');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(today(new Date(2026, 2, 5, 23, 30))).toBe('2026-03-05');
  });
});
