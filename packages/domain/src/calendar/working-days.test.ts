import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  endOfLocalDay,
  isoWeekday,
  isWorkingDay,
  localDateString,
  type WorkingCalendar,
} from './working-days';

const HEBRON = 'Asia/Hebron';

function calendar(holidays: string[] = [], overrides: Partial<WorkingCalendar> = {}) {
  return { weekendDays: [5, 6], holidays: new Set(holidays), timeZone: HEBRON, ...overrides };
}

/** An instant given as local Hebron wall time with its offset, e.g. '2026-03-26T10:00+02:00'. */
const at = (iso: string) => new Date(iso);

describe('isWorkingDay', () => {
  it('treats Friday and Saturday as the weekend and Sunday to Thursday as working days', () => {
    const week = [
      ['2026-02-01T12:00+02:00', true], // Sunday
      ['2026-02-02T12:00+02:00', true],
      ['2026-02-03T12:00+02:00', true],
      ['2026-02-04T12:00+02:00', true],
      ['2026-02-05T12:00+02:00', true], // Thursday
      ['2026-02-06T12:00+02:00', false], // Friday
      ['2026-02-07T12:00+02:00', false], // Saturday
    ] as const;
    for (const [instant, expected] of week) {
      expect({ instant, working: isWorkingDay(at(instant), calendar()) }).toEqual({
        instant,
        working: expected,
      });
    }
  });

  it('reads the date in the calendar time zone, not in UTC', () => {
    // 23:30 UTC on Thursday is already Friday 01:30 in Hebron.
    const lateThursdayUtc = new Date('2026-02-05T23:30:00Z');
    expect(isWorkingDay(lateThursdayUtc, calendar())).toBe(false);
    expect(isWorkingDay(lateThursdayUtc, calendar([], { timeZone: 'UTC' }))).toBe(true);
    expect(localDateString(lateThursdayUtc, HEBRON)).toBe('2026-02-06');
  });

  it('treats a holiday as a day off', () => {
    expect(isWorkingDay(at('2026-05-01T09:00+03:00'), calendar(['2026-05-01']))).toBe(false);
    expect(isWorkingDay(at('2026-05-01T09:00+03:00'), calendar())).toBe(false); // a Friday anyway
    expect(isWorkingDay(at('2026-11-15T09:00+02:00'), calendar(['2026-11-15']))).toBe(false);
    expect(isWorkingDay(at('2026-11-15T09:00+02:00'), calendar())).toBe(true);
  });

  it('honours another weekend', () => {
    const satSun = calendar([], { weekendDays: [6, 7] });
    expect(isWorkingDay(at('2026-02-06T12:00+02:00'), satSun)).toBe(true); // Friday
    expect(isWorkingDay(at('2026-02-08T12:00+02:00'), satSun)).toBe(false); // Sunday
  });
});

describe('addWorkingDays', () => {
  it('ends at 23:59:59.999 local time on the Nth working day after the day of the event', () => {
    // Sunday 1 Feb 2026 at 10:00; 3 working days: Mon, Tue, Wed → end of Wednesday 4 Feb.
    const due = addWorkingDays(at('2026-02-01T10:00+02:00'), 3, calendar());
    expect(due.toISOString()).toBe('2026-02-04T21:59:59.999Z');
  });

  it('does not count the day of the event, however early the event was', () => {
    const earlyMorning = addWorkingDays(at('2026-02-01T00:05+02:00'), 1, calendar());
    const lateEvening = addWorkingDays(at('2026-02-01T23:55+02:00'), 1, calendar());
    expect(earlyMorning.toISOString()).toBe('2026-02-02T21:59:59.999Z');
    expect(lateEvening).toEqual(earlyMorning);
  });

  it('skips the Friday–Saturday weekend', () => {
    // Thursday 5 Feb + 1 working day → Sunday 8 Feb.
    const due = addWorkingDays(at('2026-02-05T14:00+02:00'), 1, calendar());
    expect(localDateString(due, HEBRON)).toBe('2026-02-08');
    expect(isoWeekday({ year: 2026, month: 2, day: 8 })).toBe(7);
    // An event on the weekend counts from the next day: Friday 6 Feb + 2 → Monday 9 Feb.
    expect(
      localDateString(addWorkingDays(at('2026-02-06T11:00+02:00'), 2, calendar()), HEBRON),
    ).toBe('2026-02-09');
  });

  it('skips a run of holidays such as Eid al-Fitr next to the weekend', () => {
    // Eid al-Fitr 1447: Friday 20 – Sunday 22 March 2026 (Umm al-Qura); with the weekend the
    // offices close Friday to Sunday.
    const eid = calendar(['2026-03-20', '2026-03-21', '2026-03-22']);
    // Thursday 19 March + 1 → Monday 23 March (not Sunday 22).
    const due = addWorkingDays(at('2026-03-19T09:00+02:00'), 1, eid);
    expect(localDateString(due, HEBRON)).toBe('2026-03-23');
    // Without the holidays it would have been Sunday.
    expect(
      localDateString(addWorkingDays(at('2026-03-19T09:00+02:00'), 1, calendar()), HEBRON),
    ).toBe('2026-03-22');
    // Wednesday 18 March + 3 → Thu 19, Mon 23, Tue 24.
    expect(localDateString(addWorkingDays(at('2026-03-18T09:00+02:00'), 3, eid), HEBRON)).toBe(
      '2026-03-24',
    );
  });

  it('crosses a month and a year end', () => {
    const yearEnd = calendar(['2026-12-25', '2027-01-01', '2027-01-07']);
    // Wednesday 30 Dec 2026 + 2 → Thu 31 Dec, (Fri 1 Jan holiday+weekend, Sat) Sun 3 Jan 2027.
    const due = addWorkingDays(at('2026-12-30T16:00+02:00'), 2, yearEnd);
    expect(due.toISOString()).toBe('2027-01-03T21:59:59.999Z');
    // Thursday 29 Jan 2026 + 2 → Sun 1 Feb, Mon 2 Feb.
    expect(
      localDateString(addWorkingDays(at('2026-01-29T08:00+02:00'), 2, calendar()), HEBRON),
    ).toBe('2026-02-02');
  });

  it('keeps the local end of day across the daylight-saving change in Asia/Hebron', () => {
    // Summer time starts on Saturday 28 March 2026 (UTC+2 → UTC+3).
    const before = addWorkingDays(at('2026-03-25T10:00+02:00'), 1, calendar());
    expect(before.toISOString()).toBe('2026-03-26T21:59:59.999Z'); // Thursday, still UTC+2
    const after = addWorkingDays(at('2026-03-26T10:00+02:00'), 1, calendar());
    expect(after.toISOString()).toBe('2026-03-29T20:59:59.999Z'); // Sunday, now UTC+3
    // And it ends on Saturday 24 October 2026 (UTC+3 → UTC+2).
    const autumn = addWorkingDays(at('2026-10-22T10:00+03:00'), 1, calendar());
    expect(autumn.toISOString()).toBe('2026-10-25T21:59:59.999Z');
    // With a Saturday-only weekend the deadline can land on the day of the change itself.
    const onChange = addWorkingDays(
      at('2026-03-27T10:00+02:00'),
      1,
      calendar([], { weekendDays: [5] }),
    );
    expect(onChange.toISOString()).toBe('2026-03-28T20:59:59.999Z');
  });

  it('with 0 days ends at the end of the day of the event, or of the next working day', () => {
    const sameDay = addWorkingDays(at('2026-02-02T10:00+02:00'), 0, calendar());
    expect(sameDay.toISOString()).toBe('2026-02-02T21:59:59.999Z');
    const onFriday = addWorkingDays(at('2026-02-06T10:00+02:00'), 0, calendar());
    expect(localDateString(onFriday, HEBRON)).toBe('2026-02-08');
    const onHoliday = addWorkingDays(at('2026-11-15T10:00+02:00'), 0, calendar(['2026-11-15']));
    expect(localDateString(onHoliday, HEBRON)).toBe('2026-11-16');
  });

  it('counts long deadlines', () => {
    // 20 working days from Sunday 1 Feb 2026 (which does not count): Mon 2 – Thu 5 (4), then three
    // full weeks to Thursday 26 Feb (19), then Sunday 1 March (20).
    expect(
      localDateString(addWorkingDays(at('2026-02-01T10:00+02:00'), 20, calendar()), HEBRON),
    ).toBe('2026-03-01');
  });

  it('refuses a negative or fractional number of days, and a calendar with no working day', () => {
    expect(() => addWorkingDays(at('2026-02-01T10:00+02:00'), -1, calendar())).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-02-01T10:00+02:00'), 1.5, calendar())).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(Number.NaN), 1, calendar())).toThrow(RangeError);
    const noWorkingDay = calendar([], { weekendDays: [1, 2, 3, 4, 5, 6, 7] });
    expect(() => addWorkingDays(at('2026-02-01T10:00+02:00'), 1, noWorkingDay)).toThrow(
      /no working day/,
    );
  });
});

describe('endOfLocalDay', () => {
  it('is the last millisecond of the local date, in UTC and in another zone', () => {
    expect(endOfLocalDay({ year: 2026, month: 7, day: 1 }, 'UTC').toISOString()).toBe(
      '2026-07-01T23:59:59.999Z',
    );
    expect(endOfLocalDay({ year: 2026, month: 7, day: 1 }, HEBRON).toISOString()).toBe(
      '2026-07-01T20:59:59.999Z',
    );
    expect(endOfLocalDay({ year: 2026, month: 1, day: 1 }, 'America/New_York').toISOString()).toBe(
      '2026-01-02T04:59:59.999Z',
    );
  });
});
