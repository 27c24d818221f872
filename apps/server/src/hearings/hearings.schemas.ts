/** Schemas of the court calendar: the hearings of one court over a range of days. */
import { CONFIDENTIALITY_LEVELS } from '@qadiya/domain';
import { Type, type Static } from 'typebox';
import { Uuid } from '../http/schemas';

/** The longest range one request may ask for, in days (a month view at most). */
export const MAX_RANGE_DAYS = 31;

const Labels = Type.Object({ ar: Type.String(), en: Type.String() });
const DateOnly = Type.String({ format: 'date', examples: ['2026-12-05'] });
const DateTime = Type.String({ format: 'date-time', examples: ['2026-12-05T07:00:00.000Z'] });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const HEARING_STATUSES = ['scheduled', 'held', 'adjourned', 'cancelled'] as const;

export const ListHearingsQuery = Type.Object(
  {
    courtId: Uuid,
    from: Type.String({
      format: 'date',
      description: "First day of the range (the court's local date), inclusive",
      examples: ['2026-12-05'],
    }),
    to: Type.String({
      format: 'date',
      description: `Last day of the range, inclusive; at most ${MAX_RANGE_DAYS} days after \`from\``,
      examples: ['2026-12-11'],
    }),
    room: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    judgeId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ListHearingsQuery = Static<typeof ListHearingsQuery>;

export const CalendarParty = Type.Object({
  role: Type.String({ examples: ['accused'] }),
  roleLabels: Labels,
  name: Type.String({
    description:
      'The Arabic name; only initials ("أ. خ.") when the file is restricted or sealed (cause lists are posted publicly)',
  }),
  nameLatin: Nullable(Type.String({ description: 'Latin name, or its initials likewise' })),
  isMasked: Type.Boolean(),
});

export const CalendarHearing = Type.Object({
  id: Uuid,
  room: Type.String(),
  startsAt: DateTime,
  endsAt: DateTime,
  localDate: Type.String({ format: 'date', description: "The hearing's day at the court" }),
  status: Type.Enum(HEARING_STATUSES),
  adjournReason: Nullable(Type.String()),
  case: Type.Object({
    id: Uuid,
    number: Nullable(Type.String({ examples: ['774/2026'] })),
    reference: Nullable(Type.String()),
    caseType: Type.String(),
    caseTypeLabels: Labels,
    confidentiality: Type.Enum(CONFIDENTIALITY_LEVELS),
    canOpen: Type.Boolean({ description: 'Whether you may open the file itself' }),
  }),
  judges: Type.Array(Type.Object({ id: Uuid, nameAr: Type.String(), nameEn: Type.String() })),
  parties: Type.Array(CalendarParty),
});

export const CourtCalendarResponse = Type.Object({
  court: Type.Object({
    id: Uuid,
    code: Type.String(),
    nameAr: Type.String(),
    nameEn: Type.String(),
    weekendDays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      description: 'ISO weekdays off (1 = Monday … 7 = Sunday)',
    }),
  }),
  from: DateOnly,
  to: DateOnly,
  timeZone: Type.String({ examples: ['Asia/Hebron'] }),
  scope: Type.Union([Type.Literal('court'), Type.Literal('files')], {
    description:
      '`court`: every hearing of the court (its judges and clerks); `files`: only hearings of files you may see (prosecutors)',
  }),
  rooms: Type.Array(Type.String(), { description: 'The rooms of the hearings returned' }),
  items: Type.Array(CalendarHearing),
});
export type CourtCalendarResponse = Static<typeof CourtCalendarResponse>;
