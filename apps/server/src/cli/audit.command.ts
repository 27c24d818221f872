/**
 * `qadiya audit verify`: walks the hash chain of the audit log. Exit code 0 when it is intact,
 * 1 when a row was altered, removed or inserted (the first bad row is named), so cron and
 * monitoring can alert on it. `--expect-head` checks the chain against a head hash recorded
 * elsewhere, which also catches a log rewritten from scratch with recomputed hashes.
 */
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { GENESIS_HASH } from '../audit/audit-chain';
import { verifyAuditChain, type AuditChainReport } from '../audit/verify-audit-chain';
import { loadConfig } from '../config';
import type { Database } from '../db/schema';
import { consoleOutput, withMaintenanceDatabase, type CliOutput } from './cli-support';

export interface AuditVerifyOptions {
  expectHead?: string | undefined;
}

/** Returns the process exit code: 0 intact, 1 broken or not matching the expected head. */
export async function auditVerifyCommand(
  db: Kysely<Database>,
  options: AuditVerifyOptions,
  out: CliOutput,
): Promise<number> {
  const report = await verifyAuditChain(db);
  printAuditReport(report, out);
  if (!report.isValid) return 1;
  if (options.expectHead === undefined) return 0;

  const expected = options.expectHead.trim().toLowerCase();
  // The genesis hash was the head of an empty log, which every log extends.
  if (expected === GENESIS_HASH) return 0;
  // Hashes are unique, and every row up to the head was just verified, so finding the recorded
  // hash proves the log still holds everything that existed when it was recorded.
  const anchor = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('hash', '=', expected)
    .executeTakeFirst();
  if (!anchor) {
    out.error(
      `The expected head hash ${expected} is not in the audit log: the log was rewritten, ` +
        'or the database was restored from a backup older than that hash.',
    );
    return 1;
  }
  out.info(
    `  expected head found at row ${anchor.seq}; ${report.lastSeq - anchor.seq} rows were added since.`,
  );
  return 0;
}

/** Prints a verification report: the head on success, the first bad row on failure. */
export function printAuditReport(report: AuditChainReport, out: CliOutput): void {
  if (report.problem) {
    const { problem } = report;
    out.error(`Audit log chain is BROKEN at row ${problem.seq} (${problem.kind}).`);
    out.error(`  ${problem.message}`);
    out.error(`  rows verified before it: ${report.rowsChecked}`);
    out.error(`  last good row:           ${report.lastSeq}`);
    out.error(`  last good hash:          ${report.lastHash}`);
    return;
  }
  out.info('Audit log chain is intact.');
  out.info(`  rows checked: ${report.rowsChecked}`);
  out.info(`  last seq:     ${report.lastSeq}`);
  out.info(`  head hash:    ${report.lastHash}`);
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Audit log maintenance');
  audit
    .command('verify')
    .description('Verify the hash chain of the audit log; exits 1 naming the first bad row')
    .option('--expect-head <hash>', 'a head hash recorded earlier, which must still be in the log')
    .action(async (options: { expectHead?: string }) => {
      process.exitCode = await withMaintenanceDatabase(loadConfig(), (handle) =>
        auditVerifyCommand(handle.db, options, consoleOutput),
      );
    });
}
