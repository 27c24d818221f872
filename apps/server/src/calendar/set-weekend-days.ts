import { recordAudit } from '../audit/audit-log';
import { notFound } from '../http/errors';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findWeekendDays, updateWeekendDays } from './calendar.repository';

/** Sets the ISO weekdays (1 = Monday … 7 = Sunday) on which an institution is closed. */
export async function setWeekendDays(
  ctx: UseCaseContext,
  institutionId: string,
  weekendDays: readonly number[],
) {
  const current = await findWeekendDays(ctx.db, institutionId);
  if (!current) throw notFound('Institution', institutionId);
  await requireAccess(ctx, 'calendar.manage', {
    institutionId,
    object: { type: 'institution', id: institutionId },
  });
  const after = [...new Set(weekendDays)].sort((a, b) => a - b);
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await updateWeekendDays(trx, institutionId, after, ctx.origin.occurredAt);
    if (!updated) throw notFound('Institution', institutionId);
    await recordAudit(trx, ctx.origin, {
      action: 'calendar.changed',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'institution', id: institutionId },
      institutionId,
      details: {
        change: 'weekend_changed',
        before: current.weekend_days.map(Number),
        after,
      },
    });
    return { institutionId, weekendDays: updated.weekend_days.map(Number) };
  });
}
