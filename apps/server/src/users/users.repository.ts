/** Queries on users and role assignments. Use cases call these; routes never query directly. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, NewUser, RoleAssignmentRow, UserRow, UserUpdate } from '../db/schema';
import type { RoleScope } from '../policy/policy';

type Db = Kysely<Database> | Transaction<Database>;

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
}

/** Locks the row for the rest of the transaction, so concurrent changes queue behind each other. */
export function lockUser(trx: Transaction<Database>, id: string): Promise<UserRow | undefined> {
  return trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertUser(db: Db, values: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Updates a user and bumps its version; `undefined` when the version is stale. */
export function updateUserAtVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: UserUpdate,
  now: Date,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export interface UserListFilter {
  institutionId?: string | undefined;
  isActive?: boolean | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

/** Users the scope covers, filtered in SQL: national admins see all, others their institutions'. */
export async function listUsersInScope(
  db: Db,
  scope: RoleScope,
  filter: UserListFilter,
): Promise<{ rows: UserRow[]; total: number }> {
  let query = db.selectFrom('users');
  if (!scope.national) {
    if (scope.institutionIds.length === 0) return { rows: [], total: 0 };
    query = query.where('institution_id', 'in', scope.institutionIds);
  }
  if (filter.institutionId) query = query.where('institution_id', '=', filter.institutionId);
  if (filter.isActive !== undefined) query = query.where('is_active', '=', filter.isActive);
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('username', 'ilike', pattern),
        eb('display_name_ar', 'ilike', pattern),
        eb('display_name_en', 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('username').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function findAssignmentsOfUser(db: Db, userId: string): Promise<RoleAssignmentRow[]> {
  return db
    .selectFrom('role_assignments')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findAssignmentById(db: Db, id: string): Promise<RoleAssignmentRow | undefined> {
  return db.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst();
}
