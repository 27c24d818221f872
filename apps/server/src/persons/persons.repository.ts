/** Queries on the persons registry. Use cases call these; routes never query directly. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, PersonRow, PersonTable } from '../db/schema';
import type { Insertable, Updateable } from 'kysely';
import type { OffenceClass, Role } from '@qadiya/domain';
import type { Actor } from '../policy/actor';
import { visibleCasesCondition } from '../policy/case-access';
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

/**
 * The files in which a person is a party, one row per party record, restricted in SQL to the files
 * the actor may open (the policy's own condition, so a recusal or another institution's file never
 * leaves the database). Newest files first.
 */
export function findVisibleCasesOfPerson(db: Db, actor: Actor, personId: string, limit: number) {
  return db
    .selectFrom('parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .selectAll('c')
    .select([
      'p.id as party_id',
      'p.role as party_role',
      'p.added_at as party_added_at',
      'i.code as institution_code',
      'i.name_ar as institution_name_ar',
      'i.name_en as institution_name_en',
    ])
    .where('p.person_id', '=', personId)
    .where(visibleCasesCondition(actor))
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.id')
    .orderBy('p.added_at')
    .limit(limit)
    .execute();
}

export type PersonCaseRow = Awaited<ReturnType<typeof findVisibleCasesOfPerson>>[number];

/** The actor's active team roles on each of these files (one query for the whole list). */
export async function teamRolesByCase(db: Db, userId: string, caseIds: readonly string[]) {
  const byCase = new Map<string, Role[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('case_assignments')
    .select(['case_id', 'role'])
    .where('user_id', '=', userId)
    .where('case_id', 'in', caseIds)
    .where('ended_at', 'is', null)
    .execute();
  for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row.role]);
  return byCase;
}

/** The offence classes charged against each party, for the accused label (مشتكى عليه، ظنين، متهم). */
export async function offenceClassesByParty(db: Db, partyIds: readonly string[]) {
  const byParty = new Map<string, OffenceClass[]>();
  if (partyIds.length === 0) return byParty;
  const rows = await db
    .selectFrom('charges as ch')
    .innerJoin('offences as o', 'o.id', 'ch.offence_id')
    .select(['ch.party_id', 'o.offence_class'])
    .where('ch.party_id', 'in', partyIds)
    .execute();
  for (const row of rows) {
    byParty.set(row.party_id, [...(byParty.get(row.party_id) ?? []), row.offence_class]);
  }
  return byParty;
}
