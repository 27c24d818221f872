/**
 * The juvenile justice indicators Qadiya computes: their names in both languages, the unit, a
 * one-sentence definition for the screen, and the number of the indicator they follow in the
 * UNODC/UNICEF Manual for the Measurement of Juvenile Justice Indicators (2006). docs/measures.md
 * holds the full definitions; keep the two in step.
 */
import type { IndicatorCode, IndicatorUnit } from './statistics.schemas';

interface Labels {
  ar: string;
  en: string;
}

export interface IndicatorDefinition {
  code: IndicatorCode;
  labels: Labels;
  definition: Labels;
  unit: IndicatorUnit;
  /** null: not one of the Manual's fifteen (the juvenile time standard). */
  manualIndicator: number | null;
}

export const JUVENILE_INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: 'children_in_conflict',
    labels: { ar: 'الأطفال في نزاع مع القانون', en: 'Children in conflict with the law' },
    definition: {
      ar: 'عدد الأطفال (12–17 سنة وقت الجرم) المشتكى عليهم في ملفات فُتحت خلال الفترة، يُحسب كل طفل مرة واحدة.',
      en: 'Children (12–17 at the offence) accused in files opened in the period, each child counted once.',
    },
    unit: 'count',
    manualIndicator: 1,
  },
  {
    code: 'children_in_detention',
    labels: { ar: 'الأطفال المحتجزون', en: 'Children in detention' },
    definition: {
      ar: 'عدد الأطفال الموقوفين في نهاية الفترة (قُبض عليهم ولم يُخلَ سبيلهم بعد).',
      en: 'Children held at the end of the period (arrested and not yet released).',
    },
    unit: 'count',
    manualIndicator: 2,
  },
  {
    code: 'children_in_pre_sentence_detention',
    labels: { ar: 'الأطفال الموقوفون قبل الحكم', en: 'Children in pre-sentence detention' },
    definition: {
      ar: 'الأطفال الموقوفون في نهاية الفترة دون أن تصدر بحقهم إدانة في القضية نفسها.',
      en: 'Children held at the end of the period who had not been convicted in that matter.',
    },
    unit: 'count',
    manualIndicator: 3,
  },
  {
    code: 'pre_sentence_detention_days',
    labels: { ar: 'مدة التوقيف قبل الحكم', en: 'Duration of pre-sentence detention' },
    definition: {
      ar: 'متوسط ووسيط عدد أيام التوقيف قبل الحكم لفترات التوقيف التي انتهت خلال الفترة (طفل في قضية واحدة).',
      en: 'Mean and median days of pre-sentence detention, for periods of detention (one child in one matter) that ended in the period.',
    },
    unit: 'days',
    manualIndicator: 4,
  },
  {
    code: 'custodial_sentencing_rate',
    labels: { ar: 'الأحكام السالبة للحرية', en: 'Custodial sentencing' },
    definition: {
      ar: 'نسبة الأطفال المحكوم عليهم بعقوبة سالبة للحرية من بين الأطفال الذين أُدينوا خلال الفترة.',
      en: 'Share of the children convicted in the period who received a custodial sentence.',
    },
    unit: 'percent',
    manualIndicator: 9,
  },
  {
    code: 'pre_sentence_diversion_rate',
    labels: { ar: 'التحويل قبل الحكم', en: 'Pre-sentence diversion' },
    definition: {
      ar: 'نسبة الأطفال الذين أُغلقت ملفاتهم بالوساطة (تحويل) من بين الأطفال المحوَّلين أو المدانين خلال الفترة.',
      en: 'Share of the children diverted (mediation agreement fulfilled) among those diverted or convicted in the period.',
    },
    unit: 'percent',
    manualIndicator: 10,
  },
  {
    code: 'time_to_disposition_detained',
    labels: {
      ar: 'مدة الفصل في قضايا الأطفال الموقوفين',
      en: 'Time to disposition, detained children',
    },
    definition: {
      ar: 'نسبة الأطفال الموقوفين الذين فُصل في قضيتهم خلال الفترة ضمن كل مرحلة من معيار الوقت، من أول قبض حتى الفصل.',
      en: 'Share of the detained children whose case was disposed of in the period within each step of the time standard, from the first arrest to disposal.',
    },
    unit: 'percent',
    manualIndicator: null,
  },
];
