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
import { randomUUID } from 'node:crypto';
import { auditRowOf, type AuditEntry } from '../apps/server/src/audit/audit-log';
import { sessionWithUserQuery } from '../apps/server/src/auth/sessions.repository';
import { caseFactsQuery } from '../apps/server/src/cases/case-facts.repository';
import { caseEventAuditEntry } from '../apps/server/src/cases/fire-event';
import {
  caseWithTeamRolesQuery,
  recordEventChangeQuery,
} from '../apps/server/src/cases/cases.repository';
import type { Database } from '../apps/server/src/db/schema';

/**
 * Every part of the case page, read in one statement once access is granted: the server's own
 * text (cases/case-page.repository.ts, CASE_PAGE_SQL), imported by the baseline.
 */

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

/** Opening a file to fire an event (openCaseToChange): the same, its row locked. */
export const CASE_WITH_TEAM_ROLES_LOCKED = serverStatement((db) =>
  caseWithTeamRolesQuery(db, STAND_IN.caseId, STAND_IN.userId, { forUpdate: true }),
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

/**
 * The end of an event (cases.repository.ts, recordEventChangeQuery): the file's new state, the
 * audit row and the event in one statement, as the server writes an event with no action (the
 * benchmark's `question`). Compiled once with stand-ins; `eventChangeParameters` gives a request's
 * values, the audit row hashed by the server's own function.
 */
const EVENT_STAND_IN = {
  state: '\u0000state',
  version: -1,
  nextVersion: -2,
  eventId: '\u0000event',
  eventType: '\u0000eventType',
  requestId: '\u0000request',
  institutionId: '\u0000institution',
  username: '\u0000username',
  payload: { '\u0000payload': true },
  origin: { requestId: '\u0000request', sourceIp: '\u0000ip', occurredAt: STAND_IN.now },
} as const;

/** The audit entry of an event that leaves the file in its state, as the server writes it. */
function eventAuditEntry(values: {
  userId: string;
  username: string;
  caseId: string;
  institutionId: string;
  eventType: string;
  nextVersion: number;
  state: string;
}): AuditEntry {
  return caseEventAuditEntry({
    actor: { userId: values.userId, username: values.username },
    file: { id: values.caseId, institution_id: values.institutionId },
    event: values.eventType,
    version: values.nextVersion,
    stateBefore: values.state,
    stateAfter: values.state,
    isBreakGlass: false,
  });
}

const STAND_IN_AUDIT = auditRowOf(
  EVENT_STAND_IN.origin,
  eventAuditEntry({
    userId: STAND_IN.userId,
    username: EVENT_STAND_IN.username,
    caseId: STAND_IN.caseId,
    institutionId: EVENT_STAND_IN.institutionId,
    eventType: EVENT_STAND_IN.eventType,
    nextVersion: EVENT_STAND_IN.nextVersion,
    state: EVENT_STAND_IN.state,
  }),
);

export const EVENT_CHANGE = serverStatement((db) =>
  recordEventChangeQuery(
    db,
    {
      caseId: STAND_IN.caseId,
      fromVersion: EVENT_STAND_IN.version,
      set: {
        state: EVENT_STAND_IN.state,
        version: EVENT_STAND_IN.nextVersion,
        updated_at: STAND_IN.now,
      },
    },
    db.insertInto('audit_pending').values(STAND_IN_AUDIT),
    STAND_IN.userId,
    {
      id: EVENT_STAND_IN.eventId,
      caseId: STAND_IN.caseId,
      seq: EVENT_STAND_IN.nextVersion,
      eventType: EVENT_STAND_IN.eventType,
      actorUserId: STAND_IN.userId,
      onBehalfOfId: null,
      occurredAt: STAND_IN.now,
      workflowVersion: 1,
      payload: EVENT_STAND_IN.payload,
      stateBefore: EVENT_STAND_IN.state,
      stateAfter: EVENT_STAND_IN.state,
      requestId: EVENT_STAND_IN.requestId,
    },
  ),
);

/** The values of EVENT_CHANGE for one request: an event that leaves the file in its state. */
export function eventChangeParameters(request: {
  caseId: string;
  userId: string;
  username: string;
  institutionId: string;
  state: string;
  version: number;
  eventType: string;
  payload: Record<string, unknown>;
  now: Date;
  requestId: string;
  sourceIp: string;
}): unknown[] {
  const nextVersion = request.version + 1;
  const audit = auditRowOf(
    { requestId: request.requestId, sourceIp: request.sourceIp, occurredAt: request.now },
    eventAuditEntry({ ...request, nextVersion }),
  );
  const values = new Map<unknown, unknown>([
    [STAND_IN.caseId, request.caseId],
    [STAND_IN.userId, request.userId],
    [STAND_IN.now, request.now],
    [EVENT_STAND_IN.state, request.state],
    [EVENT_STAND_IN.version, request.version],
    [EVENT_STAND_IN.nextVersion, nextVersion],
    [EVENT_STAND_IN.eventId, randomUUID()],
    [EVENT_STAND_IN.eventType, request.eventType],
    [EVENT_STAND_IN.requestId, request.requestId],
    [JSON.stringify(EVENT_STAND_IN.payload), JSON.stringify(request.payload)],
  ]);
  for (const column of Object.keys(STAND_IN_AUDIT) as (keyof typeof STAND_IN_AUDIT)[]) {
    if (!values.has(STAND_IN_AUDIT[column])) values.set(STAND_IN_AUDIT[column], audit[column]);
  }
  return EVENT_CHANGE.parameters(values);
}

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
