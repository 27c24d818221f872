/**
 * Prepared statements for a PostgreSQL server: a pool wrapper for Kysely that gives every
 * parameterised statement a name derived from its text, so each server connection parses and
 * plans it once and then only binds and executes it.
 *
 * Why: node-pg sends statements unnamed, so PostgreSQL parsed and planned each of a case page's
 * statements on every request. Measured with pgbench on the benchmark data, the same page runs
 * 3.6× faster prepared (docs/performance.md, "Case page p95 ≤ 25 ms at 32 clients").
 *
 * What is not prepared:
 * - statements without parameters (BEGIN, COMMIT, scripts): node-pg sends those with the simple
 *   protocol, and there is nothing to reuse;
 * - very long statements (the statistics' measures, some reports): they run for tens of
 *   milliseconds or more, planning is a small part of that, and each would hold a cached plan in
 *   every connection;
 * - new statement texts once `maxNames` distinct texts are named, so that a statement built with a
 *   varying shape (an IN list of n values) cannot grow every connection's memory without bound.
 *
 * - statements issued inside `withStatementsPlannedEachTime` (the statistics): see below.
 *
 * PostgreSQL re-plans a prepared statement by itself when a table it reads changes (a migration),
 * and after five executions it may switch to a generic plan, made without the parameters' values,
 * when its estimated cost is no higher than the custom plans'. That is right for the case page's
 * lookups by id, and wrong for a statistic over a period: without the dates the planner assumes a
 * range selects 0.5% of the rows, finds a plan for a few thousand rows cheaper than the real one
 * for a whole year of the country, and keeps it. So the statistics are not prepared at all (they
 * run for tens or hundreds of milliseconds; planning is a small part of that), and searches, whose
 * best plan depends on the words searched, ask for custom plans (db/without-parallel-workers.ts).
 *
 * A connection pooler in transaction mode (PgBouncer before 1.21) does not keep a connection's
 * prepared statements: set QADIYA_DB_PREPARED_STATEMENTS=false there (docs/operations.md).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

export interface PreparedStatementOptions {
  /** Statements longer than this (characters) are sent unnamed. */
  maxTextLength: number;
  /** At most this many distinct statement texts are named, per process. */
  maxNames: number;
}

export const DEFAULT_PREPARED_STATEMENT_OPTIONS: PreparedStatementOptions = {
  maxTextLength: 6000,
  maxNames: 2000,
};

const plannedEachTime = new AsyncLocalStorage<true>();

/**
 * Runs `work` with every statement it issues (through any connection, awaited or in parallel)
 * sent unnamed, so PostgreSQL plans each for its own parameters. For the statistics' routes.
 */
export function withStatementsPlannedEachTime<T>(work: () => Promise<T>): Promise<T> {
  return plannedEachTime.run(true, work);
}

/** The names given so far, shared by every connection of the pool (same text, same name). */
export class StatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly options: PreparedStatementOptions) {}

  /** The statement's name, or undefined to send it unnamed. */
  nameFor(text: string, parameterCount: number): string | undefined {
    if (parameterCount === 0 || text.length > this.options.maxTextLength) return undefined;
    const known = this.names.get(text);
    if (known !== undefined || this.names.size >= this.options.maxNames) return known;
    // A digest of the text: the same statement has the same name in every connection and in
    // every server process, which makes pg_stat_statements and logs easy to read across them.
    const name = `q${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

/** Kysely's pool interface over a node-pg pool whose clients name their statements. */
export function preparingPool(
  pool: pg.Pool,
  options: PreparedStatementOptions = DEFAULT_PREPARED_STATEMENT_OPTIONS,
): PostgresPool {
  const names = new StatementNames(options);
  return {
    options: pool.options,
    end: () => pool.end(),
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return namingClient(client, names);
    },
  };
}

function namingClient(client: pg.PoolClient, names: StatementNames): PostgresPoolClient {
  const query = (textOrCursor: unknown, parameters?: ReadonlyArray<unknown>): unknown => {
    // A cursor (Kysely's streaming) passes through: pg-cursor prepares it unnamed.
    if (typeof textOrCursor !== 'string') return client.query(textOrCursor as pg.Submittable);
    const values = parameters ? [...parameters] : [];
    const name =
      plannedEachTime.getStore() === true ? undefined : names.nameFor(textOrCursor, values.length);
    return name === undefined
      ? client.query(textOrCursor, values)
      : client.query({ name, text: textOrCursor, values });
  };
  return {
    query: query as PostgresPoolClient['query'],
    release: (destroy?: boolean) => {
      client.release(destroy);
    },
    // Kysely reads the backend's process id (an undocumented pg member) to cancel a query on abort.
    get processID() {
      return (client as { processID?: number }).processID;
    },
  };
}
