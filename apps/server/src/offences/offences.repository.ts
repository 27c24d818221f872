/** Queries on the offence catalogue (reference data, seeded by migration). */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { OffenceClass } from '@qadiya/domain';
import type { Database, OffenceTable } from '../db/schema';
import { escapeLike } from '../users/users.repository';

type Db = Kysely<Database> | Transaction<Database>;
export type OffenceRow = Selectable<OffenceTable>;

export function findOffenceById(db: Db, id: string): Promise<OffenceRow | undefined> {
  return db.selectFrom('offences').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface OffenceFilter {
  offenceClass?: OffenceClass | undefined;
  search?: string | undefined;
  isGbvRelated?: boolean | undefined;
  includeInactive?: boolean | undefined;
  limit: number;
  offset: number;
}

export async function listOffences(db: Db, filter: OffenceFilter) {
  let query = db.selectFrom('offences');
  if (!filter.includeInactive) query = query.where('is_active', '=', true);
  if (filter.offenceClass) query = query.where('offence_class', '=', filter.offenceClass);
  if (filter.isGbvRelated !== undefined) {
    query = query.where('is_gbv_related', '=', filter.isGbvRelated);
  }
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', pattern),
        eb('article', 'ilike', pattern),
        eb('law_ar', 'ilike', pattern),
        eb('law_en', 'ilike', pattern),
        eb('title_ar', 'ilike', pattern),
        eb('title_en', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}
