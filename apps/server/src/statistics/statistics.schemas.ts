/**
 * Schemas of the statistics area: the juvenile justice indicators of a period and the child
 * population figures behind their per-100,000 rates. The indicators' answer is the contract the
 * web screen is built against (issue 5): fields may be added, never renamed or removed.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Uuid } from '../http/schemas';

/** The longest period one request may ask for, in days (a leap year). */
export const MAX_PERIOD_DAYS = 366;

/**
 * The period of every statistics request: `from` and `to`, the courts' local dates, both included.
 * `fromNote` adds a request's own rule on the first day to its description.
 */
export function periodFields(fromNote = '') {
  return {
    from: Type.String({
      format: 'date',
      description: `First day of the period (the courts' local date), inclusive${fromNote}`,
      examples: ['2026-01-01'],
    }),
    to: Type.String({
      format: 'date',
      description: `Last day of the period, inclusive; at most ${MAX_PERIOD_DAYS} days in all`,
      examples: ['2026-12-31'],
    }),
  };
}

const Labels = Type.Object({ ar: Type.String(), en: Type.String() });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateOnly = Type.String({ format: 'date', examples: ['2026-01-01'] });

export const INDICATOR_CODES = [
  'children_in_conflict',
  'children_in_detention',
  'children_in_pre_sentence_detention',
  'pre_sentence_detention_days',
  'custodial_sentencing_rate',
  'pre_sentence_diversion_rate',
  'time_to_disposition_detained',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export const INDICATOR_UNITS = ['count', 'days', 'percent'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const BREAKDOWN_SEXES = ['female', 'male', 'unknown'] as const;
export type BreakdownSex = (typeof BREAKDOWN_SEXES)[number];

/** The age bands of children in conflict with the law (12 to 17 at the offence). */
export const CHILD_AGE_BANDS = ['12_13', '14_15', '16_17', 'unknown'] as const;
export type ChildAgeBand = (typeof CHILD_AGE_BANDS)[number];

/** The age bands of the child population: every child under 18. */
export const POPULATION_AGE_BANDS = ['under_12', '12_13', '14_15', '16_17'] as const;
export type PopulationAgeBand = (typeof POPULATION_AGE_BANDS)[number];
export const POPULATION_SEXES = ['female', 'male'] as const;

export const JuvenileIndicatorsQuery = Type.Object(
  {
    ...periodFields(),
    institutionId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'Only the files of this institution. Absent: the whole country for analysts, their own ' +
          'institutions for chief prosecutors.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type JuvenileIndicatorsQuery = Static<typeof JuvenileIndicatorsQuery>;

export const BreakdownItem = Type.Object({
  sex: Type.Enum(BREAKDOWN_SEXES),
  ageBand: Type.Enum(CHILD_AGE_BANDS, { description: 'Age at the offence' }),
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  median: Nullable(Type.Number({ description: 'Median days (pre_sentence_detention_days only)' })),
  periods: Nullable(
    Type.Integer({
      description: 'Periods of detention measured (pre_sentence_detention_days only)',
    }),
  ),
  ratePer100k: Nullable(
    Type.Number({
      description:
        'Per 100,000 children of this sex and age band (count indicators, when the population is known)',
    }),
  ),
});

export const StandardStep = Type.Object({
  days: Type.Integer(),
  targetPercent: Type.Number(),
  actualPercent: Nullable(Type.Number()),
  numerator: Type.Integer({ description: 'Children disposed of within `days`' }),
});

export const Indicator = Type.Object({
  code: Type.Enum(INDICATOR_CODES),
  labels: Labels,
  definition: Type.Object(
    { ar: Type.String(), en: Type.String() },
    { description: 'What is counted, in one sentence (docs/measures.md has the full definition)' },
  ),
  manualIndicator: Nullable(
    Type.Integer({
      description:
        'Number of the indicator in the UNODC/UNICEF Manual for the Measurement of Juvenile Justice Indicators (2006)',
    }),
  ),
  unit: Type.Enum(INDICATOR_UNITS),
  value: Nullable(
    Type.Number({
      description:
        'count: children; days: mean days; percent: numerator ÷ denominator × 100 (null when the denominator is 0)',
    }),
  ),
  median: Nullable(Type.Number({ description: 'Median days (pre_sentence_detention_days only)' })),
  periods: Nullable(
    Type.Integer({
      description:
        'Periods of detention (one child in one matter) the mean and median are taken over (pre_sentence_detention_days only)',
    }),
  ),
  ratePer100k: Nullable(
    Type.Number({
      description: 'Per 100,000 children (count indicators), when the population is known',
    }),
  ),
  numerator: Nullable(Type.Number({ description: 'Percentages: the children counted' })),
  denominator: Nullable(Type.Number({ description: 'Percentages: the children considered' })),
  breakdown: Type.Array(BreakdownItem, {
    description: 'By sex and age band; every combination that has data',
  }),
  standard: Type.Optional(
    Type.Array(StandardStep, {
      description: 'The juvenile time standard (time_to_disposition_detained only)',
    }),
  ),
});
export type Indicator = Static<typeof Indicator>;

export const JuvenileIndicatorsResponse = Type.Object({
  period: Type.Object({ from: DateOnly, to: DateOnly }),
  timeZone: Type.String({ examples: ['Asia/Hebron'] }),
  institutionId: Nullable(Uuid),
  institutions: Type.Array(
    Type.Object({ id: Uuid, code: Type.String(), nameAr: Type.String(), nameEn: Type.String() }),
    { description: 'The institutions whose files are counted; empty: the whole country' },
  ),
  childPopulation: Nullable(
    Type.Object({
      year: Type.Integer(),
      total: Type.Integer(),
      source: Type.String(),
    }),
  ),
  dataQuality: Type.Object({
    accusedAgeUnknown: Type.Integer({
      description:
        'Accused persons in files opened in the period whose age at the offence is unknown: not counted as children, though some may be',
    }),
  }),
  indicators: Type.Array(Indicator),
});
export type JuvenileIndicatorsResponse = Static<typeof JuvenileIndicatorsResponse>;

// ---- Child population ----

export const PopulationYearParams = Type.Object(
  { year: Type.Integer({ minimum: 1990, maximum: 2200 }) },
  { additionalProperties: false },
);

const PopulationFigure = Type.Object(
  {
    sex: Type.Enum(POPULATION_SEXES),
    ageBand: Type.Enum(POPULATION_AGE_BANDS),
    population: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  },
  { additionalProperties: false },
);

export const SetChildPopulationBody = Type.Object(
  {
    source: Type.String({
      minLength: 1,
      maxLength: 500,
      pattern: '\\S',
      description: 'Where the figures come from, e.g. "PCBS mid-year estimates 2026"',
    }),
    figures: Type.Array(PopulationFigure, {
      minItems: 8,
      maxItems: 8,
      description: 'Exactly one figure for each sex (female, male) × age band under 18',
    }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        source: 'PCBS mid-year estimates 2026',
        figures: [
          { sex: 'female', ageBand: 'under_12', population: 820000 },
          { sex: 'female', ageBand: '12_13', population: 133000 },
          { sex: 'female', ageBand: '14_15', population: 129000 },
          { sex: 'female', ageBand: '16_17', population: 124000 },
          { sex: 'male', ageBand: 'under_12', population: 860000 },
          { sex: 'male', ageBand: '12_13', population: 140000 },
          { sex: 'male', ageBand: '14_15', population: 135000 },
          { sex: 'male', ageBand: '16_17', population: 130000 },
        ],
      },
    ],
  },
);
export type SetChildPopulationBody = Static<typeof SetChildPopulationBody>;

export const ChildPopulationResponse = Type.Object({
  year: Type.Integer(),
  source: Type.String(),
  total: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  figures: Type.Array(
    Type.Object({
      sex: Type.Enum(POPULATION_SEXES),
      ageBand: Type.Enum(POPULATION_AGE_BANDS),
      population: Type.Integer(),
    }),
  ),
});
export type ChildPopulationResponse = Static<typeof ChildPopulationResponse>;
