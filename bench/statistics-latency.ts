/**
 * Times each statistic through the API, one request at a time (issue 8: any measure for any
 * filter within 500 ms): every performance measure alone and split by two dimensions, all of them
 * in one request, and the juvenile and family protection dashboards, national over the period,
 * as the national analyst. `npm run bench` runs it after its scenarios; on its own:
 *
 *   QADIYA_BASE_URL=http://127.0.0.1:8080 RUNS=5 npx tsx bench/statistics-latency.ts
 *
 * against a server on the benchmark database (`DATABASE_URL=… PORT=8080 npm start`), once a bench
 * run has created `bench.analyst`.
 */
import { pathToFileURL } from 'node:url';
import { MEASURE_CODES } from '../apps/server/src/statistics/performance-definitions';
import { ApiClient } from './api';
import { BENCH_PASSWORD } from './bench-users';

export interface StatisticLatency {
  name: string;
  /** The performance measure asked for alone, or null for a whole dashboard. */
  measure: string | null;
  split: boolean;
  medianMs: number;
  slowestMs: number;
}

const SPLIT = 'splitBy=accusedSex,victimAgeBand';

export async function measureStatisticLatencies(
  client: ApiClient,
  period: { from: string; to: string },
  runs: number,
): Promise<StatisticLatency[]> {
  const range = `from=${period.from}&to=${period.to}`;
  const performance = `/api/v1/statistics/performance?${range}`;
  const requests: Omit<StatisticLatency, 'medianMs' | 'slowestMs'>[] = [
    ...[false, true].flatMap((split) =>
      MEASURE_CODES.map((measure) => ({ name: measure, measure, split })),
    ),
    { name: 'every measure', measure: null, split: false },
    { name: 'every measure', measure: null, split: true },
    { name: 'juvenile indicators', measure: null, split: false },
    { name: 'family protection', measure: null, split: false },
  ];
  const pathOf = (request: (typeof requests)[number]): string => {
    const split = request.split ? `&${SPLIT}` : '';
    if (request.measure) return `${performance}&measures=${request.measure}${split}`;
    if (request.name === 'juvenile indicators') {
      return `/api/v1/statistics/juvenile-indicators?${range}`;
    }
    if (request.name === 'family protection')
      return `/api/v1/statistics/family-protection?${range}`;
    return `${performance}${split}`;
  };
  const results: StatisticLatency[] = [];
  for (const request of requests) {
    const times: number[] = [];
    for (let i = 0; i < Math.max(1, runs); i += 1) {
      const started = globalThis.performance.now();
      await client.get(pathOf(request));
      times.push(globalThis.performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results.push({
      ...request,
      medianMs: times[Math.floor(times.length / 2)] ?? 0,
      slowestMs: times.at(-1) ?? 0,
    });
  }
  return results;
}

/** The row's label: the name, and ", split" for a split request. */
export function latencyLabel(latency: StatisticLatency): string {
  return latency.split ? `${latency.name}, split` : latency.name;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const base = process.env.QADIYA_BASE_URL ?? 'http://127.0.0.1:8080';
  const period = { from: process.env.FROM ?? '2025-11-29', to: process.env.TO ?? '2026-11-28' };
  const runs = Number(process.env.RUNS ?? 5);
  const client = await ApiClient.signIn(base, 'bench.analyst', BENCH_PASSWORD);
  console.log(`${base}, ${period.from} to ${period.to}, ${runs} requests each (median, slowest):`);
  for (const latency of await measureStatisticLatencies(client, period, runs)) {
    console.log(
      `${latencyLabel(latency).padEnd(34)} ${latency.medianMs.toFixed(0).padStart(6)} ms ` +
        `${latency.slowestMs.toFixed(0).padStart(6)} ms`,
    );
  }
}
