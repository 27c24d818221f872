/** Queries on sessions and on the role assignments loaded with them. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, SessionRevokeReason } from '../db/schema';
import type { ActiveAssignment } from '../policy/actor';

type Db = Kysely<Database> | Transaction<Database>;

export async function findSessionWithUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.created_at as createdAt',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      's.revoked_at as revokedAt',
      's.is_mfa_enrolment_only as isMfaEnrolmentOnly',
      'u.id as userId',
      'u.username',
      'u.display_name_ar as displayNameAr',
      'u.display_name_en as displayNameEn',
      'u.institution_id as institutionId',
      'u.is_active as isActive',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function revokeSession(
  db: Db,
  sessionId: string,
  now: Date,
  reason: SessionRevokeReason,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now, revoke_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every open session of a user; returns how many were open. */
export async function revokeAllSessionsOfUser(
  db: Db,
  userId: string,
  now: Date,
  reason: SessionRevokeReason,
): Promise<number> {
  const rows = await db
    .updateTable('sessions')
    .set({ revoked_at: now, revoke_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/** Assignments in force at `now`: not revoked and inside their validity window. */
export async function findActiveAssignments(
  db: Db,
  userId: string,
  now: Date,
): Promise<ActiveAssignment[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['id', 'role', 'grant_kind', 'institution_id', 'unit_id', 'case_id', 'valid_until'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', now)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', now)]))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    grantKind: row.grant_kind,
    institutionId: row.institution_id,
    unitId: row.unit_id,
    caseId: row.case_id,
    validUntil: row.valid_until,
  }));
}

export interface NewSessionRow {
  tokenHash: string;
  userId: string;
  now: Date;
  expiresAt: Date;
  isMfaEnrolmentOnly: boolean;
  sourceIp: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Db, session: NewSessionRow): Promise<string> {
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      created_at: session.now,
      last_seen_at: session.now,
      expires_at: session.expiresAt,
      is_mfa_enrolment_only: session.isMfaEnrolmentOnly,
      source_ip: session.sourceIp,
      user_agent: session.userAgent,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes every open session of a user except one (the caller's); returns how many were open. */
export async function revokeOtherSessionsOfUser(
  db: Db,
  userId: string,
  keepSessionId: string,
  now: Date,
  reason: SessionRevokeReason,
): Promise<number> {
  const rows = await db
    .updateTable('sessions')
    .set({ revoked_at: now, revoke_reason: reason })
    .where('user_id', '=', userId)
    .where('id', '<>', keepSessionId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}
