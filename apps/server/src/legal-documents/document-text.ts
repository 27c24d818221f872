/**
 * The fixed Arabic wording of the generated documents: the jurisdiction's header lines, field
 * labels and the labels of codes. The deployment this models is the State of Palestine (MIZAN 2);
 * another jurisdiction changes this file, not the templates.
 */
import type { InstitutionKind, PartyRole } from '@qadiya/domain';

export const JURISDICTION = {
  stateAr: 'دولة فلسطين',
  judgmentInvocationAr: 'الحكم صادر باسم الشعب العربي الفلسطيني',
  judgmentClosingAr:
    'حكماً صدر وأُفهم علناً باسم الشعب العربي الفلسطيني، قابلاً للاستئناف وفق أحكام القانون.',
  currencyAr: 'دينار أردني',
} as const;

/** The second header line: the branch of the justice system the institution belongs to. */
export const AUTHORITY_BY_KIND: Partial<Record<InstitutionKind, string>> = {
  prosecution_office: 'النيابة العامة',
  court: 'السلطة القضائية',
  police_unit: 'الشرطة الفلسطينية',
};

export const PARTY_ROLE_AR: Record<Exclude<PartyRole, 'accused'>, string> = {
  victim: 'مجني عليه',
  complainant: 'مشتكٍ',
  witness: 'شاهد',
  guardian: 'ولي أمر',
  lawyer: 'وكيل (محامٍ)',
  counsellor: 'مرشد حماية الطفولة',
};

export const DETENTION_AUTHORITY_AR = {
  police: 'الشرطة',
  prosecution: 'النيابة العامة',
  court: 'المحكمة',
} as const;

export const FACILITY_AR = {
  police_custody: 'نظارة الشرطة',
  juvenile_centre: 'دار رعاية الأحداث',
  adult_centre: 'مركز الإصلاح والتأهيل',
} as const;

export const ADJOURNMENT_REASON_AR: Record<string, string> = {
  witness_absent: 'غياب الشاهد',
  defendant_absent: 'غياب المتهم',
  lawyer_request: 'بناءً على طلب وكيل الدفاع',
  evidence_pending: 'لاستكمال البينات',
  expert_report_pending: 'بانتظار تقرير الخبرة',
  court_schedule: 'لضيق وقت المحكمة',
  other: 'لأسباب أخرى',
};

export const OUTCOME_AR = {
  convicted: 'الإدانة',
  acquitted: 'البراءة',
  dismissed: 'إسقاط الدعوى الجزائية',
} as const;

/** Labels every template uses; passed to the templates with the data. */
export const LABELS = {
  number: 'رقم الملف',
  reference: 'المرجع',
  date: 'التاريخ',
  signature: 'التوقيع',
  court: 'لدى',
  plaintiff: 'المدعي',
  accused: 'المتهمون',
  victims: 'المجني عليهم',
  witnesses: 'الشهود',
  charges: 'التهم',
  facts: 'الوقائع',
  request: 'الطلب',
  to: 'إلى',
  name: 'الاسم',
  nationalId: 'رقم الهوية',
  latinName: 'الاسم باللاتينية',
  capacity: 'الصفة',
  hearing: 'موعد الجلسة',
  room: 'القاعة',
  caseParties: 'الدعوى',
  detainee: 'الموقوف',
  arrest: 'تاريخ القبض',
  place: 'مكان القبض',
  authority: 'الجهة الآمرة',
  period: 'مدة التوقيف',
  from: 'من',
  until: 'حتى',
  facility: 'مكان التوقيف',
  reason: 'الأسباب',
  previousOrders: 'أوامر التوقيف السابقة',
  requested: 'المدة المطلوبة',
  grounds: 'مبررات الطلب',
  panel: 'هيئة المحكمة',
  clerk: 'كاتب الجلسة',
  parties: 'الأطراف',
  minutes: 'وقائع الجلسة',
  outcome: 'نتيجة الجلسة',
  nextHearing: 'الجلسة القادمة',
  judgment: 'منطوق الحكم',
  pronounced: 'تاريخ النطق بالحكم',
  juvenile: 'حدث',
  age: 'العمر',
  birthDate: 'تاريخ الميلاد',
} as const;
