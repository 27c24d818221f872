/** Deadlines in working days of an institution's calendar (weekends and holidays skipped). */
import { addWorkingDays } from '@qadiya/domain';
import type { Kysely, Transaction } from 'kysely';
import { loadWorkingCalendar } from '../calendar/working-calendar';
import type { Database } from '../db/schema';

export async function addWorkingDaysAt(
  db: Kysely<Database> | Transaction<Database>,
  timeZone: string,
  institutionId: string,
  from: Date,
  days: number,
): Promise<Date> {
  return addWorkingDays(from, days, await loadWorkingCalendar(db, institutionId, timeZone));
}
