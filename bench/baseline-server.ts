/**
 * The bare baseline: `node:http` and `pg`, issuing the same SQL as Qadiya's case page and event
 * write (baseline-sql.ts) in the same order and with the same parallelism, but with no framework,
 * no schema validation, no policy decision, no workflow engine and no presenter: rows go out as
 * JSON as they come. It is the ceiling for what Node can do with that SQL; our throughput divided
 * by this one is what the rest costs.
 *
 * It keeps the data valid all the same (the audit row is hash-chained exactly like the server's),
 * because it writes to the same database as the real server in the same run.
 *
 * Run by the benchmark as its own process: DATABASE_URL, PORT, POOL_SIZE and RUNTIME_ROLE.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { CASE_PAGE_SQL } from '../apps/server/src/cases/case-page.repository';
import {
  DEFAULT_PREPARED_STATEMENT_OPTIONS,
  StatementNames,
} from '../apps/server/src/db/prepared-statements';
import type { serverStatement } from './baseline-sql';
import {
  caseFactsStatement,
  CASE_WITH_TEAM_ROLES,
  CASE_WITH_TEAM_ROLES_LOCKED,
  EVENT_CHANGE,
  eventChangeParameters,
  SESSION_WITH_USER,
  STAND_IN,
} from './baseline-sql';

type Row = Record<string, unknown>;
type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

const INT8_OID = 20;
const DATE_OID = 1082;
// The server's type parsers (db/database.ts): int8 as number, dates kept as text.
const types = {
  getTypeParser: (oid: number, format?: string) =>
    oid === INT8_OID
      ? Number
      : oid === DATE_OID
        ? (value: string) => value
        : (pg.types.getTypeParser as (oid: number, format?: string) => (v: string) => unknown)(
            oid,
            format,
          ),
} as pg.CustomTypesConfig;

const role = process.env.RUNTIME_ROLE;
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
  types,
  // The server's connection settings: JIT off, and the runtime role when there is one.
  options: ['-c jit=off', ...(role ? [`-c role=${role}`] : [])].join(' '),
});
pool.on('error', () => undefined);

// Statements are prepared as the server prepares them (db/prepared-statements.ts), by the same
// naming rule, so the comparison measures the framework and not the protocol.
const statementNames = new StatementNames(DEFAULT_PREPARED_STATEMENT_OPTIONS);

async function rows(db: Queryable, text: string, values: unknown[]): Promise<Row[]> {
  const name = statementNames.nameFor(text, values.length);
  const result =
    name === undefined ? await db.query(text, values) : await db.query({ name, text, values });
  return result.rows as Row[];
}

/** Runs a statement compiled from the server's own builder, the stand-ins given their values. */
function serverRows(
  db: Queryable,
  statement: ReturnType<typeof serverStatement>,
  values: [unknown, unknown][],
): Promise<Row[]> {
  return rows(db, statement.sql, statement.parameters(new Map(values)));
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Session {
  userId: string;
  username: string;
}

async function authenticate(request: http.IncomingMessage): Promise<Session> {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (!token) throw new HttpFailure(401, 'no token');
  const [session] = await serverRows(pool, SESSION_WITH_USER, [
    [STAND_IN.tokenHash, createHash('sha256').update(token).digest('hex')],
    [STAND_IN.now, new Date()],
  ]);
  if (!session) throw new HttpFailure(401, 'unknown token');
  return { userId: String(session.userId), username: String(session.username) };
}

/** The file with the reader's team roles, as the server opens a file. */
async function openFile(caseId: string, session: Session): Promise<Row> {
  const [found] = await serverRows(pool, CASE_WITH_TEAM_ROLES, [
    [STAND_IN.caseId, caseId],
    [STAND_IN.userId, session.userId],
  ]);
  if (!found) throw new HttpFailure(404, 'no such file');
  return found;
}

async function casePage(caseId: string, session: Session): Promise<Row> {
  return pageOf(await openFile(caseId, session), session);
}

async function pageOf(found: Row, session: Session): Promise<Row> {
  const caseId = found.id;
  // Every part of the page in one statement, as the server reads them.
  const [parts] = await rows(pool, CASE_PAGE_SQL, [
    caseId,
    found.matter_id,
    found.institution_id,
    session.userId,
  ]);
  return { file: found, ...parts };
}

interface EventBody {
  event: string;
  version: number;
  payload: Record<string, unknown>;
}

const FACTS_WITH_OWN_MEDIATION = caseFactsStatement(true);
const FACTS_WITH_MATTER_MEDIATION = caseFactsStatement(false);

async function fireEvent(
  caseId: string,
  session: Session,
  body: EventBody,
  minimal: boolean,
): Promise<Row> {
  let updated: Row | undefined;
  const client = await pool.connect();
  try {
    await client.query('begin');
    // The file with the actor's team roles, its row locked, as the server opens it to change it.
    const [file] = await serverRows(client, CASE_WITH_TEAM_ROLES_LOCKED, [
      [STAND_IN.caseId, caseId],
      [STAND_IN.userId, session.userId],
    ]);
    if (!file) throw new HttpFailure(404, 'no such file');
    if (file.version !== body.version) {
      throw new HttpFailure(409, JSON.stringify({ currentVersion: file.version }));
    }
    // The workflow's facts in one statement, as the server reads them.
    const facts = file.mediation_status ? FACTS_WITH_OWN_MEDIATION : FACTS_WITH_MATTER_MEDIATION;
    await serverRows(client, facts, [
      [STAND_IN.caseId, caseId],
      [STAND_IN.matterId, file.matter_id],
    ]);
    // The file's new state, the audit row (hash-chained at commit) and the event in one
    // statement, which answers with the actor's team roles after the change.
    [updated] = await rows(
      client,
      EVENT_CHANGE.sql,
      eventChangeParameters({
        caseId,
        userId: session.userId,
        username: session.username,
        institutionId: String(file.institution_id),
        state: String(file.state),
        version: body.version,
        eventType: body.event,
        payload: body.payload,
        now: new Date(),
        requestId: randomUUID(),
        sourceIp: '127.0.0.1',
      }),
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  if (!updated) throw new HttpFailure(404, 'no such file');
  // Prefer: return=minimal: the row the change returned is the answer; otherwise the page, built
  // on that row.
  return minimal ? updated : pageOf(updated, session);
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString());
    });
    request.on('error', reject);
  });
}

async function handle(request: http.IncomingMessage): Promise<unknown> {
  const url = request.url ?? '/';
  if (url === '/health') return { status: 'ok' };
  const match = /^\/cases\/([0-9a-f-]{36})(\/events)?$/.exec(url);
  if (!match?.[1]) throw new HttpFailure(404, 'no such route');
  const session = await authenticate(request);
  if (request.method === 'GET' && !match[2]) return casePage(match[1], session);
  if (request.method === 'POST' && match[2]) {
    const minimal = /(^|,)\s*return=minimal\b/.test(String(request.headers.prefer ?? ''));
    return fireEvent(match[1], session, JSON.parse(await readBody(request)) as EventBody, minimal);
  }
  throw new HttpFailure(405, 'method not allowed');
}

const server = http.createServer((request, response) => {
  handle(request).then(
    (result) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result));
    },
    (error: unknown) => {
      const status = error instanceof HttpFailure ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(message.startsWith('{') ? message : JSON.stringify({ error: message }));
    },
  );
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 8090), '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
