/**
 * قضية جزائية: the criminal case at first instance (صلح or بداية), opened by the prosecution's
 * indictment. Filed → scheduled → in trial → judgment → appeal window → final.
 */
import { Type } from 'typebox';
import { defineCaseType, defineEvent, type Guard } from '../workflow/types';
import {
  addPartyEvent,
  archiveEvent,
  referForExecutionEvent,
  adjournHearingEvent,
  holdHearingEvent,
  judgmentEvent,
  reassignEvent,
  scheduleHearingEvent,
} from './common-events';
import { NotePayload } from './payloads';
import { overrideSocialReportEvent } from './juvenile-rules';
import { Ref } from '../workflow/references';

type State =
  'filed' | 'scheduled' | 'in_trial' | 'appeal_window' | 'under_appeal' | 'final' | 'archived';
const clerks = ['court_clerk'] as const;
const judges = ['judge'] as const;

const appealWindowOver: Guard = {
  code: 'APPEAL_WINDOW_OPEN',
  message: { ar: 'مدة الاستئناف لم تنته بعد', en: 'The appeal window has not closed yet' },
  holds: (facts) =>
    !facts.openDeadlines.some(
      (d) => d.name === 'appeal_window' && d.dueAt.getTime() > facts.now.getTime(),
    ),
};

export const APPEAL_OUTCOMES = ['upheld', 'overturned', 'amended'] as const;

export const courtCase = defineCaseType<State>({
  caseType: 'court_case',
  version: 1,
  labels: { ar: 'قضية جزائية', en: 'Criminal case' },
  referenceCode: 'CR',
  institutionKinds: ['court'],
  registeringRoles: [],
  acceptingRoles: clerks,
  initialState: 'filed',
  states: {
    filed: { labels: { ar: 'مودعة', en: 'Filed' } },
    scheduled: { labels: { ar: 'محددة للجلسة', en: 'Scheduled' } },
    in_trial: { labels: { ar: 'قيد المحاكمة', en: 'In trial' } },
    appeal_window: {
      labels: { ar: 'صدر الحكم - مدة الاستئناف', en: 'Judgment given: appeal window' },
      isDisposed: true,
    },
    under_appeal: { labels: { ar: 'مستأنفة', en: 'Under appeal' }, isDisposed: true },
    final: { labels: { ar: 'حكم قطعي', en: 'Final' }, isDisposed: true },
    archived: { labels: { ar: 'مؤرشفة', en: 'Archived' }, isFinal: true, isDisposed: true },
  },
  events: {
    add_party: addPartyEvent(['filed', 'scheduled', 'in_trial'], clerks),
    schedule_hearing: scheduleHearingEvent(['filed', 'scheduled', 'in_trial'], 'scheduled', [
      ...clerks,
      ...judges,
    ]),
    hold_hearing: holdHearingEvent(['scheduled'], 'in_trial', judges),
    adjourn_hearing: adjournHearingEvent(['scheduled'], 'scheduled', judges),
    record_judgment: judgmentEvent(['in_trial', 'scheduled'], 'appeal_window', judges),
    // A juvenile file's judgment waits for the counsellor's report, unless the judge says why not.
    override_social_report: overrideSocialReportEvent(['filed', 'scheduled', 'in_trial'], judges),
    reassign: reassignEvent(['filed', 'scheduled', 'in_trial'], ['judge', 'court_clerk']),
    file_appeal: defineEvent({
      labels: { ar: 'تسجيل استئناف', en: 'Register an appeal' },
      from: ['appeal_window'],
      to: 'under_appeal',
      roles: clerks,
      payload: Type.Object(
        {
          appellateCourtId: Ref('institution:court'),
          appellant: Type.Union([Type.Literal('prosecution'), Type.Literal('defence')]),
          grounds: Type.String({ minLength: 1, maxLength: 8000 }),
        },
        { additionalProperties: false },
      ),
      effects: [
        {
          kind: 'refer',
          toCaseType: 'appeal_case',
          institutionField: 'appellateCourtId',
          link: 'appeal',
        },
        { kind: 'complete_deadlines', names: ['appeal_window'] },
      ],
    }),
    declare_final: defineEvent({
      labels: { ar: 'اكتساب الحكم الدرجة القطعية', en: 'Declare the judgment final' },
      from: ['appeal_window'],
      to: 'final',
      roles: clerks,
      payload: NotePayload,
      guards: [appealWindowOver],
      effects: [{ kind: 'complete_deadlines', names: ['appeal_window'] }],
    }),
    record_appeal_outcome: defineEvent({
      labels: { ar: 'تسجيل نتيجة الاستئناف', en: 'Record the appeal outcome' },
      from: ['under_appeal'],
      to: 'final',
      roles: clerks,
      payload: Type.Object(
        {
          outcome: Type.Enum(APPEAL_OUTCOMES),
          note: Type.Optional(Type.String({ maxLength: 4000 })),
        },
        { additionalProperties: false },
      ),
    }),
    refer_for_execution: referForExecutionEvent(['final'], 'archived'),
    archive: archiveEvent(['final'], 'archived'),
  },
  fields: {
    parties: { read: ['judge', 'court_clerk', 'prosecutor', 'lawyer'], write: ['court_clerk'] },
    hearings: {
      read: ['judge', 'court_clerk', 'prosecutor', 'lawyer'],
      write: ['court_clerk', 'judge'],
    },
    judgment: {
      read: ['judge', 'court_clerk', 'prosecutor', 'lawyer', 'correction_officer'],
      write: ['judge'],
    },
  },
});
