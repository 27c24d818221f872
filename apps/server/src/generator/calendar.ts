/**
 * Local time and working days for the generator, millions of times over. The server computes
 * deadlines with the domain's `addWorkingDays` (Intl formatting on every day it scans); the
 * generator needs the same answers far faster, so it works on local day numbers with the time
 * zone's offset cached per UTC hour and the ends of days cached per day. A test checks that both
 * give the same instant for every kind of input.
 */
import { endOfLocalDay, type WorkingCalendar } from '@qadiya/domain';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Local calendar days of one time zone, numbered from 1970-01-01 (day 0). */
export class LocalClock {
  private readonly offsets = new Map<number, number>();
  private readonly endsOfDay = new Map<number, number>();
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Local wall time minus UTC at an instant. Offsets change on whole UTC hours, so one per hour. */
  offsetAt(instant: number): number {
    const hour = Math.floor(instant / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const probe = hour * HOUR_MS;
      const parts = this.format.formatToParts(new Date(probe));
      const get = (type: Intl.DateTimeFormatPartTypes): number =>
        Number(parts.find((part) => part.type === type)?.value);
      const wall = Date.UTC(
        get('year'),
        get('month') - 1,
        get('day'),
        get('hour'),
        get('minute'),
        get('second'),
      );
      offset = wall - probe;
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  dayOf(instant: number): number {
    return Math.floor((instant + this.offsetAt(instant)) / DAY_MS);
  }

  /** The instant of a local wall time (minutes after midnight) on a local day. */
  at(day: number, minuteOfDay: number): number {
    const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
    const first = wall - this.offsetAt(wall);
    const second = wall - this.offsetAt(first);
    return second;
  }

  /** 23:59:59.999 local time on a day: where every working-day deadline falls. */
  endOfDay(day: number): number {
    let end = this.endsOfDay.get(day);
    if (end === undefined) {
      const date = new Date(day * DAY_MS);
      end = endOfLocalDay(
        { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
        this.timeZone,
      ).getTime();
      this.endsOfDay.set(day, end);
    }
    return end;
  }

  /** Minutes after local midnight of an instant. */
  minuteOf(instant: number): number {
    return Math.floor(((instant + this.offsetAt(instant)) % DAY_MS) / MINUTE_MS);
  }
}

export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function dateToDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; day 0 was a Thursday. */
export function isoWeekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** An institution's working days: its weekend and the national and its own holidays. */
export class WorkingDays {
  private readonly holidays: Set<number>;
  private readonly memo = new Map<number, number>();

  constructor(
    private readonly clock: LocalClock,
    private readonly weekendDays: readonly number[],
    holidayDates: Iterable<string>,
  ) {
    this.holidays = new Set([...holidayDates].map(dateToDay));
  }

  isWorking(day: number): boolean {
    return !this.weekendDays.includes(isoWeekdayOf(day)) && !this.holidays.has(day);
  }

  /** The first working day on or after `day`. */
  onOrAfter(day: number): number {
    let d = day;
    while (!this.isWorking(d)) d += 1;
    return d;
  }

  /** The `days`-th working day after `day` (the day itself never counts); 0: `onOrAfter`. */
  addDays(day: number, days: number): number {
    if (days === 0) return this.onOrAfter(day);
    const key = day * 1024 + days;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    let d = day;
    let counted = 0;
    while (counted < days) {
      d += 1;
      if (this.isWorking(d)) counted += 1;
    }
    this.memo.set(key, d);
    return d;
  }

  /** The domain's `addWorkingDays`: the end of the `days`-th working day after the instant's day. */
  deadline(instant: number, days: number): number {
    return this.clock.endOfDay(this.addDays(this.clock.dayOf(instant), days));
  }

  /** The same calendar in the domain's shape (for the test that compares both). */
  asDomainCalendar(): WorkingCalendar {
    return {
      weekendDays: this.weekendDays,
      holidays: new Set([...this.holidays].map(dayToDate)),
      timeZone: this.clock.timeZone,
    };
  }
}
