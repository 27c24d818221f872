/**
 * Schemas of the performance measures (issue 8): one route answers every measure for one scope,
 * each measure as a table (rows: the total and each category of the split; columns: its figures),
 * so that the dashboard, the exports and the open data read one shape.
 */
import { CASE_TYPES } from '@qadiya/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Uuid } from '../http/schemas';
import { CaseHeader } from '../cases/cases.schemas';
import { DIMENSIONS, MAX_DIMENSIONS } from './dimensions';
import { MEASURE_CODES, OFFENCE_CLASS_FILTERS } from './performance-definitions';
import { periodFields } from './statistics.schemas';

const Labels = Type.Object({ ar: Type.String(), en: Type.String() });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateOnly = Type.String({ format: 'date', examples: ['2026-01-01'] });

export const DRILL_FIGURES = [
  'incoming',
  'disposed',
  'pending',
  'over_standard',
  'tried',
  'held',
  'beyond_limits',
] as const;

const scopeFields = {
  ...periodFields('; 1990 or later'),
  institutionId: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        'Only the files of this institution. Absent: the whole country for analysts, their own ' +
        'institutions for chief prosecutors.',
    }),
  ),
  unitId: Type.Optional(
    Type.String({ format: 'uuid', description: 'Only the files of this unit of the institution' }),
  ),
  caseType: Type.Optional(
    Type.Enum(
      CASE_TYPES.map((d) => d.caseType),
      { description: 'Only files of this case type' },
    ),
  ),
  offenceClass: Type.Optional(
    Type.Enum(OFFENCE_CLASS_FILTERS, {
      description:
        "Only units whose most serious charge is of this class ('none': units without a charge)",
    }),
  ),
  splitBy: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        `Dimensions to split by, separated by commas, at most ${MAX_DIMENSIONS}: ` +
        DIMENSIONS.join(', '),
      examples: ['accusedSex', 'accusedSex,victimAgeBand'],
    }),
  ),
};

export const PerformanceQuery = Type.Object(
  {
    ...scopeFields,
    measures: Type.Optional(
      Type.String({
        maxLength: 300,
        description: `Measures to compute, separated by commas (default: all): ${MEASURE_CODES.join(', ')}`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type PerformanceQuery = Static<typeof PerformanceQuery>;

export const PerformanceFilesQuery = Type.Object(
  {
    ...scopeFields,
    figure: Type.Enum(DRILL_FIGURES, { description: 'The figure whose files are listed' }),
    category: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'A category key of the split (`rows[].key`); absent: every unit',
      }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type PerformanceFilesQuery = Static<typeof PerformanceFilesQuery>;

export const PerformanceExportQuery = Type.Object(
  {
    ...scopeFields,
    measure: Type.Enum(MEASURE_CODES),
    format: Type.Enum(['csv', 'xlsx'] as const),
    lang: Type.Optional(Type.Enum(['ar', 'en'] as const, { default: 'ar' })),
  },
  { additionalProperties: false },
);
export type PerformanceExportQuery = Static<typeof PerformanceExportQuery>;

export const MeasureColumn = Type.Object({
  code: Type.String(),
  labels: Labels,
  unit: Type.Enum(['count', 'percent', 'days', 'ratio'] as const),
  /** A figure whose files can be listed (drill-down). */
  drill: Nullable(Type.Enum(DRILL_FIGURES)),
});

export const MeasureRow = Type.Object({
  key: Type.String({
    description:
      "'all' for the total; a category key (categories joined by '|') or, for workload, a person",
  }),
  labels: Labels,
  values: Type.Record(Type.String(), Nullable(Type.Number())),
});

export const MeasureTable = Type.Object({
  code: Type.Enum(MEASURE_CODES),
  labels: Labels,
  definition: Labels,
  source: Type.String(),
  columns: Type.Array(MeasureColumn),
  rows: Type.Array(MeasureRow),
});
export type MeasureTable = Static<typeof MeasureTable>;

export const PerformanceResponse = Type.Object({
  period: Type.Object({ from: DateOnly, to: DateOnly }),
  timeZone: Type.String(),
  asOf: Type.String({
    format: 'date-time',
    description: 'When the snapshots (pending, detention) are taken: the end of the period, or now',
  }),
  institutionId: Nullable(Uuid),
  institutions: Type.Array(
    Type.Object({ id: Uuid, code: Type.String(), nameAr: Type.String(), nameEn: Type.String() }),
  ),
  filters: Type.Object({
    unitId: Nullable(Uuid),
    caseType: Nullable(Type.String()),
    offenceClass: Nullable(Type.String()),
  }),
  dimensions: Type.Array(Type.Enum(DIMENSIONS)),
  standards: Type.Object({
    felony: Type.Array(Type.Object({ days: Type.Integer(), targetPercent: Type.Number() })),
    misdemeanour: Type.Array(Type.Object({ days: Type.Integer(), targetPercent: Type.Number() })),
  }),
  namesShown: Type.Boolean({
    description: 'Whether workload rows name the person (never for analysts)',
  }),
  measures: Type.Array(MeasureTable),
});
export type PerformanceResponse = Static<typeof PerformanceResponse>;

export const PerformanceFilesResponse = Type.Object({
  items: Type.Array(CaseHeader),
  total: Type.Integer({ description: 'Files of the figure you may open' }),
  hiddenCount: Type.Integer({ description: 'Files of the figure you may not open' }),
});
