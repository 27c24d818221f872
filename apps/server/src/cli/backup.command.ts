/**
 * `qadiya backup --out <file>` and `qadiya restore --from <file>`, for both engines. A restore
 * replaces the whole database, then migrates it, verifies the audit chain and records a
 * `system.restored` audit row naming the backup file and its SHA-256.
 */
import type { Command } from 'commander';
import { recordAudit } from '../audit/audit-log';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { systemClock, type Clock } from '../clock';
import { loadConfig, type Config } from '../config';
import { pgliteDataDir } from '../runtime';
import { printAuditReport } from './audit.command';
import {
  discardBackupFile,
  describeBackupFile,
  finishBackupFile,
  startBackupFile,
  type BackupFileInfo,
} from './backup-file';
import { dumpPglite, restorePglite } from './backup-pglite';
import { dumpPostgres, otherConnections, restorePostgres } from './backup-postgres';
import {
  cliAuditActor,
  cliOrigin,
  CliError,
  consoleOutput,
  withMaintenanceDatabase,
  type CliOutput,
} from './cli-support';

export interface BackupOptions {
  out: string;
  /** PGlite: back up even though the data folder looks open (after a crash). */
  force?: boolean;
}

export async function backupCommand(
  config: Config,
  options: BackupOptions,
  out: CliOutput,
): Promise<BackupFileInfo> {
  const partial = await startBackupFile(options.out);
  try {
    if (config.databaseUrl) await dumpPostgres(config.databaseUrl, partial);
    else await dumpPglite(pgliteDataDir(config), partial, options.force === true);
  } catch (error) {
    await discardBackupFile(partial);
    throw error;
  }
  const info = await finishBackupFile(partial, options.out);
  out.info(`Backup written to ${info.path}`);
  out.info(`  format: ${info.format}, ${info.bytes} bytes, sha256 ${info.sha256}`);
  return info;
}

export interface RestoreOptions {
  from: string;
  /** Restore even though the database looks in use. */
  force?: boolean;
  clock?: Clock;
}

/** Returns the exit code: 0 when restored with an intact audit chain, 1 when the chain is broken. */
export async function restoreCommand(
  config: Config,
  options: RestoreOptions,
  out: CliOutput,
): Promise<number> {
  const backup = await describeBackupFile(options.from);
  const isForced = options.force === true;
  let previousDataDir: string | null = null;
  if (config.databaseUrl) {
    if (backup.format !== 'pg_dump') {
      throw new CliError(
        `${backup.path} is a backup of an embedded database; unset DATABASE_URL to restore it into QADIYA_DATA_DIR.`,
      );
    }
    // Migrating first creates the runtime role whose privileges the dump grants back.
    await withMaintenanceDatabase(config, async (handle) => {
      const others = await otherConnections(handle.db);
      if (others > 0 && !isForced) {
        throw new CliError(
          `${others} other connection(s) to the database are open: stop every Qadiya server first, ` +
            'or pass --force if they are not Qadiya.',
        );
      }
    });
    await restorePostgres(config.databaseUrl, backup.path);
  } else {
    if (backup.format !== 'pglite') {
      throw new CliError(
        `${backup.path} is a pg_dump backup of a PostgreSQL server; set DATABASE_URL to restore it there.`,
      );
    }
    previousDataDir = await restorePglite(pgliteDataDir(config), backup.path, isForced);
  }
  out.info(`Restored ${backup.path} (${backup.format}, sha256 ${backup.sha256}).`);
  if (previousDataDir) {
    out.info(`The previous data folder was kept at ${previousDataDir}; delete it once satisfied.`);
  }
  return withMaintenanceDatabase(config, async (handle) => {
    const report = await verifyAuditChain(handle.db);
    await handle.db.transaction().execute((trx) =>
      recordAudit(trx, cliOrigin(options.clock ?? systemClock), {
        action: 'system.restored',
        outcome: 'success',
        actor: cliAuditActor(),
        details: {
          engine: handle.kind,
          backupFile: backup.path,
          backupSha256: backup.sha256,
          backupBytes: backup.bytes,
          previousDataDir,
          auditChain: {
            isValid: report.isValid,
            rowsChecked: report.rowsChecked,
            lastSeq: report.lastSeq,
            lastHash: report.lastHash,
            problem: report.problem,
          },
        },
      }),
    );
    const head = await handle.db
      .selectFrom('audit_chain_head')
      .select('last_seq')
      .executeTakeFirstOrThrow();
    printAuditReport(report, out);
    out.info(`The restore was recorded in the audit log as row ${head.last_seq}.`);
    return report.isValid ? 0 : 1;
  });
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a backup of the database (embedded: .tar.gz of the data folder; server: pg_dump)',
    )
    .requiredOption('--out <file>', 'the backup file to create (never overwritten)')
    .option('--force', 'embedded database: back up even if the data folder looks open')
    .action(async (options: BackupOptions) => {
      await backupCommand(loadConfig(), options, consoleOutput);
    });
  program
    .command('restore')
    .description(
      'Replace the database with a backup (stop the server first), then verify the audit log',
    )
    .requiredOption('--from <file>', 'a file written by `qadiya backup`')
    .option('--force', 'restore even if the database looks in use')
    .action(async (options: RestoreOptions) => {
      process.exitCode = await restoreCommand(loadConfig(), options, consoleOutput);
    });
}
