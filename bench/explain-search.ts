/**
 * `npx tsx bench/explain-search.ts "<person query>" "<case query>" [<birth year>]` against
 * DATABASE_URL: runs the server's own person and case search use-case queries for bench.prosecutor
 * (created by a bench run) and prints each statement's EXPLAIN (ANALYZE, BUFFERS), the way
 * docs/performance.md shows them. A case query of `-` skips the case search; a birth year filters
 * the person search. Read-only.
 *
 * `npx tsx bench/explain-search.ts --sample N [--slow MS]` instead times N of the case searches
 * `npm run bench` sends (`case_search_1_client`: the same sample of the office's titles, seed 1),
 * one at a time as the prosecutor, and prints p50, p95 and the searches slower than MS (100);
 * `--cap N` tries another CASE_SEARCH_DOCUMENT_CAP.
 */
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config';
import type { Database } from '../apps/server/src/db/schema';
import type { Actor } from '../apps/server/src/policy/actor';
import { findPersons } from '../apps/server/src/persons/read-persons';
import { searchCases } from '../apps/server/src/cases/search-cases';
import { caseQueries } from './name-variants';
import type { UseCaseContext } from '../apps/server/src/use-case-context';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const args = process.argv.slice(2);
const sampleAt = args.indexOf('--sample');
const sample = sampleAt >= 0 ? Number(args[sampleAt + 1]) : null;
const slowAt = args.indexOf('--slow');
const slowMs = slowAt >= 0 ? Number(args[slowAt + 1]) : 100;
const capAt = args.indexOf('--cap');
const documentCap = capAt >= 0 ? Number(args[capAt + 1]) : undefined;
const [personQuery = 'عطا الله خليل', caseQuery = 'عائلية', birthYear] = args;
const pool = new pg.Pool({ connectionString: url, max: 1 });
const seen: CompiledQuery[] = [];
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === 'query') seen.push(event.query);
  },
});

const user = await db
  .selectFrom('users')
  .select(['id', 'username', 'institution_id'])
  .where('username', '=', 'bench.prosecutor')
  .executeTakeFirstOrThrow();
const grants = await db
  .selectFrom('role_assignments')
  .select(['id', 'role', 'grant_kind', 'institution_id', 'unit_id', 'case_id', 'valid_until'])
  .where('user_id', '=', user.id)
  .where('revoked_at', 'is', null)
  .execute();
const actor: Actor = {
  userId: user.id,
  username: user.username,
  displayNameAr: user.username,
  displayNameEn: user.username,
  institutionId: user.institution_id,
  sessionId: 'explain',
  assignments: grants.map((g) => ({
    id: g.id,
    role: g.role,
    grantKind: g.grant_kind,
    institutionId: g.institution_id,
    unitId: g.unit_id,
    caseId: g.case_id,
    validUntil: g.valid_until,
  })),
};
const ctx = {
  db,
  actor,
  config: loadConfig(),
  origin: { occurredAt: new Date(), requestId: 'explain' },
} as unknown as UseCaseContext;

async function explain(title: string, run: () => Promise<unknown>) {
  seen.length = 0;
  const started = performance.now();
  await run();
  const elapsed = performance.now() - started;
  console.log(`\n=== ${title}: ${seen.length} statement(s), ${elapsed.toFixed(1)} ms in all`);
  // Transaction control is not explained. The search's planner settings (`set_config(…, true)`,
  // db/without-parallel-workers.ts and cases/search-cases.ts, or SET LOCAL) last until the end of
  // the transaction: each plan is taken inside a transaction that first applies the settings sent
  // before that statement in its transaction, then rolled back.
  const isSetting = (sql: string) => /^\s*set local |set_config\(/i.test(sql);
  let settings: CompiledQuery[] = [];
  for (const query of seen) {
    if (/^\s*(begin|commit|rollback)/i.test(query.sql)) {
      settings = [];
      continue;
    }
    if (isSetting(query.sql)) {
      settings.push(query);
      continue;
    }
    await pool.query('BEGIN');
    for (const setting of settings) await pool.query(setting.sql, setting.parameters as unknown[]);
    const plan = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
      query.parameters as unknown[],
    );
    await pool.query('ROLLBACK');
    console.log(plan.rows.map((row) => row['QUERY PLAN']).join('\n'));
  }
}

if (sample !== null) {
  if (!Number.isInteger(sample) || sample < 1) throw new Error('--sample needs a whole number');
  // The bench's own sample (bench/fixtures.ts, caseQueries): titles of the office's normal files in
  // a seeded order, then one word or two neighbouring words of each, 2000 queries, seed 1.
  const summaries = await db
    .selectFrom('cases')
    .select('summary')
    .where('institution_id', '=', user.institution_id)
    .where('confidentiality', '=', 'normal')
    .where('summary', 'is not', null)
    .orderBy(sql`md5(id::text || '1')`)
    .limit(2000)
    .execute();
  const queries = caseQueries(
    summaries.flatMap((s) => (s.summary ? [s.summary] : [])),
    2000,
    1,
  ).slice(0, sample);
  const timings: { query: string; ms: number; total: string }[] = [];
  for (const q of queries) {
    const started = performance.now();
    let total: string;
    try {
      const result = await searchCases(ctx, { q, limit: 50, offset: 0 }, { documentCap });
      total = `${result.totalIsLowerBound ? '≥' : ''}${result.total}`;
    } catch (error) {
      total = `error: ${(error as Error).message}`;
    }
    timings.push({ query: q, ms: performance.now() - started, total });
  }
  const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  const errors = timings.filter((t) => t.total.startsWith('error'));
  const lowerBounds = timings.filter((t) => t.total.startsWith('≥'));
  console.log(
    `${timings.length} case searches one at a time: p50 ${at(0.5)?.toFixed(1)} ms, ` +
      `p95 ${at(0.95)?.toFixed(1)} ms, p99 ${at(0.99)?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms; ` +
      `${lowerBounds.length} common words (newest first, total a lower bound), ${errors.length} refused`,
  );
  for (const t of errors) console.log(`  refused: ${t.query}: ${t.total}`);
  for (const t of timings.filter((t) => t.ms > slowMs).sort((a, b) => b.ms - a.ms)) {
    console.log(`${t.ms.toFixed(1).padStart(8)} ms  total ${t.total.padEnd(8)} ${t.query}`);
  }
  await db.destroy();
  process.exit(0);
}

await explain(`person search "${personQuery}"${birthYear ? ` born ${birthYear}` : ''}`, () =>
  findPersons(ctx, {
    q: personQuery,
    birthYear: birthYear ? Number(birthYear) : undefined,
    limit: 50,
    offset: 0,
  }),
);
if (caseQuery !== '-') {
  await explain(`case search "${caseQuery}"`, () =>
    searchCases(ctx, { q: caseQuery, limit: 50, offset: 0 }),
  );
}
await db.destroy();
