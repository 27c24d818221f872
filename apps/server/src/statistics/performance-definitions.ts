/**
 * The court and prosecution performance measures (issue 8): each one defined here once, with its
 * definition in words, its source (CourTools, CEPEJ, DESIGN.md) and the columns of its table.
 * docs/measures.md, section 3, says the same at length; the SQL is in performance.repository.ts.
 *
 * The unit of count is one defendant plus the charges from one incident: one party with the role
 * accused in one file (a file belongs to one incident, its matter). A file with three accused is
 * three units; a file with no accused counts none.
 */

interface Labels {
  ar: string;
  en: string;
}

export const MEASURE_CODES = [
  'clearance_rate',
  'time_to_disposition',
  'pending_age',
  'trial_date_certainty',
  'disposition_time',
  'workload',
  'detention',
  'attrition',
] as const;
export type MeasureCode = (typeof MEASURE_CODES)[number];

export interface MeasureDefinition {
  code: MeasureCode;
  labels: Labels;
  definition: Labels;
  /** The standard the measure follows. */
  source: string;
  /** Whether the measure splits by the standard dimensions (workload is per person instead). */
  splits: boolean;
}

export const MEASURES: Readonly<Record<MeasureCode, MeasureDefinition>> = {
  clearance_rate: {
    code: 'clearance_rate',
    labels: { ar: 'معدل الإنجاز', en: 'Clearance rate' },
    definition: {
      ar: 'الوحدات المفصول فيها خلال الفترة ÷ الوحدات الواردة خلال الفترة × 100',
      en: 'Units disposed of in the period ÷ units incoming in the period × 100',
    },
    source: 'NCSC CourTools measure 2; CEPEJ clearance rate',
    splits: true,
  },
  time_to_disposition: {
    code: 'time_to_disposition',
    labels: { ar: 'مدة الفصل', en: 'Time to disposition' },
    definition: {
      ar: 'نسبة الوحدات المفصول فيها خلال الفترة ضمن كل خطوة من معيار المدة لصنف الجرم، دون مدد الوقف',
      en: 'Share of the units disposed of in the period within each step of the time standard of their offence class, suspended time excluded',
    },
    source: 'NCSC CourTools measure 3; model time standards (DESIGN.md)',
    splits: true,
  },
  pending_age: {
    code: 'pending_age',
    labels: { ar: 'عمر القضايا المنظورة', en: 'Age of active pending caseload' },
    definition: {
      ar: 'الوحدات المنظورة في نهاية الفترة حسب فئات العمر بالأيام (دون مدد الوقف)، ونسبة ما تجاوز المعيار',
      en: 'Units pending at the end of the period by age in days (suspended time excluded), and the share older than the last step of their time standard',
    },
    source: 'NCSC CourTools measure 4',
    splits: true,
  },
  trial_date_certainty: {
    code: 'trial_date_certainty',
    labels: { ar: 'ثبات مواعيد المحاكمة', en: 'Trial date certainty' },
    definition: {
      ar: 'للوحدات المفصول فيها بمحاكمة خلال الفترة: عدد الجلسات حتى أول جلسة منعقدة، ونسبة ما حوكم في أول موعد',
      en: 'For units disposed of by trial in the period: the trial settings up to the first hearing held, and the share tried at the first setting',
    },
    source: 'NCSC CourTools measure 5',
    splits: true,
  },
  disposition_time: {
    code: 'disposition_time',
    labels: { ar: 'مدة التصرف (CEPEJ)', en: 'Disposition time (CEPEJ)' },
    definition: {
      ar: 'عدد أيام الفترة × المنظورة في نهايتها ÷ المفصول فيها خلالها (365 × … لسنة كاملة)',
      en: 'Days in the period × units pending at its end ÷ units resolved in it (365 × … for a year)',
    },
    source: 'CEPEJ disposition time (European judicial systems, CEPEJ evaluation scheme)',
    splits: true,
  },
  workload: {
    code: 'workload',
    labels: { ar: 'عبء العمل لكل وكيل نيابة وقاضٍ', en: 'Workload per prosecutor and judge' },
    definition: {
      ar: 'لكل وكيل نيابة وقاضٍ مسؤول عن الملف: الوارد والمفصول خلال الفترة، والمنظور والمهل المتأخرة في نهايتها',
      en: 'Per lead prosecutor and judge: units incoming and disposed of in the period, units pending and deadlines overdue at its end',
    },
    source: 'DESIGN.md (workload per prosecutor and per judge); CEPEJ caseload per judge',
    splits: false,
  },
  detention: {
    code: 'detention',
    labels: { ar: 'التوقيف قبل المحاكمة', en: 'Pre-trial detention' },
    definition: {
      ar: 'الموقوفون في نهاية الفترة، ومن منهم دون أمر توقيف ساري (يجب أن يكون صفراً)، ومتوسط مدة التوقيف المنتهي خلال الفترة',
      en: 'Units held at the end of the period, those held with no detention order in force (must be zero), and the mean length of the detentions ended in the period',
    },
    source: 'Issue 8; Law of Penal Procedure No. 3 of 2001 (detention limits)',
    splits: true,
  },
  attrition: {
    code: 'attrition',
    labels: {
      ar: 'التسرب من البلاغ إلى الإدانة',
      en: 'Attrition: report → indictment → conviction',
    },
    definition: {
      ar: 'المشتكى عليهم في البلاغات الواردة خلال الفترة، ومن وجّه إليهم اتهام، ومن أدين، في أي ملف من ملفات الواقعة',
      en: 'Accused in the reports of the period, those indicted and those convicted, in any file of the incident',
    },
    source: 'Issue 8 (attrition); UNODC criminal justice statistics (flow through the system)',
    splits: true,
  },
};

/** Age bands of the pending caseload, in days (CourTools 4). */
export const PENDING_AGE_BANDS = [
  { code: 'age_0_30', from: 0, to: 30, labels: { ar: '0–30 يوماً', en: '0–30 days' } },
  { code: 'age_31_90', from: 31, to: 90, labels: { ar: '31–90 يوماً', en: '31–90 days' } },
  { code: 'age_91_180', from: 91, to: 180, labels: { ar: '91–180 يوماً', en: '91–180 days' } },
  { code: 'age_181_365', from: 181, to: 365, labels: { ar: '181–365 يوماً', en: '181–365 days' } },
  { code: 'age_over_365', from: 366, to: null, labels: { ar: 'أكثر من سنة', en: 'Over a year' } },
] as const;

/** The time standards of the measures: felony, and the rest (misdemeanours, contraventions). */
export const STANDARD_GROUPS = ['felony', 'misdemeanour'] as const;
export type StandardGroup = (typeof STANDARD_GROUPS)[number];

export const OFFENCE_CLASS_FILTERS = ['felony', 'misdemeanour', 'contravention', 'none'] as const;
export type OffenceClassFilter = (typeof OFFENCE_CLASS_FILTERS)[number];

/**
 * The roles whose workload is measured: the lead of a file (case_assignments.is_lead). The view
 * `performance_unit_facts` (migration 0019) lists them too, for the leads it keeps with each unit:
 * a change here needs a migration that changes the view and rebuilds the table.
 */
export const WORKLOAD_ROLES = ['prosecutor', 'chief_prosecutor', 'judge'] as const;

/** Percent with two decimals; null when the denominator is zero. */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 100;
}

/** Rounded to two decimals; null stays null. */
export function round2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
