/**
 * Starts TOTP enrolment: a new secret is kept as pending until the user proves, with a code, that
 * their authenticator app holds it. Asking again replaces the pending secret.
 */
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../http/errors';
import type { UseCaseContext } from '../use-case-context';
import { findAccountById, setPendingTotpSecret } from './accounts.repository';
import { newTotpSecret, totpUrl } from './totp';

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
}

export async function startTotpEnrolment(ctx: UseCaseContext): Promise<TotpEnrolment> {
  const { db, config, actor, origin } = ctx;
  const account = await findAccountById(db, actor.userId);
  if (!account) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  const alreadyEnabled = () =>
    new AppError('MFA_ALREADY_ENABLED', 'TOTP is already enabled for this account');
  if (account.totp_enabled_at !== null) throw alreadyEnabled();

  const secret = newTotpSecret();
  await db.transaction().execute(async (trx) => {
    if (!(await setPendingTotpSecret(trx, account.id, secret, origin.occurredAt))) {
      throw alreadyEnabled();
    }
    await recordAudit(trx, origin, {
      action: 'auth.mfa_enrolment_started',
      outcome: 'success',
      actor: { userId: account.id, username: account.username },
      object: { type: 'user', id: account.id },
      institutionId: account.institution_id,
    });
  });
  return { secret, otpauthUrl: totpUrl(secret, config.auth.totpIssuer, account.username) };
}
