import { recordAudit } from '../audit/audit-log';
import { AppError } from '../http/errors';
import { invalidField } from '../http/validation';
import { findInstitutionById } from '../organisation/institutions.repository';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findHolidayOn, insertHoliday } from './calendar.repository';

export interface AddHolidayInput {
  date: string;
  nameAr: string;
  nameEn: string;
  /** Absent or null: a national holiday (national administrators only). */
  institutionId?: string | null | undefined;
}

/** Adds a day off: national, or for one institution. One holiday per date and scope. */
export async function addHoliday(ctx: UseCaseContext, input: AddHolidayInput) {
  const institutionId = input.institutionId ?? null;
  await requireAccess(ctx, 'calendar.manage', {
    institutionId,
    object: { type: 'calendar', id: institutionId ?? 'national' },
  });
  if (institutionId && !(await findInstitutionById(ctx.db, institutionId))) {
    throw invalidField('institutionId', 'no such institution');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findHolidayOn(trx, institutionId, input.date);
    if (existing) {
      throw new AppError('ALREADY_EXISTS', `There is already a holiday on ${input.date}`, {
        holidayId: existing.id,
        date: input.date,
      });
    }
    const holiday = await insertHoliday(trx, {
      institutionId,
      date: input.date,
      nameAr: input.nameAr.trim(),
      nameEn: input.nameEn.trim(),
    });
    await recordAudit(trx, ctx.origin, {
      action: 'calendar.changed',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'holiday', id: holiday.id },
      institutionId,
      details: { change: 'holiday_added', date: holiday.holiday_date, nameEn: holiday.name_en },
    });
    return holiday;
  });
}
