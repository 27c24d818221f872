/**
 * A statistical period: whole calendar days in the courts' time zone, both ends included, turned
 * into the instants the queries compare timestamps with: [start of `from`, start of the day after
 * `to`). A file opened at 00:30 on 1 January in Hebron belongs to January, although it is still
 * 31 December in UTC.
 */
import { endOfLocalDay, type CivilDate } from '@qadiya/domain';
import { AppError } from '../http/errors';
import { MAX_PERIOD_DAYS } from './statistics.schemas';

const DAY_MS = 86_400_000;

export interface ReportingPeriod {
  from: string;
  to: string;
  /** The first instant of the period. */
  start: Date;
  /** The first instant after the period (exclusive end). */
  until: Date;
  /** The calendar year of the period's last day (picks the child population figures). */
  endYear: number;
}

/** A 400 naming one query field, in the shape of schema validation errors. */
function invalidQuery(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid querystring field "${field}": ${problem}`, {
    issues: [{ field, in: 'querystring', problem }],
  });
}

function parseDay(field: string, value: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : null;
  const check = date ? new Date(Date.UTC(date.year, date.month - 1, date.day)) : null;
  if (
    !date ||
    !check ||
    check.getUTCFullYear() !== date.year ||
    check.getUTCMonth() !== date.month - 1 ||
    check.getUTCDate() !== date.day
  ) {
    throw invalidQuery(field, 'must be a calendar date, YYYY-MM-DD');
  }
  return date;
}

const dayNumber = (date: CivilDate) => Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;

function dayBefore(date: CivilDate): CivilDate {
  const previous = new Date(Date.UTC(date.year, date.month - 1, date.day) - DAY_MS);
  return {
    year: previous.getUTCFullYear(),
    month: previous.getUTCMonth() + 1,
    day: previous.getUTCDate(),
  };
}

export function reportingPeriod(from: string, to: string, timeZone: string): ReportingPeriod {
  const first = parseDay('from', from);
  const last = parseDay('to', to);
  const days = dayNumber(last) - dayNumber(first) + 1;
  if (days < 1) throw invalidQuery('to', `must not be before "from" (${from})`);
  if (days > MAX_PERIOD_DAYS) {
    throw invalidQuery('to', `a period may cover at most ${MAX_PERIOD_DAYS} days, not ${days}`);
  }
  return {
    from,
    to,
    start: new Date(endOfLocalDay(dayBefore(first), timeZone).getTime() + 1),
    until: new Date(endOfLocalDay(last, timeZone).getTime() + 1),
    endYear: last.year,
  };
}
