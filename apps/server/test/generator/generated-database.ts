/**
 * A fresh database for generator tests, and a generation into it: the PostgreSQL server of
 * DATABASE_URL (a new database each time, dropped afterwards) or an in-memory PGlite. The
 * generator needs an empty database (it refuses real data), so the worker's shared one won't do.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config';
import { openDatabase, type DatabaseHandle } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { generate, type GenerateOptions, type GenerateSummary } from '../../src/generator/generate';
import { silentProgress } from '../../src/generator/progress';

export const TEST_GENERATION: GenerateOptions = {
  persons: 2500,
  files: 1200,
  seed: 'test',
  batch: 100,
  asOf: '2026-11-28',
  years: 2,
  password: 'qadiya-generated',
  force: false,
  bulkIndexes: 'auto',
  analyze: false,
};

export interface EmptyDatabase {
  handle: DatabaseHandle;
  config: Config;
  dispose(): Promise<void>;
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

export async function emptyDatabase(): Promise<EmptyDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ pgliteDataDir: 'memory://' });
    await migrate(handle);
    return { handle, config: loadConfig({ QADIYA_DEMO: 'false' }), dispose: () => handle.close() };
  }
  const name = `qadiya_gen_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrate(handle);
  return {
    handle,
    config: loadConfig({ DATABASE_URL: url.toString(), QADIYA_DEMO: 'false' }),
    dispose: async () => {
      await handle.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export function generateInto(
  db: EmptyDatabase,
  options: Partial<GenerateOptions> = {},
): Promise<GenerateSummary> {
  return generate(db.handle, db.config, { ...TEST_GENERATION, ...options }, silentProgress, {
    userId: null,
    username: 'cli:test',
  });
}
