/** Queries on files, their events and their parts. */
import type { Role } from '@qadiya/domain';
import {
  sql,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { CaseRow, CaseTable, Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findCaseById(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockCase(trx: Transaction<Database>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * The roles of the user's active assignments to the file `cases.id` of the enclosing query, as
 * one array (teamRolesOf, in a column of a statement that reads or changes the file).
 */
function readerTeamRoles(userId: string) {
  return sql<Role[]>`coalesce((
        SELECT array_agg(a.role::text ORDER BY a.role)
          FROM case_assignments a
         WHERE a.case_id = cases.id AND a.user_id = ${userId} AND a.ended_at IS NULL), '{}')`;
}

/**
 * The file with the roles of the reader's active assignments to it (teamRolesOf), in one
 * statement: the two things the policy module needs to decide whether the reader may open it.
 * `forUpdate` also locks the file's row, for a transaction about to change it (fire-event.ts).
 * The bare baseline of the benchmark sends this statement's text (bench/baseline-sql.ts).
 */
export function caseWithTeamRolesQuery(
  db: Db,
  id: string,
  userId: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
) {
  const query = db
    .selectFrom('cases')
    .selectAll('cases')
    .select(readerTeamRoles(userId).as('reader_team_roles'))
    .where('id', '=', id);
  return forUpdate ? query.forUpdate() : query;
}

export async function findCaseWithTeamRoles(
  db: Db,
  id: string,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ file: CaseRow; teamRoles: Role[] } | undefined> {
  const row = await caseWithTeamRolesQuery(db, id, userId, options).executeTakeFirst();
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

/** The event as a row of case_events. */
function eventRow(event: NewCaseEvent) {
  return {
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
  };
}

export async function appendEvent(
  trx: Transaction<Database>,
  event: NewCaseEvent,
): Promise<string> {
  const row = await trx
    .insertInto('case_events')
    .values(eventRow(event))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What an event changes on the file's row, and where it expects to find the row. */
export interface FileChange {
  caseId: string;
  /** The version the change was decided on: the row is changed only if it still has it. */
  fromVersion: number;
  set: Updateable<CaseTable>;
}

/**
 * The end of an event in one statement: the file's row moves to its new state and version, the
 * audit row is written, and the event itself when nothing before needed it (an event whose
 * action or effects write rows pointing to it is appended first, appendEvent). The answer is the
 * changed row with the roles the reader now holds in the file's team, which the action may have
 * ended (a mediator recording that the mediation failed): whether they may still open it.
 *
 * One statement instead of four round trips through a busy event loop while the row is locked
 * (docs/performance.md, "1,000 events a second"). The row triggers of the three tables fire at the
 * end of the statement and see all of it.
 */
export function recordEventChangeQuery(
  db: Kysely<Database>,
  change: FileChange,
  audit: InsertQueryBuilder<Database, 'audit_pending', InsertResult>,
  readerUserId: string,
  event?: NewCaseEvent,
) {
  const base = db
    .with('audited', () => audit)
    .with('changed', (qc) =>
      qc
        .updateTable('cases')
        .set(change.set)
        .where('id', '=', change.caseId)
        .where('version', '=', change.fromVersion)
        .returningAll(),
    );
  // The event's CTE is never selected from, so the builder keeps the type it had without it.
  const withEvent = event
    ? (base.with('appended', (qc) =>
        qc.insertInto('case_events').values(eventRow(event)),
      ) as unknown as typeof base)
    : base;
  return withEvent
    .selectFrom('changed as cases')
    .selectAll('cases')
    .select(readerTeamRoles(readerUserId).as('reader_team_roles'));
}
