/** Queries on regions, institutions and units. */
import type { Kysely, Transaction } from 'kysely';
import type { InstitutionKind } from '@qadiya/domain';
import type { Database, InstitutionRow } from '../db/schema';
import { escapeLike } from '../users/users.repository';

type Db = Kysely<Database> | Transaction<Database>;

export function findInstitutionById(db: Db, id: string): Promise<InstitutionRow | undefined> {
  return db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitById(db: Db, id: string) {
  return db.selectFrom('institution_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUnitsOf(db: Db, institutionIds: string[]) {
  if (institutionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('institution_units')
    .selectAll()
    .where('institution_id', 'in', institutionIds)
    .orderBy('kind')
    .execute();
}

export function findRegionById(db: Db, id: string) {
  return db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRegions(db: Db) {
  return db.selectFrom('regions').selectAll().orderBy('kind').orderBy('code').execute();
}

export interface InstitutionListFilter {
  kind?: InstitutionKind | undefined;
  regionId?: string | undefined;
  search?: string | undefined;
  includeInactive?: boolean | undefined;
  limit: number;
  offset: number;
}

/** The institution directory. Names and codes are public within the justice chain. */
export async function listInstitutions(db: Db, filter: InstitutionListFilter) {
  let query = db.selectFrom('institutions');
  if (!filter.includeInactive) query = query.where('is_active', '=', true);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.regionId) query = query.where('region_id', '=', filter.regionId);
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', pattern),
        eb('name_ar', 'ilike', pattern),
        eb('name_en', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}
