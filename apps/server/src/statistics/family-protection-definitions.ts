/**
 * The names, in both languages, of what the family protection dashboard counts. docs/measures.md
 * (section 2) holds the full definitions; keep the two in step.
 */

interface Labels {
  ar: string;
  en: string;
}

export const ATTRITION_STAGES = ['complaint', 'indicted', 'convicted'] as const;
export type AttritionStage = (typeof ATTRITION_STAGES)[number];

export const STAGE_LABELS: Readonly<Record<AttritionStage, Labels>> = {
  complaint: { ar: 'شكوى', en: 'Complaint' },
  indicted: { ar: 'لائحة اتهام', en: 'Indicted' },
  convicted: { ar: 'إدانة', en: 'Convicted' },
};

/** Where an accused of a complaint stands now; exactly one each, so they add up. */
export const ATTRITION_OUTCOMES = [
  'under_investigation',
  'closed_before_indictment',
  'awaiting_judgment',
  'acquitted_or_dismissed',
  'convicted',
] as const;
export type AttritionOutcome = (typeof ATTRITION_OUTCOMES)[number];

export const OUTCOME_STAGE: Readonly<Record<AttritionOutcome, AttritionStage>> = {
  under_investigation: 'complaint',
  closed_before_indictment: 'complaint',
  awaiting_judgment: 'indicted',
  acquitted_or_dismissed: 'indicted',
  convicted: 'convicted',
};

export const OUTCOME_LABELS: Readonly<Record<AttritionOutcome, Labels>> = {
  under_investigation: { ar: 'قيد التحقيق', en: 'Under investigation' },
  closed_before_indictment: {
    ar: 'حُفظت أو انتهت دون لائحة اتهام',
    en: 'Closed without indictment',
  },
  awaiting_judgment: { ar: 'بانتظار الحكم', en: 'Awaiting judgment' },
  acquitted_or_dismissed: { ar: 'براءة أو عدم مسؤولية أو رد', en: 'Acquitted or dismissed' },
  convicted: { ar: 'إدانة', en: 'Convicted' },
};

export const UNCLASSIFIED = 'unclassified';
export const UNCLASSIFIED_LABELS: Labels = { ar: 'غير مصنفة', en: 'Not classified' };

export const GBV_FLAGS = ['intimate_partner', 'child_victim', 'early_marriage'] as const;
export type GbvFlag = (typeof GBV_FLAGS)[number];

export const GBV_FLAG_LABELS: Readonly<Record<GbvFlag, Labels>> = {
  intimate_partner: { ar: 'عنف من شريك حميم', en: 'Intimate partner' },
  child_victim: { ar: 'الضحية طفل', en: 'Child victim' },
  early_marriage: { ar: 'زواج مبكر', en: 'Early marriage' },
};
