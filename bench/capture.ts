/**
 * Records the SQL of single requests: a server started with the capture hook (sql-capture.ts)
 * gets one request at a time, and the statements written between sending it and its answer are
 * that request's. The outbox worker's polls (every second, in every instance) are taken out.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ChildServer } from './processes';
import { REPO_ROOT } from './processes';
import type { RequestSpec } from './load';
import type { CapturedStatement } from './sql-capture';

export const CAPTURE_NODE_ARGS = [
  '--import',
  'tsx',
  '--import',
  path.join(REPO_ROOT, 'bench/sql-capture.ts'),
];

function readFrom(file: string, offset: number): CapturedStatement[] {
  if (!existsSync(file)) return [];
  return readFileSync(file)
    .subarray(offset)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedStatement);
}

/** Drops the outbox worker's transactions: `begin`, its `… from "outbox" …` and `commit`. */
export function withoutOutboxPolls(statements: readonly CapturedStatement[]): CapturedStatement[] {
  const dropped = new Set<number>();
  statements.forEach((statement, i) => {
    if (!/"outbox"/.test(statement.text)) return;
    dropped.add(i);
    const sameBackend = (j: number) => statements[j]?.backend === statement.backend;
    for (let j = i - 1; j >= 0; j--) {
      if (!sameBackend(j)) continue;
      if (/^\s*begin\s*$/i.test(statements[j]?.text ?? '')) dropped.add(j);
      break;
    }
    for (let j = i + 1; j < statements.length; j++) {
      if (!sameBackend(j)) continue;
      if (/^\s*(commit|rollback)\s*$/i.test(statements[j]?.text ?? '')) dropped.add(j);
      break;
    }
  });
  return withoutDanglingTransactionControl(statements.filter((_, i) => !dropped.has(i)));
}

const BEGIN = /^\s*begin\s*$/i;
const END = /^\s*(commit|rollback)\s*$/i;

/**
 * A poll cut by the edge of the window leaves half a transaction: a `begin` with nothing after it
 * on its connection, or a `commit` with nothing before it. Neither belongs to the request.
 */
function withoutDanglingTransactionControl(
  statements: readonly CapturedStatement[],
): CapturedStatement[] {
  return statements.filter((statement, i) => {
    const onSameBackend = (j: number) => statements[j]?.backend === statement.backend;
    if (BEGIN.test(statement.text)) {
      for (let j = i + 1; j < statements.length; j++) {
        if (onSameBackend(j))
          return !BEGIN.test(statements[j]?.text ?? '') && !END.test(statements[j]?.text ?? '');
      }
      return false;
    }
    if (END.test(statement.text)) {
      for (let j = i - 1; j >= 0; j--) {
        if (onSameBackend(j))
          return !END.test(statements[j]?.text ?? '') && !BEGIN.test(statements[j]?.text ?? '');
      }
      return false;
    }
    return true;
  });
}

export class SqlRecorder {
  constructor(
    private readonly server: ChildServer,
    private readonly file: string,
  ) {
    rmSync(file, { force: true });
  }

  /**
   * Sends one request and returns the statements the server issued for it. A request that takes
   * longer than `timeoutMs` is abandoned (the fetch throws a TimeoutError).
   */
  async record(
    spec: RequestSpec,
    timeoutMs = 60_000,
  ): Promise<{ status: number; statements: CapturedStatement[] }> {
    const offset = existsSync(this.file) ? statSync(this.file).size : 0;
    const response = await fetch(`http://127.0.0.1:${this.server.port}${spec.path}`, {
      method: spec.method,
      headers: spec.headers ?? {},
      signal: AbortSignal.timeout(timeoutMs),
      ...(spec.body === undefined ? {} : { body: spec.body }),
    });
    await response.arrayBuffer();
    // Statements are written before the answer is sent; a moment more lets a poll of the outbox
    // that began meanwhile end, so that its begin/commit pair can be recognised and dropped.
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { status: response.status, statements: withoutOutboxPolls(readFrom(this.file, offset)) };
  }

  dispose(): void {
    rmSync(this.file, { force: true });
  }
}
