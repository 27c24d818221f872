/**
 * Test data builders. Every call makes fresh, uniquely named records, so tests sharing a worker's
 * database never see each other's data.
 */
import { randomBytes } from 'node:crypto';
import type { CourtLevel, GrantKind, InstitutionKind, Role, UnitKind } from '@qadiya/domain';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/auth/password';
import { hashSessionToken, newSessionToken } from '../../src/auth/session-token';
import type { Database } from '../../src/db/schema';

export const TEST_PASSWORD = 'correct-horse-battery';
// Cheap parameters for test users only: hashing is not what these tests are about.
let testHash: Promise<string> | undefined;
const testPasswordHash = (): Promise<string> => (testHash ??= hashPassword(TEST_PASSWORD, 10));

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function buildInstitution(
  db: Kysely<Database>,
  overrides: { kind?: InstitutionKind; courtLevel?: CourtLevel | null; units?: UnitKind[] } = {},
) {
  const kind = overrides.kind ?? 'prosecution_office';
  const code = `T-${uniqueSuffix().toUpperCase()}`;
  const institution = await db
    .insertInto('institutions')
    .values({
      code,
      kind,
      court_level: kind === 'court' ? (overrides.courtLevel ?? 'first_instance') : null,
      region_id: null,
      name_ar: `مؤسسة ${code}`,
      name_en: `Institution ${code}`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const units = [];
  for (const unitKind of overrides.units ?? []) {
    units.push(
      await db
        .insertInto('institution_units')
        .values({
          institution_id: institution.id,
          kind: unitKind,
          name_ar: unitKind,
          name_en: unitKind,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }
  return { ...institution, units };
}

export interface GrantSpec {
  role: Role;
  institutionId: string | null;
  grantKind?: GrantKind;
  unitId?: string | null;
  caseId?: string | null;
  reason?: string | null;
  validFrom?: Date;
  validUntil?: Date | null;
}

export async function buildUser(
  db: Kysely<Database>,
  overrides: { institutionId?: string | null; grants?: GrantSpec[]; username?: string } = {},
) {
  const username = overrides.username ?? `user.${uniqueSuffix()}`;
  const user = await db
    .insertInto('users')
    .values({
      username,
      display_name_ar: `مستخدم ${username}`,
      display_name_en: `User ${username}`,
      email: null,
      sex: null,
      institution_id: overrides.institutionId ?? null,
      password_hash: await testPasswordHash(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const grant of overrides.grants ?? []) {
    await db
      .insertInto('role_assignments')
      .values({
        user_id: user.id,
        role: grant.role,
        grant_kind: grant.grantKind ?? 'standard',
        institution_id: grant.institutionId,
        unit_id: grant.unitId ?? null,
        case_id: grant.caseId ?? null,
        reason: grant.reason ?? null,
        valid_from: grant.validFrom ?? new Date(Date.now() - 60_000),
        valid_until: grant.validUntil ?? null,
      })
      .execute();
  }
  return user;
}

/** Logs in through the API and returns the bearer token. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  }
  return response.json<{ token: string }>().token;
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/**
 * Opens a session straight in the database and returns its bearer token: for tests about other
 * areas, which need a signed-in user but are not about logging in.
 */
export async function buildSession(
  db: Kysely<Database>,
  userId: string,
  now: Date = new Date(),
): Promise<string> {
  const token = newSessionToken();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashSessionToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + 12 * 3_600_000),
    })
    .execute();
  return token;
}

/** A user with the given grants and an open session: `{ user, token, headers }`. */
export async function signedInUser(
  db: Kysely<Database>,
  overrides: Parameters<typeof buildUser>[1] = {},
  now?: Date,
) {
  const user = await buildUser(db, overrides);
  const token = await buildSession(db, user.id, now);
  return { user, token, headers: bearer(token) };
}

/**
 * A signed-in user with one grant at an institution, in the office's unit of `unitKind` when one
 * is given (search and list tests sign in several such users around one office).
 */
export async function signedInWithGrant(
  db: Kysely<Database>,
  grant: {
    role: Role;
    institutionId: string;
    office: { units: { id: string; kind: string }[] };
    unitKind?: string;
  },
) {
  const unit = grant.unitKind ? grant.office.units.find((u) => u.kind === grant.unitKind) : null;
  if (grant.unitKind && !unit) throw new Error(`the office has no ${grant.unitKind} unit`);
  const { user, headers } = await signedInUser(db, {
    institutionId: grant.institutionId,
    grants: [{ role: grant.role, institutionId: grant.institutionId, unitId: unit?.id ?? null }],
  });
  return { headers, id: user.id };
}

/**
 * A bare accepted file straight in the database, for tests that need a case to point at (grants,
 * policy). Tests of the case lifecycle register files through the API instead.
 */
export async function buildBareCase(
  db: Kysely<Database>,
  institutionId: string,
  overrides: {
    caseType?: string;
    state?: string;
    confidentiality?: 'normal' | 'restricted' | 'sealed';
  } = {},
) {
  const matter = await db
    .insertInto('matters')
    .values({ incident_date: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const serial = Math.floor(Math.random() * 1_000_000) + 1;
  return db
    .insertInto('cases')
    .values({
      matter_id: matter.id,
      case_type: overrides.caseType ?? 'prosecution_file',
      workflow_version: 1,
      institution_id: institutionId,
      state: overrides.state ?? 'registered',
      intake_status: 'accepted',
      serial,
      year: 2026,
      reference: `T/${uniqueSuffix()}/${serial}/2026`,
      confidentiality: overrides.confidentiality ?? 'normal',
      opened_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
