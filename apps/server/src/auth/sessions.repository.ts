/** Queries on sessions and on the role assignments loaded with them. */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database, SessionRevokeReason } from '../db/schema';
import type { ActiveAssignment } from '../policy/actor';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The session of a token hash with its user and, in the same statement, the user's assignments in
 * force at `now`: every authenticated request runs this, so it is one round trip, not two.
 */
export async function findSessionWithUser(db: Db, tokenHash: string, now: Date) {
  const row = await sessionWithUserQuery(db, tokenHash, now).executeTakeFirst();
  if (!row) return undefined;
  const { assignments, ...session } = row;
  return { ...session, assignments: assignments.map(toActiveAssignment) };
}

/** The statement of `findSessionWithUser` (exported for the bench's bare baseline). */
export function sessionWithUserQuery(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select((eb) => [
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
      jsonArrayFrom(
        eb
          .selectFrom('role_assignments as ra')
          .select(ASSIGNMENT_COLUMNS)
          .whereRef('ra.user_id', '=', 'u.id')
          .where(inForceAt(now)),
      ).as('assignments'),
    ])
    .where('s.token_hash', '=', tokenHash);
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
    .selectFrom('role_assignments as ra')
    .select(ASSIGNMENT_COLUMNS)
    .where('ra.user_id', '=', userId)
    .where(inForceAt(now))
    .execute();
  return rows.map(toActiveAssignment);
}

const ASSIGNMENT_COLUMNS = [
  'ra.id',
  'ra.role',
  'ra.grant_kind',
  'ra.institution_id',
  'ra.unit_id',
  'ra.case_id',
  'ra.valid_until',
] as const;

/** An assignment (`ra`) in force at `now`: not revoked and inside its validity window. */
function inForceAt(now: Date) {
  return sql<SqlBool>`ra.revoked_at IS NULL AND ra.valid_from <= ${now}
    AND (ra.valid_until IS NULL OR ra.valid_until > ${now})`;
}

function toActiveAssignment(row: {
  id: string;
  role: ActiveAssignment['role'];
  grant_kind: ActiveAssignment['grantKind'];
  institution_id: string | null;
  unit_id: string | null;
  case_id: string | null;
  // Text when the row came inside JSON (the session's statement), a Date otherwise.
  valid_until: Date | string | null;
}): ActiveAssignment {
  return {
    id: row.id,
    role: row.role,
    grantKind: row.grant_kind,
    institutionId: row.institution_id,
    unitId: row.unit_id,
    caseId: row.case_id,
    validUntil: row.valid_until === null ? null : new Date(row.valid_until),
  };
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
