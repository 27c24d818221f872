/**
 * The results of a run: the shape of bench-results.json, the targets of issues 7 and 9 checked
 * against them, and the tables printed at the end.
 */
import { formatCpu } from './cpu-meter';
import { latencyLabel, type StatisticLatency } from './statistics-latency';
import type { DataSizes } from './fixtures';
import type { LoadResult } from './load';
import type { WaitShare } from './wait-sampler';

export interface ScenarioResult extends LoadResult {
  name: string;
  title: string;
  connections: number;
  /** Highest resident memory of the server process(es) sampled during the scenario. */
  peakRssBytes: number | null;
  /** The machine's 1-minute load average at the end: other work on the machine shows here. */
  loadAverage: number;
  /** What the server's database connections were doing, on average, during the load. */
  waits: WaitShare[];
}

export interface SkippedScenario {
  name: string;
  title: string;
  skipped: string;
}

export interface BaselineResult {
  name: string;
  /** Why a baseline is missing, when it is. */
  note: string | null;
  bareWaits: WaitShare[];
  bare: LoadResult | null;
  pgbench: LoadResult | null;
  /** Our throughput divided by the baseline's. */
  ratioToBare: number | null;
  ratioToPgbench: number | null;
}

export interface ScaleOutRun {
  servers: number;
  result: LoadResult;
  peakRssBytes: number | null;
  loadAverage: number;
  waits: WaitShare[];
}

export interface ScaleOutResult {
  name: string;
  runs: ScaleOutRun[];
  /** Throughput with two servers divided by throughput with one, both behind the proxy. */
  speedup: number | null;
}

export interface SqlDrift {
  name: string;
  serverStatements: number;
  baselineStatements: number;
  onlyInServer: string[];
  onlyInBaseline: string[];
}

export interface QueryPlan {
  scenario: string;
  request: string;
  statement: string;
  /** EXPLAIN (ANALYZE, BUFFERS) on the loaded database, before the load. */
  plan: string;
}

export interface TargetCheck {
  target: string;
  measured: string;
  isMet: boolean | null;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: Record<string, string | number>;
  settings: { connections: number; durationSeconds: number; warmupSeconds: number };
  institution: { code: string; nameEn: string };
  data: DataSizes;
  scenarios: (ScenarioResult | SkippedScenario)[];
  baselines: BaselineResult[];
  scaleOut: ScaleOutResult[];
  /** Each statistic through the API, one request at a time (issue 8). */
  statisticLatencies: StatisticLatency[];
  sqlDrift: SqlDrift[];
  plans: QueryPlan[];
  /** Set when the run stopped early; the figures before the failure are kept. */
  aborted: string | null;
  server: { peakRssBytes: number | null };
  targets: TargetCheck[];
}

export function isSkipped(s: ScenarioResult | SkippedScenario): s is SkippedScenario {
  return 'skipped' in s;
}

const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const megabytes = (bytes: number | null) =>
  bytes === null || !Number.isFinite(bytes) ? '–' : `${Math.round(bytes / 1_048_576)} MB`;
const percent = (ratio: number | null) =>
  ratio === null || !Number.isFinite(ratio) ? '–' : `${(ratio * 100).toFixed(0)}%`;

/** A plain text table, numbers right-aligned, for a terminal and for docs/performance.md. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const isNumeric = (cell: string) => /^[–\d.,%\s×MB-]+$/.test(cell) && cell !== '';
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - cell.length);
        return i > 0 && isNumeric(cell) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function find(results: Pick<BenchResults, 'scenarios'>, name: string): ScenarioResult | null {
  const found = results.scenarios.find((s) => s.name === name);
  return found && !isSkipped(found) ? found : null;
}

function baseline(results: Pick<BenchResults, 'baselines'>, name: string) {
  return results.baselines.find((b) => b.name === name) ?? null;
}

/**
 * The targets of issue 9 (speed, errors), issue 7 (search) and issue 8 (statistics) against the
 * measured figures.
 */
export function checkTargets(
  results: Pick<BenchResults, 'scenarios' | 'baselines' | 'scaleOut'> &
    Partial<Pick<BenchResults, 'statisticLatencies'>>,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const name of ['case_page', 'event_write', 'event_write_minimal']) {
    const ratio = baseline(results, name)?.ratioToBare ?? null;
    checks.push({
      target: `${name}: throughput ≥ 50% of the bare node:http + pg baseline`,
      measured: percent(ratio),
      isMet: ratio === null ? null : ratio >= 0.5,
    });
  }
  const page = find(results, 'case_page');
  checks.push({
    target: `case_page: p95 ≤ 25 ms at 32 clients`,
    measured: page ? `${fixed(page.latencyMs.p95)} ms at ${page.connections}` : '–',
    isMet: page && page.connections >= 32 ? page.latencyMs.p95 <= 25 : null,
  });
  // Events are written with their audit row either way; a client that shows the file gets its
  // page in the answer (event_write), one that does not asks for the header alone
  // (event_write_minimal, Prefer: return=minimal). The target is judged on the events written.
  const writes = ['event_write', 'event_write_minimal'].flatMap((name) => {
    const found = find(results, name);
    return found ? [{ name, throughput: found.throughput }] : [];
  });
  const best = Math.max(...writes.map((w) => w.throughput));
  checks.push({
    target: 'event writes: ≥ 1,000 events/s sustained, with audit',
    measured:
      writes.length > 0
        ? writes.map((w) => `${fixed(w.throughput, 0)}/s (${w.name})`).join(', ')
        : '–',
    isMet: writes.length > 0 ? best >= 1000 : null,
  });
  // Issue 7 sets latencies: judged on one client at a time, shown with the 32-client figure.
  for (const [name, limit] of [
    ['person_search', 50],
    ['case_search', 100],
  ] as const) {
    const alone = find(results, `${name}_1_client`);
    const loaded = find(results, name);
    const parts = [
      alone ? `${fixed(alone.latencyMs.p95)} ms one client at a time` : null,
      loaded ? `${fixed(loaded.latencyMs.p95)} ms at ${loaded.connections} clients` : null,
    ].filter(Boolean);
    checks.push({
      target: `${name}: p95 ≤ ${limit} ms (issue 7)`,
      measured: parts.join('; ') || '–',
      isMet: alone ? alone.latencyMs.p95 <= limit : loaded ? loaded.latencyMs.p95 <= limit : null,
    });
  }
  // Issue 8: any measure for any filter within 500 ms, one request at a time (the median).
  const measures = (results.statisticLatencies ?? []).filter((l) => l.measure !== null);
  const slowest = measures.reduce<StatisticLatency | null>(
    (worst, l) => (worst === null || l.medianMs > worst.medianMs ? l : worst),
    null,
  );
  checks.push({
    target: 'each performance measure ≤ 500 ms, one request at a time (issue 8)',
    measured: slowest ? `slowest ${fixed(slowest.medianMs, 0)} ms (${latencyLabel(slowest)})` : '–',
    isMet: slowest ? slowest.medianMs <= 500 : null,
  });
  const measured = results.scenarios.filter((s): s is ScenarioResult => !isSkipped(s));
  const scaled = results.scaleOut.flatMap((s) => s.runs.map((r) => r.result));
  const errors = [...measured, ...scaled].reduce((sum, s) => sum + s.errors, 0);
  checks.push({
    target: 'no error under load (every scenario and scale-out run)',
    measured: `${errors} errors`,
    isMet: measured.length > 0 ? errors === 0 : null,
  });
  return checks;
}

export function renderReport(results: BenchResults): string {
  const out: string[] = [];
  const data = results.data;
  out.push(
    `Data: ${data.persons.toLocaleString('en')} persons, ${data.files.toLocaleString('en')} files ` +
      `(${data.institutionFiles.toLocaleString('en')} at ${results.institution.code}), ` +
      `${data.events.toLocaleString('en')} events, ${data.parties.toLocaleString('en')} parties, ` +
      `${data.hearings.toLocaleString('en')} hearings, ${data.auditRows.toLocaleString('en')} audit rows`,
  );
  out.push(
    `Load: ${results.settings.connections} clients (unless shown), ${results.settings.durationSeconds} s ` +
      `per run after a ${results.settings.warmupSeconds} s warm-up`,
  );
  out.push('');
  out.push(
    formatTable(
      [
        'scenario',
        'clients',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'errors',
        'server RSS',
        'CPU ms/req, Node + PG',
        'load avg',
      ],
      results.scenarios.map((s) =>
        isSkipped(s)
          ? [s.name, '', '', '', '', '', '', '', '', `skipped: ${s.skipped}`]
          : [
              s.name,
              String(s.connections),
              fixed(s.throughput),
              fixed(s.latencyMs.p50),
              fixed(s.latencyMs.p95),
              fixed(s.latencyMs.p99),
              String(s.errors),
              megabytes(s.peakRssBytes),
              formatCpu(s.cpuPerRequest),
              fixed(s.loadAverage),
            ],
      ),
    ),
  );
  if (results.baselines.length > 0) {
    out.push('', 'Baselines, measured in the same run (ours ÷ baseline throughput):');
    out.push(
      formatTable(
        [
          'scenario',
          'ours req/s',
          'bare req/s',
          'ours÷bare',
          'pgbench tps',
          'ours÷pgbench',
          'bare p95',
          'pgbench p95',
          'bare CPU ms/req, Node + PG',
        ],
        results.baselines.map((b) => [
          b.name,
          fixed(find(results, b.name)?.throughput),
          fixed(b.bare?.throughput),
          percent(b.ratioToBare),
          fixed(b.pgbench?.throughput),
          percent(b.ratioToPgbench),
          fixed(b.bare?.latencyMs.p95),
          fixed(b.pgbench?.latencyMs.p95),
          formatCpu(b.bare?.cpuPerRequest),
        ]),
      ),
    );
  }
  for (const baseline of results.baselines) {
    if (baseline.note) out.push(`  ${baseline.name}: ${baseline.note}`);
  }
  if (results.scaleOut.length > 0) {
    out.push('', 'Scale-out: Qadiya servers behind a round-robin proxy, same load:');
    out.push(
      formatTable(
        ['scenario', 'servers', 'req/s', 'p95 ms', 'errors', 'RSS (all)', '2 ÷ 1'],
        results.scaleOut.flatMap((s) =>
          s.runs.map((r, i) => [
            s.name,
            String(r.servers),
            fixed(r.result.throughput),
            fixed(r.result.latencyMs.p95),
            String(r.result.errors),
            megabytes(r.peakRssBytes),
            i === s.runs.length - 1 ? (s.speedup === null ? '–' : `${s.speedup.toFixed(2)}×`) : '',
          ]),
        ),
      ),
    );
  }
  for (const drift of results.sqlDrift) {
    const same = drift.onlyInServer.length === 0 && drift.onlyInBaseline.length === 0;
    out.push(
      '',
      same
        ? `Baseline SQL for ${drift.name}: same ${drift.serverStatements} statements as the server`
        : `WARNING: the baseline's SQL for ${drift.name} differs from the server's ` +
            `(${drift.serverStatements} vs ${drift.baselineStatements} statements); update ` +
            `bench/baseline-sql.ts.\n  only in the server: ${drift.onlyInServer.join(' | ') || '–'}` +
            `\n  only in the baseline: ${drift.onlyInBaseline.join(' | ') || '–'}`,
    );
  }
  const profiled = results.scenarios.filter((s): s is ScenarioResult => !isSkipped(s));
  if (results.statisticLatencies.length > 0) {
    out.push('', 'Statistics, one request at a time (national, the period of the scenarios):');
    out.push(
      formatTable(
        ['statistic', 'median ms', 'slowest ms'],
        results.statisticLatencies.map((l) => [
          latencyLabel(l),
          fixed(l.medianMs, 0),
          fixed(l.slowestMs, 0),
        ]),
      ),
    );
  }
  if (profiled.some((s) => s.waits.length > 0)) {
    out.push('', 'Database wait profile (average connections of the server in each state):');
    const line = (name: string, waits: WaitShare[]) =>
      `  ${name}: ${waits.map((w) => `${w.state} ${w.connections}`).join(', ') || 'idle'}`;
    for (const s of profiled) out.push(line(s.name, s.waits));
    for (const b of results.baselines) {
      if (b.bare) out.push(line(`${b.name} (bare)`, b.bareWaits));
    }
  }
  if (results.plans.length > 0) {
    out.push('', 'Search query plans (EXPLAIN ANALYZE; full plans in the results file):');
    for (const plan of results.plans) {
      const time = /Execution Time: ([\d.]+ ms)/.exec(plan.plan)?.[1] ?? '?';
      out.push(`  ${plan.scenario} ${plan.request}: ${time}  ${plan.statement.slice(0, 70)}…`);
    }
  }
  out.push('', `Server peak RSS (VmHWM) over the run: ${megabytes(results.server.peakRssBytes)}`);
  if (results.aborted)
    out.push('', `The run stopped early: ${results.aborted.split('\n')[0] ?? ''}`);
  out.push('', 'Targets:');
  out.push(
    formatTable(
      ['', 'target', 'measured'],
      results.targets.map((t) => [
        t.isMet === null ? 'n/a' : t.isMet ? 'met' : 'MISSED',
        t.target,
        t.measured,
      ]),
    ),
  );
  return out.join('\n');
}
