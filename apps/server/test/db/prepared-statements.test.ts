import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { StatementNames, withStatementsPlannedEachTime } from '../../src/db/prepared-statements';
import { withoutParallelWorkers } from '../../src/db/without-parallel-workers';
import { sharedTestDatabase } from '../support/database';

describe('statement names', () => {
  const options = { maxTextLength: 100, maxNames: 2 };

  it('gives the same text the same name, and different texts different names', () => {
    const names = new StatementNames(options);
    const first = names.nameFor('select $1::int', 1);
    expect(first).toMatch(/^q[0-9a-f]{20}$/);
    expect(names.nameFor('select $1::int', 1)).toBe(first);
    expect(names.nameFor('select $1::text', 1)).not.toBe(first);
    // Another process names the same text the same way (the name is a digest of the text).
    expect(new StatementNames(options).nameFor('select $1::int', 1)).toBe(first);
  });

  it('leaves statements without parameters and long statements unnamed', () => {
    const names = new StatementNames(options);
    expect(names.nameFor('begin', 0)).toBeUndefined();
    expect(names.nameFor(`select $1::text -- ${'x'.repeat(100)}`, 1)).toBeUndefined();
    expect(names.size).toBe(0);
  });

  it('stops naming new texts at the limit, and keeps the names already given', () => {
    const names = new StatementNames(options);
    const a = names.nameFor('select $1::int', 1);
    names.nameFor('select $1::text', 1);
    expect(names.nameFor('select $1::date', 1)).toBeUndefined();
    expect(names.nameFor('select $1::int', 1)).toBe(a);
    expect(names.size).toBe(2);
  });
});

describe('the QADIYA_DB_PREPARED_STATEMENTS setting', () => {
  it('is on by default, may be turned off, and refuses anything but true or false', () => {
    expect(loadConfig({}).databasePreparedStatements).toBe(true);
    expect(loadConfig({ QADIYA_DB_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(
      false,
    );
    expect(() => loadConfig({ QADIYA_DB_PREPARED_STATEMENTS: 'off' })).toThrow(
      /QADIYA_DB_PREPARED_STATEMENTS must be "true" or "false", got "off"/,
    );
  });
});

describe.runIf(process.env.DATABASE_URL)('prepared statements on a PostgreSQL server', () => {
  it('prepares a parameterised statement once per connection and answers it correctly', async () => {
    const { db } = await sharedTestDatabase();
    // One connection (a transaction), so the second run finds the statement the first prepared.
    const { answers, prepared } = await db.transaction().execute(async (trx) => {
      const marker = `prepared-statement-test-${Date.now()}`;
      const statement = (n: number) => sql<{ doubled: number; marker: string }>`
        SELECT ${n}::int * 2 AS doubled, ${marker}::text AS marker`;
      const first = await statement(21).execute(trx);
      const second = await statement(5).execute(trx);
      const found = await sql<{ count: number }>`
        SELECT count(*)::int AS count FROM pg_prepared_statements
         WHERE statement LIKE ${'%AS doubled%'} AND NOT from_sql`.execute(trx);
      return {
        answers: [first.rows[0], second.rows[0]],
        prepared: found.rows[0]?.count,
      };
    });
    expect(answers.map((row) => row?.doubled)).toEqual([42, 10]);
    expect(prepared).toBe(1);
  });

  it('sends the statements of withStatementsPlannedEachTime unnamed (the statistics)', async () => {
    const { db } = await sharedTestDatabase();
    const prepared = await withStatementsPlannedEachTime(() =>
      db.transaction().execute(async (trx) => {
        for (const n of [1, 2]) {
          await sql`SELECT ${n}::int AS planned_each_time_probe`.execute(trx);
        }
        const found = await sql<{ count: number }>`
          SELECT count(*)::int AS count FROM pg_prepared_statements
           WHERE statement LIKE ${'%planned_each_time_probe%'}`.execute(trx);
        return found.rows[0]?.count;
      }),
    );
    expect(prepared).toBe(0);
  });

  it('plans searches for their own parameters (custom plans) inside withoutParallelWorkers', async () => {
    const { db } = await sharedTestDatabase();
    const mode = await withoutParallelWorkers(db, async (trx) => {
      const result = await sql<{
        mode: string;
      }>`SELECT current_setting('plan_cache_mode') AS mode`.execute(trx);
      return result.rows[0]?.mode;
    });
    expect(mode).toBe('force_custom_plan');
  });
});
