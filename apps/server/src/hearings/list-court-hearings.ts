/**
 * The court calendar: the hearings of one court over a range of its local days. The policy module
 * decides what the actor sees: the court's judges and clerks see every hearing of their court;
 * prosecutors and chief prosecutors see only the hearings of files they may see (filtered in SQL);
 * anyone else is refused (403, audited).
 */
import { endOfLocalDay, type CivilDate } from '@qadiya/domain';
import { AppError, notFound } from '../http/errors';
import { decide, scopeFor } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import type { UseCaseContext } from '../use-case-context';
import { findCourt, findCourtHearings } from './hearings.repository';
import { MAX_RANGE_DAYS, type ListHearingsQuery } from './hearings.schemas';

const DAY_MS = 86_400_000;

/** A 400 naming one query field, in the shape of schema validation errors. */
function invalidQuery(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid querystring field "${field}": ${problem}`, {
    issues: [{ field, in: 'querystring', problem }],
  });
}

function parseDay(field: string, value: string): CivilDate {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? [];
  const date =
    year && month && day ? { year: Number(year), month: Number(month), day: Number(day) } : null;
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
const dayBefore = (date: CivilDate): CivilDate => {
  const previous = new Date(Date.UTC(date.year, date.month - 1, date.day) - DAY_MS);
  return {
    year: previous.getUTCFullYear(),
    month: previous.getUTCMonth() + 1,
    day: previous.getUTCDate(),
  };
};

/** The instants of a range of local days: [start of `from`, end of `to`), in the time zone. */
export function rangeOf(from: string, to: string, timeZone: string) {
  const first = parseDay('from', from);
  const last = parseDay('to', to);
  const days = dayNumber(last) - dayNumber(first) + 1;
  if (days < 1) throw invalidQuery('to', `must not be before "from" (${from})`);
  if (days > MAX_RANGE_DAYS) {
    throw invalidQuery('to', `the range may cover at most ${MAX_RANGE_DAYS} days, not ${days}`);
  }
  return {
    start: new Date(endOfLocalDay(dayBefore(first), timeZone).getTime() + 1),
    until: new Date(endOfLocalDay(last, timeZone).getTime() + 1),
  };
}

export async function listCourtHearings(ctx: UseCaseContext, input: ListHearingsQuery) {
  const { timeZone } = ctx.config;
  const range = rangeOf(input.from, input.to, timeZone);
  const court = await findCourt(ctx.db, input.courtId);
  if (!court || court.kind !== 'court') throw notFound('Court', input.courtId);
  const target = {
    institutionId: court.id,
    object: { type: 'court_calendar', id: court.id },
  };
  let scope: 'court' | 'files';
  if (decide(ctx.actor, 'hearing.court_calendar', target).allowed) {
    // Audits a break-glass use.
    await requireAccess(ctx, 'hearing.court_calendar', target);
    scope = 'court';
  } else {
    const own = scopeFor(ctx.actor, 'hearing.own_calendar');
    // Neither the court's staff nor a prosecutor: refused, and the refusal is audited.
    if (!own.national && own.institutionIds.length === 0) {
      await requireAccess(ctx, 'hearing.court_calendar', target);
    }
    scope = 'files';
  }
  const found = await findCourtHearings(ctx.db, ctx.actor, {
    courtId: court.id,
    from: range.start,
    until: range.until,
    room: input.room?.trim(),
    judgeId: input.judgeId,
    scope,
  });
  return { court, scope, timeZone, from: input.from, to: input.to, ...found };
}

export type CourtCalendar = Awaited<ReturnType<typeof listCourtHearings>>;
