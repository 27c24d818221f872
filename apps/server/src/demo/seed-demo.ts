/**
 * Seeds the demo organisation and its users into an empty database, in one transaction with one
 * `system.demo_seeded` audit row. A database that already holds regions, institutions or users is
 * never touched: the demo must not mix with real data, and seeding twice must change nothing.
 */
import { localDateOf } from '@qadiya/domain';
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit, type AuditEntry, type RequestOrigin } from '../audit/audit-log';
import { hashPassword } from '../auth/password';
import { loadConfig } from '../config';
import type { Database } from '../db/schema';
import { replaceChildPopulation } from '../statistics/child-population.repository';
import { DEMO_CHILD_POPULATION, DEMO_CHILD_POPULATION_SOURCE } from './demo-child-population';
import { DEMO_INSTITUTIONS, DEMO_REGIONS } from './demo-organisation';
import { DEMO_USERS } from './demo-users';

/** The password of every demo account (README, start-up banner). */
export const DEMO_PASSWORD = 'qadiya-demo';

// Serialises concurrent seeders (two instances starting at once); any constant distinct from the
// migration lock works.
const DEMO_SEED_LOCK_KEY = 727_002;

export interface DatabaseContents {
  regions: number;
  institutions: number;
  users: number;
}

export interface DemoCounts {
  regions: number;
  institutions: number;
  units: number;
  users: number;
}

export type SeedDemoResult =
  { isSeeded: true; counts: DemoCounts } | { isSeeded: false; existing: DatabaseContents };

export interface SeedDemoOptions {
  origin: RequestOrigin;
  actor: NonNullable<AuditEntry['actor']>;
  /** scrypt cost (log2 N); tests lower it. Defaults to the production cost. */
  passwordLog2N?: number;
}

export async function countContents(db: Kysely<Database>): Promise<DatabaseContents> {
  const count = async (table: 'regions' | 'institutions' | 'users'): Promise<number> => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  };
  return {
    regions: await count('regions'),
    institutions: await count('institutions'),
    users: await count('users'),
  };
}

export function isEmpty(contents: DatabaseContents): boolean {
  return contents.regions === 0 && contents.institutions === 0 && contents.users === 0;
}

export async function seedDemo(
  db: Kysely<Database>,
  options: SeedDemoOptions,
): Promise<SeedDemoResult> {
  const before = await countContents(db);
  if (!isEmpty(before)) return { isSeeded: false, existing: before };
  // Hash outside the transaction: scrypt is deliberately slow and needs no lock.
  const hashes = await Promise.all(
    DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD, options.passwordLog2N)),
  );
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK_KEY})`.execute(trx);
    const existing = await countContents(trx);
    if (!isEmpty(existing)) return { isSeeded: false, existing };
    const counts = await insertDemo(trx, hashes, options.origin.occurredAt);
    await recordAudit(trx, options.origin, {
      action: 'system.demo_seeded',
      outcome: 'success',
      actor: options.actor,
      details: { ...counts, usernames: DEMO_USERS.map((u) => u.username) },
    });
    return { isSeeded: true, counts };
  });
}

async function insertDemo(
  trx: Transaction<Database>,
  passwordHashes: string[],
  now: Date,
): Promise<DemoCounts> {
  const regions = await trx
    .insertInto('regions')
    .values(
      DEMO_REGIONS.map((r) => ({
        code: r.code,
        kind: 'governorate' as const,
        parent_id: null,
        name_ar: r.nameAr,
        name_en: r.nameEn,
      })),
    )
    .returning(['id', 'code'])
    .execute();
  const regionId = idByCode(regions, 'region');

  const institutions = await trx
    .insertInto('institutions')
    .values(
      DEMO_INSTITUTIONS.map((i) => ({
        code: i.code,
        kind: i.kind,
        court_level: i.kind === 'court' ? i.courtLevel : null,
        region_id: regionId(i.region),
        name_ar: i.nameAr,
        name_en: i.nameEn,
      })),
    )
    .returning(['id', 'code'])
    .execute();
  const institutionId = idByCode(institutions, 'institution');

  const unitRows = DEMO_INSTITUTIONS.flatMap((i) =>
    i.kind === 'prosecution_office'
      ? i.units.map((kind) => ({
          institution_id: institutionId(i.code),
          kind,
          ...unitNames(kind, i.nameAr, i.nameEn),
        }))
      : [],
  );
  const units = await trx
    .insertInto('institution_units')
    .values(unitRows)
    .returning(['id', 'institution_id', 'kind'])
    .execute();

  for (const [index, user] of DEMO_USERS.entries()) {
    const homeId = user.institution === null ? null : institutionId(user.institution);
    const { id } = await trx
      .insertInto('users')
      .values({
        username: user.username,
        display_name_ar: user.nameAr,
        display_name_en: user.nameEn,
        email: null,
        sex: user.sex,
        institution_id: homeId,
        password_hash: passwordHashes[index] ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = user.unit
      ? units.find((u) => u.institution_id === homeId && u.kind === user.unit)
      : undefined;
    await trx
      .insertInto('role_assignments')
      .values({
        user_id: id,
        role: user.role,
        grant_kind: 'standard',
        institution_id: homeId,
        unit_id: unit?.id ?? null,
        valid_from: now,
      })
      .execute();
  }
  // This year's child population, for the per-100,000 juvenile indicators (demo figures).
  await replaceChildPopulation(trx, {
    year: localDateOf(now, loadConfig().timeZone).year,
    source: DEMO_CHILD_POPULATION_SOURCE,
    figures: DEMO_CHILD_POPULATION,
    updatedAt: now,
    updatedBy: null,
  });
  return {
    regions: regions.length,
    institutions: institutions.length,
    units: units.length,
    users: DEMO_USERS.length,
  };
}

function idByCode(rows: { id: string; code: string }[], what: string): (code: string) => string {
  const ids = new Map(rows.map((row) => [row.code, row.id]));
  return (code) => {
    const id = ids.get(code);
    if (!id) throw new Error(`demo data refers to an unknown ${what} ${code}`);
    return id;
  };
}

const UNIT_NAMES = {
  general: { ar: 'الدائرة العامة', en: 'General Unit' },
  juvenile: { ar: 'نيابة الأحداث', en: 'Juvenile Unit' },
  family_protection: { ar: 'نيابة حماية الأسرة', en: 'Family Protection Unit' },
  cybercrime: { ar: 'نيابة الجرائم الإلكترونية', en: 'Cybercrime Unit' },
} as const;

function unitNames(
  kind: keyof typeof UNIT_NAMES,
  officeAr: string,
  officeEn: string,
): { name_ar: string; name_en: string } {
  return {
    name_ar: `${UNIT_NAMES[kind].ar} - ${officeAr}`,
    name_en: `${officeEn}: ${UNIT_NAMES[kind].en}`,
  };
}
