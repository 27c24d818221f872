/** Strings of the "generate a legal document" dialog of the case page (generate-document-button.tsx). */
import { defineMessages } from '../../i18n/i18n';

export const GENERATE_DOCUMENT = defineMessages('generateDocument', {
  ar: {
    button: 'إنشاء مستند',
    title: 'إنشاء مستند قانوني',
    intro:
      'يُنشأ المستند من بيانات الملف بصيغة PDF ويُحفظ في مستندات الملف مع بصمته. تظهر أسماء الأحداث والضحايا المحميين بالأحرف الأولى إلا صاحب المستند.',
    template: 'المستند',
    hearing: 'الجلسة',
    party: 'الطرف المطلوب حضوره',
    detention: 'التوقيف',
    requestedDays: 'مدة التمديد المطلوبة (بالأيام)',
    grounds: 'مبررات الطلب',
    groundsHint: 'تُطبع كما كُتبت. اتركها فارغة لاستعمال الصيغة المعتادة.',
    newVersionOf: 'نسخة جديدة من مستند سابق (اختياري)',
    newDocument: 'مستند جديد',
    submit: 'إنشاء',
    choose: 'اختر…',
    nothingToChoose: 'لا يوجد في الملف ما يصلح لهذا المستند بعد.',
    created: 'أُنشئ المستند «{{title}}» (النسخة {{version}}).',
    templates: {
      summons: 'مذكرة حضور',
      detention_order: 'مذكرة توقيف',
      detention_extension_request: 'طلب تمديد توقيف',
      indictment: 'لائحة اتهام',
      hearing_minutes: 'محضر جلسة',
      judgment: 'حكم',
    },
  },
  en: {
    button: 'Generate a document',
    title: 'Generate a legal document',
    intro:
      "The document is generated from the file's data as a PDF and stored in the file's documents with its hash. Juveniles and protected victims are named by initials, except the person the document is about.",
    template: 'Document',
    hearing: 'Hearing',
    party: 'Party summoned',
    detention: 'Detention',
    requestedDays: 'Extension asked for (days)',
    grounds: 'Grounds',
    groundsHint: 'Printed as written. Leave empty for the usual wording.',
    newVersionOf: 'New version of an earlier document (optional)',
    newDocument: 'A new document',
    submit: 'Generate',
    choose: 'Choose…',
    nothingToChoose: 'Nothing on the file fits this document yet.',
    created: 'Generated “{{title}}” (version {{version}}).',
    templates: {
      summons: 'Summons',
      detention_order: 'Detention order',
      detention_extension_request: 'Detention extension request',
      indictment: 'Indictment',
      hearing_minutes: 'Hearing minutes',
      judgment: 'Judgment',
    },
  },
});
