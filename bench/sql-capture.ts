/**
 * Preloaded (`node --import tsx --import bench/sql-capture.ts …`) into a server started only to
 * record its SQL, never into a measured one: every statement a `pg` client sends is appended to
 * the file named by BENCH_SQL_CAPTURE, with its parameters and the backend it went to. The
 * benchmark turns these into pgbench scripts (the database's own ceiling for the same reads) and
 * compares them with the bare baseline's statements.
 */
import { appendFileSync } from 'node:fs';
import pg from 'pg';

export interface CapturedStatement {
  /** Backend process id: statements of one transaction share it. */
  backend: number | null;
  text: string;
  values: unknown[];
}

const target = process.env.BENCH_SQL_CAPTURE;

if (target) {
  // Read through Reflect: it is called below with the client as `this`, as pg itself does.
  const original = Reflect.get(pg.Client.prototype, 'query') as (...args: unknown[]) => unknown;
  const patched = function (
    this: pg.Client,
    config: unknown,
    values?: unknown,
    callback?: unknown,
  ) {
    const text =
      typeof config === 'string'
        ? config
        : typeof config === 'object' && config !== null && 'text' in config
          ? String(config.text)
          : null;
    const params =
      typeof config === 'object' && config !== null && 'values' in config ? config.values : values;
    if (text !== null) {
      const line: CapturedStatement = {
        backend: (this as pg.Client & { processID?: number }).processID ?? null,
        text,
        values: Array.isArray(params) ? params.map(capturedValue) : [],
      };
      appendFileSync(target, `${JSON.stringify(line)}\n`);
    }
    return original.call(this, config, values, callback);
  };
  pg.Client.prototype.query = patched as typeof pg.Client.prototype.query;
}

/** Values as pg sends them: dates as ISO text, buffers as hex, everything else as is. */
function capturedValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  return value;
}
