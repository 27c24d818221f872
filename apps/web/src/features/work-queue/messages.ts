import { defineMessages } from '../../i18n/i18n';

export const WORK_QUEUE = defineMessages('workQueue', {
  ar: {
    title: 'مهامي',
    intro: 'المواعيد والمهام المفتوحة على الملفات التي تتابعها، الأكثر إلحاحاً أولاً.',
    tableLabel: 'قائمة المهام حسب الأولوية',
    columns: { kind: 'النوع', task: 'المهمة', file: 'الملف', due: 'الموعد' },
    kind: { detention: 'توقيف', hearing: 'جلسة', deadline: 'مهلة', task: 'مهمة' },
    priority: { urgent: 'عاجل', high: 'مرتفع', normal: 'عادي' },
    priorityLabel: 'الأولوية: {{priority}}',
    overdue: 'متأخر',
    overdueSince: 'متأخر: كان موعده {{relative}}',
    dueIn: 'يستحق {{relative}}',
    summary: {
      total: 'مهام مفتوحة: {{n}}',
      overdue: 'متأخرة: {{n}}',
      detention: 'مواعيد توقيف: {{n}}',
    },
    empty: {
      title: 'لا شيء بانتظارك',
      body: 'ليست لديك مواعيد أو مهام مفتوحة الآن. ستظهر هنا حين تنشأ على ملفاتك.',
    },
    pendingFile: 'ملف بانتظار القبول',
  },
  en: {
    title: 'My work',
    intro: 'Open deadlines and tasks on the files you follow, most urgent first.',
    tableLabel: 'Tasks by urgency',
    columns: { kind: 'Kind', task: 'Task', file: 'File', due: 'Due' },
    kind: { detention: 'Detention', hearing: 'Hearing', deadline: 'Deadline', task: 'Task' },
    priority: { urgent: 'Urgent', high: 'High', normal: 'Normal' },
    priorityLabel: 'Priority: {{priority}}',
    overdue: 'Overdue',
    overdueSince: 'Overdue: was due {{relative}}',
    dueIn: 'Due {{relative}}',
    summary: {
      total: 'Open items: {{n}}',
      overdue: 'Overdue: {{n}}',
      detention: 'Detention deadlines: {{n}}',
    },
    empty: {
      title: 'Nothing is waiting for you',
      body: 'You have no open deadlines or tasks right now. They appear here as your files create them.',
    },
    pendingFile: 'File awaiting acceptance',
  },
});
