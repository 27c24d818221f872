import { recordAudit } from '../audit/audit-log';
import { notFound } from '../http/errors';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { deleteHoliday, findHolidayById } from './calendar.repository';

/**
 * Removes a day off (a holiday moved by the moon sighting is removed and added again). Deadlines
 * already computed keep their due time; only new deadlines see the change.
 */
export async function removeHoliday(ctx: UseCaseContext, id: string): Promise<void> {
  const holiday = await findHolidayById(ctx.db, id);
  if (!holiday) throw notFound('Holiday', id);
  await requireAccess(ctx, 'calendar.manage', {
    institutionId: holiday.institution_id,
    object: { type: 'holiday', id },
  });
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteHoliday(trx, id))) throw notFound('Holiday', id);
    await recordAudit(trx, ctx.origin, {
      action: 'calendar.changed',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'holiday', id },
      institutionId: holiday.institution_id,
      details: {
        change: 'holiday_removed',
        date: holiday.holiday_date,
        nameEn: holiday.name_en,
      },
    });
  });
}
