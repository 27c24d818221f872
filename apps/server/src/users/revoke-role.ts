import { recordAudit } from '../audit/audit-log';
import { AppError, notFound } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findAssignmentById } from './users.repository';

/** Ends a role assignment now. The row stays, with who revoked it, when and why. */
export async function revokeRole(ctx: UseCaseContext, assignmentId: string, reason: string) {
  const assignment = await findAssignmentById(ctx.db, assignmentId);
  if (!assignment) throw notFound('Role assignment', assignmentId);
  await requireAccess(ctx, 'role.grant', {
    institutionId: assignment.institution_id,
    object: { type: 'role_assignment', id: assignmentId },
  });
  if (assignment.user_id === ctx.actor.userId) {
    throw new AppError('SELF_GRANT_FORBIDDEN', 'You cannot change your own role assignments');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('role_assignments')
      .set({
        revoked_at: ctx.origin.occurredAt,
        revoked_by: actorUserIdForFk(ctx.actor),
        revoke_reason: reason,
      })
      .where('id', '=', assignmentId)
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!revoked) throw new AppError('CONFLICT', 'This role assignment is already revoked');
    await recordAudit(trx, ctx.origin, {
      action: 'role.revoked',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'role_assignment', id: assignmentId },
      institutionId: revoked.institution_id,
      details: { userId: revoked.user_id, role: revoked.role, reason },
    });
    return revoked;
  });
}
