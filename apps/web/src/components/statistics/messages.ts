/** Strings shared by the statistics screens: the period and institution form, the summary. */
import { defineMessages } from '../../i18n/i18n';

export const STATISTICS = defineMessages('statistics', {
  ar: {
    filters: {
      legend: 'الفترة والجهة',
      from: 'من تاريخ',
      to: 'إلى تاريخ',
      institution: 'الجهة',
      allInstitutions: 'كل الجهات التي يحق لك الاطلاع عليها',
      lastYear: 'السنة الماضية كاملة',
      yearToDate: 'هذه السنة حتى اليوم',
      invalidFrom: 'أدخل تاريخ بداية صحيحاً',
      invalidTo: 'أدخل تاريخ نهاية صحيحاً',
      reversed: 'تاريخ البداية بعد تاريخ النهاية',
    },
    summary: {
      period: 'الفترة: من {{from}} إلى {{to}}',
      institution: 'الجهة: {{name}}',
      allInstitutions: 'الجهة: كل الجهات التي يحق لك الاطلاع عليها',
    },
  },
  en: {
    filters: {
      legend: 'Period and institution',
      from: 'From',
      to: 'To',
      institution: 'Institution',
      allInstitutions: 'All institutions you may see',
      lastYear: 'Last full year',
      yearToDate: 'This year to date',
      invalidFrom: 'Enter a valid start date',
      invalidTo: 'Enter a valid end date',
      reversed: 'The start date is after the end date',
    },
    summary: {
      period: 'Period: {{from}} to {{to}}',
      institution: 'Institution: {{name}}',
      allInstitutions: 'Institution: all institutions you may see',
    },
  },
});
