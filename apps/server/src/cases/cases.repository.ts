/** Queries on files, their events and their parts. */
import type { Role } from '@qadiya/domain';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CaseRow, Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findCaseById(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockCase(trx: Transaction<Database>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * The file with the roles of the reader's active assignments to it (teamRolesOf), in one
 * statement: the two things the policy module needs to decide whether the reader may open it.
 * The bare baseline of the benchmark sends this statement's text (bench/baseline-sql.ts).
 */
export function caseWithTeamRolesQuery(db: Db, id: string, userId: string) {
  return db
    .selectFrom('cases')
    .selectAll('cases')
    .select(
      sql<Role[]>`coalesce((
        SELECT array_agg(a.role::text ORDER BY a.role)
          FROM case_assignments a
         WHERE a.case_id = cases.id AND a.user_id = ${userId} AND a.ended_at IS NULL), '{}')`.as(
        'reader_team_roles',
      ),
    )
    .where('id', '=', id);
}

export async function findCaseWithTeamRoles(
  db: Db,
  id: string,
  userId: string,
): Promise<{ file: CaseRow; teamRoles: Role[] } | undefined> {
  const row = await caseWithTeamRolesQuery(db, id, userId).executeTakeFirst();
  if (!row) return undefined;
  const { reader_team_roles: teamRoles, ...file } = row;
  return { file, teamRoles };
}

/** Roles of the user's active assignments to the file (its team). */
export async function teamRolesOf(db: Db, caseId: string, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('case_assignments')
    .select('role')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.role);
}

export function listEvents(db: Db, caseId: string) {
  return db
    .selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.id',
      'e.seq',
      'e.event_type',
      'e.actor_user_id',
      'u.display_name_ar as actor_name_ar',
      'u.display_name_en as actor_name_en',
      'e.on_behalf_of_id',
      'e.occurred_at',
      'e.workflow_version',
      'e.payload',
      'e.state_before',
      'e.state_after',
    ])
    .where('e.case_id', '=', caseId)
    .orderBy('e.seq')
    .execute();
}

export interface NewCaseEvent {
  /** Set when rows written in the same transaction must point to the event. */
  id?: string;
  caseId: string;
  seq: number;
  eventType: string;
  actorUserId: string | null;
  onBehalfOfId: string | null;
  occurredAt: Date;
  workflowVersion: number;
  payload: unknown;
  stateBefore: string | null;
  stateAfter: string;
  requestId: string | null;
}

export async function appendEvent(
  trx: Transaction<Database>,
  event: NewCaseEvent,
): Promise<string> {
  const row = await trx
    .insertInto('case_events')
    .values({
      ...(event.id ? { id: event.id } : {}),
      case_id: event.caseId,
      seq: event.seq,
      event_type: event.eventType,
      actor_user_id: event.actorUserId,
      on_behalf_of_id: event.onBehalfOfId,
      occurred_at: event.occurredAt,
      workflow_version: event.workflowVersion,
      payload: JSON.stringify(event.payload ?? {}),
      state_before: event.stateBefore,
      state_after: event.stateAfter,
      request_id: event.requestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
