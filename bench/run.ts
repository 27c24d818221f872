/**
 * `npm run bench`: the benchmark suite (issue 9). Against the PostgreSQL database of DATABASE_URL
 * (loaded by `qadiya generate`), it starts the real server, prepares its users and samples, runs
 * every scenario with many concurrent clients, measures the baselines in the same run (a bare
 * node:http + pg handler, and pgbench on the same SQL), runs the scale-out comparison, prints the
 * tables and writes bench-results.json. docs/performance.md explains the figures.
 */
import {
  latencyLabel,
  measureStatisticLatencies,
  type StatisticLatency,
} from './statistics-latency';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../apps/server/src/config';
import { canUseRuntimeRole, openDatabase, redactUrl } from '../apps/server/src/db/database';
import { ApiClient } from './api';
import { captureSql, measureBaselines, type BaselineContext, type Captured } from './baselines';
import {
  analyzeIfNeverAnalyzed,
  cancelOwnQueries,
  describeMachine,
  probe,
  versionReader,
} from './run-support';
import { prepareFixtures, type Fixtures } from './fixtures';
import type { LoadOptions } from './load';
import { log, measure, stop, stopAll, track } from './measure';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { readMemory, startQadiya } from './processes';
import {
  checkTargets,
  isSkipped,
  renderReport,
  type BaselineResult,
  type BenchResults,
  type ScaleOutResult,
  type ScenarioResult,
  type SkippedScenario,
} from './report';
import { runScaleOut } from './scale-out';
import { scenarios as defineScenarios, type ScenarioDefinition, type Sessions } from './scenarios';

async function signIn(baseUrl: string, fixtures: Fixtures): Promise<Sessions> {
  const token = async (username: string) =>
    (await ApiClient.signIn(baseUrl, username, fixtures.password)).bearer;
  return {
    prosecutor: await token(fixtures.users.prosecutor.username),
    chief: await token(fixtures.users.chief.username),
    analyst: await token(fixtures.users.analyst.username),
  };
}

/** Case search is another engineer's work in progress: skip it, saying so, where it is absent. */
async function hasCaseSearch(baseUrl: string, token: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/v1/cases/search?q=${encodeURIComponent('سرقة')}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await response.arrayBuffer();
  return response.status !== 404;
}

const MISSING_DATABASE =
  'npm run bench needs DATABASE_URL: the PostgreSQL database to measure, loaded with ' +
  '`qadiya generate` (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/qadiya_bench ' +
  'npm run bench). It does not run on the embedded database: PGlite serves one connection at a ' +
  'time and would measure nothing a deployment sees.\n';

/** Requests per statistic in the one-at-a-time timing (the median is reported). */
const STATISTIC_RUNS = 3;

async function main(options: BenchOptions): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    process.stderr.write(MISSING_DATABASE);
    process.exitCode = 2;
    return;
  }
  const startedAt = new Date();
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl });
  const owner = await openDatabase({ databaseUrl, poolSize: 2 });
  try {
    log(`Qadiya benchmark against ${redactUrl(databaseUrl)}`);
    const machineInfo = await describeMachine(owner, databaseUrl);
    log(
      `Machine: ${machineInfo.cpus} × ${machineInfo.cpu}, ${machineInfo.memoryGiB} GiB, ` +
        `Node ${machineInfo.node}, PostgreSQL ${machineInfo.postgresql}, ` +
        `load average ${machineInfo.loadAverageAtStart}`,
    );
    const port = options.portBase + 1;
    const baseUrl = `http://127.0.0.1:${port}`;
    log('Starting qadiya serve (it migrates the database first)…');
    const server = await track(
      startQadiya('qadiya serve', databaseUrl, port, {
        nodeArgs: options.profileDir
          ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profileDir)}`]
          : [],
      }),
    );

    await analyzeIfNeverAnalyzed(owner);
    log('Preparing users and samples…');
    const fixtures = await prepareFixtures(owner.db, config, baseUrl, options.fixtures, log);
    log(
      `  ${fixtures.institution.code}: ${fixtures.readFiles.length} files to open, ` +
        `${fixtures.writableFiles.length} to write to, ${fixtures.personQueries.length} names, ` +
        `${fixtures.caseQueries.length} search words`,
    );
    const sessions = await signIn(baseUrl, fixtures);
    const readVersions = versionReader(owner);
    const definitions = defineScenarios({
      fixtures,
      sessions,
      readVersions,
      hasCaseSearch: await hasCaseSearch(baseUrl, sessions.prosecutor),
    }).filter((d) => options.only.length === 0 || options.only.includes(d.name));
    const context: BaselineContext = {
      databaseUrl,
      explain: (statement) =>
        owner.withRawSession(async (session) => {
          const rows = await session.query<{ 'QUERY PLAN': string }>(
            `EXPLAIN (ANALYZE, BUFFERS) ${statement}`,
          );
          return rows.map((row) => row['QUERY PLAN']).join('\n');
        }),
      portBase: options.portBase,
      runtimeRole: (await canUseRuntimeRole(owner.db, config.databaseRuntimeRole))
        ? config.databaseRuntimeRole
        : null,
      fixtures,
      sessions,
      readVersions,
      cancelOwnQueries: () => cancelOwnQueries(owner),
      database: owner,
      requestTimeoutMs: options.requestTimeoutSeconds * 1000,
    };

    let captured: Captured = { scripts: new Map(), tooSlow: new Map(), drift: [], plans: [] };
    if (options.baselines) {
      log('Recording the SQL of sample requests (for pgbench and the drift check)…');
      captured = await captureSql(context, definitions);
    }

    const loadFor = (definition: ScenarioDefinition, url: string): LoadOptions => ({
      url,
      connections: definition.connections ?? options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      timeoutSeconds: definition.timeoutSeconds ?? 10,
    });
    const scenarios: (ScenarioResult | SkippedScenario)[] = [];
    const baselines: BaselineResult[] = [];
    let scaleOut: ScaleOutResult[] = [];
    let statisticLatencies: StatisticLatency[] = [];
    let aborted: string | null = null;
    log('Scenarios:');
    try {
      for (const definition of definitions) {
        const tooSlow =
          captured.tooSlow.get(definition.name) ??
          (definition.skipReason || (await probe(baseUrl, definition, context.requestTimeoutMs))
            ? undefined
            : `one request took more than ${options.requestTimeoutSeconds} s`);
        const skipReason = definition.skipReason ?? tooSlow;
        if (skipReason) {
          await cancelOwnQueries(owner);
          log(`  ${definition.name}: skipped, ${skipReason}`);
          scenarios.push({ ...pick(definition), skipped: skipReason });
          continue;
        }
        const load = loadFor(definition, baseUrl);
        const measured = await measure(
          definition.name,
          definition.source(),
          load,
          [server.pid],
          owner,
        );
        // Requests the clients abandoned at the end may still be running: none may slow the next.
        await cancelOwnQueries(owner);
        scenarios.push({
          ...pick(definition),
          connections: load.connections,
          peakRssBytes: measured.peakRssBytes,
          loadAverage: measured.loadAverage,
          waits: measured.waits,
          ...measured.result,
        });
        if (!options.baselines) continue;
        const baseline = await measureBaselines(
          context,
          definition,
          measured.result,
          load,
          captured,
        );
        if (baseline) baselines.push(baseline);
      }
      // Issue 8's target is a latency, one request at a time: every measure through the API.
      if (definitions.some((d) => d.name.startsWith('stat_'))) {
        log('Statistics, one request at a time…');
        statisticLatencies = await measureStatisticLatencies(
          new ApiClient(baseUrl, sessions.analyst),
          fixtures.statisticsPeriod,
          STATISTIC_RUNS,
        );
        for (const latency of statisticLatencies) {
          log(`  ${latencyLabel(latency)}: ${latency.medianMs.toFixed(0)} ms`);
        }
      }
      if (options.scaleOut) {
        scaleOut = await runScaleOut(
          databaseUrl,
          options.portBase,
          server,
          definitions,
          loadFor,
          owner,
        );
      }
    } catch (error) {
      // What was measured before the failure is still worth its report.
      aborted = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`Run aborted: ${aborted}`);
      process.exitCode = 1;
    }

    const serverMemory = readMemory(server.pid);
    await stop(server);
    const partial = { scenarios, baselines, scaleOut, statisticLatencies };
    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      command:
        `DATABASE_URL=${redactUrl(databaseUrl)} npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      machine: machineInfo,
      settings: {
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
      },
      institution: { code: fixtures.institution.code, nameEn: fixtures.institution.nameEn },
      data: fixtures.data,
      ...partial,
      sqlDrift: captured.drift,
      plans: captured.plans,
      aborted,
      server: { peakRssBytes: serverMemory?.peakRssBytes ?? null },
      targets: checkTargets(partial),
    };
    log('');
    log(renderReport(results));
    writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
    log(`\nWrote ${options.out}`);
    if (scenarios.some((s) => !isSkipped(s) && s.errors > 0)) process.exitCode = 1;
  } finally {
    await owner.close();
  }
}

function pick(definition: ScenarioDefinition) {
  return { name: definition.name, title: definition.title };
}

const parsed = parseOptions(process.argv.slice(2));
if ('help' in parsed) {
  process.stdout.write(USAGE);
} else if ('error' in parsed) {
  process.stderr.write(`${parsed.error}\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  // The servers are child processes: whatever ends the run ends them too.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      void stopAll().then(() => process.exit(code));
    });
  }
  try {
    await main(parsed);
  } finally {
    await stopAll();
  }
}
