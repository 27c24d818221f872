/**
 * Working-day arithmetic for deadlines (DESIGN.md "Deadlines and tasks"): counted against an
 * institution's weekend days and holidays, in the institution's time zone. Pure: the server loads
 * the calendar from the database and passes it in.
 *
 * Convention: a deadline of N working days falls at the END of the Nth working day AFTER the day
 * of the event (23:59:59.999 local time), skipping weekend days and holidays. The day of the event
 * itself never counts, whatever time the event happened. A deadline of 0 working days ends at the
 * end of the day of the event, or, when that day is not a working day, at the end of the next
 * working day: a deadline never ends on a weekend or a holiday.
 */

export interface WorkingCalendar {
  /** ISO weekdays off: 1 = Monday … 7 = Sunday (Palestine: Friday and Saturday, [5, 6]). */
  weekendDays: readonly number[];
  /** Days off as local calendar dates, 'YYYY-MM-DD'. */
  holidays: ReadonlySet<string>;
  /** IANA time zone in which dates are read, e.g. 'Asia/Hebron'. */
  timeZone: string;
}

/** A calendar date with no time zone. `month` is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
/** A guard against a calendar with no working day at all (every weekday off, or endless holidays). */
const MAX_SCAN_DAYS = 366 * 5;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
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
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

function wallTime(instant: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The local calendar date of an instant in a time zone. */
export function localDateOf(date: Date, timeZone: string): CivilDate {
  const { year, month, day } = wallTime(date.getTime(), timeZone);
  return { year, month, day };
}

/** 'YYYY-MM-DD' of a calendar date. */
export function formatCivilDate(date: CivilDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** 'YYYY-MM-DD' of the local date of an instant in a time zone. */
export function localDateString(date: Date, timeZone: string): string {
  return formatCivilDate(localDateOf(date, timeZone));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: CivilDate): number {
  const sundayFirst = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

function addDays(date: CivilDate, days: number): CivilDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

function isWorkingCivilDate(date: CivilDate, calendar: WorkingCalendar): boolean {
  return (
    !calendar.weekendDays.includes(isoWeekday(date)) &&
    !calendar.holidays.has(formatCivilDate(date))
  );
}

/** Whether the local date of `date` (in the calendar's time zone) is a working day. */
export function isWorkingDay(date: Date, calendar: WorkingCalendar): boolean {
  return isWorkingCivilDate(localDateOf(date, calendar.timeZone), calendar);
}

/**
 * The instant at which a local calendar date ends (23:59:59.999 local time) in a time zone. The
 * offset is read at instants around the wall time, so a daylight-saving change that day is
 * honoured; where the wall time occurs twice, the later instant is the end of the day.
 */
export function endOfLocalDay(date: CivilDate, timeZone: string): Date {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, 23, 59, 59, 999);
  const offsetAt = (instant: number): number => {
    const wall = wallTime(instant, timeZone);
    const wallMs = Date.UTC(
      wall.year,
      wall.month - 1,
      wall.day,
      wall.hour,
      wall.minute,
      wall.second,
    );
    return wallMs - Math.floor(instant / 1000) * 1000;
  };
  const candidates = [wallAsUtc - DAY_MS, wallAsUtc, wallAsUtc + DAY_MS]
    .map((probe) => wallAsUtc - offsetAt(probe))
    .filter((instant) => {
      const wall = wallTime(instant, timeZone);
      return (
        wall.year === date.year &&
        wall.month === date.month &&
        wall.day === date.day &&
        wall.hour === 23 &&
        wall.minute === 59 &&
        wall.second === 59
      );
    });
  const instant = candidates.length > 0 ? Math.max(...candidates) : wallAsUtc - offsetAt(wallAsUtc);
  return new Date(instant);
}

/**
 * The end of the `days`-th working day after the local day of `start` (see the convention at the
 * top of this file), as an instant.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a whole number of at least 0, got ${days}`);
  }
  if (Number.isNaN(start.getTime())) throw new RangeError('start is not a valid date');
  let date = localDateOf(start, calendar.timeZone);
  let counted = 0;
  let scanned = 0;
  const isDone = () => (days === 0 ? isWorkingCivilDate(date, calendar) : counted === days);
  while (!isDone()) {
    if (++scanned > MAX_SCAN_DAYS + days) {
      throw new RangeError('the calendar has no working day within five years');
    }
    date = addDays(date, 1);
    if (isWorkingCivilDate(date, calendar)) counted += 1;
  }
  return endOfLocalDay(date, calendar.timeZone);
}
