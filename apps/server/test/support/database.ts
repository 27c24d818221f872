/**
 * The test database of this worker: the PostgreSQL server of DATABASE_URL when set, otherwise an
 * in-memory PGlite, opened once per worker and shared by its test files.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';

const holder = globalThis as typeof globalThis & { __qadiyaTestDb?: Promise<DatabaseHandle> };

export function sharedTestDatabase(): Promise<DatabaseHandle> {
  holder.__qadiyaTestDb ??= (async () => {
    const handle = await openDatabase({
      databaseUrl: process.env.DATABASE_URL,
      pgliteDataDir: 'memory://',
    });
    await migrate(handle);
    return handle;
  })();
  return holder.__qadiyaTestDb;
}

export interface IsolatedDatabase {
  handle: DatabaseHandle;
  /** Closes the connection and, on a server, drops the database. */
  dispose(): Promise<void>;
}

/**
 * A brand-new, migrated database of its own, for tests that damage shared state on purpose
 * (tampering with the audit log) or need an empty database (demo seeding).
 */
export async function isolatedTestDatabase(): Promise<IsolatedDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ pgliteDataDir: 'memory://' });
    await migrate(handle);
    return { handle, dispose: () => handle.close() };
  }
  const name = `qadiya_iso_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrate(handle);
  return {
    handle,
    dispose: async () => {
      await handle.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
