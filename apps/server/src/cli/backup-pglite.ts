/**
 * Backup and restore of the embedded database. PGlite runs inside one process, so the server (or
 * any other `qadiya` command) must be stopped: its `postmaster.pid` in the data folder says it is
 * open. The backup is PGlite's own tarball of the data folder (`dumpDataDir`). A restore unpacks
 * it into a fresh folder first and only then swaps it in, keeping the old folder beside it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { assertPgliteNotInUse, CliError } from './cli-support';

/** Writes the gzipped tarball of the data folder to `partial`. */
export async function dumpPglite(
  dataDir: string,
  partial: string,
  isForced: boolean,
): Promise<void> {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new CliError(`There is no embedded database in ${dataDir} to back up.`);
  }
  if (!isForced) assertPgliteNotInUse(dataDir, true);
  const client = await PGlite.create({ dataDir });
  try {
    const tarball = await client.dumpDataDir('gzip');
    await writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/**
 * Replaces the data folder with the backup's content. Returns where the previous folder was kept
 * (null when there was none), so the operator can go back or delete it.
 */
export async function restorePglite(
  dataDir: string,
  backupFile: string,
  isForced: boolean,
): Promise<string | null> {
  if (!isForced) assertPgliteNotInUse(dataDir, true);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = `${dataDir}.restoring-${stamp}`;
  await mkdir(path.dirname(dataDir), { recursive: true });
  try {
    const tarball = new Blob([await readFile(backupFile)], { type: 'application/gzip' });
    const client = await PGlite.create({ dataDir: staging, loadDataDir: tarball });
    try {
      await client.query('SELECT 1');
    } finally {
      await client.close();
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new CliError(`Could not load ${backupFile} as an embedded database: ${String(error)}`);
  }
  let previous: string | null = null;
  if (existsSync(dataDir)) {
    previous = `${dataDir}.before-restore-${stamp}`;
    await rename(dataDir, previous);
  }
  await rename(staging, dataDir);
  return previous;
}
