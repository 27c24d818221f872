/**
 * What every operator command shares: how it names its actor in the audit log, where its output
 * goes (so tests can capture it), and the error type for a refusal the operator can act on.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { AuditEntry, RequestOrigin } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import { openMigratedDatabase, pgliteDataDir } from '../runtime';

/** A refusal or failure with a message for the operator; printed without a stack trace. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

export interface CliOutput {
  info(line: string): void;
  error(line: string): void;
}

export const consoleOutput: CliOutput = {
  info: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};

/** `cli:<os user>`: the audit log names the person at the keyboard, not an application account. */
export function cliUsername(): string {
  let user: string | undefined;
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): fall back to the environment.
    user = process.env.USER ?? process.env.LOGNAME;
  }
  return `cli:${user && user.trim() !== '' ? user : 'unknown'}`;
}

export function cliAuditActor(): NonNullable<AuditEntry['actor']> {
  return { userId: null, username: cliUsername() };
}

/** The origin of a CLI command's audit rows: no request, no network address. */
export function cliOrigin(clock: Clock): RequestOrigin {
  return { requestId: `cli-${randomUUID()}`, sourceIp: null, occurredAt: clock.now() };
}

/**
 * Refuses an embedded data folder that another process has open (its `postmaster.pid` exists
 * while PGlite runs): two PGlite processes on one folder would corrupt it.
 */
export function assertPgliteNotInUse(dataDir: string, canForce: boolean): void {
  if (!existsSync(path.join(dataDir, 'postmaster.pid'))) return;
  throw new CliError(
    `The embedded database in ${dataDir} is open (postmaster.pid is present): stop the Qadiya ` +
      'server and any other qadiya command first. If nothing is running (the server crashed), ' +
      (canForce ? 'pass --force.' : 'delete that postmaster.pid file.'),
  );
}

/**
 * Runs `work` on the migrated database as its owner (maintenance commands), then closes it. The
 * embedded database serves one process, so it must not be open in a running server.
 */
export async function withMaintenanceDatabase<T>(
  config: Config,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  if (!config.databaseUrl) assertPgliteNotInUse(pgliteDataDir(config), false);
  const handle = await openMigratedDatabase(config, { asRuntimeRole: false });
  try {
    return await work(handle);
  } finally {
    // Kysely's destroy() skips a driver it never used, which would leave PGlite open (its
    // postmaster.pid stays, and later commands refuse the folder) or the pool alive after a
    // command that only migrated. One query makes sure close() reaches the engine.
    await sql`SELECT 1`.execute(handle.db).catch(() => undefined);
    await handle.close();
  }
}
