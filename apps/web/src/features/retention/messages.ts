/**
 * Strings of the retention screen (issue 10), `retention`. Document types are worded by the case
 * page's documents catalogue (`caseDocuments:types`), so a type reads the same on both screens.
 */
import { defineMessages } from '../../i18n/i18n';

const ar = {
  title: 'مستندات مستحقة الإتلاف',
  intro:
    'مستندات الملفات المحفوظة التي انقضت مدة حفظها وفق جدول الحفظ، من الملفات التي يحق لك فتحها. الإتلاف قرار يُسجَّل: يُتلف محتوى المستند، وتبقى بياناته وبصماته وقرار الإتلاف.',
  caption: 'المستندات المستحقة للإتلاف',
  count: 'عدد المستندات المستحقة: {{count}}',
  columns: {
    file: 'رقم الملف',
    title: 'عنوان المستند',
    type: 'النوع',
    closedAt: 'تاريخ حفظ الملف',
    retentionDays: 'مدة الحفظ (بالأيام)',
    actions: 'إجراءات',
  },
  noReference: 'بلا رقم',
  empty: {
    title: 'لا مستندات مستحقة الإتلاف',
    body: 'لم تنقضِ مدة حفظ أي مستند في الملفات المحفوظة التي يحق لك فتحها.',
  },
  listForbidden: 'هذه الشاشة لرؤساء النيابة: هم من يقررون إتلاف المستندات.',
  dispose: {
    action: 'إتلاف',
    actionLabel: 'إتلاف المستند «{{title}}»',
    title: 'إتلاف المستند «{{title}}»',
    warning:
      'يُتلف محتوى المستند بجميع نسخه نهائيًا ولا يمكن استرجاعه. تبقى في الملف بيانات المستند (العنوان والنوع والتواريخ) وبصمة SHA-256 لكل نسخة، ويُسجَّل قرار الإتلاف في سجل التدقيق.',
    file: 'الملف',
    decisionReference: 'رقم قرار الإتلاف',
    decisionHint: 'رقم القرار الذي أذن بالإتلاف، كما ورد في سجل القرارات.',
    reason: 'سبب الإتلاف',
    required: 'هذا الحقل مطلوب.',
    submit: 'إتلاف المحتوى',
    done: 'أُتلف محتوى المستند؛ بقيت بياناته وبصماته.',
  },
  refusals: {
    forbidden: 'لا يقرر الإتلاف إلا رئيس النيابة المختص بهذا الملف.',
    notDue: 'لم تنقضِ مدة حفظ هذا المستند بعد؛ لم يُتلف شيء.',
    alreadyDisposed: 'أُتلف هذا المستند من قبل؛ حُدِّثت القائمة.',
  },
};

const en: typeof ar = {
  title: 'Documents due for disposal',
  intro:
    'Documents of closed files whose retention period under the retention schedule has passed, among the files you may open. Disposal is a recorded decision: the content is destroyed, while the metadata, the hashes and the decision stay.',
  caption: 'Documents due for disposal',
  count: 'Documents due: {{count}}',
  columns: {
    file: 'File number',
    title: 'Document title',
    type: 'Type',
    closedAt: 'File closed on',
    retentionDays: 'Retention (days)',
    actions: 'Actions',
  },
  noReference: 'No number',
  empty: {
    title: 'No documents due for disposal',
    body: 'No document of the closed files you may open has passed its retention period.',
  },
  listForbidden: 'This screen is for chief prosecutors: they decide the disposal of documents.',
  dispose: {
    action: 'Dispose',
    actionLabel: 'Dispose of the document “{{title}}”',
    title: 'Dispose of the document “{{title}}”',
    warning:
      'The content of every version of the document is destroyed for good and cannot be recovered. The document’s metadata (title, type, dates) and the SHA-256 hash of each version stay in the file, and the disposal decision is recorded in the audit log.',
    file: 'File',
    decisionReference: 'Disposal decision number',
    decisionHint: 'The number of the decision that authorised the disposal, as recorded.',
    reason: 'Reason for disposal',
    required: 'This field is required.',
    submit: 'Dispose of the content',
    done: 'The document’s content was disposed of; its metadata and hashes stay.',
  },
  refusals: {
    forbidden: 'Only a chief prosecutor responsible for this file decides a disposal.',
    notDue: 'This document’s retention period has not passed yet; nothing was disposed of.',
    alreadyDisposed: 'This document was already disposed of; the list was refreshed.',
  },
};

export const RETENTION = defineMessages('retention', { ar, en });
