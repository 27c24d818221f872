/**
 * Account-level actions of an administrator: disable, enable, unlock, reset password. Disabling
 * and resetting revoke every session of the user in the same transaction.
 */
import { hashPassword, passwordProblem } from '../auth/password';
import { revokeAllSessionsOfUser } from '../auth/sessions.repository';
import type { AuditAction } from '../audit/audit-actions';
import { recordAudit } from '../audit/audit-log';
import type { UserRow, UserUpdate } from '../db/schema';
import { AppError, notFound } from '../http/errors';
import { invalidField } from '../http/validation';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findUserById, lockUser } from './users.repository';

type AccountAction = 'disable' | 'enable' | 'unlock' | 'reset_password';

const AUDIT_ACTION: Record<AccountAction, AuditAction> = {
  disable: 'user.disabled',
  enable: 'user.enabled',
  unlock: 'user.unlocked',
  reset_password: 'user.password_reset',
};

async function changeAccount(
  ctx: UseCaseContext,
  userId: string,
  action: AccountAction,
  changes: UserUpdate,
  options: { revokeSessions: boolean; reason?: string | undefined },
): Promise<UserRow> {
  const target = await findUserById(ctx.db, userId);
  if (!target) throw notFound('User', userId);
  await requireAccess(ctx, 'user.manage', {
    institutionId: target.institution_id,
    object: { type: 'user', id: userId },
  });
  if (userId === ctx.actor.userId && action === 'disable') {
    throw new AppError('CONFLICT', 'You cannot disable your own account');
  }
  return ctx.db.transaction().execute(async (trx) => {
    await lockUser(trx, userId);
    const now = ctx.origin.occurredAt;
    const updated = await trx
      .updateTable('users')
      .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const revokedSessions = options.revokeSessions
      ? await revokeAllSessionsOfUser(
          trx,
          userId,
          now,
          action === 'disable' ? 'account_disabled' : 'admin',
        )
      : 0;
    await recordAudit(trx, ctx.origin, {
      action: AUDIT_ACTION[action],
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'user', id: userId },
      institutionId: updated.institution_id,
      details: { username: updated.username, revokedSessions, reason: options.reason ?? null },
    });
    return updated;
  });
}

export function disableUser(ctx: UseCaseContext, userId: string, reason: string): Promise<UserRow> {
  return changeAccount(
    ctx,
    userId,
    'disable',
    { is_active: false },
    { revokeSessions: true, reason },
  );
}

export function enableUser(ctx: UseCaseContext, userId: string): Promise<UserRow> {
  return changeAccount(ctx, userId, 'enable', { is_active: true }, { revokeSessions: false });
}

export function unlockUser(ctx: UseCaseContext, userId: string): Promise<UserRow> {
  return changeAccount(
    ctx,
    userId,
    'unlock',
    { locked_until: null, failed_login_count: 0 },
    { revokeSessions: false },
  );
}

export async function resetUserPassword(
  ctx: UseCaseContext,
  userId: string,
  newPassword: string,
): Promise<UserRow> {
  const target = await findUserById(ctx.db, userId);
  if (!target) throw notFound('User', userId);
  const problem = passwordProblem(newPassword, target.username);
  if (problem) throw invalidField('newPassword', problem);
  const passwordHash = await hashPassword(newPassword);
  return changeAccount(
    ctx,
    userId,
    'reset_password',
    {
      password_hash: passwordHash,
      password_changed_at: ctx.origin.occurredAt,
      locked_until: null,
      failed_login_count: 0,
    },
    { revokeSessions: true },
  );
}
