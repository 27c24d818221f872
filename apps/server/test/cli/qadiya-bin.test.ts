/**
 * The real `qadiya` executable, spawned as an operator would run it, against an embedded database
 * in a temp folder: proves the command wiring, the exit codes and where the messages go.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database';

const BIN = fileURLToPath(new URL('../../bin/qadiya.mjs', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function qadiya(args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      // Always the embedded engine here, whatever the suite runs on.
      env: { ...process.env, DATABASE_URL: '', QADIYA_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the qadiya command (spawned)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'qadiya-bin-test-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo, verifies the audit log, and exits 1 naming a tampered row', async () => {
    const seeded = await qadiya(['seed-demo'], dataDir);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/Demo data seeded: 16 governorates, 27 institutions/);

    const again = await qadiya(['seed-demo'], dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^qadiya: Refusing to seed the demo: the database is not empty/);

    const intact = await qadiya(['audit', 'verify'], dataDir);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Audit log chain is intact\.\n {2}rows checked: 1\n/);

    const handle = await openDatabase({ pgliteDataDir: path.join(dataDir, 'pglite') });
    try {
      await handle.withRawSession((session) =>
        session.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER;
          UPDATE audit_log SET details = '{}'::jsonb WHERE seq = 1;
          ALTER TABLE audit_log ENABLE TRIGGER USER;`),
      );
      await sql`SELECT 1`.execute(handle.db); // so that close() reaches PGlite (see cli-support)
    } finally {
      await handle.close();
    }
    const broken = await qadiya(['audit', 'verify'], dataDir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Audit log chain is BROKEN at row 1 \(altered\)/);
  }, 180_000); // four process starts, each compiling TypeScript and opening PGlite
});
