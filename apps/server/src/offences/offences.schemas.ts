import { Type } from 'typebox';
import { Uuid } from '../http/schemas';

export const OffenceClassSchema = Type.Union([
  Type.Literal('felony'),
  Type.Literal('misdemeanour'),
  Type.Literal('contravention'),
]);

export const ListOffencesQuery = Type.Object(
  {
    class: Type.Optional(OffenceClassSchema),
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Part of the code, article, law or title (Arabic or English)',
      }),
    ),
    gbv: Type.Optional(Type.Boolean({ description: 'Only GBV-related offences (or only others)' })),
    includeInactive: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);

export const OffenceResponse = Type.Object({
  id: Uuid,
  code: Type.String({ examples: ['PC-326'] }),
  lawAr: Type.String(),
  lawEn: Type.String(),
  article: Type.String(),
  titleAr: Type.String(),
  titleEn: Type.String(),
  offenceClass: OffenceClassSchema,
  iccsCategory: Type.String({ description: 'ICCS section, 01–11' }),
  isGbvRelated: Type.Boolean(),
  isActive: Type.Boolean(),
});
