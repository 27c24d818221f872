/**
 * Runs one load: many concurrent clients (autocannon, keep-alive connections, one request in
 * flight per connection) for a fixed time, after a short warm-up that is not counted. Latency
 * percentiles are computed from every response, since autocannon's histogram has no p95.
 */
import autocannon from 'autocannon';
import type { CpuPerRequest } from './cpu-meter';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Opaque state handed back with the response (e.g. which file the request wrote to). */
  state?: unknown;
}

export interface LoadSource {
  next(): RequestSpec;
  /** Called with every response; a write scenario learns the file's new version here. */
  onResponse?(status: number, body: string, state: unknown): void;
  /**
   * Called when a load stops. Requests still in flight then are abandoned by the client but
   * completed by the server, so a write scenario re-reads what they changed.
   */
  settle?(): Promise<void>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  timeoutSeconds: number;
  /** A fixed number of requests instead of a duration (the smoke test). */
  amount?: number;
  /**
   * How often autocannon samples, and so how soon after the duration it stops (1000 ms by
   * default; the smoke test shortens it).
   */
  sampleIntervalMs?: number;
  /** Called when the warm-up is over and the measured part begins (the CPU meter starts). */
  onMeasuredStart?: () => Promise<void>;
}

export interface LoadResult {
  requests: number;
  /** Successful (2xx) responses per second. */
  throughput: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Non-2xx responses, connection errors and timeouts. Must be zero. */
  errors: number;
  errorSamples: string[];
  durationSeconds: number;
  /** CPU per request of the servers and their database connections (cpu-meter.ts), when read. */
  cpuPerRequest?: CpuPerRequest | null;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

interface Context {
  state?: unknown;
}

async function once(source: LoadSource, options: LoadOptions, seconds: number) {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let ok = 0;
  let failed = 0;
  const config: autocannon.Options = {
    url: options.url,
    connections: options.connections,
    duration: seconds,
    ...(options.amount === undefined ? {} : { amount: options.amount }),
    timeout: options.timeoutSeconds,
    sampleInt: options.sampleIntervalMs ?? 1000,
    requests: [
      {
        setupRequest: (request, context) => {
          const spec = source.next();
          (context as Context).state = spec.state;
          return {
            ...request,
            method: spec.method,
            path: spec.path,
            headers: { ...spec.headers },
            ...(spec.body === undefined ? {} : { body: spec.body }),
          };
        },
        onResponse: (status, body, context) => {
          if (status < 200 || status >= 300) {
            failed++;
            if (errorSamples.length < 5) errorSamples.push(`${status} ${body.slice(0, 300)}`);
          } else {
            ok++;
          }
          source.onResponse?.(status, body, (context as Context).state);
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(config, (error: Error | null, done: autocannon.Result) => {
      if (error) reject(error);
      else resolve(done);
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
    instance.on('reqError', (error: Error) => {
      if (errorSamples.length < 5) errorSamples.push(`request error: ${error.message}`);
    });
  });
  return { result, latencies, ok, failed, errorSamples };
}

export async function runLoad(source: LoadSource, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) {
    await once(source, options, options.warmupSeconds);
    await source.settle?.();
  }
  await options.onMeasuredStart?.();
  const { result, latencies, ok, failed, errorSamples } = await once(
    source,
    options,
    options.durationSeconds,
  );
  await source.settle?.();
  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((a, b) => a + b, 0);
  const duration = result.duration || options.durationSeconds;
  return {
    requests: ok + failed,
    throughput: ok / duration,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      mean: latencies.length ? sum / latencies.length : NaN,
    },
    errors: failed + result.errors,
    errorSamples,
    durationSeconds: duration,
  };
}
