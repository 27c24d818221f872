/**
 * The working calendar of an institution, for counting deadlines in working days: its weekend
 * days, the national holidays and its own holidays, read in the courts' time zone.
 */
import type { WorkingCalendar } from '@qadiya/domain';
import type { Kysely, Transaction } from 'kysely';
import { loadConfig } from '../config';
import type { Database } from '../db/schema';
import { notFound } from '../http/errors';
import { findWeekendDays, listHolidays } from './calendar.repository';

/**
 * Loads an institution's calendar. Pass the configured time zone (`ctx.config.timeZone`); when it
 * is left out, QADIYA_TIME_ZONE is read (default Asia/Hebron). All holidays are loaded: they are a
 * few dozen rows a year, and a deadline may run past the end of the year.
 */
export async function loadWorkingCalendar(
  db: Kysely<Database> | Transaction<Database>,
  institutionId: string,
  timeZone: string = loadConfig().timeZone,
): Promise<WorkingCalendar> {
  const institution = await findWeekendDays(db, institutionId);
  if (!institution) throw notFound('Institution', institutionId);
  const holidays = await listHolidays(db, { institutionId });
  return {
    weekendDays: institution.weekend_days.map(Number),
    holidays: new Set(holidays.map((holiday) => holiday.holiday_date)),
    timeZone,
  };
}
