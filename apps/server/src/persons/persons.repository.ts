/** Queries on the persons registry. Use cases call these; routes never query directly. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, PersonRow, PersonTable } from '../db/schema';
import type { Insertable, Updateable } from 'kysely';
import { escapeLike } from '../users/users.repository';

type Db = Kysely<Database> | Transaction<Database>;

export function findPersonById(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPersonByNationalId(db: Db, nationalId: string) {
  return db
    .selectFrom('persons')
    .select(['id', 'version'])
    .where('national_id', '=', nationalId)
    .executeTakeFirst();
}

export function insertPerson(db: Db, values: Insertable<PersonTable>): Promise<PersonRow> {
  return db.insertInto('persons').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates a person and bumps its version; `undefined` when the version is stale. */
export function updatePersonAtVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Updateable<PersonTable>,
  now: Date,
): Promise<PersonRow | undefined> {
  return db
    .updateTable('persons')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export interface PersonSearch {
  /** Part of any of the name parts or of the Latin name (simple ILIKE for now). */
  search?: string | undefined;
  nationalId?: string | undefined;
  limit: number;
  offset: number;
}

/** Registry search, ordered by family name then the other parts, so homonyms sit together. */
export async function searchPersons(db: Db, filter: PersonSearch) {
  let query = db.selectFrom('persons');
  if (filter.nationalId) query = query.where('national_id', '=', filter.nationalId);
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('first_name_ar', 'ilike', pattern),
        eb('father_name_ar', 'ilike', pattern),
        eb('grandfather_name_ar', 'ilike', pattern),
        eb('family_name_ar', 'ilike', pattern),
        eb('name_latin', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy(sql`family_name_ar NULLS LAST`)
      .orderBy('first_name_ar')
      .orderBy(sql`father_name_ar NULLS LAST`)
      .orderBy(sql`grandfather_name_ar NULLS LAST`)
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}
