/**
 * Schemas of the family protection dashboard (issue 6, item 7). The answer is the contract the web
 * dashboard is built against: fields may be added, never renamed or removed. Every count is a
 * `Count` cell: its value, whether it was suppressed as a small cell (null value), and, when the
 * request splits by a dimension, the same per category.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Uuid } from '../http/schemas';
import { DIMENSIONS } from './dimensions';
import { periodFields } from './statistics.schemas';

const Labels = Type.Object({ ar: Type.String(), en: Type.String() });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateOnly = Type.String({ format: 'date', examples: ['2026-01-01'] });

export const FamilyProtectionQuery = Type.Object(
  {
    ...periodFields(),
    institutionId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'Only the files of this institution. Absent: the whole country for analysts, their own ' +
          'offices for chief prosecutors and family protection prosecutors.',
      }),
    ),
    splitBy: Type.Optional(
      Type.Enum(DIMENSIONS, {
        description: 'Split every count by this dimension (docs/measures.md, 2.2)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FamilyProtectionQuery = Static<typeof FamilyProtectionQuery>;

const cellOf = <T extends TSchema>(value: T, what: string) =>
  Type.Object({
    value: Nullable(value),
    suppressed: Type.Boolean({
      description: `True when the ${what} is withheld as a small cell (value null)`,
    }),
  });

const CountValue = cellOf(Type.Integer({ minimum: 0 }), 'count');
const PercentValue = cellOf(Type.Number(), 'percentage');

export const Count = Type.Object({
  ...CountValue.properties,
  breakdown: Type.Optional(
    Type.Array(Type.Object({ category: Type.String(), ...CountValue.properties }), {
      description: 'Per category of `splitBy`, every category in the order of `categories`',
    }),
  ),
});
export type Count = Static<typeof Count>;

export const Percent = Type.Object({
  ...PercentValue.properties,
  breakdown: Type.Optional(
    Type.Array(Type.Object({ category: Type.String(), ...PercentValue.properties })),
  ),
});
export type Percent = Static<typeof Percent>;

const Attrition = Type.Object({
  stages: Type.Array(
    Type.Object({
      code: Type.Enum(['complaint', 'indicted', 'convicted']),
      labels: Labels,
      count: Count,
      percentOfComplaints: Percent,
      percentOfPreviousStage: Nullable(Percent),
    }),
  ),
  outcomes: Type.Array(
    Type.Object({
      code: Type.Enum([
        'under_investigation',
        'closed_before_indictment',
        'awaiting_judgment',
        'acquitted_or_dismissed',
        'convicted',
      ]),
      labels: Labels,
      stage: Type.Enum(['complaint', 'indicted', 'convicted'], {
        description: 'The last stage reached',
      }),
      count: Count,
    }),
    { description: 'Where each accused of the period’s complaints stands now; they add up' },
  ),
});

const GbvTypes = Type.Object({
  total: Count,
  types: Type.Array(Type.Object({ code: Type.String(), labels: Labels, count: Count }), {
    description: 'The six GBVIMS core types, then `unclassified`; they add up to `total`',
  }),
  contextFlags: Type.Array(
    Type.Object({
      code: Type.Enum(['intimate_partner', 'child_victim', 'early_marriage']),
      labels: Labels,
      count: Count,
    }),
  ),
});

const Referrals = Type.Object({
  total: Count,
  consentOverrides: Count,
  byService: Type.Array(
    Type.Object({
      service: Type.String(),
      labels: Labels,
      count: Count,
      byStatus: Type.Array(Type.Object({ status: Type.String(), count: Count })),
    }),
  ),
  byStatus: Type.Array(Type.Object({ status: Type.String(), labels: Labels, count: Count })),
});

const MeasureCounts = {
  issued: Count,
  violated: Count,
  violations: Count,
};

const ProtectionMeasures = Type.Object({
  ...MeasureCounts,
  byKind: Type.Array(Type.Object({ kind: Type.String(), labels: Labels, ...MeasureCounts })),
});

const TimeToDisposition = Type.Object({
  measured: Count,
  standard: Type.Array(
    Type.Object({
      days: Type.Integer(),
      targetPercent: Type.Number(),
      within: Count,
      actualPercent: Percent,
      meetsTarget: Nullable(Type.Boolean()),
    }),
  ),
});

export const FamilyProtectionResponse = Type.Object({
  period: Type.Object({ from: DateOnly, to: DateOnly }),
  timeZone: Type.String({ examples: ['Asia/Hebron'] }),
  institutionId: Nullable(Uuid),
  institutions: Type.Array(
    Type.Object({ id: Uuid, code: Type.String(), nameAr: Type.String(), nameEn: Type.String() }),
    { description: 'The institutions whose files are counted; empty: the whole country' },
  ),
  splitBy: Nullable(Type.Enum(DIMENSIONS)),
  dimension: Nullable(Type.Object({ code: Type.Enum(DIMENSIONS), labels: Labels })),
  categories: Type.Array(Type.Object({ code: Type.String(), labels: Labels }), {
    description: 'The categories of `splitBy`, in order; empty without a split',
  }),
  suppression: Type.Object({
    applied: Type.Boolean({
      description: 'True for readers outside the family protection unit: small cells are withheld',
    }),
    threshold: Type.Integer({ description: 'Counts below this are never shown when applied' }),
  }),
  attrition: Attrition,
  gbvTypes: GbvTypes,
  referrals: Referrals,
  protectionMeasures: ProtectionMeasures,
  timeToDisposition: TimeToDisposition,
});
export type FamilyProtectionResponse = Static<typeof FamilyProtectionResponse>;
