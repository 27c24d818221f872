/**
 * Strings of the services' referrals screen (issue 6). The service, status and risk level words
 * are the domain's (a unit test holds them to it).
 */
import { defineMessages } from '../../i18n/i18n';

export const REFERRALS_AR = {
  title: 'الإحالات إلى خدمتنا',
  intro:
    'إحالات الضحايا من النيابة العامة عبر مسار التحويل الوطني. تظهر هنا فقط المعلومات اللازمة للتواصل مع الضحية وتقديم الخدمة؛ ملف القضية لا يُشارك مع الخدمات.',
  filter: {
    label: 'عرض الإحالات',
    open: 'بانتظار إجراء',
    sent: 'جديدة',
    accepted: 'مقبولة',
    declined: 'مرفوضة',
    closed: 'مغلقة',
    all: 'الكل',
  },
  count: 'عدد الإحالات: {{count}}',
  empty: {
    title: 'لا إحالات',
    body: 'لا إحالات بهذه الحالة إلى خدمتكم.',
  },
  card: {
    victim: 'الضحية',
    phone: 'الهاتف',
    noPhone: 'لا هاتف مسجل',
    risk: 'مستوى الخطر',
    noRisk: 'لم يُقيَّم الخطر بعد',
    office: 'الجهة المحيلة',
    sentAt: 'أُرسلت في',
    respondedAt: 'الرد في',
    closedAt: 'أُغلقت في',
    note: 'ملاحظة وكيل النيابة',
    feedback: 'ردكم',
    closingFeedback: 'عند الإغلاق',
    consentOverride: 'أُرسلت دون موافقة الضحية بقرار مسبب من رئيس النيابة: تعامل مع التواصل بحذر.',
    consentGiven: 'بموافقة الضحية',
    label: 'إحالة إلى {{service}} من {{office}}',
  },
  services: {
    health: 'خدمات صحية',
    shelter: 'بيت آمن (إيواء)',
    social: 'خدمات اجتماعية',
    psychosocial: 'دعم نفسي اجتماعي',
    legal_aid: 'مساعدة قانونية',
  },
  statuses: { sent: 'مرسلة', accepted: 'مقبولة', declined: 'مرفوضة', closed: 'مغلقة' },
  levels: { low: 'منخفض', medium: 'متوسط', high: 'مرتفع', severe: 'شديد الخطورة' },
  riskBadge: 'الخطر: {{level}}',
  answers: {
    accept: 'قبول الإحالة',
    decline: 'رفض الإحالة',
    close: 'إغلاق الإحالة',
  },
  answerForm: {
    feedback: 'ردكم على الجهة المحيلة',
    feedbackOptional: 'ردكم على الجهة المحيلة (اختياري)',
    feedbackHint: {
      accept: 'مثلاً: موعد أول جلسة أو مكان الاستقبال.',
      decline: 'سبب الرفض، وإلى أين يمكن توجيه الضحية.',
      close: 'ما قُدّم للضحية ولماذا تُغلق الإحالة.',
    },
    required: 'اكتب الرد',
    done: {
      accept: 'قُبلت الإحالة.',
      decline: 'رُفضت الإحالة وأُبلغت الجهة المحيلة.',
      close: 'أُغلقت الإحالة.',
    },
    stale: 'تغيّرت هذه الإحالة منذ فتحتها. أعد تحميلها؛ ما كتبته محفوظ في النموذج.',
  },
};

export const REFERRALS_EN: typeof REFERRALS_AR = {
  title: 'Referrals to our service',
  intro:
    'Victims referred by the public prosecution along the national referral pathway. Only what you need to reach the victim and provide the service is shown; the case file is not shared with services.',
  filter: {
    label: 'Show referrals',
    open: 'Waiting for you',
    sent: 'New',
    accepted: 'Accepted',
    declined: 'Declined',
    closed: 'Closed',
    all: 'All',
  },
  count: 'Referrals: {{count}}',
  empty: {
    title: 'No referrals',
    body: 'No referral to your service has this status.',
  },
  card: {
    victim: 'Victim',
    phone: 'Phone',
    noPhone: 'No phone recorded',
    risk: 'Risk level',
    noRisk: 'Risk not assessed yet',
    office: 'Referred by',
    sentAt: 'Sent',
    respondedAt: 'Answered',
    closedAt: 'Closed',
    note: "The prosecutor's note",
    feedback: 'Your answer',
    closingFeedback: 'On closing',
    consentOverride:
      "Sent without the victim's consent, by a chief prosecutor's reasoned decision: take care when making contact.",
    consentGiven: "With the victim's consent",
    label: 'Referral to {{service}} from {{office}}',
  },
  services: {
    health: 'Health',
    shelter: 'Shelter',
    social: 'Social services',
    psychosocial: 'Psychosocial support',
    legal_aid: 'Legal aid',
  },
  statuses: { sent: 'Sent', accepted: 'Accepted', declined: 'Declined', closed: 'Closed' },
  levels: { low: 'Low', medium: 'Medium', high: 'High', severe: 'Severe' },
  riskBadge: 'Risk: {{level}}',
  answers: {
    accept: 'Accept the referral',
    decline: 'Decline the referral',
    close: 'Close the referral',
  },
  answerForm: {
    feedback: 'Your answer to the referring office',
    feedbackOptional: 'Your answer to the referring office (optional)',
    feedbackHint: {
      accept: 'For example: the first appointment, or where the victim will be received.',
      decline: 'Why, and where the victim could be directed instead.',
      close: 'What was provided to the victim, and why the referral closes.',
    },
    required: 'Write your answer',
    done: {
      accept: 'Referral accepted.',
      decline: 'Referral declined; the referring office is told.',
      close: 'Referral closed.',
    },
    stale:
      'This referral changed since you opened it. Reload it; what you wrote is kept in the form.',
  },
};

export const REFERRALS = defineMessages('referrals', { ar: REFERRALS_AR, en: REFERRALS_EN });
