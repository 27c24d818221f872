/** قضية استئنافية: the appeal at the appellate court, opened by an appeal registered below. */
import { Type } from 'typebox';
import { defineCaseType, defineEvent } from '../workflow/types';
import {
  adjournHearingEvent,
  archiveEvent,
  referForExecutionEvent,
  holdHearingEvent,
  reassignEvent,
  scheduleHearingEvent,
} from './common-events';
import { APPEAL_OUTCOMES } from './court-case';

type State = 'filed' | 'scheduled' | 'in_trial' | 'decided' | 'archived';
const clerks = ['court_clerk'] as const;
const judges = ['judge'] as const;

export const appealCase = defineCaseType<State>({
  caseType: 'appeal_case',
  version: 1,
  labels: { ar: 'قضية استئنافية', en: 'Appeal' },
  referenceCode: 'AP',
  institutionKinds: ['court'],
  registeringRoles: [],
  acceptingRoles: clerks,
  initialState: 'filed',
  states: {
    filed: { labels: { ar: 'مودعة', en: 'Filed' } },
    scheduled: { labels: { ar: 'محددة للجلسة', en: 'Scheduled' } },
    in_trial: { labels: { ar: 'قيد النظر', en: 'Being heard' } },
    decided: { labels: { ar: 'مفصولة', en: 'Decided' }, isDisposed: true },
    archived: { labels: { ar: 'مؤرشفة', en: 'Archived' }, isFinal: true, isDisposed: true },
  },
  events: {
    schedule_hearing: scheduleHearingEvent(['filed', 'scheduled', 'in_trial'], 'scheduled', [
      ...clerks,
      ...judges,
    ]),
    hold_hearing: holdHearingEvent(['scheduled'], 'in_trial', judges),
    adjourn_hearing: adjournHearingEvent(['scheduled'], 'scheduled', judges),
    reassign: reassignEvent(['filed', 'scheduled', 'in_trial'], ['judge', 'court_clerk']),
    decide_appeal: defineEvent({
      labels: { ar: 'الفصل في الاستئناف', en: 'Decide the appeal' },
      from: ['in_trial', 'scheduled'],
      to: 'decided',
      roles: judges,
      payload: Type.Object(
        {
          outcome: Type.Enum(APPEAL_OUTCOMES),
          reasoning: Type.String({ minLength: 1, maxLength: 20000 }),
        },
        { additionalProperties: false },
      ),
    }),
    refer_for_execution: referForExecutionEvent(['decided'], 'archived'),
    archive: archiveEvent(['decided'], 'archived'),
  },
  fields: {
    hearings: {
      read: ['judge', 'court_clerk', 'prosecutor', 'lawyer'],
      write: ['court_clerk', 'judge'],
    },
    judgment: { read: ['judge', 'court_clerk', 'prosecutor', 'lawyer'], write: ['judge'] },
  },
});
