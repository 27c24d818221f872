/**
 * Runs search statements without PostgreSQL's parallel workers or JIT compiler. The planner prices
 * the policy's per-file conditions and the victim-protection check high enough to plan parallel
 * workers and to compile: starting the workers took 150 ms and they then waited for the same heap
 * blocks, compiling took 66–500 ms, for statements that run in tens of milliseconds on the
 * candidates the indexes give (docs/performance.md). JIT is also off for every server connection
 * (db/database.ts); it is repeated here so that the rule holds wherever the statement runs.
 *
 * Searches are also planned for the words searched every time: the server's connections prepare
 * statements (db/prepared-statements.ts), and PostgreSQL may otherwise settle on one generic plan
 * for a statement whose best plan depends on how common the searched name or word is.
 *
 * One statement sets all three, and a caller's extra settings, for this transaction only
 * (`set_config(…, true)` is `SET LOCAL`): a search pays one round trip for them, not several. Inside a transaction already, the settings last
 * until it ends.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * A planner setting a caller adds for its transaction, set in the same statement as the others
 * (case search turns sequential scans off for its GIN-only reads).
 */
export type ExtraPlannerSetting = 'enable_seqscan' | 'enable_bitmapscan';

export async function withoutParallelWorkers<T>(
  db: Kysely<Database>,
  work: (db: Kysely<Database>) => Promise<T>,
  extra: Partial<Record<ExtraPlannerSetting, 'on' | 'off'>> = {},
): Promise<T> {
  const settings: [string, string][] = [
    ['max_parallel_workers_per_gather', '0'],
    ['jit', 'off'],
    ['plan_cache_mode', 'force_custom_plan'],
    ...Object.entries(extra),
  ];
  const run = async (trx: Kysely<Database>) => {
    const calls = settings.map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
    await sql`SELECT ${sql.join(calls)}`.execute(trx);
    return work(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
