import type { HolidayRow } from './calendar.repository';

export function presentHoliday(row: HolidayRow) {
  return {
    id: row.id,
    date: row.holiday_date,
    nameAr: row.name_ar,
    nameEn: row.name_en,
    scope: row.institution_id === null ? ('national' as const) : ('institution' as const),
    institutionId: row.institution_id,
  };
}
