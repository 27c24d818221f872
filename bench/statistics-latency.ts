/**
 * Times each statistic through the API, one request at a time (issue 8: any measure for any
 * filter within 500 ms): every performance measure alone and split by two dimensions, all of them
 * in one request, and the juvenile and family protection dashboards, national over twelve months,
 * as `bench.analyst` (created by a bench run). Prints the median and the slowest of RUNS requests.
 *
 *   QADIYA_BASE_URL=http://127.0.0.1:8080 RUNS=5 npx tsx bench/statistics-latency.ts
 *
 * Start the server against the benchmark database first (`DATABASE_URL=… PORT=8080 npm start`).
 */
import { MEASURE_CODES } from '../apps/server/src/statistics/performance-definitions';
import { ApiClient } from './api';
import { BENCH_PASSWORD } from './bench-users';

const base = process.env.QADIYA_BASE_URL ?? 'http://127.0.0.1:8080';
const runs = Math.max(1, Number(process.env.RUNS ?? 5));
const from = process.env.FROM ?? '2025-11-29';
const to = process.env.TO ?? '2026-11-28';
const period = `from=${from}&to=${to}`;
const split = 'splitBy=accusedSex,victimAgeBand';

const requests: [string, string][] = [
  ...MEASURE_CODES.map((code): [string, string] => [
    code,
    `/api/v1/statistics/performance?${period}&measures=${code}`,
  ]),
  ...MEASURE_CODES.map((code): [string, string] => [
    `${code}, split`,
    `/api/v1/statistics/performance?${period}&measures=${code}&${split}`,
  ]),
  ['every measure', `/api/v1/statistics/performance?${period}`],
  ['every measure, split', `/api/v1/statistics/performance?${period}&${split}`],
  ['juvenile indicators', `/api/v1/statistics/juvenile-indicators?${period}`],
  ['family protection', `/api/v1/statistics/family-protection?${period}`],
];

const api = await ApiClient.signIn(base, 'bench.analyst', BENCH_PASSWORD);
console.log(`${base}, ${from} to ${to}, ${runs} requests each (median, slowest):`);
for (const [name, path] of requests) {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await api.get(path);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const slowest = times.at(-1) ?? 0;
  console.log(
    `${name.padEnd(32)} ${median.toFixed(0).padStart(6)} ms ${slowest.toFixed(0).padStart(6)} ms`,
  );
}
