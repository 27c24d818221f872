/**
 * `qadiya generate --persons N --files M [--seed S] …`: fills a database with a realistic,
 * internally consistent national caseload for demonstrations, load tests and benchmarks
 * (apps/server/src/generator, docs/adr/0016-data-generator.md). Refuses a database with real data
 * unless --force; never runs twice with one seed on one database.
 */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import {
  generate,
  GENERATED_PASSWORD_DEFAULT,
  type GenerateOptions,
  type GenerateSummary,
} from '../generator/generate';
import { progressFor, type ProgressSink } from '../generator/progress';
import { GeneratorRefusal } from '../generator/safety';
import {
  cliAuditActor,
  CliError,
  consoleOutput,
  withMaintenanceDatabase,
  type CliOutput,
} from './cli-support';

interface RawOptions {
  persons: string;
  files: string;
  seed: string;
  batch: string;
  asOf?: string;
  years: string;
  password: string;
  force?: boolean;
  analyze: boolean;
  bulkIndexes: string;
}

function whole(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CliError(`--${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Checks the command line; every bad value is named. */
export function parseGenerateOptions(raw: RawOptions, config: Config): GenerateOptions {
  const asOf = raw.asOf ?? today(config.timeZone);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(asOf) ||
    Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) ||
    new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf
  ) {
    throw new CliError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  }
  if (raw.seed.trim() === '' || raw.seed.length > 100)
    throw new CliError('--seed must be 1 to 100 characters');
  if (raw.password.length < 10) throw new CliError('--password must have at least 10 characters');
  if (!['auto', 'on', 'off'].includes(raw.bulkIndexes)) {
    throw new CliError(`--bulk-indexes must be auto, on or off, got "${raw.bulkIndexes}"`);
  }
  return {
    persons: whole('persons', raw.persons, 50, 50_000_000),
    files: whole('files', raw.files, 1, 20_000_000),
    seed: raw.seed,
    batch: whole('batch', raw.batch, 1, 1_000_000),
    asOf,
    years: whole('years', raw.years, 1, 30),
    password: raw.password,
    force: raw.force === true,
    bulkIndexes: raw.bulkIndexes as GenerateOptions['bulkIndexes'],
    analyze: raw.analyze,
  };
}

export async function generateCommand(
  handle: DatabaseHandle,
  config: Config,
  options: GenerateOptions,
  out: CliOutput,
  progress: ProgressSink,
): Promise<GenerateSummary> {
  let summary: GenerateSummary;
  try {
    summary = await generate(handle, config, options, progress, cliAuditActor());
  } catch (error) {
    if (error instanceof GeneratorRefusal) throw new CliError(error.message);
    throw error;
  }
  out.info(
    `Generated ${options.files} files in ${summary.matters} matters and ${options.persons} persons ` +
      `(seed "${summary.seed}", history of ${options.years} years to ${options.asOf}) in ${summary.seconds.toFixed(0)} s.`,
  );
  out.info(
    `Rows: ${Object.entries(summary.rows)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ')}.`,
  );
  out.info(
    `Every generated account (gen.<institution>.<post>, e.g. gen.ram-pro.pros01, gen.ram-mag.judge01, ` +
      `gen.analyst) has the password "${options.password}".`,
  );
  return summary;
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description(
      'Fill a database with a realistic generated caseload (for demonstrations and benchmarks)',
    )
    .requiredOption('--persons <n>', 'persons in the registry')
    .requiredOption(
      '--files <n>',
      'files (police reports, prosecution files, court cases, appeals, executions)',
    )
    .option('--seed <text>', 'seed: the same seed gives the same data', 'qadiya')
    .option('--batch <matters>', 'matters written together (memory against round trips)', '1000')
    .option('--as-of <date>', 'the history ends at the start of this day (default: today)')
    .option('--years <n>', 'years of history before --as-of', '3')
    .option('--password <text>', 'password of every generated account', GENERATED_PASSWORD_DEFAULT)
    .option('--force', 'generate into a database that already holds other data')
    .option(
      '--bulk-indexes <mode>',
      'drop and rebuild indexes around the load: auto, on or off',
      'auto',
    )
    .option('--no-analyze', 'skip VACUUM ANALYZE of the loaded tables')
    .action(async (raw: RawOptions) => {
      const config = loadConfig();
      const options = parseGenerateOptions(raw, config);
      await withMaintenanceDatabase(config, (handle) =>
        generateCommand(handle, config, options, consoleOutput, progressFor()),
      );
    });
}
