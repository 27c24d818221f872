/**
 * `npx tsx bench/explain-search.ts "<person query>" "<case query>" [<birth year>]` against
 * DATABASE_URL: runs the server's own person and case search use-case queries for bench.prosecutor
 * (created by a bench run) and prints each statement's EXPLAIN (ANALYZE, BUFFERS), the way
 * docs/performance.md shows them. A case query of `-` skips the case search; a birth year filters
 * the person search. Read-only.
 */
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config';
import type { Database } from '../apps/server/src/db/schema';
import type { Actor } from '../apps/server/src/policy/actor';
import { findPersons } from '../apps/server/src/persons/read-persons';
import { searchCases } from '../apps/server/src/cases/search-cases';
import type { UseCaseContext } from '../apps/server/src/use-case-context';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const [personQuery = 'عطا الله خليل', caseQuery = 'عائلية', birthYear] = process.argv.slice(2);
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
  // Transaction control is not explained; a SET LOCAL is applied as a session setting around the
  // plans (the pool has one connection) and reset after.
  const settings = seen.filter((q) => /^\s*set local /i.test(q.sql));
  for (const query of settings) await pool.query(query.sql.replace(/set local /i, 'SET '));
  for (const query of seen) {
    if (/^\s*(begin|commit|rollback|set )/i.test(query.sql)) continue;
    const plan = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
      query.parameters as unknown[],
    );
    console.log(plan.rows.map((row) => row['QUERY PLAN']).join('\n'));
  }
  if (settings.length > 0) await pool.query('RESET ALL');
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
