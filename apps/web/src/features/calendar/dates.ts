/**
 * Calendar days as 'YYYY-MM-DD' strings, with no time zone: the court's local days, which are the
 * browser's for the people using Qadiya. The working week in Palestine starts on Saturday.
 */
import type { CalendarView } from './types';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO weekday of the first day of the week: 6 = Saturday. */
export const WEEK_STARTS_ON = 6;

export function isIsoDate(value: string | null | undefined): value is string {
  if (!value || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Today in the browser's time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(day: string, days: number): string {
  return new Date(toUtc(day).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = toUtc(day).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Saturday on or before `day`. */
export function startOfWeek(day: string): string {
  return addDays(day, -((isoWeekday(day) - WEEK_STARTS_ON + 7) % 7));
}

/** The days a view shows around `day`: the day itself, or its week from Saturday to Friday. */
export function rangeOf(
  day: string,
  view: CalendarView,
): { from: string; to: string; days: string[] } {
  if (view === 'day') return { from: day, to: day, days: [day] };
  const from = startOfWeek(day);
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  return { from, to: addDays(from, 6), days };
}

/** The day a "previous" or "next" step lands on. */
export function step(day: string, view: CalendarView, direction: -1 | 1): string {
  return addDays(day, direction * (view === 'day' ? 1 : 7));
}
