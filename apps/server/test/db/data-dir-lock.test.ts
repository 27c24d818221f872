import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/db/data-dir-lock';

describe('the embedded data folder lock', () => {
  let dir = '';
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a folder held by a running process, and takes over a stale lock', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'qadiya-lock-'));
    const lockFile = path.join(dir, 'qadiya.lock');
    // PID 1 always runs: another server holds the folder.
    writeFileSync(lockFile, '1\n');
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by process 1/);
    // A pid that cannot exist: the holder crashed.
    writeFileSync(lockFile, '2147483646\n');
    const release = acquireDataDirLock(dir);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(() => readFileSync(lockFile)).toThrow();
  });
});
