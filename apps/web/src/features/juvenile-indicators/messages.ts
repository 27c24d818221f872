/** Strings of the juvenile justice indicators screen. Indicator names come from the API. */
import { defineMessages } from '../../i18n/i18n';

export const JUVENILE_INDICATORS = defineMessages('juvenileIndicators', {
  ar: {
    title: 'مؤشرات قضاء الأحداث',
    intro:
      'مؤشرات اليونيسف ومكتب الأمم المتحدة المعني بالمخدرات والجريمة لقضاء الأحداث، محسوبة من بيانات الملفات للفترة والجهة المختارتين.',
    filters: { apply: 'عرض المؤشرات' },
    summary: {
      population: 'عدد الأطفال (دون ١٨ سنة) في سنة {{year}}: {{total}}',
      noPopulation: 'لم يُحدَّد عدد السكان من الأطفال لهذه الفترة، فلا تُحسب المعدلات لكل ١٠٠٬٠٠٠ طفل.',
    },
    empty: {
      title: 'لا بيانات لهذه الفترة',
      body: 'لم يُسجَّل أي طفل في نزاع مع القانون في الفترة والجهة المختارتين. غيّر الفترة أو الجهة.',
    },
    indicator: {
      value: 'القيمة',
      mean: 'المتوسط',
      median: 'الوسيط',
      rate: 'المعدل لكل ١٠٠٬٠٠٠ طفل',
      ratio: 'البسط والمقام',
      ratioValue: '{{numerator}} من {{denominator}}',
      noValue: 'لا بيانات',
      days: '{{value}} يوم',
    },
    standard: {
      caption: 'معيار المدة: نسبة الأحداث الموقوفين الذين فُصلت ملفاتهم خلال كل مدة من القبض',
      within: 'خلال',
      withinDays: '{{days}} يوماً',
      target: 'الهدف',
      actual: 'المتحقق',
      outcome: 'النتيجة',
      met: 'تحقق الهدف',
      notMet: 'لم يتحقق الهدف',
      noData: 'لا بيانات',
    },
    breakdown: {
      caption: '{{indicator}} حسب الجنس والفئة العمرية',
      ageBand: 'الفئة العمرية (سنة)',
      chart: 'رسم بياني بالأعمدة: {{indicator}} حسب الفئة العمرية والجنس. الأرقام نفسها في الجدول.',
      noBars: 'لا رسم بياني: لا قيمة فوق الصفر في هذه الفترة.',
    },
    sex: { female: 'إناث', male: 'ذكور', unknown: 'الجنس غير مسجل' },
    ageBand: { unknown: 'العمر غير معروف' },
  },
  en: {
    title: 'Juvenile justice indicators',
    intro:
      'The UNODC/UNICEF juvenile justice indicators, computed from the files for the chosen period and institution.',
    filters: { apply: 'Show the indicators' },
    summary: {
      population: 'Children (under 18) in {{year}}: {{total}}',
      noPopulation:
        'No child population is configured for this period, so rates per 100,000 children are not computed.',
    },
    empty: {
      title: 'No data for this period',
      body: 'No child in conflict with the law was recorded for the chosen period and institution. Change the period or the institution.',
    },
    indicator: {
      value: 'Value',
      mean: 'Mean',
      median: 'Median',
      rate: 'Rate per 100,000 children',
      ratio: 'Numerator and denominator',
      ratioValue: '{{numerator}} of {{denominator}}',
      noValue: 'No data',
      days: '{{value}} days',
    },
    standard: {
      caption:
        'Time standard: share of detained juveniles whose file was disposed of within each time from arrest',
      within: 'Within',
      withinDays: '{{days}} days',
      target: 'Target',
      actual: 'Actual',
      outcome: 'Outcome',
      met: 'Target met',
      notMet: 'Target not met',
      noData: 'No data',
    },
    breakdown: {
      caption: '{{indicator}} by sex and age band',
      ageBand: 'Age band (years)',
      chart: 'Bar chart: {{indicator}} by age band and sex. The same figures are in the table.',
      noBars: 'No chart: no value above zero in this period.',
    },
    sex: { female: 'Female', male: 'Male', unknown: 'Sex not recorded' },
    ageBand: { unknown: 'Age unknown' },
  },
});
