/**
 * CPU time per request: how many milliseconds of processor the servers (Node) and their database
 * connections (PostgreSQL backends) spent on each request of a measured load, read from /proc.
 *
 * Why beside throughput: on a shared two-core machine the throughput of one run can move by half
 * from one minute to the next, with the other tenants of the host (docs/performance.md, seventh
 * session). The CPU a request costs moves far less, because time spent waiting for a core is not
 * counted; it is what a change to the request path changes, and it tells the Node side from the
 * database side. The database side is read only when PostgreSQL runs on this machine (its
 * backends' pids are then processes here); otherwise it is null.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../apps/server/src/db/database';
import { BENCH_APPLICATION_NAME } from './processes';

export interface CpuPerRequest {
  /** Milliseconds of CPU (user + system) of the server process(es) per request. */
  serverMs: number;
  /** Milliseconds of CPU of their PostgreSQL backends per request; null when not on this machine. */
  databaseMs: number | null;
}

/** Clock ticks per second, the unit of /proc/<pid>/stat's CPU times (proc(5)). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) a process has used so far, in milliseconds; null if it is gone. */
export function readCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may hold spaces: count the fields after it. utime and
    // stime are fields 14 and 15 of the line, so 12th and 13th after the name.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The pids of this run's database connections, except the one asking. */
async function backendPids(handle: DatabaseHandle): Promise<number[]> {
  const { rows } = await sql<{ pid: number }>`
    SELECT pid FROM pg_stat_activity
    WHERE application_name = ${BENCH_APPLICATION_NAME} AND backend_type = 'client backend'
      AND pid <> pg_backend_pid()`.execute(handle.db);
  return rows.map((row) => row.pid);
}

function total(pids: readonly number[], since: ReadonlyMap<number, number>): number | null {
  let sum = 0;
  let seen = 0;
  for (const pid of pids) {
    const now = readCpuMs(pid);
    if (now === null) continue;
    seen += 1;
    // A backend opened during the load started from nothing.
    sum += now - (since.get(pid) ?? 0);
  }
  return seen > 0 ? sum : null;
}

function snapshot(pids: readonly number[]): Map<number, number> {
  const values = new Map<number, number>();
  for (const pid of pids) {
    const now = readCpuMs(pid);
    if (now !== null) values.set(pid, now);
  }
  return values;
}

/** Started when the measured part of a load begins, stopped with its request count. */
export class CpuMeter {
  private constructor(
    private readonly serverPids: readonly number[],
    private readonly handle: DatabaseHandle,
    private readonly serverStart: Map<number, number>,
    private readonly databaseStart: Map<number, number>,
  ) {}

  static async start(serverPids: readonly number[], handle: DatabaseHandle): Promise<CpuMeter> {
    const databaseStart = snapshot(await backendPids(handle));
    return new CpuMeter(serverPids, handle, snapshot(serverPids), databaseStart);
  }

  async stop(requests: number): Promise<CpuPerRequest | null> {
    const server = total(this.serverPids, this.serverStart);
    const backends = [
      ...new Set([...this.databaseStart.keys(), ...(await backendPids(this.handle))]),
    ];
    const database = total(backends, this.databaseStart);
    if (server === null || requests === 0) return null;
    return {
      serverMs: server / requests,
      databaseMs: database === null ? null : database / requests,
    };
  }
}

/** "server + database" in milliseconds, as the report prints it. */
export function formatCpu(cpu: CpuPerRequest | null | undefined): string {
  if (!cpu) return '–';
  const ms = (value: number) => value.toFixed(2);
  return `${ms(cpu.serverMs)} + ${cpu.databaseMs === null ? '?' : ms(cpu.databaseMs)}`;
}
