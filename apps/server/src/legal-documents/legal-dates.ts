/**
 * Dates on legal documents: the Gregorian date with the Levantine month names used in Palestine
 * and the Umm al-Qura Hijri date, in the deployment's time zone, with Latin digits like the file
 * numbers and national IDs beside them.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let result = formats.get(key);
  if (!result) {
    result = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, result);
  }
  return result;
}

/** A calendar day (`2026-03-14`) is not an instant: it is read as that day wherever we are. */
function asInstant(value: Date | string): { date: Date; timeZone: string | null } {
  if (value instanceof Date) return { date: value, timeZone: null };
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? { date: new Date(`${value}T12:00:00Z`), timeZone: 'UTC' }
    : { date: new Date(value), timeZone: null };
}

const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;

/** `28 تشرين الثاني 2026` */
export function gregorianDate(value: Date | string, timeZone: string): string {
  const { date, timeZone: fixed } = asInstant(value);
  return format('ar-PS-u-nu-latn', fixed ?? timeZone, DAY).format(date);
}

/** `19 جمادى الآخرة 1448 هـ` */
export function hijriDate(value: Date | string, timeZone: string): string {
  const { date, timeZone: fixed } = asInstant(value);
  return format('ar-SA-u-ca-islamic-umalqura-nu-latn', fixed ?? timeZone, DAY).format(date);
}

/** `09:30` */
export function timeOfDay(value: Date, timeZone: string): string {
  return format('en-GB', timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    value,
  );
}

/** `يوم الثلاثاء` */
export function weekday(value: Date, timeZone: string): string {
  return format('ar-PS', timeZone, { weekday: 'long' }).format(value);
}

/** `28 تشرين الثاني 2026، الساعة 09:30` */
export function dateAndTime(value: Date, timeZone: string): string {
  return `${gregorianDate(value, timeZone)}، الساعة ${timeOfDay(value, timeZone)}`;
}
