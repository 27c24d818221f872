import { defineMessages } from '../../i18n/i18n';

export const INBOX = defineMessages('inbox', {
  ar: {
    title: 'الوارد',
    intro: 'ملفات أحيلت إلى مؤسستك وتنتظر القبول أو الإعادة. القبول يرقّم الملف ويسنده.',
    tableLabel: 'الملفات المحالة بانتظار القبول',
    columns: {
      file: 'نوع الملف',
      received: 'تاريخ الورود',
      incident: 'تاريخ الواقعة',
      confidentiality: 'السرية',
      actions: 'الإجراءات',
    },
    noIncidentDate: 'غير محدد',
    accept: 'قبول',
    return: 'إعادة',
    acceptAria: 'قبول الملف الوارد {{when}}',
    returnAria: 'إعادة الملف الوارد {{when}}',
    empty: {
      title: 'لا ملفات في الوارد',
      body: 'حين تحيل جهة أخرى ملفاً إلى مؤسستك يظهر هنا.',
    },
    acceptModal: {
      title: 'قبول الملف',
      body: 'سيُرقّم الملف في سجل مؤسستك ويُسند إلى أحد أعضائها بالتناوب.',
      unit: 'الدائرة المختصة',
      unitHint: 'الدائرة التي ستتابع الملف.',
      noUnit: 'بلا دائرة',
      confirm: 'قبول الملف وترقيمه',
    },
    returnModal: {
      title: 'إعادة الملف للجهة المحيلة',
      body: 'سيُعاد الملف إلى الجهة التي أحالته، وتصلها مهمة فيها السبب.',
      reason: 'سبب الإعادة',
      reasonHint: 'اكتب السبب كما سيقرؤه المحيل.',
      confirm: 'إعادة الملف',
    },
    notInInbox: 'لم يعد هذا الملف في الوارد: ربما قبله أو أعاده زميل. أعد تحميل القائمة.',
    gone: 'لم يعد هذا الملف في الوارد.',
    returned: 'أُعيد الملف إلى الجهة المحيلة.',
  },
  en: {
    title: 'Inbox',
    intro:
      'Files referred to your institution, waiting to be accepted or returned. Accepting numbers and assigns the file.',
    tableLabel: 'Referred files awaiting acceptance',
    columns: {
      file: 'File type',
      received: 'Received',
      incident: 'Incident date',
      confidentiality: 'Confidentiality',
      actions: 'Actions',
    },
    noIncidentDate: 'Not given',
    accept: 'Accept',
    return: 'Return',
    acceptAria: 'Accept the file received {{when}}',
    returnAria: 'Return the file received {{when}}',
    empty: {
      title: 'The inbox is empty',
      body: 'When another institution refers a file to yours, it appears here.',
    },
    acceptModal: {
      title: 'Accept the file',
      body: "The file will be numbered in your institution's register and assigned to a member by rotation.",
      unit: 'Unit',
      unitHint: 'The unit that will handle the file.',
      noUnit: 'No unit',
      confirm: 'Accept and number the file',
    },
    returnModal: {
      title: 'Return the file to the sender',
      body: 'The file goes back to the institution that referred it, with a task that gives your reason.',
      reason: 'Reason for returning',
      reasonHint: 'Write the reason as the sender will read it.',
      confirm: 'Return the file',
    },
    notInInbox:
      'This file is no longer in the inbox: a colleague may have accepted or returned it. Reload the list.',
    gone: 'This file is no longer in the inbox.',
    returned: 'The file was returned to the sender.',
  },
});
