/**
 * Completes TOTP enrolment with a code from the app. The user's sessions, including the caller's
 * (which may be an enrolment-only one), are revoked and a full session is issued in their place.
 */
import { recordAudit, recordAuditAlone } from '../audit/audit-log';
import { AppError } from '../http/errors';
import type { UseCaseContext } from '../use-case-context';
import { enableTotp, findAccountById } from './accounts.repository';
import { invalidField } from '../http/validation';
import {
  renewSessionsAfterCredentialChange,
  type IssuedSession,
  type SessionClient,
} from './issue-session';
import { isTotpCodeValid } from './totp';

const notPending = (): AppError =>
  new AppError('MFA_NOT_PENDING', 'Start TOTP enrolment first: there is no secret to confirm');

export async function confirmTotpEnrolment(
  ctx: UseCaseContext,
  client: SessionClient,
  input: { code: string },
): Promise<IssuedSession> {
  const { db, config, actor, origin } = ctx;
  const now = origin.occurredAt;
  const account = await findAccountById(db, actor.userId);
  if (!account) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  if (account.totp_enabled_at !== null) {
    throw new AppError('MFA_ALREADY_ENABLED', 'TOTP is already enabled for this account');
  }
  const pendingSecret = account.totp_pending_secret;
  if (pendingSecret === null) throw notPending();
  const audited = {
    action: 'auth.mfa_enabled' as const,
    actor: { userId: account.id, username: account.username },
    object: { type: 'user', id: account.id },
    institutionId: account.institution_id,
  };

  if (!isTotpCodeValid(pendingSecret, input.code, now)) {
    await recordAuditAlone(db, origin, {
      ...audited,
      outcome: 'failure',
      details: { reason: 'bad_code' },
    });
    throw invalidField('code', 'is not the current code of your authenticator app');
  }
  return db.transaction().execute(async (trx) => {
    // The pending secret may have been replaced by a concurrent setup since it was read.
    if (!(await enableTotp(trx, account.id, pendingSecret, now))) throw notPending();
    const { session, sessionsRevoked } = await renewSessionsAfterCredentialChange(trx, config, {
      userId: account.id,
      now,
      client,
      reason: 'mfa_changed',
    });
    await recordAudit(trx, origin, {
      ...audited,
      outcome: 'success',
      details: { sessionsRevoked, sessionId: session.sessionId },
    });
    return session;
  });
}
