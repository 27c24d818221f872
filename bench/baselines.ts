/**
 * The side-by-side baselines, measured in the same run as Qadiya's figures: the bare
 * node:http + pg server (baseline-server.ts) for the case page and the event write, and pgbench on
 * the very statements the server sent for each read. Before the load, a server started with the
 * capture hook records those statements, and the same requests sent to the bare server show
 * whether its SQL still matches the server's.
 */
import path from 'node:path';
import { tmpdir } from 'node:os';
import { INCIDENTAL_STATEMENTS, statementShape } from './baseline-sql';
import { CAPTURE_NODE_ARGS, SqlRecorder } from './capture';
import type { Fixtures } from './fixtures';
import type { LoadOptions, LoadResult } from './load';
import { log, measure, stop, track } from './measure';
import { inlineStatement, MAX_SCRIPTS, pgbenchScript, runPgbench } from './pgbench';
import {
  BENCH_APPLICATION_NAME,
  startBenchModule,
  startQadiya,
  type ChildServer,
} from './processes';
import type { BaselineResult, QueryPlan, SqlDrift } from './report';
import {
  casePageSource,
  eventWriteSource,
  type ScenarioDefinition,
  type Sessions,
  type VersionReader,
} from './scenarios';
import type { CapturedStatement } from './sql-capture';
import type { WaitShare } from './wait-sampler';
import type { DatabaseHandle } from '../apps/server/src/db/database';

/** Read scenarios whose SQL pgbench replays (the database's ceiling for them): every statistic too. */
/** Scenarios measured against the bare node:http + pg server too. */
export const BARE_SCENARIOS = ['case_page', 'event_write', 'event_write_minimal'];
const PGBENCH_SCENARIOS = ['case_page', 'work_queue', 'person_search', 'case_search'];
const isReplayed = (name: string) => PGBENCH_SCENARIOS.includes(name) || name.startsWith('stat_');

export interface BaselineContext {
  databaseUrl: string;
  /** Runs EXPLAIN (ANALYZE, BUFFERS) on a statement and returns the plan as text. */
  explain: (statement: string) => Promise<string>;
  /** The run's own connection, for the wait profile of the bare server's load. */
  database: DatabaseHandle;
  /** Cancels this run's queries still running on the database (after an abandoned request). */
  cancelOwnQueries: () => Promise<number>;
  /** A single request slower than this makes its scenario too slow to put under load. */
  requestTimeoutMs: number;
  portBase: number;
  /** The server's runtime database role, used by the bare server and pgbench too. */
  runtimeRole: string | null;
  fixtures: Fixtures;
  sessions: Sessions;
  readVersions: VersionReader;
}

export interface Captured {
  /** pgbench scripts per scenario, one per captured request. */
  scripts: Map<string, string[]>;
  /** Scenarios of which one request did not finish within the request timeout. */
  tooSlow: Map<string, string>;
  drift: SqlDrift[];
  plans: QueryPlan[];
}

/** Scenarios whose query plans the report shows (issue 7 asks for the search plans). */
const EXPLAINED_SCENARIOS = ['person_search', 'case_search'];
const EXPLAINED_REQUESTS = 3;
/** Authentication and transaction control: the same in every request, not what is measured. */
const NOT_EXPLAINED = /^\s*(begin|commit|rollback)\s*$|from "sessions"|from "role_assignments"/i;

export function startBare(
  context: Pick<BaselineContext, 'databaseUrl' | 'runtimeRole'>,
  port: number,
  captureFile?: string,
): Promise<ChildServer> {
  return startBenchModule(
    'baseline-server.ts',
    {
      name: 'bare baseline server',
      port,
      readyPath: '/health',
      env: {
        ...process.env,
        DATABASE_URL: context.databaseUrl,
        PORT: String(port),
        // The server's pool size (db/database.ts).
        POOL_SIZE: '10',
        RUNTIME_ROLE: context.runtimeRole ?? '',
        PGAPPNAME: BENCH_APPLICATION_NAME,
        ...(captureFile ? { BENCH_SQL_CAPTURE: captureFile } : {}),
      },
    },
    // startBenchModule loads tsx already; only the capture hook is added.
    captureFile ? CAPTURE_NODE_ARGS.slice(2) : [],
  );
}

/** What is in `a` and not in `b`, counting repeats. */
function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1);
  return a.filter((item) => {
    const n = left.get(item) ?? 0;
    if (n === 0) return true;
    left.set(item, n - 1);
    return false;
  });
}

export function compareSql(
  name: string,
  server: readonly CapturedStatement[],
  baseline: readonly CapturedStatement[],
): SqlDrift {
  const shapes = (statements: readonly CapturedStatement[]) =>
    statements
      .map((s) => statementShape(s.text))
      .filter((text) => !INCIDENTAL_STATEMENTS.test(text));
  const a = shapes(server);
  const b = shapes(baseline);
  return {
    name,
    serverStatements: a.length,
    baselineStatements: b.length,
    onlyInServer: multisetMinus(a, b).map((s) => s.slice(0, 160)),
    onlyInBaseline: multisetMinus(b, a).map((s) => s.slice(0, 160)),
  };
}

/** Records the SQL of sample requests; these servers are not measured. */
export async function captureSql(
  context: BaselineContext,
  definitions: readonly ScenarioDefinition[],
): Promise<Captured> {
  const { fixtures, sessions } = context;
  const captureFile = path.join(tmpdir(), `qadiya-bench-sql-${process.pid}.jsonl`);
  const bareFile = path.join(tmpdir(), `qadiya-bench-sql-bare-${process.pid}.jsonl`);
  const server = await track(
    startQadiya('capture server', context.databaseUrl, context.portBase + 20, {
      nodeArgs: CAPTURE_NODE_ARGS,
      env: { BENCH_SQL_CAPTURE: captureFile },
    }),
  );
  const bare = await track(startBare(context, context.portBase + 21, bareFile));
  const recorder = new SqlRecorder(server, captureFile);
  const bareRecorder = new SqlRecorder(bare, bareFile);
  const scripts = new Map<string, string[]>();
  const drift: SqlDrift[] = [];
  const plans: QueryPlan[] = [];
  const tooSlow = new Map<string, string>();
  try {
    for (const definition of definitions) {
      if (!isReplayed(definition.name) || definition.skipReason) continue;
      const source = definition.source();
      // A statistic or the work queue is the same request every time.
      const samples = /^(stat_|work_queue)/.test(definition.name) ? 1 : MAX_SCRIPTS;
      const list: string[] = [];
      for (let i = 0; i < samples; i++) {
        const spec = source.next();
        const recorded = await recorder.record(spec, context.requestTimeoutMs).catch(() => null);
        if (!recorded) {
          // The server keeps running the query after the client has gone: stop it.
          await context.cancelOwnQueries();
          tooSlow.set(
            definition.name,
            `one request took more than ${context.requestTimeoutMs / 1000} s`,
          );
          list.length = 0;
          break;
        }
        const { status, statements } = recorded;
        if (status !== 200) throw new Error(`${definition.name}: HTTP ${status} while recording`);
        list.push(pgbenchScript(statements));
        if (EXPLAINED_SCENARIOS.includes(definition.name) && i < EXPLAINED_REQUESTS) {
          for (const statement of statements) {
            if (NOT_EXPLAINED.test(statement.text)) continue;
            const text = inlineStatement(statement);
            plans.push({
              scenario: definition.name,
              request: decodeURIComponent(spec.path),
              statement: text.length > 400 ? `${text.slice(0, 400)}…` : text,
              plan: await context.explain(text),
            });
          }
        }
      }
      if (list.length > 0) scripts.set(definition.name, list);
    }
    // The drift check: the same kind of request to both servers, the same statements expected.
    const fileId = fixtures.readFiles[0];
    if (fileId) {
      const page = casePageSource([fileId], sessions.prosecutor).next();
      const ours = await recorder.record(page);
      const theirs = await bareRecorder.record({ ...page, path: `/cases/${fileId}` });
      drift.push(compareSql('case_page', ours.statements, theirs.statements));
    }
    const [first, second] = fixtures.writableFiles;
    for (const minimal of [false, true]) {
      if (!first || !second) break;
      const fire = async (target: SqlRecorder, source: ReturnType<typeof eventWriteSource>) => {
        const spec = source.next();
        const recorded = await target.record(spec);
        source.onResponse?.(recorded.status, '', spec.state);
        if (recorded.status !== 200) throw new Error(`event write: HTTP ${recorded.status}`);
        return recorded.statements;
      };
      const ours = await fire(
        recorder,
        eventWriteSource([first], sessions.prosecutor, { minimal }),
      );
      const theirs = await fire(
        bareRecorder,
        eventWriteSource([second], sessions.prosecutor, {
          pathOf: (f) => `/cases/${f.id}/events`,
          minimal,
        }),
      );
      drift.push(compareSql(minimal ? 'event_write_minimal' : 'event_write', ours, theirs));
    }
  } finally {
    recorder.dispose();
    bareRecorder.dispose();
    await stop(server);
    await stop(bare);
  }
  return { scripts, tooSlow, drift, plans };
}

/** The bare server and pgbench for one scenario, right after Qadiya's own run of it. */
export async function measureBaselines(
  context: BaselineContext,
  definition: ScenarioDefinition,
  ours: LoadResult,
  load: LoadOptions,
  captured: Captured,
): Promise<BaselineResult | null> {
  let bare: LoadResult | null = null;
  let bareWaits: WaitShare[] = [];
  if (BARE_SCENARIOS.includes(definition.name)) {
    const server = await track(startBare(context, context.portBase + 10));
    try {
      const { fixtures, sessions, readVersions } = context;
      const source =
        definition.name === 'case_page'
          ? casePageSource(fixtures.readFiles, sessions.prosecutor, (id) => `/cases/${id}`)
          : eventWriteSource(fixtures.writableFiles, sessions.prosecutor, {
              pathOf: (f) => `/cases/${f.id}/events`,
              readVersions,
              minimal: definition.name === 'event_write_minimal',
            });
      const url = `http://127.0.0.1:${server.port}`;
      const measured = await measure(
        `${definition.name} (bare node:http + pg)`,
        source,
        { ...load, url },
        [server.pid],
        context.database,
      );
      bare = measured.result;
      bareWaits = measured.waits;
      await context.cancelOwnQueries();
    } finally {
      await stop(server);
    }
  }
  let pgbench: LoadResult | null = null;
  let note: string | null = null;
  const scripts = captured.scripts.get(definition.name);
  if (scripts && scripts.length > 0 && ours.throughput * ours.durationSeconds < 1) {
    // Nothing finished through the server: pgbench would only queue the same slow queries.
    note = 'pgbench not run: no request of the scenario finished under load';
    log(`  ${definition.name} (pgbench): not run, no request finished under load`);
  } else if (scripts && scripts.length > 0) {
    process.stdout.write(`  ${definition.name} (pgbench, same SQL, ${load.connections} clients)… `);
    try {
      pgbench = await runPgbench(scripts, {
        databaseUrl: context.databaseUrl,
        role: context.runtimeRole,
        statementTimeoutSeconds: context.requestTimeoutMs / 1000,
        clients: load.connections,
        threads: 2,
        durationSeconds: load.durationSeconds,
        warmupSeconds: load.warmupSeconds,
      });
      log(`${pgbench.throughput.toFixed(1)} tps, p95 ${pgbench.latencyMs.p95.toFixed(1)} ms`);
    } catch (error) {
      note = `pgbench failed: ${(error as Error).message.split('\n')[0] ?? ''}`;
      log(note);
    }
  }
  if (!bare && !pgbench && !note) return null;
  return {
    name: definition.name,
    note,
    bareWaits,
    bare,
    pgbench,
    ratioToBare: bare ? ours.throughput / bare.throughput : null,
    ratioToPgbench: pgbench ? ours.throughput / pgbench.throughput : null,
  };
}
