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
 * One statement sets all three, for this transaction only (`set_config(…, true)` is `SET LOCAL`): a
 * search pays one round trip for it, not two. Inside a transaction already, the settings last
 * until it ends.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

export async function withoutParallelWorkers<T>(
  db: Kysely<Database>,
  work: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const run = async (trx: Kysely<Database>) => {
    await sql`SELECT set_config('max_parallel_workers_per_gather', '0', true),
                     set_config('jit', 'off', true),
                     set_config('plan_cache_mode', 'force_custom_plan', true)`.execute(trx);
    return work(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
