/**
 * Shapes of `GET /api/v1/statistics/juvenile-indicators` (the UNODC/UNICEF juvenile justice
 * indicators of issue 5), as the server's schema sends them.
 */
import type { Labels } from '../../api/types';

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

export type IndicatorUnit = 'count' | 'days' | 'percent';

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** The age bands of children in conflict with the law (12 to 17 at the offence), and unknown. */
export const CHILD_AGE_BANDS = ['12_13', '14_15', '16_17', 'unknown'] as const;
export type ChildAgeBand = (typeof CHILD_AGE_BANDS)[number];

export interface BreakdownCell {
  sex: Sex;
  ageBand: ChildAgeBand;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface StandardStep {
  days: number;
  targetPercent: number;
  actualPercent: number | null;
}

export interface Indicator {
  code: IndicatorCode;
  labels: Labels;
  unit: IndicatorUnit;
  /** A count, a mean number of days, or a percent (75.5 for 75.5%). */
  value: number | null;
  /** Only for pre_sentence_detention_days. */
  median: number | null;
  /** Only for the counts, when the child population is known. */
  ratePer100k: number | null;
  /** For the percentages. */
  numerator: number | null;
  denominator: number | null;
  breakdown: BreakdownCell[];
  /** Only for time_to_disposition_detained. */
  standard?: StandardStep[];
}

export interface JuvenileIndicators {
  period: { from: string; to: string };
  institutionId: string | null;
  /** Null when no child population is configured for the period: the rates are then null. */
  childPopulation: { year: number; total: number } | null;
  indicators: Indicator[];
}
