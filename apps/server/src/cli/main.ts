/**
 * The `qadiya` command line: server start-up and the operator's maintenance commands.
 * Run `npx qadiya --help` for the list.
 */
import { Command } from 'commander';
import { serve } from '../main';
import { loadConfig } from '../config';
import { openMigratedDatabase } from '../runtime';

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
      const handle = await openMigratedDatabase(loadConfig(), { asRuntimeRole: false });
      await handle.close();
      console.log(`Database is up to date (${handle.kind}: ${handle.location}).`);
    });

  return program;
}

await buildCli().parseAsync(process.argv);
