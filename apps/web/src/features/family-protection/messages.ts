/**
 * Strings of the family protection dashboard. The names of stages, outcomes, GBVIMS types,
 * services, statuses, measures, dimensions and categories come from the API.
 */
import { defineMessages } from '../../i18n/i18n';

export const FAMILY_DASHBOARD = defineMessages('familyDashboard', {
  ar: {
    title: 'لوحة حماية الأسرة',
    intro:
      'ما يحدث للنساء والأطفال ضحايا العنف في سلسلة العدالة: من الشكوى إلى الإدانة، وأنواع العنف، والإحالات إلى الخدمات، وتدابير الحماية، محسوبة من الملفات للفترة والجهة المختارتين.',
    apply: 'عرض اللوحة',
    splitBy: 'تقسيم الأرقام حسب',
    noSplit: 'بلا تقسيم',
    dimensions: {
      victimSex: 'جنس الضحية',
      victimAgeBand: 'الفئة العمرية للضحية',
      accusedSex: 'جنس المشتكى عليه',
      accusedAgeBand: 'الفئة العمرية للمشتكى عليه',
      relationship: 'صلة الضحية بالمشتكى عليه',
    },
    summary: {
      split: 'مقسمة حسب: {{dimension}}',
      offices: 'الجهات المحسوبة: {{names}}',
    },
    suppression: {
      title: 'حماية هوية الضحايا',
      body: 'الأعداد الأقل من {{threshold}}، وكل عدد يمكن أن يُستنتج منه عدد صغير، محجوبة ومكتوب مكانها «—» حتى لا يُتعرَّف على أي ضحية.',
      exact: 'تظهر لك الأعداد كاملة لأنك من نيابة حماية الأسرة. لا تنشرها خارج الوحدة.',
    },
    cell: {
      withheld: 'محجوب (عدد صغير)',
      none: 'لا ينطبق',
    },
    empty: {
      title: 'لا شكاوى في هذه الفترة',
      body: 'لم تُسجَّل شكوى حماية أسرة في الفترة والجهة المختارتين. غيّر الفترة أو الجهة.',
    },
    total: 'المجموع',
    chart: {
      label: 'رسم بياني بالأعمدة: {{what}}. الأرقام نفسها في الجدول.',
      noBars: 'لا رسم بياني: لا عدد ظاهر فوق الصفر (الأعداد المحجوبة لا تُرسم).',
    },
    attrition: {
      title: 'من الشكوى إلى الإدانة',
      hint: 'كل مشتكى عليه في شكاوى الفترة، والمرحلة التي بلغها.',
      stage: 'المرحلة',
      ofComplaints: 'من الشكاوى',
      ofPrevious: 'من المرحلة السابقة',
      outcomes: 'أين يقف كل مشتكى عليه الآن',
      outcome: 'الوضع الحالي',
      lastStage: 'آخر مرحلة بلغها',
    },
    gbv: {
      title: 'الملفات حسب نوع العنف (GBVIMS)',
      type: 'نوع العنف',
      flags: 'مؤشرات السياق',
      flag: 'المؤشر',
    },
    referrals: {
      title: 'الإحالات إلى الخدمات',
      total: 'مجموع الإحالات',
      overrides: 'منها دون موافقة الضحية (قرار رئيس النيابة)',
      service: 'الخدمة',
      byStatus: 'الإحالات حسب الخدمة ونتيجتها',
    },
    measures: {
      title: 'تدابير الحماية وخروقاتها',
      kind: 'التدبير',
      issued: 'صدرت',
      violated: 'خُرقت',
      violations: 'الخروقات',
    },
    time: {
      title: 'مدة البت في أوامر الحماية',
      hint: 'نسبة أوامر الحماية الصادرة خلال كل مدة من الشكوى، مقابل المعيار.',
      measured: 'أوامر الحماية المحسوبة',
      within: 'خلال',
      withinDays: '{{days}} يوماً',
      target: 'الهدف',
      count: 'العدد',
      actual: 'المتحقق',
      outcome: 'النتيجة',
      met: 'تحقق الهدف',
      notMet: 'لم يتحقق الهدف',
      noData: 'لا بيانات',
    },
    ageBand: { under: 'أقل من {{age}}', andOver: '{{age}} فأكثر' },
  },
  en: {
    title: 'Family protection dashboard',
    intro:
      'What happens to women and children who are victims of violence in the justice chain: from complaint to conviction, the types of violence, referrals to services and protection measures, computed from the files for the chosen period and institution.',
    apply: 'Show the dashboard',
    splitBy: 'Split the figures by',
    noSplit: 'No split',
    dimensions: {
      victimSex: 'Victim sex',
      victimAgeBand: 'Victim age band',
      accusedSex: 'Accused sex',
      accusedAgeBand: 'Accused age band',
      relationship: 'Victim’s relationship to the accused',
    },
    summary: {
      split: 'Split by: {{dimension}}',
      offices: 'Institutions counted: {{names}}',
    },
    suppression: {
      title: "Protecting victims' identity",
      body: 'Counts below {{threshold}}, and any count from which a small count could be worked out, are withheld and shown as “—”, so that no victim can be identified.',
      exact:
        'You see the exact counts because you are in the family protection unit. Do not publish them outside the unit.',
    },
    cell: {
      withheld: 'withheld (small count)',
      none: 'n/a',
    },
    empty: {
      title: 'No complaints in this period',
      body: 'No family protection complaint was recorded for the chosen period and institution. Change the period or the institution.',
    },
    total: 'Total',
    chart: {
      label: 'Bar chart: {{what}}. The same figures are in the table.',
      noBars: 'No chart: no count above zero is shown (withheld counts are not drawn).',
    },
    attrition: {
      title: 'From complaint to conviction',
      hint: "Every accused of the period's complaints, and the stage they reached.",
      stage: 'Stage',
      ofComplaints: 'Of complaints',
      ofPrevious: 'Of the previous stage',
      outcomes: 'Where each accused stands now',
      outcome: 'Now',
      lastStage: 'Last stage reached',
    },
    gbv: {
      title: 'Files by type of violence (GBVIMS)',
      type: 'Type of violence',
      flags: 'Context flags',
      flag: 'Flag',
    },
    referrals: {
      title: 'Referrals to services',
      total: 'Referrals in all',
      overrides: "Of which without the victim's consent (a chief prosecutor's decision)",
      service: 'Service',
      byStatus: 'Referrals by service and outcome',
    },
    measures: {
      title: 'Protection measures and their violations',
      kind: 'Measure',
      issued: 'Issued',
      violated: 'Violated',
      violations: 'Violations',
    },
    time: {
      title: 'Time to decide protection orders',
      hint: 'The share of protection orders issued within each time from the complaint, against the standard.',
      measured: 'Protection orders measured',
      within: 'Within',
      withinDays: '{{days}} days',
      target: 'Target',
      count: 'Count',
      actual: 'Actual',
      outcome: 'Outcome',
      met: 'Target met',
      notMet: 'Target not met',
      noData: 'No data',
    },
    ageBand: { under: 'Under {{age}}', andOver: '{{age}} and over' },
  },
});
