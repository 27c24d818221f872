/** Queries on files, their events and their parts. */
import type { Role } from '@qadiya/domain';
import type { Kysely, Transaction } from 'kysely';
import type { CaseRow, Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findCaseById(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockCase(trx: Transaction<Database>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
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
