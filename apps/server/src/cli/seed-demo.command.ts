/** `qadiya seed-demo`: loads the demo organisation and accounts into an empty database. */
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../clock';
import { loadConfig } from '../config';
import type { Database } from '../db/schema';
import { demoLoginTable } from '../demo/demo-logins';
import { DEMO_PASSWORD, seedDemo } from '../demo/seed-demo';
import {
  cliAuditActor,
  cliOrigin,
  CliError,
  consoleOutput,
  withMaintenanceDatabase,
  type CliOutput,
} from './cli-support';

export async function seedDemoCommand(
  db: Kysely<Database>,
  out: CliOutput,
  options: { clock?: Clock; passwordLog2N?: number } = {},
): Promise<void> {
  const result = await seedDemo(db, {
    origin: cliOrigin(options.clock ?? systemClock),
    actor: cliAuditActor(),
    ...(options.passwordLog2N ? { passwordLog2N: options.passwordLog2N } : {}),
  });
  if (!result.isSeeded) {
    const { regions, institutions, users } = result.existing;
    throw new CliError(
      `Refusing to seed the demo: the database is not empty (${institutions} institutions, ` +
        `${users} users, ${regions} regions). The demo is only loaded into an empty database.`,
    );
  }
  const { counts } = result;
  out.info(
    `Demo data seeded: ${counts.regions} governorates, ${counts.institutions} institutions, ` +
      `${counts.units} prosecution units, ${counts.users} users.`,
  );
  out.info(`Demo accounts (every password is "${DEMO_PASSWORD}"):`);
  for (const line of demoLoginTable()) out.info(`  ${line}`);
}

export function registerSeedDemoCommand(program: Command): void {
  program
    .command('seed-demo')
    .description('Load the demo organisation and one account per role into an empty database')
    .action(async () => {
      await withMaintenanceDatabase(loadConfig(), (handle) =>
        seedDemoCommand(handle.db, consoleOutput),
      );
    });
}
