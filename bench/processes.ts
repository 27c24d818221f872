/**
 * The processes a benchmark run starts: the real server (`qadiya serve`, the production entry
 * point), the bare baseline server and the round-robin proxy. Each runs as a child process of its
 * own, so it has its own event loop and its memory can be read from /proc, and each is stopped by
 * its own pid when the run ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const QADIYA_BIN = path.join(REPO_ROOT, 'apps/server/bin/qadiya.mjs');
const TSX_LOADER = 'tsx';

/**
 * The application name of every database connection this run's processes open (pg reads
 * PGAPPNAME), so the run can find its own queries, and only its own, in pg_stat_activity.
 */
export const BENCH_APPLICATION_NAME = `qadiya-bench-${process.pid}`;

export interface ChildServer {
  name: string;
  pid: number;
  port: number;
  /** The last lines the process wrote, shown when it fails to start or dies. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  port: number;
  env: Record<string, string | undefined>;
  /** Path that answers 200 once the process is ready. */
  readyPath: string;
  readyTimeoutMs?: number;
}

/** The environment every Qadiya server of a run shares (see docs/performance.md). */
export function serverEnvironment(
  databaseUrl: string,
  port: number,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    // Request logs would measure the terminal, not the server.
    LOG_LEVEL: 'warn',
    QADIYA_DEMO: 'false',
    QADIYA_SECURE_COOKIES: 'false',
    // The login scenario signs in hundreds of times a minute from one address; the production
    // limit (30 a minute per address) exists to slow password guessing, which is not measured here.
    QADIYA_LOGIN_RATE_LIMIT: '10000',
    PGAPPNAME: BENCH_APPLICATION_NAME,
    ...extra,
  };
}

/** `qadiya serve`: the same entry point and code as production. */
export function startQadiya(
  name: string,
  databaseUrl: string,
  port: number,
  extra: { env?: Record<string, string | undefined>; nodeArgs?: string[] } = {},
): Promise<ChildServer> {
  return startNode([...(extra.nodeArgs ?? []), QADIYA_BIN, 'serve'], {
    name,
    port,
    env: serverEnvironment(databaseUrl, port, extra.env),
    readyPath: '/api/v1/health',
  });
}

/** A TypeScript module of this folder run as its own process (baseline server, proxy). */
export function startBenchModule(
  file: string,
  options: StartOptions,
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  return startNode(
    ['--import', TSX_LOADER, ...nodeArgs, path.join(REPO_ROOT, 'bench', file)],
    options,
  );
}

async function startNode(args: string[], options: StartOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const server: ChildServer = {
    name: options.name,
    pid: child.pid ?? -1,
    port: options.port,
    output: () => lines.join('\n'),
    stop: () => stopChild(child, exited),
  };
  try {
    await waitUntilReady(server, options, exited);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilReady(
  server: ChildServer,
  options: StartOptions,
  exited: Promise<number | null>,
): Promise<void> {
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  while (Date.now() < deadline) {
    if (hasExited) {
      throw new Error(`${server.name} exited while starting:\n${server.output()}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}${options.readyPath}`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${server.name} did not answer within the time allowed:\n${server.output()}`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resident memory of a process from /proc (Linux): now and its peak (high-water mark). */
export function readMemory(pid: number): { rssBytes: number; peakRssBytes: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
  } catch {
    return null;
  }
}

/**
 * Samples the resident memory of some processes while a load runs. VmHWM already holds each
 * process's peak since it started; the samples show the peak during one scenario.
 */
export class MemorySampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: readonly number[],
    intervalMs = 250,
  ) {
    this.timer = setInterval(() => {
      this.sample();
    }, intervalMs);
    this.sample();
  }

  private sample(): void {
    let total = 0;
    for (const pid of this.pids) total += readMemory(pid)?.rssBytes ?? 0;
    this.peak = Math.max(this.peak, total);
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}
