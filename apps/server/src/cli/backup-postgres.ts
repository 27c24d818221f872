/**
 * Backup and restore of a PostgreSQL server database with the standard client tools: `pg_dump
 * --format=custom`, and `pg_restore --clean --if-exists --no-owner` run through psql in one
 * transaction, so a failed restore leaves the database as it was. The password travels in
 * PGPASSWORD, never on the command line, where other users of the machine could read it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { CliError } from './cli-support';
import { RESTORE_PRELUDE } from './pg-restore-prelude';

export async function dumpPostgres(databaseUrl: string, partial: string): Promise<void> {
  const target = libpqTarget(databaseUrl);
  await runTool(
    'pg_dump',
    ['--format=custom', `--file=${partial}`, `--dbname=${target.url}`],
    target.env,
  );
}

/**
 * Replaces the database's objects with the backup's, atomically: `pg_restore` turns the backup
 * into SQL, which psql runs after RESTORE_PRELUDE in one transaction, committed only if
 * pg_restore finished cleanly.
 */
export async function restorePostgres(databaseUrl: string, backupFile: string): Promise<void> {
  const target = libpqTarget(databaseUrl);
  const env = { ...target.env, PGOPTIONS: '-c client_min_messages=warning' };
  const psql = startTool(
    'psql',
    ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', `--dbname=${target.url}`, '--file=-'],
    env,
    'stdin',
  );
  const restore = startTool(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--file=-', backupFile],
    env,
    'stdout',
  );
  psql.child.stdin?.on('error', () => undefined); // psql stopped early; its own error explains why
  psql.child.stdin?.write(`BEGIN;\n${RESTORE_PRELUDE}\n`);
  restore.child.stdout?.pipe(psql.child.stdin as NodeJS.WritableStream, { end: false });
  try {
    await restore.done;
  } catch (error) {
    psql.child.stdin?.end(); // no COMMIT: psql disconnects and the server rolls everything back
    // When psql stopped first (a failing statement), its error is the cause, not pg_restore's
    // broken pipe.
    const psqlError = await psql.done.then(
      () => null,
      (failure: unknown) => failure,
    );
    throw psqlError ?? error;
  }
  psql.child.stdin?.end('COMMIT;\n');
  await psql.done;
}

/** Other sessions on this database: a running server would be writing while we replace its data. */
export async function otherConnections(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(db);
  return result.rows[0]?.n ?? 0;
}

function libpqTarget(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new CliError('DATABASE_URL is not a valid postgres:// URL.');
  }
  const password = decodeURIComponent(url.password);
  url.password = '';
  return {
    url: url.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  };
}

function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return startTool(tool, args, env, 'none').done;
}

interface RunningTool {
  child: ChildProcess;
  /** Resolves when the tool exits with 0; rejects with its stderr otherwise. */
  done: Promise<void>;
}

function startTool(
  tool: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  pipe: 'none' | 'stdin' | 'stdout',
): RunningTool {
  const child = spawn(tool, args, {
    env,
    stdio: [pipe === 'stdin' ? 'pipe' : 'ignore', pipe === 'stdout' ? 'pipe' : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new CliError(
              `${tool} was not found on PATH. Install the PostgreSQL client tools of the server's ` +
                'major version (Debian/Ubuntu: apt-get install postgresql-client).',
            )
          : new CliError(`Could not run ${tool}: ${error.message}`),
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new CliError(`${tool} failed (exit code ${code ?? 'none'}):\n${stderr.trim()}`));
    });
  });
  return { child, done };
}
