/**
 * What the run asks of the database and the server around the measured loads: the machine's
 * description, planner statistics, the quiet moment after a load, this run's own runaway queries,
 * and a single probing request before a scenario is put under load.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { redactUrl, type DatabaseHandle } from '../apps/server/src/db/database';
import { log } from './measure';
import { BENCH_APPLICATION_NAME } from './processes';
import type { ScenarioDefinition, VersionReader } from './scenarios';

export async function describeMachine(handle: DatabaseHandle, databaseUrl: string) {
  const setting = async (name: string) =>
    (await sql<{ v: string }>`SELECT current_setting(${name}) AS v`.execute(handle.db)).rows[0]
      ?.v ?? '';
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgresql: await setting('server_version'),
    shared_buffers: await setting('shared_buffers'),
    synchronous_commit: await setting('synchronous_commit'),
    max_connections: await setting('max_connections'),
    loadAverageAtStart: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    database: redactUrl(databaseUrl),
  };
}

/**
 * A database bulk-loaded a moment ago may have no planner statistics yet; autovacuum would gather
 * them within minutes, so the run does it first rather than measure plans made blind.
 */
export async function analyzeIfNeverAnalyzed(handle: DatabaseHandle): Promise<void> {
  const { rows } = await sql<{ relname: string }>`
    SELECT relname FROM pg_stat_user_tables
    WHERE n_live_tup > 10000 AND last_analyze IS NULL AND last_autoanalyze IS NULL`.execute(
    handle.db,
  );
  for (const { relname } of rows) {
    log(`  ${relname} has no planner statistics yet: ANALYZE`);
    await sql`ANALYZE ${sql.table(relname)}`.execute(handle.db);
  }
}

/**
 * Cancels this run's queries still running after their request was abandoned. The server keeps a
 * query running after its client has gone, and the requests that were waiting for a pool
 * connection start theirs when one frees, so it cancels again until nothing old is left running
 * for three seconds (at most two minutes). Normal requests take far less than two seconds.
 */
export async function cancelOwnQueries(handle: DatabaseHandle): Promise<number> {
  let cancelled = 0;
  let quietPasses = 0;
  for (let pass = 0; pass < 240 && quietPasses < 6; pass++) {
    const { rows } = await sql<{ pid: number }>`
      SELECT pid FROM pg_stat_activity
      WHERE application_name = ${BENCH_APPLICATION_NAME} AND backend_type = 'client backend'
        AND state = 'active' AND now() - query_start > interval '2 seconds'`.execute(handle.db);
    for (const { pid } of rows) await sql`SELECT pg_cancel_backend(${pid})`.execute(handle.db);
    cancelled += rows.length;
    quietPasses = rows.length === 0 ? quietPasses + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return cancelled;
}

/**
 * One request before the load: a scenario whose single request does not finish within the
 * timeout would only pile up 32 such queries on the database; it is reported as too slow instead.
 */
export async function probe(
  baseUrl: string,
  definition: ScenarioDefinition,
  timeoutMs: number,
): Promise<{ ms: number } | null> {
  const source = definition.source();
  const spec = source.next();
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${spec.path}`, {
      method: spec.method,
      headers: spec.headers ?? {},
      signal: AbortSignal.timeout(timeoutMs),
      ...(spec.body === undefined ? {} : { body: spec.body }),
    });
    const body = await response.text();
    source.onResponse?.(response.status, body, spec.state);
    return { ms: performance.now() - started };
  } catch {
    await source.settle?.();
    return null;
  }
}

/**
 * Waits until no connection of this run's servers is running a statement or holds a transaction
 * open (at most a minute): requests the load abandoned are then finished.
 */
export async function waitUntilQuiet(handle: DatabaseHandle): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const { rows } = await sql<{ busy: number }>`
      SELECT count(*)::int AS busy FROM pg_stat_activity
      WHERE application_name = ${BENCH_APPLICATION_NAME} AND backend_type = 'client backend'
        AND state IN ('active', 'idle in transaction')`.execute(handle.db);
    if ((rows[0]?.busy ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function versionReader(handle: DatabaseHandle): VersionReader {
  return async (ids) => {
    if (ids.length === 0) return new Map();
    await waitUntilQuiet(handle);
    const rows = await handle.db
      .selectFrom('cases')
      .select(['id', 'version'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.version]));
  };
}
