/**
 * A user changes their own password. Every session of the user is revoked, since one of them
 * may be the reason for the change, and the caller gets a fresh session in the same transaction.
 */
import { recordAudit, recordAuditAlone } from '../audit/audit-log';
import { AppError } from '../http/errors';
import type { UseCaseContext } from '../use-case-context';
import { findAccountById, setPasswordHash } from './accounts.repository';
import { invalidField } from '../http/validation';
import {
  renewSessionsAfterCredentialChange,
  type IssuedSession,
  type SessionClient,
} from './issue-session';
import { hashPassword, passwordProblem, verifyPassword } from './password';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(
  ctx: UseCaseContext,
  client: SessionClient,
  input: ChangePasswordInput,
): Promise<IssuedSession> {
  const { db, config, actor, origin } = ctx;
  const now = origin.occurredAt;
  const account = await findAccountById(db, actor.userId);
  if (!account) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  const audited = {
    action: 'auth.password_changed' as const,
    actor: { userId: account.id, username: account.username },
    object: { type: 'user', id: account.id },
    institutionId: account.institution_id,
  };

  const problem = passwordProblem(input.newPassword, account.username);
  if (problem) throw invalidField('newPassword', problem);
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
    await recordAuditAlone(db, origin, {
      ...audited,
      outcome: 'failure',
      details: { reason: 'bad_password' },
    });
    throw new AppError('FORBIDDEN', 'The current password is incorrect');
  }
  if (input.newPassword.normalize('NFC') === input.currentPassword.normalize('NFC')) {
    throw invalidField('newPassword', 'must differ from the current password');
  }

  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, account.id, passwordHash, now);
    const { session, sessionsRevoked } = await renewSessionsAfterCredentialChange(trx, config, {
      userId: account.id,
      now,
      client,
      reason: 'password_changed',
    });
    await recordAudit(trx, origin, {
      ...audited,
      outcome: 'success',
      details: { sessionsRevoked, sessionId: session.sessionId },
    });
    return session;
  });
}
