/**
 * One process per embedded data folder. PGlite does not stop a second process from opening the
 * same folder, and two writers would corrupt it, so the server takes a lock file holding its pid.
 * A lock left by a process that no longer runs (a crash, a power cut) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'qadiya.lock');
  const holder = readHolder(lockFile);
  if (holder !== null && holder !== process.pid && isRunning(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${holder}. ` +
        'Stop that Qadiya server first, or point QADIYA_DATA_DIR at another folder.',
    );
  }
  writeFileSync(lockFile, `${process.pid}\n`);
  return () => {
    if (readHolder(lockFile) === process.pid) rmSync(lockFile, { force: true });
  };
}

function readHolder(lockFile: string): number | null {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
