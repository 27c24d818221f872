/**
 * Opens the configured database and brings its schema up to date: the shared start of the server
 * and of every CLI command.
 */
import path from 'node:path';
import type { Config } from './config';
import { canUseRuntimeRole, openDatabase, type DatabaseHandle } from './db/database';
import { migrate } from './db/migrate';

export interface OpenOptions {
  /** Serve as the runtime role that cannot change audit rows (server only, not maintenance). */
  asRuntimeRole: boolean;
}

export async function openMigratedDatabase(
  config: Config,
  options: OpenOptions,
): Promise<DatabaseHandle> {
  const owner = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDataDir: pgliteDataDir(config),
    preparedStatements: config.databasePreparedStatements,
  });
  await migrate(owner);
  if (!options.asRuntimeRole || owner.kind === 'pglite') return owner;
  const role = config.databaseRuntimeRole;
  if (!(await canUseRuntimeRole(owner.db, role))) return owner;
  await owner.close();
  return openDatabase({
    databaseUrl: config.databaseUrl,
    runtimeRole: role,
    preparedStatements: config.databasePreparedStatements,
  });
}

/** The folder of the embedded database inside QADIYA_DATA_DIR (backup and restore replace it). */
export function pgliteDataDir(config: Config): string {
  return path.join(config.dataDir, 'pglite');
}
