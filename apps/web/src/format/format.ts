/**
 * Numbers, dates and times through `Intl`, in the user's language. Legal dates also carry the Hijri
 * (Umm al-Qura) date. Times are shown in the browser's time zone, which is the court's own for the
 * people using Qadiya; the API stores instants in UTC.
 */
import type { Language } from '../i18n/i18n';

const LOCALES: Record<Language, string> = { ar: 'ar-PS', en: 'en-GB' };
const HIJRI_LOCALES: Record<Language, string> = {
  ar: 'ar-SA-u-ca-islamic-umalqura',
  en: 'en-GB-u-ca-islamic-umalqura',
};

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** A date-only value (`2026-03-14`) is a calendar day, not an instant: read it as noon UTC. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

function isDateOnly(value: string | Date): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

export function formatDate(value: string | Date, language: Language): string {
  return dateFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(isDateOnly(value) ? { timeZone: 'UTC' } : {}),
  }).format(toDate(value));
}

export function formatDateTime(value: string | Date, language: Language): string {
  return dateFormat(LOCALES[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(value));
}

export function formatTime(value: string | Date, language: Language): string {
  return dateFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit' }).format(
    toDate(value),
  );
}

export function formatHijri(value: string | Date, language: Language): string {
  return dateFormat(HIJRI_LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(isDateOnly(value) ? { timeZone: 'UTC' } : {}),
  }).format(toDate(value));
}

const numberCache = new Map<string, Intl.NumberFormat>();

/** A number in the user's digits (Arabic-Indic in Arabic); `options` as for `Intl.NumberFormat`. */
export function formatNumber(
  value: number,
  language: Language,
  options: Intl.NumberFormatOptions = {},
): string {
  const key = language + JSON.stringify(options);
  let format = numberCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], options);
    numberCache.set(key, format);
  }
  return format.format(value);
}

/** A share given in percent (75.5 for 75.5%), with at most one decimal: "٧٥٫٥٪". */
export function formatPercent(percent: number, language: Language): string {
  return formatNumber(percent / 100, language, { style: 'percent', maximumFractionDigits: 1 });
}

/** "in 3 hours", "2 days ago": for deadlines. */
export function formatRelative(value: string | Date, now: Date, language: Language): string {
  const diffMinutes = Math.round((toDate(value).getTime() - now.getTime()) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  const abs = Math.abs(diffMinutes);
  if (abs < 60) return rtf.format(diffMinutes, 'minute');
  if (abs < 48 * 60) return rtf.format(Math.round(diffMinutes / 60), 'hour');
  return rtf.format(Math.round(diffMinutes / (24 * 60)), 'day');
}

/** The value for an `<input type="datetime-local">` from an instant, in local time. */
export function toLocalInputValue(value: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}` +
    `T${pad(value.getHours())}:${pad(value.getMinutes())}`
  );
}

/** An ISO instant from an `<input type="datetime-local">` value, read in local time. */
export function fromLocalInputValue(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
