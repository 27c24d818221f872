/**
 * What a run needs from the database: the institution whose files it works on, its users
 * (bench-users.ts), files to write to and a caseload (fixture-files.ts), and samples of files,
 * names and words for the scenarios. Reads go straight to the database; every change goes through
 * the API or a use case, never around the rules.
 */
import { sql, type Kysely } from 'kysely';
import type { Config } from '../apps/server/src/config';
import type { Database } from '../apps/server/src/db/schema';
import { ApiClient } from './api';
import { BENCH_PASSWORD, ensureUsers, type BenchUsers } from './bench-users';
import {
  ensureCaseload,
  OPEN_FILE,
  topUpWritableFiles,
  writableFiles,
  type WritableFile,
} from './fixture-files';
import { caseQueries, personQueries, type NameParts } from './name-variants';

export interface FixtureOptions {
  /** Institution code to work on; by default the prosecution office with most open files. */
  institutionCode?: string | undefined;
  /** Files handed to the bench prosecutor (their work queue). */
  caseload: number;
  /** Files under investigation the write scenario may fire on; topped up through the API. */
  minWritableFiles: number;
  sampleSize: number;
  seed: number;
}

export interface Fixtures {
  institution: { id: string; code: string; nameEn: string };
  users: BenchUsers;
  password: string;
  readFiles: string[];
  writableFiles: WritableFile[];
  personQueries: string[];
  caseQueries: string[];
  statisticsPeriod: { from: string; to: string };
  data: DataSizes;
}

export interface DataSizes {
  persons: number;
  files: number;
  institutionFiles: number;
  events: number;
  parties: number;
  hearings: number;
  deadlines: number;
  auditRows: number;
}

type Db = Kysely<Database>;

/** The prosecution office with most accepted, normal files under investigation. */
async function busiestProsecutionOffice(db: Db) {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['i.id', 'i.code', 'i.name_en', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.case_type', '=', OPEN_FILE.caseType)
    .where('c.state', '=', OPEN_FILE.state)
    .where('c.confidentiality', '=', 'normal')
    .where('c.intake_status', '=', 'accepted')
    .groupBy(['i.id', 'i.code', 'i.name_en'])
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row) return row;
  return db
    .selectFrom('institutions')
    .select(['id', 'code', 'name_en'])
    .where('kind', '=', 'prosecution_office')
    .where('is_active', '=', true)
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
}

async function chooseInstitution(db: Db, code: string | undefined) {
  // A prosecutor made by an earlier run keeps the institution of that run.
  const existing = await db
    .selectFrom('users as u')
    .innerJoin('role_assignments as ra', 'ra.user_id', 'u.id')
    .innerJoin('institutions as i', 'i.id', 'ra.institution_id')
    .select(['i.id', 'i.code', 'i.name_en'])
    .where('u.username', '=', 'bench.prosecutor')
    .where('ra.role', '=', 'prosecutor')
    .where('ra.revoked_at', 'is', null)
    .executeTakeFirst();
  if (existing && code && existing.code !== code.toUpperCase()) {
    throw new Error(
      `bench.prosecutor already works at ${existing.code}; run without --institution or on ` +
        `another database`,
    );
  }
  if (existing) return existing;
  if (code) {
    const chosen = await db
      .selectFrom('institutions')
      .select(['id', 'code', 'name_en'])
      .where('code', '=', code.toUpperCase())
      .where('kind', '=', 'prosecution_office')
      .executeTakeFirst();
    if (!chosen) throw new Error(`No prosecution office has the code ${code}`);
    return chosen;
  }
  const busiest = await busiestProsecutionOffice(db);
  if (!busiest) {
    throw new Error(
      'The database has no prosecution office: load it first (qadiya generate, or the demo)',
    );
  }
  return busiest;
}

async function dataSizes(db: Db, institutionId: string): Promise<DataSizes> {
  const count = async (table: keyof Database) => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  };
  const institutionFiles = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('institution_id', '=', institutionId)
    .executeTakeFirstOrThrow();
  return {
    persons: await count('persons'),
    files: await count('cases'),
    institutionFiles: institutionFiles.n,
    events: await count('case_events'),
    parties: await count('parties'),
    hearings: await count('hearings'),
    deadlines: await count('deadlines'),
    auditRows: await count('audit_log'),
  };
}

export async function prepareFixtures(
  db: Db,
  config: Config,
  baseUrl: string,
  options: FixtureOptions,
  log: (line: string) => void = () => undefined,
): Promise<Fixtures> {
  const institution = await chooseInstitution(db, options.institutionCode);
  const users = await ensureUsers(db, config, institution.id);
  const prosecutor = await ApiClient.signIn(baseUrl, 'bench.prosecutor', BENCH_PASSWORD);
  const chief = await ApiClient.signIn(baseUrl, 'bench.chief', BENCH_PASSWORD);
  await ensureCaseload(db, chief, institution.id, users.prosecutor.id, options.caseload, log);
  const found = await writableFiles(db, institution.id, options.sampleSize);
  await topUpWritableFiles(
    prosecutor,
    institution.id,
    options.minWritableFiles - found.length,
    log,
  );
  const writable =
    found.length >= options.minWritableFiles
      ? found
      : await writableFiles(db, institution.id, options.sampleSize);

  const readFiles = await db
    .selectFrom('cases')
    .select('id')
    .where('institution_id', '=', institution.id)
    .where('confidentiality', '=', 'normal')
    .where('intake_status', '=', 'accepted')
    .orderBy(sql`md5(id::text || ${String(options.seed)})`)
    .limit(options.sampleSize)
    .execute();
  const persons = await db
    .selectFrom('persons')
    .select([
      'first_name_ar',
      'father_name_ar',
      'grandfather_name_ar',
      'family_name_ar',
      'name_latin',
    ])
    .where('merged_into_id', 'is', null)
    .orderBy(sql`md5(id::text || ${String(options.seed)})`)
    .limit(options.sampleSize)
    .execute();
  const summaries = await db
    .selectFrom('cases')
    .select('summary')
    .where('institution_id', '=', institution.id)
    .where('confidentiality', '=', 'normal')
    .where('summary', 'is not', null)
    .orderBy(sql`md5(id::text || ${String(options.seed)})`)
    .limit(options.sampleSize)
    .execute();
  const names: NameParts[] = persons.map((p) => ({
    firstNameAr: p.first_name_ar,
    fatherNameAr: p.father_name_ar,
    grandfatherNameAr: p.grandfather_name_ar,
    familyNameAr: p.family_name_ar,
    nameLatin: p.name_latin,
  }));
  const to = new Date();
  const from = new Date(to.getTime() - 364 * 86_400_000);
  return {
    institution: { id: institution.id, code: institution.code, nameEn: institution.name_en },
    users,
    password: BENCH_PASSWORD,
    readFiles: readFiles.map((r) => r.id),
    writableFiles: writable,
    personQueries: personQueries(names, options.sampleSize, options.seed),
    caseQueries: caseQueries(
      summaries.flatMap((s) => (s.summary ? [s.summary] : [])),
      options.sampleSize,
      options.seed,
    ),
    statisticsPeriod: { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) },
    data: await dataSizes(db, institution.id),
  };
}
