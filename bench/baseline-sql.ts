/**
 * The SQL the server issues to open a case page and to fire an event, statement for statement, as
 * Kysely compiles it (captured from the running server; see sql-capture.ts). The bare baseline
 * server runs exactly these; the run checks they still match what the server sends, so a change
 * to the server's queries shows up as a drift warning instead of a silently unfair ratio.
 */
import {
  DummyDriver,
  Kysely,
  type Compilable,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { sessionWithUserQuery } from '../apps/server/src/auth/sessions.repository';
import { caseFactsQuery } from '../apps/server/src/cases/case-facts.repository';
import { caseWithTeamRolesQuery } from '../apps/server/src/cases/cases.repository';
import type { Database } from '../apps/server/src/db/schema';

export const TEAM_ROLES =
  'select "role" from "case_assignments" where "case_id" = $1 and "user_id" = $2 and "ended_at" is null';

/**
 * Every part of the case page, read in one statement once access is granted: the server's own
 * text (cases/case-page.repository.ts, CASE_PAGE_SQL), imported by the baseline.
 */

/** Firing an event: the transaction (fire-event.ts, cases.repository.ts, audit-log.ts). */
export const LOCK_CASE = 'select * from "cases" where "id" = $1 for update';
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * A statement the server builds with Kysely, compiled once here (no connection is made) with
 * stand-in values; `parameters` puts the request's values where the stand-ins were, by identity.
 * The baseline then sends the server's exact text without building anything per request.
 */
export function serverStatement(build: (db: Kysely<Database>) => Compilable): {
  sql: string;
  parameters: (values: Map<unknown, unknown>) => unknown[];
} {
  const compiled = build(compiler).compile();
  return {
    sql: compiled.sql,
    parameters: (values) =>
      compiled.parameters.map((value) => (values.has(value) ? values.get(value) : value)),
  };
}

/** Stand-ins for `serverStatement`: unique objects, so no real value can be taken for one. */
export const STAND_IN = {
  caseId: '\u0000case',
  matterId: '\u0000matter',
  tokenHash: '\u0000token',
  userId: '\u0000user',
  now: new Date(0),
} as const;

/** Authentication (auth/sessions.repository.ts): the session, its user and assignments at once. */
export const SESSION_WITH_USER = serverStatement((db) =>
  sessionWithUserQuery(db, STAND_IN.tokenHash, STAND_IN.now),
);

/** Opening a file (cases/case-access.ts, openCase): the file with the reader's team roles. */
export const CASE_WITH_TEAM_ROLES = serverStatement((db) =>
  caseWithTeamRolesQuery(db, STAND_IN.caseId, STAND_IN.userId),
);

/**
 * The workflow's facts in one statement (cases/case-facts.repository.ts). Two texts: for a file
 * with its own mediation status, and for one that takes its matter's.
 */
export const caseFactsStatement = (hasOwnMediationStatus: boolean) =>
  serverStatement((db) =>
    caseFactsQuery(db, {
      id: STAND_IN.caseId,
      matter_id: STAND_IN.matterId,
      mediation_status: hasOwnMediationStatus ? 'offered' : null,
    }),
  );

export const INSERT_EVENT =
  'insert into "case_events" ("id", "case_id", "seq", "event_type", "actor_user_id", "on_behalf_of_id", "occurred_at", "workflow_version", "payload", "state_before", "state_after", "request_id") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning "id"';
export const UPDATE_CASE =
  'update "cases" set "state" = $1, "version" = $2, "updated_at" = $3 where "id" = $4 and "version" = $5 returning *';
// The audit write is audit/audit-log.ts's RECORD_AUDIT_SQL itself, imported by the baseline.

/**
 * Statements that are not part of a request's work: the session's last-seen time, written at most
 * every 30 seconds by whichever request comes then (auth/authenticate.ts).
 */
export const INCIDENTAL_STATEMENTS = /^update "sessions" set "last_seen_at"/;

/** Statement text with the values of `in (…)` lists folded, for comparing two captures. */
export function statementShape(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\$\d+(, \$\d+)*/g, '$n');
}
