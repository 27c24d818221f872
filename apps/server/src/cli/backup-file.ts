/**
 * Backup files on disk: written under a temporary name and renamed when complete (a crash never
 * leaves a truncated file under the real name), never overwritten, and recognised by their first
 * bytes so a backup is not restored into the wrong kind of database.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './cli-support';

export type BackupFormat = 'pglite' | 'pg_dump';

export interface BackupFileInfo {
  path: string;
  format: BackupFormat;
  bytes: number;
  sha256: string;
}

/** Refuses an existing target, creates its folder, and returns the temporary path to write. */
export async function startBackupFile(target: string): Promise<string> {
  const absolute = path.resolve(target);
  if (existsSync(absolute)) {
    throw new CliError(
      `${absolute} already exists; choose a new file name (backups are never overwritten).`,
    );
  }
  await mkdir(path.dirname(absolute), { recursive: true });
  return `${absolute}.partial-${process.pid}`;
}

export async function finishBackupFile(partial: string, target: string): Promise<BackupFileInfo> {
  const absolute = path.resolve(target);
  // fsync before the rename, so the name only ever points at complete, durable content.
  const handle = await open(partial, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, absolute);
  return describeBackupFile(absolute);
}

export async function discardBackupFile(partial: string): Promise<void> {
  await rm(partial, { force: true });
}

export async function describeBackupFile(file: string): Promise<BackupFileInfo> {
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) throw new CliError(`Backup file ${absolute} does not exist.`);
  const content = await readFile(absolute);
  return {
    path: absolute,
    format: formatOf(content, absolute),
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

function formatOf(content: Buffer, file: string): BackupFormat {
  if (content[0] === 0x1f && content[1] === 0x8b) return 'pglite';
  if (content.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg_dump';
  throw new CliError(
    `${file} is not a Qadiya backup (neither an embedded-database .tar.gz nor a pg_dump custom-format file).`,
  );
}
