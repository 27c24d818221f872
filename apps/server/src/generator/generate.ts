/**
 * `qadiya generate`: a realistic national caseload written straight into the database. In one
 * transaction: the organisation (extended, never duplicated), the persons registry, then every
 * matter's files with their events, parties, charges, detentions, hearings, deadlines, teams,
 * links and numbering, and one `system.data_generated` audit row. The phases and why they are
 * ordered so are in docs/adr/0016-data-generator.md.
 */
import type { Kysely, Transaction } from 'kysely';
import { Kysely as KyselyClass, PostgresDialect, sql, type PostgresPool } from 'kysely';
import pg from 'pg';
import { recordAudit, type AuditEntry } from '../audit/audit-log';
import { hashPassword } from '../auth/password';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import type { Database } from '../db/schema';
import {
  dropForLoad,
  pauseSummaryTriggers,
  rebuildSummaryTables,
  restoreAfterLoad,
  analyzeLoadedTables,
  PERSON_WORD_TABLES,
  restoreStepCount,
  type SavedSchema,
} from './bulk-load';
import { DAY_MS, dateToDay, dayToDate, LocalClock } from './calendar';
import { readExistingData } from './existing-data';
import { HearingSlots } from './hearing-slots';
import { IdFactory, runTag } from './ids';
import { MatterRun, type RunContext } from './matter-run';
import { MatterStory } from './matter-story';
import { assignNumbers, NumberingPlayback, NumberingRecorder, type CounterRow } from './numbering';
import { buildOrganisation } from './organisation';
import { PersonsRegistry } from './persons';
import { planMatters } from './plan';
import type { ProgressSink } from './progress';
import { CopyWriter, InsertWriter, type RowWriter } from './row-writer';
import { FILE_TABLES, organisationCells, TABLE_ORDER, type Row, type TableName } from './rows';
import { checkSafeToGenerate } from './safety';

/** The tables the bulk load fills by the hundred thousand. */
const LOADED_TABLES: readonly TableName[] = [...FILE_TABLES, 'persons'];
/** The tables the load changes: those it writes, and those the persons' words fill after it. */
const CHANGED_TABLES: readonly string[] = [...LOADED_TABLES, ...PERSON_WORD_TABLES];

export interface GenerateOptions {
  persons: number;
  files: number;
  seed: string;
  /** Matters whose rows are written together (memory against round trips; no effect on data). */
  batch: number;
  /** The history ends at the start of this day (YYYY-MM-DD, the courts' time zone). */
  asOf: string;
  /** Years of history before `asOf`. */
  years: number;
  /** The password of every generated account. */
  password: string;
  force: boolean;
  /** Drop and rebuild indexes around the load: `auto` on a server for large runs. */
  bulkIndexes: 'auto' | 'on' | 'off';
  /** VACUUM ANALYZE the loaded tables afterwards (PostgreSQL), so queries start with statistics. */
  analyze: boolean;
}

export interface GenerateSummary {
  seed: string;
  matters: number;
  rows: Partial<Record<TableName, number>>;
  notes: string[];
  seconds: number;
}

export const GENERATED_PASSWORD_DEFAULT = 'qadiya-generated';

export async function generate(
  handle: DatabaseHandle,
  config: Config,
  options: GenerateOptions,
  progress: ProgressSink,
  actor: NonNullable<AuditEntry['actor']>,
): Promise<GenerateSummary> {
  const started = Date.now();
  const existing = await readExistingData(handle.db);
  const notes = checkSafeToGenerate(existing, options.seed, options.force);
  for (const note of notes) progress.note(note);

  const clock = new LocalClock(config.timeZone);
  const asOfDay = dateToDay(options.asOf);
  const asOf = clock.at(asOfDay, 0);
  const windowStart = clock.at(asOfDay - Math.round(options.years * 365.25), 0);
  const grantsFrom = windowStart - 60 * DAY_MS;
  const ids = new IdFactory(runTag(options.seed));
  // One hash for every generated account (they share the password): hashing thousands at the
  // production cost would take minutes and prove nothing.
  const passwordHash = await hashPassword(options.password);
  const { org, rows: orgRows } = buildOrganisation({
    existing,
    ids,
    seed: options.seed,
    yearlyFiles: options.files / options.years,
    grantsFrom,
    timeZone: config.timeZone,
    passwordHash,
  });
  const offences = new Map(existing.offences.map((o) => [o.code, o]));
  const persons = new PersonsRegistry(options.persons, options.seed, asOfDay);
  const counts: Partial<Record<TableName, number>> = {};
  const bulk =
    handle.kind === 'postgresql' &&
    (options.bulkIndexes === 'on' ||
      (options.bulkIndexes === 'auto' && options.files + options.persons >= 100_000));

  const work = async (trx: Transaction<Database>, writer: RowWriter) => {
    const write = async (table: TableName, rows: readonly Row[]) => {
      await writer.write(table, rows);
      counts[table] = (counts[table] ?? 0) + rows.length;
    };
    let saved: SavedSchema | null = null;
    if (bulk) saved = await dropForLoad(trx, CHANGED_TABLES);
    await pauseSummaryTriggers(trx);
    for (const [table, rows] of organisationCells(orgRows, grantsFrom)) await write(table, rows);

    progress.start('persons', options.persons);
    await persons.generate(ids, grantsFrom, existing.nationalIds, async (chunk) => {
      await write('persons', chunk);
      progress.update(counts.persons ?? 0);
    });
    progress.finish();

    const base = {
      seed: options.seed,
      requestId: `generate:${options.seed}`,
      clock,
      org,
      persons,
      offences,
      offencesById: new Map(existing.offences.map((o) => [o.id, o])),
      asOf,
      juvenileRules: config.juvenileDetentionRules,
    };
    const planning = (numbering: NumberingRecorder): RunContext => ({
      ...base,
      mode: 'plan',
      numbering,
      slots: new HearingSlots(clock, true),
      ids: new IdFactory(ids.tag),
      emit: () => undefined,
    });
    const { matters, requests } = planMatters({
      files: options.files,
      windowStart,
      asOf,
      seed: options.seed,
      clock,
      context: planning,
      freshRecorder: () => new NumberingRecorder(org, clock),
      progress,
    });
    const { answers, counters } = assignNumbers(requests, org, existing, clock);

    let batch = new Map<TableName, Row[]>();
    const flush = async (rows: Map<TableName, Row[]>) => {
      for (const table of FILE_TABLES) await write(table, rows.get(table) ?? []);
    };
    const execution: RunContext = {
      ...base,
      mode: 'execute',
      numbering: new NumberingPlayback(requests, answers),
      slots: new HearingSlots(clock, false, existing.bookedHearings),
      ids,
      emit: (table, row) => {
        const list = batch.get(table);
        if (list) list.push(row);
        else batch.set(table, [row]);
      },
    };
    progress.start('files', options.files);
    let opened = 0;
    let inBatch = 0;
    // Writing a batch overlaps with simulating the next one: the server ingests while Node works.
    let pending: Promise<void> = Promise.resolve();
    for (const [i, m] of matters.entries()) {
      const run = new MatterRun(execution, m.key, dayToDate(clock.dayOf(m.start)), m.cap);
      new MatterStory(run, m.start).tell();
      opened += run.filesOpened;
      inBatch += 1;
      if (inBatch >= options.batch) {
        await pending;
        const full = batch;
        batch = new Map();
        inBatch = 0;
        pending = flush(full);
        pending.catch(() => undefined);
      }
      if (i % 64 === 0) {
        progress.update(opened);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await pending;
    await flush(batch);
    progress.update(opened);
    progress.finish();
    if (opened !== options.files)
      throw new Error(`opened ${opened} files instead of ${options.files}`);
    await writeCounters(trx, counters);

    if (saved) {
      progress.start('indexes and keys', restoreStepCount(saved));
      await restoreAfterLoad(trx, saved, (done, _total, what) => {
        progress.update(done, what);
      });
      progress.finish();
    }
    progress.start('performance summary', 1);
    await analyzeLoadedTables(trx, CHANGED_TABLES);
    await rebuildSummaryTables(trx);
    progress.update(1);
    progress.finish();
    await recordAudit(
      trx,
      { requestId: `generate:${options.seed}`, sourceIp: null, occurredAt: new Date() },
      {
        action: 'system.data_generated',
        outcome: 'success',
        actor,
        details: {
          seed: options.seed,
          runTag: ids.tag,
          persons: options.persons,
          files: options.files,
          matters: matters.filter((m) => m.files > 0).length,
          asOf: options.asOf,
          years: options.years,
          rows: counts,
        },
      },
    );
    return matters.filter((m) => m.files > 0).length;
  };

  let matterCount: number;
  if (handle.kind === 'postgresql') {
    if (!config.databaseUrl) throw new Error('a PostgreSQL database without a URL');
    matterCount = await withLoadConnection(config.databaseUrl, (db, client) =>
      db.transaction().execute((trx) => work(trx, new CopyWriter(client))),
    );
  } else {
    matterCount = await handle.db.transaction().execute((trx) => work(trx, new InsertWriter(trx)));
  }
  if (options.analyze) await analyzeTables(handle, progress);
  return {
    seed: options.seed,
    matters: matterCount,
    rows: counts,
    notes,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Upserts the counters: a demo or earlier generation may already have numbered files. */
async function writeCounters(
  trx: Transaction<Database>,
  counters: readonly CounterRow[],
): Promise<void> {
  for (let i = 0; i < counters.length; i += 1000) {
    const slice = counters.slice(i, i + 1000).map((c) => ({
      institution_id: c.institutionId,
      case_type: c.caseType,
      year: c.year,
      last_serial: c.lastSerial,
    }));
    await trx
      .insertInto('case_number_counters')
      .values(slice)
      .onConflict((oc) =>
        oc
          .columns(['institution_id', 'case_type', 'year'])
          .doUpdateSet((eb) => ({ last_serial: eb.ref('excluded.last_serial') })),
      )
      .execute();
  }
}

/**
 * One dedicated connection for the load: COPY needs the raw client, and the transaction, the
 * audit row and the DDL around the load must all run on that same connection.
 */
async function withLoadConnection<T>(
  url: string,
  work: (db: Kysely<Database>, client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: (oid: number, format?: string) => {
        if (oid === 20) return (value: string) => Number(value);
        if (oid === 1082) return (value: string) => value;
        return (
          pg.types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown
        )(oid, format);
      },
    },
  });
  await client.connect();
  client.on('error', () => undefined);
  const pool = {
    connect: () => Promise.resolve({ query: client.query.bind(client), release: () => undefined }),
    end: () => Promise.resolve(),
  } as unknown as PostgresPool;
  const db = new KyselyClass<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await work(db, client);
  } finally {
    await db.destroy();
    await client.end();
  }
}

/** Fresh statistics (and, on a server, the visibility map) for the tables just loaded. */
async function analyzeTables(handle: DatabaseHandle, progress: ProgressSink): Promise<void> {
  const tables = TABLE_ORDER;
  progress.start('analyze', tables.length);
  for (const [i, table] of tables.entries()) {
    progress.update(i, table);
    if (handle.kind === 'postgresql')
      await sql`VACUUM (ANALYZE) ${sql.table(table)}`.execute(handle.db);
    else await sql`ANALYZE ${sql.table(table)}`.execute(handle.db);
  }
  progress.finish();
}
