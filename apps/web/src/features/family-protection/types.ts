/**
 * Shapes of `GET /api/v1/statistics/family-protection` (the family protection dashboard of issue
 * 6), as family-protection.schemas.ts sends them. Every count is a cell: its value, or null with
 * `suppressed` when it is withheld as a small cell; split by a dimension, the same per category.
 */
import type { Labels } from '../../api/types';

/** The standard dimensions every figure splits by (the server's dimensions.ts). */
export const DIMENSIONS = [
  'victimSex',
  'victimAgeBand',
  'accusedSex',
  'accusedAgeBand',
  'relationship',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface CategoryCell {
  category: string;
  value: number | null;
  suppressed: boolean;
}

export interface Cell {
  value: number | null;
  suppressed: boolean;
  /** Per category of the split, in the order of `categories`; absent without a split. */
  breakdown?: CategoryCell[];
}

export interface Category {
  code: string;
  labels: Labels;
}

export type AttritionStage = 'complaint' | 'indicted' | 'convicted';

export interface Attrition {
  stages: {
    code: AttritionStage;
    labels: Labels;
    count: Cell;
    percentOfComplaints: Cell;
    percentOfPreviousStage: Cell | null;
  }[];
  outcomes: { code: string; labels: Labels; stage: AttritionStage; count: Cell }[];
}

export interface GbvTypes {
  total: Cell;
  types: { code: string; labels: Labels; count: Cell }[];
  contextFlags: { code: string; labels: Labels; count: Cell }[];
}

export interface ReferralFigures {
  total: Cell;
  consentOverrides: Cell;
  byService: {
    service: string;
    labels: Labels;
    count: Cell;
    byStatus: { status: string; count: Cell }[];
  }[];
  byStatus: { status: string; labels: Labels; count: Cell }[];
}

export interface MeasureFigures {
  issued: Cell;
  violated: Cell;
  violations: Cell;
  byKind: { kind: string; labels: Labels; issued: Cell; violated: Cell; violations: Cell }[];
}

export interface TimeToDisposition {
  measured: Cell;
  standard: {
    days: number;
    targetPercent: number;
    within: Cell;
    actualPercent: Cell;
    meetsTarget: boolean | null;
  }[];
}

export interface FamilyProtectionReport {
  period: { from: string; to: string };
  timeZone: string;
  institutionId: string | null;
  institutions: { id: string; code: string; nameAr: string; nameEn: string }[];
  splitBy: Dimension | null;
  dimension: { code: Dimension; labels: Labels } | null;
  categories: Category[];
  suppression: { applied: boolean; threshold: number };
  attrition: Attrition;
  gbvTypes: GbvTypes;
  referrals: ReferralFigures;
  protectionMeasures: MeasureFigures;
  timeToDisposition: TimeToDisposition;
}
