/**
 * Helpers for the API-level tests of files: HTTP calls, snapshots of what a file holds (to prove
 * that a refused request wrote nothing), audit rows, inbox files, and delivery of the outbox
 * messages of one sender file only, so that tests sharing a database never deliver each other's.
 */
import type { Role } from '@qadiya/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { OUTBOX_HANDLERS } from '../../src/outbox/handlers';
import type { Services } from '../../src/use-case-context';
import type { TestApp } from '../support/app';
import type { ApiResponse } from '../support/cases';
import { uniqueSuffix } from '../support/factories';

type Db = Kysely<Database>;
export type Headers = Record<string, string>;

/** Grants valid from long ago: the test app's clock stands still at the moment it was built. */
export const LONG_AGO = new Date('2020-01-01T00:00:00Z');

export async function call(
  t: TestApp,
  headers: Headers,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
): Promise<ApiResponse> {
  const response = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() };
}

/** Everything a refused request must leave as it was. */
export async function snapshot(db: Db, caseId: string) {
  const count = (table: 'case_events' | 'parties' | 'charges' | 'deadlines' | 'hearings') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  const file = await db
    .selectFrom('cases')
    .select(['state', 'version', 'intake_status', 'updated_at', 'is_disposed'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const outbox = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(sql<string>`payload->>'fromCaseId'`, '=', caseId)
    .executeTakeFirstOrThrow();
  const leads = await db
    .selectFrom('case_assignments')
    .select(['user_id', 'ended_at'])
    .where('case_id', '=', caseId)
    .orderBy('assigned_at')
    .orderBy('user_id')
    .execute();
  return {
    ...file,
    events: await count('case_events'),
    parties: await count('parties'),
    charges: await count('charges'),
    deadlines: await count('deadlines'),
    hearings: await count('hearings'),
    outbox: Number(outbox.n),
    assignments: leads,
  };
}

export async function eventSeqs(db: Db, caseId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('case_events')
    .select('seq')
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.seq);
}

export function auditRows(db: Db, objectId: string, action: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('object_id', '=', objectId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

/** The current lead of a file. */
export async function leadOf(db: Db, caseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_assignments')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('is_lead', '=', true)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row?.user_id;
}

/**
 * Delivers the pending outbox messages sent by one file, through the real handlers, the way the
 * worker does (one transaction per message, marked delivered in it), and returns the files its
 * referrals created. Waits for, rather than skips, a message another worker is delivering.
 */
export async function deliverReferralsFrom(services: Services, fromCaseId: string) {
  for (;;) {
    const delivered = await services.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('outbox')
        .select(['id', 'topic', 'payload', 'attempts'])
        .where('delivered_at', 'is', null)
        .where(sql<string>`payload->>'fromCaseId'`, '=', fromCaseId)
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return false;
      const handler = OUTBOX_HANDLERS[row.topic];
      if (!handler) throw new Error(`no handler for ${row.topic}`);
      await handler(trx, row, services);
      await trx
        .updateTable('outbox')
        .set({ delivered_at: services.clock.now() })
        .where('id', '=', row.id)
        .execute();
      return true;
    });
    if (!delivered) break;
  }
  return services.db
    .selectFrom('cases')
    .selectAll()
    .where('referred_from_id', '=', fromCaseId)
    .orderBy('created_at')
    .execute();
}

/** A referred file waiting in an institution's inbox, as the `case.refer` handler leaves it. */
export async function buildInboxCase(
  db: Db,
  institutionId: string,
  caseType: string,
  state: string,
) {
  const matter = await db
    .insertInto('matters')
    .values({ incident_date: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = new Date();
  const file = await db
    .insertInto('cases')
    .values({
      matter_id: matter.id,
      case_type: caseType,
      workflow_version: 1,
      institution_id: institutionId,
      state,
      version: 1,
      intake_status: 'pending',
      confidentiality: 'normal',
      summary: `inbox ${uniqueSuffix()}`,
      opened_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_events')
    .values({
      case_id: file.id,
      seq: 1,
      event_type: 'received',
      actor_user_id: null,
      on_behalf_of_id: null,
      occurred_at: now,
      workflow_version: 1,
      payload: JSON.stringify({}),
      state_before: null,
      state_after: state,
      request_id: null,
    })
    .execute();
  return file;
}

/** Adds a user to a file's team (a case assignment), lead or not. */
export async function addToTeam(
  db: Db,
  caseId: string,
  userId: string,
  role: Role,
  options: { isLead?: boolean; endedAt?: Date | null; assignedAt?: Date } = {},
) {
  await db
    .insertInto('case_assignments')
    .values({
      case_id: caseId,
      user_id: userId,
      role,
      is_lead: options.isLead ?? false,
      assigned_at: options.assignedAt ?? new Date(),
      ended_at: options.endedAt ?? null,
      end_reason: options.endedAt ? 'test' : null,
      reason: 'test',
    })
    .execute();
}
