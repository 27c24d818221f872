/**
 * Signs a user in with username, password and, when enrolled, a TOTP code.
 *
 * The order of the checks is deliberate. An unknown user costs a full password hash, so timing
 * does not reveal which usernames exist. A locked account is refused before its password is
 * checked, so guessing stops while the lock lasts. A disabled account, and the need for a code,
 * are only revealed to someone who knows the password. Every outcome is audited; a failure is
 * counted and audited in one transaction, and the failure that reaches the limit locks the account
 * in that same transaction.
 */
import { recordAudit, recordAuditAlone, type RequestOrigin } from '../audit/audit-log';
import { AppError } from '../http/errors';
import type { Services } from '../use-case-context';
import {
  countFailedLogin,
  findAccountById,
  findAccountByUsername,
  isLocked,
  recordSuccessfulLogin,
  type Account,
} from './accounts.repository';
import { accountLocked, invalidCredentials } from './auth-errors';
import type { CurrentUserSnapshot } from './get-current-user';
import { issueSession, type IssuedSession, type SessionClient } from './issue-session';
import { isMfaRequired } from './mfa-requirement';
import { dummyPasswordHash, verifyPassword } from './password';
import { findActiveAssignments } from './sessions.repository';
import { totpStepOf } from './totp';

export interface LogInInput {
  username: string;
  password: string;
  totpCode?: string | undefined;
}

export interface LogInResult {
  session: IssuedSession;
  user: CurrentUserSnapshot;
  /** The session may only enrol in TOTP (a role requires it and the user has none yet). */
  mfaEnrolmentRequired: boolean;
}

/** Why a logon failed, as recorded in the audit row's details.reason. */
export type LoginFailureReason =
  | 'unknown_user'
  | 'bad_password'
  | 'locked'
  | 'disabled'
  | 'totp_missing'
  | 'bad_totp'
  /** The password was changed between checking it and opening the session. */
  | 'password_changed';

export async function logIn(
  services: Services,
  origin: RequestOrigin,
  client: SessionClient,
  input: LogInInput,
): Promise<LogInResult> {
  const { db, config } = services;
  const now = origin.occurredAt;
  const username = input.username.trim().toLowerCase();
  const account = await findAccountByUsername(db, username);

  if (!account) {
    await verifyPassword(input.password, await dummyPasswordHash());
    await recordAuditAlone(db, origin, {
      action: 'auth.login',
      outcome: 'failure',
      actor: { userId: null, username },
      details: { reason: 'unknown_user' satisfies LoginFailureReason },
    });
    throw invalidCredentials();
  }
  if (isLocked(account, now)) {
    await auditRefusal(services, origin, account, 'locked');
    throw accountLocked(account.locked_until);
  }
  if (!(await verifyPassword(input.password, account.password_hash))) {
    return countFailure(services, origin, account, 'bad_password');
  }
  if (!account.is_active) {
    await auditRefusal(services, origin, account, 'disabled');
    throw new AppError('ACCOUNT_DISABLED', 'This account is disabled; ask an administrator');
  }
  const totpSecret = account.totp_enabled_at !== null ? account.totp_secret : null;
  const hasTotp = totpSecret !== null;
  let totpStep: number | null = null;
  if (totpSecret !== null) {
    if (!input.totpCode) {
      await auditRefusal(services, origin, account, 'totp_missing');
      throw new AppError('MFA_REQUIRED', 'Enter the code from your authenticator app', {
        method: 'totp',
      });
    }
    totpStep = totpStepOf(totpSecret, input.totpCode, now);
    // A code already used to sign in is refused like a wrong one: it may have been overheard.
    const isReplay =
      totpStep !== null && account.totp_last_step !== null && totpStep <= account.totp_last_step;
    if (totpStep === null || isReplay) {
      return countFailure(services, origin, account, 'bad_totp');
    }
  }

  const assignments = await findActiveAssignments(db, account.id, now);
  const mfaRequired = await isMfaRequired(db, config, assignments);
  const mfaEnrolmentRequired = mfaRequired && !hasTotp;
  const session = await db.transaction().execute(async (trx) => {
    if (!(await recordSuccessfulLogin(trx, account.id, now, account.password_hash, totpStep))) {
      return null;
    }
    const issued = await issueSession(trx, config, {
      userId: account.id,
      now,
      isMfaEnrolmentOnly: mfaEnrolmentRequired,
      client,
    });
    await recordAudit(trx, origin, {
      action: 'auth.login',
      outcome: 'success',
      actor: { userId: account.id, username: account.username },
      object: { type: 'user', id: account.id },
      institutionId: account.institution_id,
      details: {
        sessionId: issued.sessionId,
        secondFactor: hasTotp ? 'totp' : 'none',
        mfaEnrolmentOnly: mfaEnrolmentRequired,
      },
    });
    return issued;
  });
  if (!session) {
    // The account changed since it was read: locked by concurrent failures, or a new password.
    const current = await findAccountById(db, account.id);
    if (current && isLocked(current, now)) {
      await auditRefusal(services, origin, account, 'locked');
      throw accountLocked(current.locked_until);
    }
    const isTotpTaken =
      totpStep !== null && current?.totp_last_step != null && totpStep <= current.totp_last_step;
    await auditRefusal(services, origin, account, isTotpTaken ? 'bad_totp' : 'password_changed');
    throw invalidCredentials();
  }
  return {
    session,
    user: { account, assignments, mfaRequired },
    mfaEnrolmentRequired,
  };
}

/** Audits a refused logon that changes nothing else. */
async function auditRefusal(
  services: Services,
  origin: RequestOrigin,
  account: Account,
  reason: LoginFailureReason,
): Promise<void> {
  await recordAuditAlone(services.db, origin, {
    action: 'auth.login',
    outcome: 'failure',
    actor: { userId: account.id, username: account.username },
    object: { type: 'user', id: account.id },
    institutionId: account.institution_id,
    details: { reason },
  });
}

/** Counts a failed logon, locks the account at the limit, audits both, then refuses. */
async function countFailure(
  services: Services,
  origin: RequestOrigin,
  account: Account,
  reason: 'bad_password' | 'bad_totp',
): Promise<never> {
  const { db, config } = services;
  const now = origin.occurredAt;
  const lockUntil = new Date(now.getTime() + config.auth.lockoutMinutes * 60_000);
  const counted = await db.transaction().execute(async (trx) => {
    const result = await countFailedLogin(trx, account.id, now, {
      maxFailures: config.auth.maxFailedLogins,
      lockUntil,
    });
    const entry = {
      actor: { userId: account.id, username: account.username },
      object: { type: 'user', id: account.id },
      institutionId: account.institution_id,
    };
    await recordAudit(trx, origin, {
      ...entry,
      action: 'auth.login',
      outcome: 'failure',
      // Not counted: a concurrent attempt locked the account after it was read.
      details: result
        ? { reason, failedLoginCount: result.failedLoginCount }
        : { reason: 'locked' satisfies LoginFailureReason },
    });
    if (result?.lockedUntil) {
      await recordAudit(trx, origin, {
        ...entry,
        action: 'auth.lockout',
        outcome: 'success',
        details: {
          failedLoginCount: result.failedLoginCount,
          lockedUntil: result.lockedUntil.toISOString(),
        },
      });
    }
    return result;
  });
  if (!counted) throw accountLocked(null);
  if (counted.lockedUntil) throw accountLocked(counted.lockedUntil);
  throw invalidCredentials();
}
