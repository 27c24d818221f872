/**
 * Runs once before all test files: on a PostgreSQL server, migrates the test database so workers
 * do not race to do it. (PGlite workers each migrate their own in-memory database.)
 */
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';

export default async function setup(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return;
  const handle = await openDatabase({ databaseUrl });
  try {
    await migrate(handle);
  } finally {
    await handle.close();
  }
}
