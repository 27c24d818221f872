/** Queries on holidays and institutions' weekend days. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, HolidayTable } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;
export type HolidayRow = Selectable<HolidayTable>;

export function findHolidayById(db: Db, id: string): Promise<HolidayRow | undefined> {
  return db.selectFrom('holidays').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The holiday on that date in that scope (national when `institutionId` is null). */
export function findHolidayOn(db: Db, institutionId: string | null, date: string) {
  let query = db.selectFrom('holidays').selectAll().where('holiday_date', '=', date);
  query =
    institutionId === null
      ? query.where('institution_id', 'is', null)
      : query.where('institution_id', '=', institutionId);
  return query.executeTakeFirst();
}

export interface HolidayFilter {
  /** National holidays always; plus this institution's when given. */
  institutionId?: string | undefined;
  year?: number | undefined;
  /** Inclusive 'YYYY-MM-DD' bounds. */
  from?: string | undefined;
  to?: string | undefined;
}

export function listHolidays(db: Db, filter: HolidayFilter): Promise<HolidayRow[]> {
  let query = db.selectFrom('holidays').selectAll();
  const { institutionId } = filter;
  query = institutionId
    ? query.where((eb) =>
        eb.or([eb('institution_id', 'is', null), eb('institution_id', '=', institutionId)]),
      )
    : query.where('institution_id', 'is', null);
  if (filter.year !== undefined) {
    query = query
      .where('holiday_date', '>=', `${String(filter.year).padStart(4, '0')}-01-01`)
      .where('holiday_date', '<=', `${String(filter.year).padStart(4, '0')}-12-31`);
  }
  if (filter.from) query = query.where('holiday_date', '>=', filter.from);
  if (filter.to) query = query.where('holiday_date', '<=', filter.to);
  return query.orderBy('holiday_date').orderBy('institution_id', 'desc').execute();
}

export function insertHoliday(
  db: Db,
  values: { institutionId: string | null; date: string; nameAr: string; nameEn: string },
): Promise<HolidayRow> {
  return db
    .insertInto('holidays')
    .values({
      institution_id: values.institutionId,
      holiday_date: values.date,
      name_ar: values.nameAr,
      name_en: values.nameEn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteHoliday(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('holidays').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export function findWeekendDays(db: Db, institutionId: string) {
  return db
    .selectFrom('institutions')
    .select(['id', 'weekend_days'])
    .where('id', '=', institutionId)
    .executeTakeFirst();
}

export function updateWeekendDays(db: Db, institutionId: string, weekendDays: number[], now: Date) {
  return db
    .updateTable('institutions')
    .set({ weekend_days: weekendDays, updated_at: now })
    .where('id', '=', institutionId)
    .returning(['id', 'weekend_days'])
    .executeTakeFirst();
}
