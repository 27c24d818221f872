/** The answer of `GET /statistics/performance` (the server's performance.schemas.ts). */
export const DIMENSIONS = [
  'victimSex',
  'victimAgeBand',
  'accusedSex',
  'accusedAgeBand',
  'relationship',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const CASE_TYPES = [
  'police_report',
  'prosecution_file',
  'court_case',
  'appeal_case',
] as const;
export const OFFENCE_CLASSES = ['felony', 'misdemeanour', 'contravention', 'none'] as const;
export type OffenceClass = (typeof OFFENCE_CLASSES)[number];

export const DRILL_FIGURES = [
  'incoming',
  'disposed',
  'pending',
  'over_standard',
  'tried',
  'held',
  'beyond_limits',
] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];

export interface Labels {
  ar: string;
  en: string;
}

export interface MeasureColumn {
  code: string;
  labels: Labels;
  unit: 'count' | 'percent' | 'days' | 'ratio';
  drill: DrillFigure | null;
}

export interface MeasureRow {
  key: string;
  labels: Labels;
  values: Record<string, number | null>;
}

export interface MeasureTable {
  code: string;
  labels: Labels;
  definition: Labels;
  source: string;
  columns: MeasureColumn[];
  rows: MeasureRow[];
}

export interface PerformanceReport {
  period: { from: string; to: string };
  timeZone: string;
  asOf: string;
  institutionId: string | null;
  institutions: { id: string; code: string; nameAr: string; nameEn: string }[];
  filters: { unitId: string | null; caseType: string | null; offenceClass: string | null };
  dimensions: Dimension[];
  standards: Record<'felony' | 'misdemeanour', { days: number; targetPercent: number }[]>;
  namesShown: boolean;
  measures: MeasureTable[];
}

export interface FileHeader {
  id: string;
  reference: string | null;
  caseTypeLabels: Labels;
  stateLabels: Labels;
  openedAt: string;
}

export interface FilesAnswer {
  items: FileHeader[];
  total: number;
  hiddenCount: number;
}
