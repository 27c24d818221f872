/**
 * `qadiya generate` spawned as an operator runs it, on an embedded database in a temp folder: the
 * command wiring, plain progress lines when the output is not a terminal, the summary, the exit
 * code of a refusal, and an audit chain that `qadiya audit verify` still accepts.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/qadiya.mjs', import.meta.url));

function qadiya(
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
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

describe('qadiya generate (spawned)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'qadiya-generate-test-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('generates, reports, refuses a second run with the seed, and keeps the audit chain intact', async () => {
    const args = [
      'generate',
      '--persons',
      '300',
      '--files',
      '120',
      '--seed',
      'bin',
      '--as-of',
      '2026-11-28',
    ];
    // A bad value is refused before the database is opened, so that run overlaps the first one
    // (each spawn spends seconds compiling the command before it does anything).
    const [run, bad] = await Promise.all([
      qadiya(args, dataDir),
      qadiya(['generate', '--persons', '300', '--files', 'lots'], dataDir),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Generated 120 files in \d+ matters and 300 persons \(seed "bin"/);
    expect(run.stdout).toMatch(/gen\.ram-pro\.pros01/);
    // Not a terminal: progress comes as plain lines on stderr, one per phase at least.
    expect(run.stderr).toMatch(/^persons: done in/m);
    expect(run.stderr).toMatch(/^files: done in/m);

    const again = await qadiya(args, dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds data generated with seed "bin"/);

    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--files must be a whole number/);

    const verified = await qadiya(['audit', 'verify'], dataDir);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/Audit log chain is intact/);
  }, 300_000);
});
