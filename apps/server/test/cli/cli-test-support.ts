/**
 * Helpers for the operator-command tests: captured output, and a scratch database reachable
 * through a Config (a PGlite data folder in a temp directory, or a fresh database on the server of
 * DATABASE_URL), because backup and restore work on the configured database, not on a handle.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { CliOutput } from '../../src/cli/cli-support';
import { loadConfig, type Config } from '../../src/config';

export interface CapturedOutput extends CliOutput {
  lines: string[];
  errors: string[];
  text(): string;
}

export function captureOutput(): CapturedOutput {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    info: (line) => lines.push(line),
    error: (line) => errors.push(line),
    text: () => [...lines, ...errors].join('\n'),
  };
}

export interface ScratchDatabase {
  config: Config;
  /** A temp folder the test may use for backup files; removed by dispose. */
  dir: string;
  dispose(): Promise<void>;
}

export async function scratchDatabase(): Promise<ScratchDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qadiya-cli-test-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  const serverUrl = process.env.DATABASE_URL;
  const env = { QADIYA_DATA_DIR: path.join(dir, 'data'), QADIYA_DEMO: 'false' };
  if (!serverUrl) return { config: loadConfig(env), dir, dispose: removeDir };

  const name = `qadiya_cli_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: loadConfig({ ...env, DATABASE_URL: url.toString() }),
    dir,
    dispose: async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await removeDir();
    },
  };
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
