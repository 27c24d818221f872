/**
 * Versioned SQL migrations. Files are `NNNN_name.sql` in ./migrations, applied in order, each in
 * its own transaction. A checksum of every applied file is kept: editing a migration after it has
 * landed is refused, because servers that already ran it would silently differ from new ones.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { DatabaseHandle, RawSession } from './database';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant works; it only has to be the same for every Qadiya instance on one database.
const MIGRATION_LOCK_KEY = 727_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: Migration[];
  alreadyApplied: number;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match?.[1] || !match[2]) throw new Error(`Badly named migration file: ${file}`);
      const text = readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2],
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

export async function migrate(
  handle: DatabaseHandle,
  migrations = loadMigrations(),
): Promise<MigrationResult> {
  return handle.withRawSession(async (session) => {
    // Several instances may start at once against one server: one migrates, the others wait.
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await applyPending(session, migrations);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

async function applyPending(
  session: RawSession,
  migrations: Migration[],
): Promise<MigrationResult> {
  await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = await session.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations',
  );
  const doneByVersion = new Map(done.map((row) => [row.version, row.checksum]));
  const applied: Migration[] = [];
  for (const migration of migrations) {
    const previousChecksum = doneByVersion.get(migration.version);
    if (previousChecksum !== undefined) {
      if (previousChecksum !== migration.checksum) {
        throw new Error(
          `Migration ${migration.version}_${migration.name} was edited after it was applied. ` +
            'Restore the original file and add a new migration instead.',
        );
      }
      continue;
    }
    await session.exec('BEGIN');
    try {
      await session.exec(migration.sql);
      await session.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [migration.version, migration.name, migration.checksum],
      );
      await session.exec('COMMIT');
    } catch (error) {
      await session.exec('ROLLBACK');
      throw new Error(`Migration ${migration.version}_${migration.name} failed: ${String(error)}`, {
        cause: error,
      });
    }
    applied.push(migration);
  }
  return { applied, alreadyApplied: doneByVersion.size };
}
