/**
 * Opens the database: a PostgreSQL server when a URL is given, otherwise embedded PGlite (real
 * PostgreSQL compiled to WebAssembly) persisted in a folder. Both run the same SQL through Kysely.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { preparingPool } from './prepared-statements';
import type { Database } from './schema';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for logs and the CLI: a redacted URL or a folder. */
  location: string;
  /**
   * Runs `work` on one dedicated connection with raw access, for what Kysely cannot express:
   * multi-statement scripts (migrations) and session-level locks.
   */
  withRawSession<T>(work: (session: RawSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RawSession {
  /** One parameterised statement. */
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
  /** A script of several statements, no parameters. */
  exec(text: string): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL of a server. When absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps it in memory (tests). */
  pgliteDataDir?: string;
  /** PGlite only: start from this data-folder tarball (a pre-migrated template, in tests). */
  pgliteLoadDataDir?: Blob;
  /**
   * Role to SET on every server connection (the runtime role that may not change audit rows).
   * Left unset for the CLI's maintenance commands, which run as the owner.
   */
  runtimeRole?: string | undefined;
  /** Connections in the pool (server only). */
  poolSize?: number;
  /**
   * Server only: name parameterised statements so each connection plans them once
   * (db/prepared-statements.ts). On unless turned off, for a pooler that cannot keep them.
   */
  preparedStatements?: boolean;
}

// Same JavaScript types on both engines: int8 (count(*), audit seq) as number, dates as
// 'YYYY-MM-DD' strings (a date has no time zone and must not shift), timestamptz as Date.
const INT8_OID = 20;
const DATE_OID = 1082;
const parseInt8 = (value: string): number => Number(value);
const keepDate = (value: string): string => value;

const serverTypeParsers = {
  getTypeParser: (oid: number, format?: string): ((value: string) => unknown) => {
    if (oid === INT8_OID) return parseInt8;
    if (oid === DATE_OID) return keepDate;
    // pg's own parser for every other type (its signature wants its enum, which is a number).
    return (pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown)(
      oid,
      format,
    );
  },
} as pg.CustomTypesConfig;

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openServer(options.databaseUrl, options);
  return openPglite(options);
}

function openServer(databaseUrl: string, options: OpenDatabaseOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    types: serverTypeParsers,
    // Startup parameters, in force before the first query:
    // - JIT compilation off. The planner prices the policy's per-file conditions and the
    //   statistics' aggregates high enough to compile them, and compiling cost more than running:
    //   1.5 s of a 2.7 s workload measure, 0.5 s of attrition, 66 ms of a person search
    //   (docs/performance.md). Qadiya's statements are interactive; none gains from JIT.
    // - the runtime role (the role that may not change audit rows), when configured.
    options: [
      '-c jit=off',
      ...(options.runtimeRole ? [`-c role=${options.runtimeRole}`] : []),
    ].join(' '),
  });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: options.preparedStatements === false ? pool : preparingPool(pool),
    }),
  });
  return {
    db,
    kind: 'postgresql',
    location: redactUrl(databaseUrl),
    async withRawSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          query: async <R>(text: string, params: unknown[] = []) =>
            (await client.query(text, params)).rows as R[],
          exec: async (text) => {
            // Without parameters pg uses the simple query protocol, which accepts several statements.
            await client.query(text);
          },
        });
      } finally {
        client.release();
      }
    },
    // Kysely only ends a pool it has used; end it ourselves so a migrate-only run exits cleanly.
    close: async () => {
      await db.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}

async function openPglite(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const dataDir = options.pgliteDataDir ?? path.resolve('data', 'pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir,
    parsers: { [pgliteTypes.INT8]: parseInt8, [pgliteTypes.DATE]: keepDate },
    // Trigram matching for person search (migration 0006) and GIN indexes over plain columns for
    // case search (migration 0013); a server database has both installed.
    extensions: { pg_trgm, btree_gin },
    ...(options.pgliteLoadDataDir ? { loadDataDir: options.pgliteLoadDataDir } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    location: dataDir,
    // PGlite has a single connection; the raw session shares it, so callers must not run Kysely
    // queries concurrently with it (migrations and the CLI run before the server takes requests).
    withRawSession: (work) =>
      work({
        query: async <R>(text: string, params: unknown[] = []) =>
          (await client.query<R>(text, params)).rows,
        exec: async (text) => {
          await client.exec(text);
        },
      }),
    // Likewise for PGlite: closing it releases the data folder (postmaster.pid).
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

/** Whether the runtime role exists and the current login may switch to it. */
export async function canUseRuntimeRole(db: Kysely<Database>, role: string): Promise<boolean> {
  const result = await sql<{ ok: boolean }>`
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${role})
       AND pg_has_role(current_user, ${role}, 'MEMBER') AS ok`.execute(db);
  return result.rows[0]?.ok === true;
}

export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgresql (unparseable URL)';
  }
}
