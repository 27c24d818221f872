/**
 * The database's own ceiling for a read: the statements the server sent for one request (captured,
 * see sql-capture.ts), with their parameters written in as literals, run back to back by pgbench
 * with the same number of clients. One script per captured request (up to 64), equally weighted,
 * so pgbench reads as many different files and names as the HTTP load does.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { percentile, type LoadResult } from './load';
import type { CapturedStatement } from './sql-capture';

const run = promisify(execFile);
export const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';
/** pgbench refuses more scripts than this (MAX_SCRIPTS in its source is 128). */
export const MAX_SCRIPTS = 64;

/**
 * A value as an SQL literal pgbench leaves alone: an E'' string (an untyped literal, like a
 * parameter of unknown type) in which a colon is written `\x3a`, since pgbench reads `:name` as one
 * of its variables even inside quotes.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? arrayLiteral(value)
        : JSON.stringify(value);
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "''")
    .replace(/:/g, '\\x3a')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
  return `E'${escaped}'`;
}

/** An array parameter as PostgreSQL's array text (`{"a","b"}`), as node-pg sends it. */
function arrayLiteral(values: readonly unknown[]): string {
  const element = (value: unknown): string => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return arrayLiteral(value);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  };
  return `{${values.map(element).join(',')}}`;
}

/**
 * The text without its `--` comments (outside quotes): on one line, a comment would swallow the
 * rest of the statement (the statistics explain themselves in comments).
 */
function withoutLineComments(text: string): string {
  let out = '';
  let inQuote = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === "'") inQuote = !inQuote;
    if (!inQuote && char === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i += 1;
      out += '\n';
      continue;
    }
    out += char;
  }
  return out;
}

/** One statement with its parameters written in, on one line. */
export function inlineStatement(statement: CapturedStatement): string {
  const text = withoutLineComments(statement.text).replace(/\s+/g, ' ').trim();
  return text.replace(/\$(\d+)/g, (whole, n: string) => {
    const index = Number(n) - 1;
    return index < statement.values.length ? sqlLiteral(statement.values[index]) : whole;
  });
}

export function pgbenchScript(statements: readonly CapturedStatement[]): string {
  return statements.map((s) => `${inlineStatement(s)};\n`).join('');
}

export interface PgbenchOptions {
  databaseUrl: string;
  /** Database role to act as (the server's runtime role), through PGOPTIONS. */
  role: string | null;
  /** No statement may run longer (a client whose statement is cancelled ends the run). */
  statementTimeoutSeconds: number;
  clients: number;
  threads: number;
  durationSeconds: number;
  warmupSeconds: number;
}

function parseLogs(dir: string): Float64Array {
  const latencies: number[] = [];
  for (const file of readdirSync(dir)) {
    if (!file.startsWith('pgbench_log')) continue;
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      // client_id transaction_no time(µs) script_no time_epoch time_us
      const micros = Number(line.split(' ')[2]);
      if (Number.isFinite(micros)) latencies.push(micros / 1000);
    }
  }
  return Float64Array.from(latencies).sort();
}

async function pgbenchOnce(
  scripts: readonly string[],
  options: PgbenchOptions,
  seconds: number,
  isLogged: boolean,
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'qadiya-pgbench-'));
  try {
    const files = scripts.map((script, i) => {
      const file = path.join(dir, `script-${i}.sql`);
      writeFileSync(file, script);
      return file;
    });
    const args = [
      '--no-vacuum',
      // Prepared, as the server sends them (db/prepared-statements.ts): each pgbench connection
      // parses and plans every statement once.
      '--protocol=prepared',
      `--client=${options.clients}`,
      `--jobs=${options.threads}`,
      `--time=${seconds}`,
      ...files.flatMap((file) => ['-f', `${file}@1`]),
      ...(isLogged ? ['--log', `--log-prefix=${path.join(dir, 'pgbench_log')}`] : []),
      options.databaseUrl,
    ];
    const settings = [
      // The server's connection settings (db/database.ts): JIT off, the runtime role.
      '-c jit=off',
      ...(options.role ? [`-c role=${options.role}`] : []),
      `-c statement_timeout=${options.statementTimeoutSeconds}s`,
    ];
    const env = { ...process.env, PGOPTIONS: settings.join(' ') };
    const { stdout, stderr } = await run(PGBENCH, args, {
      cwd: dir,
      env,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: unknown) => {
      const { stderr, message } = error as { stderr?: string; message: string };
      throw new Error(`pgbench failed: ${stderr ?? message}`.slice(0, 2000));
    });
    return { stdout, stderr, latencies: isLogged ? parseLogs(dir) : new Float64Array() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runPgbench(
  scripts: readonly string[],
  options: PgbenchOptions,
): Promise<LoadResult> {
  if (scripts.length === 0) throw new Error('no pgbench script');
  const chosen = scripts.slice(0, MAX_SCRIPTS);
  if (options.warmupSeconds > 0) await pgbenchOnce(chosen, options, options.warmupSeconds, false);
  const { stdout, latencies } = await pgbenchOnce(chosen, options, options.durationSeconds, true);
  const processed = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    requests: processed + failed,
    throughput: tps,
    latencyMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      mean: latencies.length ? sum / latencies.length : NaN,
    },
    errors: failed,
    errorSamples: [],
    durationSeconds: options.durationSeconds,
  };
}
