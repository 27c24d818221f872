/**
 * The `qadiya` command line: server start-up and the operator's maintenance commands, one file per
 * command group. Run `npx qadiya --help` for the list. A refusal the operator can act on is a
 * CliError: its message is printed without a stack trace and the exit code is 1.
 */
import { Command } from 'commander';
import { serve } from '../main';
import { loadConfig } from '../config';
import { AppError } from '../http/errors';
import { registerAuditCommands } from './audit.command';
import { registerBackupCommands } from './backup.command';
import { CliError, withMaintenanceDatabase } from './cli-support';
import { registerGenerateCommand } from './generate.command';
import { registerSeedDemoCommand } from './seed-demo.command';
import { registerUserCommands } from './user.command';

export function buildCli(): Command {
  const program = new Command('qadiya')
    .description('Qadiya (قضية): case management for the justice chain')
    .showHelpAfterError();

  program
    .command('serve')
    .description('Start the server (migrates the database first)')
    .action(serve);

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const { kind, location } = await withMaintenanceDatabase(loadConfig(), (handle) =>
        Promise.resolve(handle),
      );
      console.log(`Database is up to date (${kind}: ${location}).`);
    });

  registerSeedDemoCommand(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  registerBackupCommands(program);
  registerGenerateCommand(program);
  return program;
}

// `qadiya … | head` closes stdout early; that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

try {
  await buildCli().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`qadiya: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (error instanceof AppError) {
    // A use case refused (a taken username, a weak password…): its message is for the operator.
    process.stderr.write(`qadiya: ${appErrorMessage(error)}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(
      `qadiya: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}

/** The API's "Invalid body field" wording means nothing at a prompt: name the field plainly. */
function appErrorMessage(error: AppError): string {
  const issues = error.details.issues;
  if (!Array.isArray(issues)) return error.message;
  return issues
    .map(
      (issue: { field?: unknown; problem?: unknown }) =>
        `invalid ${String(issue.field)}: ${String(issue.problem)}`,
    )
    .join('; ');
}
