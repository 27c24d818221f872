/**
 * `qadiya generate`: the same seed gives the same data, byte for byte, whatever the batch size and
 * whether indexes are rebuilt around the load; generated data never mixes silently with real data;
 * a demo database is extended, not duplicated; and the command line names every bad value.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGenerateOptions } from '../../src/cli/generate.command';
import { CliError } from '../../src/cli/cli-support';
import { loadConfig } from '../../src/config';
import { seedDemo } from '../../src/demo/seed-demo';
import { GeneratorRefusal } from '../../src/generator/safety';
import { emptyDatabase, generateInto, type EmptyDatabase } from './generated-database';

/**
 * Every generated table's content, as one digest per table. Offences are compared by code: the
 * catalogue's ids are drawn by the migration, so they differ from one database to the next.
 */
async function digests(db: EmptyDatabase): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    regions: 'SELECT * FROM regions',
    institutions: 'SELECT * FROM institutions',
    institution_units: 'SELECT * FROM institution_units',
    // The password hash has a random salt; everything else about an account is generated.
    users:
      'SELECT id, username, display_name_ar, display_name_en, sex, institution_id, created_at FROM users',
    role_assignments: 'SELECT * FROM role_assignments',
    persons: 'SELECT * FROM persons',
    // Kept by the persons' triggers, or after a bulk load set-based (migration 0024): the same.
    person_search_words: 'SELECT * FROM person_search_words',
    person_name_words: 'SELECT * FROM person_name_words',
    matters: 'SELECT * FROM matters',
    cases: 'SELECT * FROM cases',
    case_events:
      "SELECT e.*, CASE WHEN o.code IS NULL THEN e.payload ELSE jsonb_set(e.payload, '{offenceId}', to_jsonb(o.code)) END AS p " +
      "FROM case_events e LEFT JOIN offences o ON o.id::text = e.payload ->> 'offenceId'",
    case_links: 'SELECT * FROM case_links',
    parties: 'SELECT * FROM parties',
    charges: 'SELECT c.*, o.code FROM charges c JOIN offences o ON o.id = c.offence_id',
    detentions: 'SELECT * FROM detentions',
    detention_orders: 'SELECT * FROM detention_orders',
    hearings: 'SELECT * FROM hearings',
    hearing_judges: 'SELECT * FROM hearing_judges',
    deadlines: 'SELECT * FROM deadlines',
    case_assignments: 'SELECT * FROM case_assignments',
    social_research_reports: 'SELECT * FROM social_research_reports',
    outbox: 'SELECT * FROM outbox',
    case_number_counters: 'SELECT * FROM case_number_counters',
  };
  const result: Record<string, string> = {};
  for (const [table, query] of Object.entries(tables)) {
    const select =
      table === 'charges'
        ? query.replace('c.*', "to_jsonb(c) - 'offence_id' AS c")
        : table === 'case_events'
          ? query.replace('e.*', "to_jsonb(e) - 'payload' AS e")
          : query;
    const row = await sql<{ digest: string; n: number }>`
      SELECT md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS digest, count(*)::int AS n
      FROM (${sql.raw(select)}) t`.execute(db.handle.db);
    result[table] = `${row.rows[0]?.n ?? 0}:${row.rows[0]?.digest ?? ''}`;
  }
  return result;
}

/** Indexes, constraints and triggers (with whether they are enabled) of the schema. */
async function schemaOf(db: EmptyDatabase) {
  const indexes =
    await sql`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1`.execute(
      db.handle.db,
    );
  const constraints = await sql`
    SELECT conrelid::regclass::text AS table, conname, pg_get_constraintdef(oid) AS definition, convalidated
    FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2`.execute(
    db.handle.db,
  );
  const triggers = await sql`
    SELECT tgrelid::regclass::text AS table, tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`.execute(
    db.handle.db,
  );
  return { indexes: indexes.rows, constraints: constraints.rows, triggers: triggers.rows };
}

describe('qadiya generate', () => {
  const databases: EmptyDatabase[] = [];
  const fresh = async () => {
    const db = await emptyDatabase();
    databases.push(db);
    return db;
  };
  let first: EmptyDatabase;
  let firstDigests: Record<string, string>;
  let schemaBefore: unknown;

  // Small enough to generate twice quickly, large enough that every generated table has rows and
  // both batch sizes below split the load into several batches.
  const ALPHA = { seed: 'alpha', persons: 600, files: 300 };

  beforeAll(async () => {
    first = await fresh();
    schemaBefore = await schemaOf(first);
    // On a server this run drops and rebuilds the indexes and keys around the load; the second not.
    await generateInto(first, { ...ALPHA, batch: 50, bulkIndexes: 'on' });
    firstDigests = await digests(first);
  }, 240_000);

  it('puts back every index, key and trigger it set aside for the load', async () => {
    expect(await schemaOf(first)).toEqual(schemaBefore);
  });

  afterAll(async () => {
    for (const db of databases) await db.dispose();
  });

  it('writes exactly the persons and files asked for, and rows in every generated table', () => {
    expect(firstDigests.persons?.split(':')[0]).toBe(String(ALPHA.persons));
    expect(firstDigests.cases?.split(':')[0]).toBe(String(ALPHA.files));
    // So that the comparisons below compare something in each table.
    const empty = Object.entries(firstDigests).filter(([, digest]) => digest.startsWith('0:'));
    expect(empty).toEqual([]);
  });

  it('gives the same data for the same seed, whatever the batch size', async () => {
    const second = await fresh();
    await generateInto(second, { ...ALPHA, batch: 7, bulkIndexes: 'off' });
    expect(await digests(second)).toEqual(firstDigests);
  }, 240_000);

  it('gives other data for another seed', async () => {
    const other = await fresh();
    await generateInto(other, { ...ALPHA, seed: 'beta' });
    const otherDigests = await digests(other);
    expect(otherDigests.cases).not.toBe(firstDigests.cases);
    expect(otherDigests.persons).not.toBe(firstDigests.persons);
  }, 240_000);

  it('refuses the same seed twice on one database, even with --force', async () => {
    await expect(generateInto(first, { ...ALPHA, force: true })).rejects.toThrow(GeneratorRefusal);
    expect((await digests(first)).cases).toBe(firstDigests.cases);
  });

  it('refuses a database with real data unless forced, and then leaves the real data alone', async () => {
    const real = await fresh();
    await real.handle.db
      .insertInto('persons')
      .values({ first_name_ar: 'سعاد', family_name_ar: 'حمدان', national_id: '401234567' })
      .execute();
    await expect(generateInto(real, { seed: 'gamma', persons: 300, files: 100 })).rejects.toThrow(
      /1 persons that were neither generated nor seeded/,
    );
    expect(await real.handle.db.selectFrom('cases').select('id').execute()).toEqual([]);
    await generateInto(real, { seed: 'gamma', persons: 300, files: 100, force: true });
    const persons = await real.handle.db.selectFrom('persons').select('national_id').execute();
    expect(persons).toHaveLength(301);
    const ids = persons.flatMap((p) => (p.national_id ? [p.national_id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('401234567');
  }, 240_000);

  it('extends a demo database: its institutions and staff are reused, not duplicated', async () => {
    const demo = await fresh();
    await seedDemo(demo.handle.db, {
      origin: { requestId: null, sourceIp: null, occurredAt: new Date('2023-01-01T08:00:00Z') },
      actor: { userId: null, username: 'test' },
      passwordLog2N: 10,
    });
    const before = await demo.handle.db.selectFrom('institutions').select('code').execute();
    await generateInto(demo, { seed: 'delta', persons: 600, files: 300 });
    const codes = (await demo.handle.db.selectFrom('institutions').select('code').execute()).map(
      (i) => i.code,
    );
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(before.map((i) => i.code)));
    // The demo judge of RAM-MAG held the role since before the history began, so rotation gave
    // her files too, as many as each generated judge of that court.
    const loads = await sql<{ username: string; n: number }>`
      SELECT u.username, count(*)::int AS n FROM case_assignments a JOIN users u ON u.id = a.user_id
      JOIN cases c ON c.id = a.case_id JOIN institutions i ON i.id = c.institution_id
      WHERE a.is_lead AND i.code = 'RAM-MAG' AND c.case_type = 'court_case' GROUP BY u.username`.execute(
      demo.handle.db,
    );
    const demoJudge = loads.rows.find((r) => r.username === 'judge');
    expect(demoJudge?.n).toBeGreaterThan(0);
    const counts = loads.rows.map((r) => r.n);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  }, 240_000);

  it('names every bad value on the command line', () => {
    const config = loadConfig({ QADIYA_DEMO: 'false' });
    const good = {
      persons: '1000',
      files: '500',
      seed: 's',
      batch: '100',
      years: '3',
      password: 'qadiya-generated',
      analyze: true,
      bulkIndexes: 'auto',
    };
    expect(parseGenerateOptions({ ...good, asOf: '2026-01-31' }, config)).toMatchObject({
      persons: 1000,
      files: 500,
      asOf: '2026-01-31',
      force: false,
    });
    const bad: [Partial<typeof good> & { asOf?: string }, RegExp][] = [
      [{ persons: '10' }, /--persons must be a whole number between 50/],
      [{ files: '1.5' }, /--files must be a whole number/],
      [{ files: 'many' }, /--files/],
      [{ batch: '0' }, /--batch/],
      [{ years: '0' }, /--years/],
      [{ asOf: '2026-02-30' }, /--as-of must be a date/],
      [{ asOf: 'yesterday' }, /--as-of/],
      [{ seed: '' }, /--seed/],
      [{ password: 'short' }, /--password/],
      [{ bulkIndexes: 'sometimes' }, /--bulk-indexes/],
    ];
    for (const [change, message] of bad) {
      expect(() => parseGenerateOptions({ ...good, ...change }, config)).toThrow(CliError);
      expect(() => parseGenerateOptions({ ...good, ...change }, config)).toThrow(message);
    }
  });
});
