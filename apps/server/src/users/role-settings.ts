import { ROLES, type Role } from '@qadiya/domain';
import { recordAudit } from '../audit/audit-log';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';

export interface RoleSetting {
  role: Role;
  requiresMfa: boolean;
  /** True when QADIYA_MFA_REQUIRED_ROLES forces MFA whatever the stored setting says. */
  isMfaForcedByConfig: boolean;
}

export async function listRoleSettings(ctx: UseCaseContext): Promise<RoleSetting[]> {
  const rows = await ctx.db.selectFrom('role_settings').selectAll().execute();
  const stored = new Map(rows.map((row) => [row.role, row.requires_mfa]));
  return ROLES.map((role) => {
    const forced = ctx.config.auth.mfaRequiredRoles.includes(role);
    return {
      role,
      requiresMfa: forced || (stored.get(role) ?? false),
      isMfaForcedByConfig: forced,
    };
  });
}

export async function updateRoleSetting(
  ctx: UseCaseContext,
  role: Role,
  requiresMfa: boolean,
): Promise<RoleSetting[]> {
  await requireAccess(ctx, 'role.settings', {
    institutionId: null,
    object: { type: 'role', id: role },
  });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('role_settings')
      .values({ role, requires_mfa: requiresMfa, updated_at: ctx.origin.occurredAt })
      .onConflict((oc) =>
        oc
          .column('role')
          .doUpdateSet({ requires_mfa: requiresMfa, updated_at: ctx.origin.occurredAt }),
      )
      .execute();
    await recordAudit(trx, ctx.origin, {
      action: 'role.settings_changed',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'role', id: role },
      details: { requiresMfa },
    });
  });
  return listRoleSettings(ctx);
}
