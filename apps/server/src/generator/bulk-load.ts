/**
 * Loading millions of rows fast on a PostgreSQL server, safely. Inside the generation's one
 * transaction, before the first file row: the secondary indexes of the loaded tables are dropped
 * (their definitions read from the catalogue first), their foreign keys too, and the triggers that
 * would work row by row are switched off (the one that locks a person row for every new party:
 * generated parties only name fresh, unmerged persons; those that keep derived rows, which are
 * written set-based after the load). After the last row they are all put back from the saved
 * definitions: each index is built once, in parallel with a larger sort memory, and each foreign key is checked with
 * one query over the whole table instead of one lookup per row. Primary keys and unique
 * constraints stay in place throughout, so duplicates are still refused as rows arrive.
 *
 * Because DDL is transactional in PostgreSQL, a failure or an interrupted run rolls back the
 * dropped indexes with the rows: the database is exactly as before. The cost is that the loaded
 * tables are locked (ACCESS EXCLUSIVE) until the commit, which is why the generator is for a
 * database no server is using.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

export interface SavedSchema {
  indexes: { name: string; definition: string }[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

const TRIGGERS_OFF: readonly { table: string; trigger: string }[] = [
  { table: 'parties', trigger: 'parties_person_not_merged' },
  // Each party would look up its person's other parties, by an index dropped for the load: the
  // flag is set for every person at once after it (restoreAfterLoad).
  { table: 'parties', trigger: 'parties_may_be_protected' },
  { table: 'cases', trigger: 'cases_may_be_protected' },
  // Each lead assignment would update its user's rotation count: counted once after the load.
  { table: 'case_assignments', trigger: 'case_assignments_rotation_load' },
  // Each person would add its words to the name vocabulary and the search words, a plpgsql call
  // and several index insertions per person: added for every new person at once after the load.
  { table: 'persons', trigger: 'persons_name_vocabulary' },
  { table: 'persons', trigger: 'persons_search_words' },
];

/**
 * Tables the load fills through the persons' words (above) rather than by COPY: their secondary
 * indexes are set aside and built after them like those of the loaded tables.
 */
export const PERSON_WORD_TABLES = ['person_name_words', 'person_search_words'] as const;

export async function dropForLoad(
  trx: Transaction<Database>,
  tables: readonly string[],
): Promise<SavedSchema> {
  const list = [...tables];
  const indexes = await sql<{ name: string; definition: string }>`
    SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema() AND t.relname = ANY(${list})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
    ORDER BY t.relname, i.relname`.execute(trx);
  const foreignKeys = await sql<{ table: string; name: string; definition: string }>`
    SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema() AND c.contype = 'f' AND t.relname = ANY(${list})
    ORDER BY t.relname, c.conname`.execute(trx);
  for (const fk of foreignKeys.rows) {
    await sql`ALTER TABLE ${sql.table(fk.table)} DROP CONSTRAINT ${sql.ref(fk.name)}`.execute(trx);
  }
  for (const index of indexes.rows) await sql`DROP INDEX ${sql.ref(index.name)}`.execute(trx);
  for (const { table, trigger } of TRIGGERS_OFF) {
    await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER ${sql.ref(trigger)}`.execute(trx);
  }
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

/** The steps restoreAfterLoad reports: each index, each foreign key, each trigger switched back on. */
export function restoreStepCount(saved: SavedSchema): number {
  return saved.indexes.length + saved.foreignKeys.length + TRIGGERS_OFF.length;
}

export async function restoreAfterLoad(
  trx: Transaction<Database>,
  saved: SavedSchema,
  onStep: (done: number, total: number, what: string) => void,
): Promise<void> {
  const total = restoreStepCount(saved);
  let done = 0;
  // Index builds sort; more memory means fewer passes. Local to this transaction.
  await sql`SET LOCAL maintenance_work_mem = '512MB'`.execute(trx);
  // The persons' words first (migration 0024), so that their indexes are built over them.
  onStep(done, total, 'person words');
  await sql`SELECT qadiya_add_missing_person_words()`.execute(trx);
  for (const index of saved.indexes) {
    onStep(done, total, index.name);
    await sql.raw(index.definition).execute(trx);
    done += 1;
  }
  for (const fk of saved.foreignKeys) {
    onStep(done, total, fk.name);
    await sql`ALTER TABLE ${sql.table(fk.table)} ADD CONSTRAINT ${sql.ref(fk.name)} ${sql.raw(fk.definition)}`.execute(
      trx,
    );
    done += 1;
  }
  for (const { table, trigger } of TRIGGERS_OFF) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER ${sql.ref(trigger)}`.execute(trx);
    done += 1;
  }
  // What the switched-off triggers would have kept (migrations 0017 and 0018).
  await sql`SELECT qadiya_refresh_all_may_be_protected()`.execute(trx);
  await sql`SELECT qadiya_rebuild_lead_rotation_loads()`.execute(trx);
  onStep(done, total, 'done');
}

/**
 * The triggers that keep the performance measures' unit summary current (migration 0016). Row by
 * row they would refresh a file's units once per party, charge and event loaded: the generator
 * switches them off for its load, in all modes, and rebuilds the summary once at the end from the
 * same definition (`performance_rebuild`, set-based), within its transaction.
 */
const SUMMARY_TRIGGERS: readonly { table: string; trigger: string }[] = [
  { table: 'cases', trigger: 'performance_cases_changed' },
  { table: 'parties', trigger: 'performance_parties_changed' },
  { table: 'charges', trigger: 'performance_charges_changed' },
  { table: 'case_events', trigger: 'performance_events_added' },
  // Migration 0019: trial date certainty (hearings) and workload (lead assignments).
  { table: 'hearings', trigger: 'performance_hearings_changed' },
  { table: 'case_assignments', trigger: 'performance_assignments_changed' },
];

export async function pauseSummaryTriggers(trx: Transaction<Database>): Promise<void> {
  for (const { table, trigger } of SUMMARY_TRIGGERS) {
    await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER ${sql.ref(trigger)}`.execute(trx);
  }
}

/**
 * Statistics of the loaded tables, read inside the load's transaction (ANALYZE counts the
 * transaction's own rows). Without them the planner still sees the tables as they were before the
 * load, nearly empty, and plans the summary's rebuild over millions of rows as if over a few: on
 * 500,000 files it ran for more than eight minutes instead of about one. Committed with the rows,
 * they also serve the first requests after the load, before autovacuum has analysed anything.
 */
export async function analyzeLoadedTables(
  trx: Transaction<Database>,
  tables: readonly string[],
): Promise<void> {
  for (const table of tables) await sql`ANALYZE ${sql.table(table)}`.execute(trx);
}

/** After the load (and after the indexes are back: the rebuild reads parties and charges by file). */
export async function rebuildSummaryTables(trx: Transaction<Database>): Promise<void> {
  for (const { table, trigger } of SUMMARY_TRIGGERS) {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER ${sql.ref(trigger)}`.execute(trx);
  }
  await sql`SELECT performance_rebuild()`.execute(trx);
}
