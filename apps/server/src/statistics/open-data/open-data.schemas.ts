/**
 * Schemas of the open data (issue 8): aggregate performance measures published without signing
 * in, for public transparency (as India's National Judicial Data Grid does).
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Uuid } from '../../http/schemas';
import { periodFields } from '../statistics.schemas';

const Labels = Type.Object({ ar: Type.String(), en: Type.String() });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateOnly = Type.String({ format: 'date', examples: ['2026-01-01'] });

export const OpenDataQuery = Type.Object(
  {
    ...periodFields(),
  },
  { additionalProperties: false },
);
export type OpenDataQuery = Static<typeof OpenDataQuery>;

const Cell = Type.Object({
  value: Nullable(Type.Number()),
  suppressed: Type.Boolean({ description: 'Withheld: a small count, or one that would reveal it' }),
});

export const OpenDataResponse = Type.Object({
  period: Type.Object({ from: DateOnly, to: DateOnly }),
  timeZone: Type.String(),
  threshold: Type.Integer({ description: 'Counts below it are never published (zero included)' }),
  columns: Type.Array(
    Type.Object({
      code: Type.String(),
      labels: Labels,
      unit: Type.Enum(['count', 'percent', 'days'] as const),
    }),
  ),
  rows: Type.Array(
    Type.Object({
      institution: Nullable(
        Type.Object({
          id: Uuid,
          code: Type.String(),
          kind: Type.String(),
          nameAr: Type.String(),
          nameEn: Type.String(),
        }),
      ),
      values: Type.Record(Type.String(), Nullable(Type.Number())),
      suppressed: Type.Array(Type.String(), { description: 'Columns withheld in this row' }),
    }),
    { description: 'The whole country first (institution null), then each institution' },
  ),
  juvenile: Type.Object({ incoming: Cell, disposed: Cell, pending: Cell }),
  familyProtection: Type.Object({ incoming: Cell, disposed: Cell, pending: Cell }),
});
export type OpenDataResponse = Static<typeof OpenDataResponse>;
