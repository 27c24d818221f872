/**
 * The period and institution a statistics screen (the juvenile indicators, the family protection
 * dashboard) is computed for, read from and written to the address (`?from=&to=&institutionId=`)
 * so that a link shows the same figures. Pure.
 *
 * The default period is the last full calendar year: UNODC reports these indicators per year, the
 * child population behind the per-100,000 rates is a yearly figure, and a year-to-date period is
 * nearly empty in January. "This year so far" is one click away.
 */

export interface Period {
  from: string;
  to: string;
}

export interface Filters extends Period {
  institutionId: string | null;
}

export type PeriodProblem = 'invalidFrom' | 'invalidTo' | 'reversed';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isIsoDate(value: string | null | undefined): value is string {
  const match = value ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of an instant. */
function dayOf(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function lastFullYear(now: Date): Period {
  const year = now.getFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function yearToDate(now: Date): Period {
  return { from: `${now.getFullYear()}-01-01`, to: dayOf(now) };
}

/** What is wrong with a period typed by the user, or null. */
export function periodProblem(period: Period): PeriodProblem | null {
  if (!isIsoDate(period.from)) return 'invalidFrom';
  if (!isIsoDate(period.to)) return 'invalidTo';
  return period.from > period.to ? 'reversed' : null;
}

/** The filters of an address; anything missing or malformed falls back to the defaults. */
export function filtersFromParams(params: URLSearchParams, now: Date): Filters {
  const fallback = lastFullYear(now);
  const period = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const institutionId = params.get('institutionId');
  return {
    ...(periodProblem(period) === null ? period : fallback),
    institutionId: institutionId && UUID.test(institutionId) ? institutionId : null,
  };
}

export function filtersToParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.institutionId) params.set('institutionId', filters.institutionId);
  return params;
}
