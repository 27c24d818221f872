/**
 * Running one measured load against processes this run started, and keeping track of those
 * processes so that every one is stopped (by its own pid) however the run ends.
 */
import os from 'node:os';
import type { DatabaseHandle } from '../apps/server/src/db/database';
import { CpuMeter, formatCpu } from './cpu-meter';
import { runLoad, type LoadOptions, type LoadResult, type LoadSource } from './load';
import { MemorySampler, type ChildServer } from './processes';
import { WaitSampler, type WaitShare } from './wait-sampler';

const children = new Set<ChildServer>();

export async function track(start: Promise<ChildServer>): Promise<ChildServer> {
  const child = await start;
  children.add(child);
  return child;
}

export async function stop(child: ChildServer): Promise<void> {
  children.delete(child);
  await child.stop();
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((child) => stop(child)));
}

export const log = (line: string) => process.stdout.write(`${line}\n`);

export interface Measured {
  result: LoadResult;
  /** Highest resident memory of `pids` together during the load. */
  peakRssBytes: number | null;
  /** The machine's 1-minute load average when the load ended: other work on it shows here. */
  loadAverage: number;
  /** What the servers' database connections were doing during the load. */
  waits: WaitShare[];
}

export async function measure(
  label: string,
  source: LoadSource,
  load: LoadOptions,
  pids: readonly number[],
  database: DatabaseHandle,
): Promise<Measured> {
  process.stdout.write(`  ${label} (${load.connections} clients, ${load.durationSeconds} s)… `);
  const sampler = new MemorySampler(pids);
  const waits = new WaitSampler(database);
  let meter: CpuMeter | null = null;
  const loaded = await runLoad(source, {
    ...load,
    onMeasuredStart: async () => {
      meter = await CpuMeter.start(pids, database);
    },
  });
  const cpuPerRequest = meter ? await (meter as CpuMeter).stop(loaded.requests) : null;
  const result = { ...loaded, cpuPerRequest };
  const peak = sampler.stop();
  const waitProfile = waits.stop();
  log(
    `${result.throughput.toFixed(1)} req/s, p95 ${result.latencyMs.p95.toFixed(1)} ms` +
      (cpuPerRequest ? `, CPU ${formatCpu(cpuPerRequest)} ms/req` : '') +
      (result.errors > 0 ? `, ${result.errors} ERRORS: ${result.errorSamples[0] ?? ''}` : ''),
  );
  return {
    result,
    peakRssBytes: peak > 0 ? peak : null,
    loadAverage: os.loadavg()[0] ?? NaN,
    waits: waitProfile,
  };
}
