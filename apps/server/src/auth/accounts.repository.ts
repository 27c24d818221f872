/**
 * The authentication area's queries on user accounts: credentials, the failed-logon counter and
 * lockout, and TOTP. Profile fields and role assignments are managed by the users area.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role } from '@qadiya/domain';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

const ACCOUNT_COLUMNS = [
  'id',
  'username',
  'display_name_ar',
  'display_name_en',
  'institution_id',
  'password_hash',
  'is_active',
  'failed_login_count',
  'locked_until',
  'totp_secret',
  'totp_enabled_at',
  'totp_pending_secret',
  'totp_last_step',
] as const;

export type Account = NonNullable<Awaited<ReturnType<typeof findAccountById>>>;

export async function findAccountByUsername(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(ACCOUNT_COLUMNS)
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function findAccountById(db: Db, userId: string) {
  return db.selectFrom('users').select(ACCOUNT_COLUMNS).where('id', '=', userId).executeTakeFirst();
}

export function isLocked(account: { locked_until: Date | null }, now: Date): boolean {
  return account.locked_until !== null && account.locked_until.getTime() > now.getTime();
}

export interface FailedLoginCount {
  failedLoginCount: number;
  /** Set when this very failure locked the account. */
  lockedUntil: Date | null;
}

/**
 * Counts one failed logon in a single UPDATE, so concurrent failures cannot lose counts, and locks
 * the account when the count reaches `maxFailures`. An expired lock restarts the count. Returns
 * undefined when the account is locked already (a concurrent attempt locked it first): that
 * attempt is not counted, and exactly one attempt ever sees the lock being set.
 */
export async function countFailedLogin(
  trx: Transaction<Database>,
  userId: string,
  now: Date,
  policy: { maxFailures: number; lockUntil: Date },
): Promise<FailedLoginCount | undefined> {
  // Only rows that are not locked get here, so a non-null locked_until is an expired lock.
  const nextCount = sql<number>`CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_login_count + 1 END`;
  const row = await trx
    .updateTable('users')
    .set({
      failed_login_count: nextCount,
      locked_until: sql<Date | null>`CASE WHEN ${nextCount} >= ${policy.maxFailures}
        THEN ${policy.lockUntil}::timestamptz ELSE NULL END`,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning(['failed_login_count', 'locked_until'])
    .executeTakeFirst();
  return row && { failedLoginCount: row.failed_login_count, lockedUntil: row.locked_until };
}

/**
 * Resets the counter after a successful logon. Returns false when, since the password was checked,
 * concurrent failures locked the account or the password was changed (an administrator's reset
 * must not be outlived by a session opened with the old password): the logon must be refused.
 */
export async function recordSuccessfulLogin(
  trx: Transaction<Database>,
  userId: string,
  now: Date,
  verifiedPasswordHash: string,
  totpStep: number | null = null,
): Promise<boolean> {
  let query = trx
    .updateTable('users')
    .set({
      failed_login_count: 0,
      locked_until: null,
      last_login_at: now,
      ...(totpStep === null ? {} : { totp_last_step: totpStep }),
    })
    .where('id', '=', userId)
    .where('password_hash', '=', verifiedPasswordHash);
  // A TOTP step is used once: a concurrent sign-in with the same code finds it taken.
  if (totpStep !== null) {
    query = query.where((eb) =>
      eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', totpStep)]),
    );
  }
  const row = await query
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setPasswordHash(
  trx: Transaction<Database>,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/** Stores a new pending TOTP secret; false if TOTP was enabled meanwhile. */
export async function setPendingTotpSecret(
  trx: Transaction<Database>,
  userId: string,
  secret: string,
  now: Date,
): Promise<boolean> {
  const row = await trx
    .updateTable('users')
    .set({ totp_pending_secret: secret, updated_at: now })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Makes the pending secret the active one. Guarded by the secret the code was checked against, so
 * a concurrent setup that replaced the pending secret cannot enable an unverified one.
 */
export async function enableTotp(
  trx: Transaction<Database>,
  userId: string,
  verifiedSecret: string,
  now: Date,
): Promise<boolean> {
  const row = await trx
    .updateTable('users')
    .set({
      totp_secret: verifiedSecret,
      totp_pending_secret: null,
      totp_enabled_at: now,
      updated_at: now,
    })
    .where('id', '=', userId)
    .where('totp_pending_secret', '=', verifiedSecret)
    .where('totp_enabled_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function disableTotp(
  trx: Transaction<Database>,
  userId: string,
  now: Date,
): Promise<boolean> {
  const row = await trx
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled_at: null, totp_pending_secret: null, updated_at: now })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is not', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of `roles` an administrator has marked as requiring MFA (table role_settings). */
export async function findRolesRequiringMfa(db: Db, roles: readonly Role[]): Promise<Role[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('role_settings')
    .select('role')
    .where('role', 'in', roles)
    .where('requires_mfa', '=', true)
    .execute();
  return rows.map((row) => row.role);
}
