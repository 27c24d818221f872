import { Type } from 'typebox';
import { Uuid } from '../http/schemas';

const CalendarDate = Type.String({ format: 'date', examples: ['2026-11-15'] });
const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const IsoWeekday = Type.Integer({
  minimum: 1,
  maximum: 7,
  description: 'ISO weekday: 1 = Monday … 7 = Sunday',
});

export const ListHolidaysQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2200 })),
    institutionId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const HolidayResponse = Type.Object({
  id: Uuid,
  date: Type.String({ format: 'date' }),
  nameAr: Type.String(),
  nameEn: Type.String(),
  scope: Type.Union([Type.Literal('national'), Type.Literal('institution')]),
  institutionId: Type.Union([Uuid, Type.Null()]),
});

export const AddHolidayBody = Type.Object(
  {
    date: CalendarDate,
    nameAr: Name,
    nameEn: Name,
    institutionId: Type.Optional(
      Type.Union([Uuid, Type.Null()], {
        description: "Absent or null: a national holiday; otherwise that institution's day off",
      }),
    ),
  },
  {
    additionalProperties: false,
    examples: [{ date: '2026-11-15', nameAr: 'ذكرى إعلان الاستقلال', nameEn: 'Independence Day' }],
  },
);

export const WeekendBody = Type.Object(
  {
    weekendDays: Type.Array(IsoWeekday, {
      uniqueItems: true,
      maxItems: 6,
      description: 'At least one working day must remain',
    }),
  },
  { additionalProperties: false, examples: [{ weekendDays: [5, 6] }] },
);

export const WeekendResponse = Type.Object({
  institutionId: Uuid,
  weekendDays: Type.Array(IsoWeekday),
});
