/**
 * The generator's fast local-time arithmetic must give exactly the instants the server's (the
 * domain's `addWorkingDays`, `endOfLocalDay`, `localDateOf`) would, or generated deadlines would
 * differ from the ones the server writes for the same event.
 */
import { addWorkingDays, localDateString } from '@qadiya/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, dayToDate, LocalClock, WorkingDays } from '../../src/generator/calendar';

const ZONES = ['Asia/Hebron', 'Asia/Gaza', 'UTC', 'America/New_York'];
// 2022–2028: several daylight-saving changes in each zone.
const instants = fc.integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2028, 11, 31) });

describe('generator calendar', () => {
  it('reads local days as the domain does', () => {
    for (const zone of ZONES) {
      const clock = new LocalClock(zone);
      fc.assert(
        fc.property(instants, (instant) => {
          expect(dayToDate(clock.dayOf(instant))).toBe(localDateString(new Date(instant), zone));
        }),
        { numRuns: 500 },
      );
    }
  });

  it('puts a local wall time on the right local day and minute', () => {
    const clock = new LocalClock('Asia/Hebron');
    fc.assert(
      fc.property(
        fc.integer({ min: 19_000, max: 21_500 }),
        fc.integer({ min: 6 * 60, max: 22 * 60 }),
        (day, minute) => {
          const instant = clock.at(day, minute);
          expect(clock.dayOf(instant)).toBe(day);
          expect(clock.minuteOf(instant)).toBe(minute);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same working-day deadlines as the domain', () => {
    const holidays = [
      '2026-03-20',
      '2026-03-21',
      '2026-03-22',
      '2026-05-01',
      '2026-11-15',
      '2027-01-01',
    ];
    for (const zone of ['Asia/Hebron', 'UTC']) {
      const clock = new LocalClock(zone);
      for (const weekend of [[5, 6], [5], [6, 7]]) {
        const fast = new WorkingDays(clock, weekend, holidays);
        const domain = fast.asDomainCalendar();
        fc.assert(
          fc.property(
            fc.integer({ min: Date.UTC(2025, 9, 1), max: Date.UTC(2027, 2, 1) }),
            fc.integer({ min: 0, max: 30 }),
            (instant, days) => {
              expect(fast.deadline(instant, days)).toBe(
                addWorkingDays(new Date(instant), days, domain).getTime(),
              );
            },
          ),
          { numRuns: 300 },
        );
      }
    }
  });

  it('knows weekends and holidays', () => {
    const clock = new LocalClock('Asia/Hebron');
    const days = new WorkingDays(clock, [5, 6], ['2026-05-01']);
    const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
    expect(days.isWorking(day('2026-11-27'))).toBe(false); // a Friday
    expect(days.isWorking(day('2026-11-28'))).toBe(false); // a Saturday
    expect(days.isWorking(day('2026-11-29'))).toBe(true);
    expect(days.isWorking(day('2026-05-01'))).toBe(false);
    expect(dayToDate(days.onOrAfter(day('2026-11-27')))).toBe('2026-11-29');
    expect(dayToDate(days.addDays(day('2026-11-26'), 1))).toBe('2026-11-29');
  });
});
