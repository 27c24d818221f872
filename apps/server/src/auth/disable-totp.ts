/**
 * Removes TOTP from the caller's account, after they prove both factors again. Refused while a
 * role they hold requires it. The user's other sessions are revoked; the caller's stays.
 */
import { recordAudit, recordAuditAlone } from '../audit/audit-log';
import { AppError } from '../http/errors';
import type { UseCaseContext } from '../use-case-context';
import { disableTotp as clearTotp, findAccountById } from './accounts.repository';
import { isMfaRequired } from './mfa-requirement';
import { verifyPassword } from './password';
import { findActiveAssignments, revokeOtherSessionsOfUser } from './sessions.repository';
import { isTotpCodeValid } from './totp';

const notEnabled = (): AppError =>
  new AppError('CONFLICT', 'TOTP is not enabled for this account', { reason: 'mfa_not_enabled' });

export async function disableTotp(
  ctx: UseCaseContext,
  input: { password: string; code: string },
): Promise<void> {
  const { db, config, actor, origin } = ctx;
  const now = origin.occurredAt;
  const account = await findAccountById(db, actor.userId);
  if (!account) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  if (account.totp_enabled_at === null || account.totp_secret === null) throw notEnabled();
  const assignments = await findActiveAssignments(db, account.id, now);
  if (await isMfaRequired(db, config, assignments)) {
    throw new AppError('CONFLICT', 'A role you hold requires TOTP, so it cannot be removed', {
      reason: 'mfa_required_by_role',
    });
  }
  const audited = {
    action: 'auth.mfa_disabled' as const,
    actor: { userId: account.id, username: account.username },
    object: { type: 'user', id: account.id },
    institutionId: account.institution_id,
  };

  const isPasswordRight = await verifyPassword(input.password, account.password_hash);
  const isCodeRight = isTotpCodeValid(account.totp_secret, input.code, now);
  if (!isPasswordRight || !isCodeRight) {
    await recordAuditAlone(db, origin, {
      ...audited,
      outcome: 'failure',
      details: { reason: isPasswordRight ? 'bad_code' : 'bad_password' },
    });
    throw new AppError('FORBIDDEN', 'The password or code is incorrect');
  }
  await db.transaction().execute(async (trx) => {
    if (!(await clearTotp(trx, account.id, now))) throw notEnabled();
    const sessionsRevoked = await revokeOtherSessionsOfUser(
      trx,
      account.id,
      actor.sessionId,
      now,
      'mfa_changed',
    );
    await recordAudit(trx, origin, {
      ...audited,
      outcome: 'success',
      details: { sessionsRevoked },
    });
  });
}
