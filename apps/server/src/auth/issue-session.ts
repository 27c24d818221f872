/**
 * Opens a session: a fresh random token for the client, its SHA-256 in the sessions table.
 * Exported for other areas that must hand out a session inside their own transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { hashSessionToken, newSessionToken } from './session-token';
import type { SessionRevokeReason } from '../db/schema';
import { insertSession, revokeAllSessionsOfUser } from './sessions.repository';

const USER_AGENT_MAX_LENGTH = 512;

/** The client a session is opened for, kept with the session for the user's and auditors' sake. */
export interface SessionClient {
  sourceIp: string | null;
  userAgent: string | null;
}

export interface IssuedSession {
  /** The bearer token. Shown to the client once and never stored. */
  token: string;
  sessionId: string;
  expiresAt: Date;
  isMfaEnrolmentOnly: boolean;
}

export async function issueSession(
  trx: Kysely<Database> | Transaction<Database>,
  config: Config,
  session: { userId: string; now: Date; isMfaEnrolmentOnly: boolean; client: SessionClient },
): Promise<IssuedSession> {
  const token = newSessionToken();
  const expiresAt = new Date(session.now.getTime() + config.auth.sessionAbsoluteHours * 3_600_000);
  const sessionId = await insertSession(trx, {
    tokenHash: hashSessionToken(token),
    userId: session.userId,
    now: session.now,
    expiresAt,
    isMfaEnrolmentOnly: session.isMfaEnrolmentOnly,
    sourceIp: session.client.sourceIp,
    userAgent: session.client.userAgent?.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
  });
  return { token, sessionId, expiresAt, isMfaEnrolmentOnly: session.isMfaEnrolmentOnly };
}

/**
 * After a change of credentials (password, second factor) every session of the user ends and the
 * caller gets a fresh, full one: a session stolen before the change is worthless after it.
 */
export async function renewSessionsAfterCredentialChange(
  trx: Transaction<Database>,
  config: Config,
  params: { userId: string; now: Date; client: SessionClient; reason: SessionRevokeReason },
): Promise<{ session: IssuedSession; sessionsRevoked: number }> {
  const sessionsRevoked = await revokeAllSessionsOfUser(
    trx,
    params.userId,
    params.now,
    params.reason,
  );
  const session = await issueSession(trx, config, {
    userId: params.userId,
    now: params.now,
    isMfaEnrolmentOnly: false,
    client: params.client,
  });
  return { session, sessionsRevoked };
}
