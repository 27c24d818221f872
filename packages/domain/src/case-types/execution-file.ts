/** ملف تنفيذ: carrying out a final sentence (custody at a correction centre, a fine). */
import { Type } from 'typebox';
import { defineCaseType, defineEvent } from '../workflow/types';
import { NotePayload } from './payloads';
import { Ref } from '../workflow/references';

type State = 'opened' | 'in_execution' | 'completed';
const executors = ['prosecutor', 'chief_prosecutor'] as const;

export const executionFile = defineCaseType<State>({
  caseType: 'execution_file',
  version: 1,
  labels: { ar: 'ملف تنفيذ', en: 'Execution file' },
  referenceCode: 'EX',
  institutionKinds: ['prosecution_office'],
  registeringRoles: [],
  acceptingRoles: executors,
  initialState: 'opened',
  states: {
    opened: { labels: { ar: 'مفتوح', en: 'Opened' } },
    in_execution: { labels: { ar: 'قيد التنفيذ', en: 'Being executed' } },
    completed: { labels: { ar: 'منفّذ', en: 'Completed' }, isFinal: true, isDisposed: true },
  },
  events: {
    commit_to_custody: defineEvent({
      labels: { ar: 'إيداع في مركز الإصلاح', en: 'Commit to a correction centre' },
      from: ['opened'],
      to: 'in_execution',
      roles: executors,
      payload: Type.Object(
        {
          correctionCentreId: Ref('institution:correction_centre'),
          startsOn: Type.String({ format: 'date' }),
        },
        { additionalProperties: false },
      ),
    }),
    record_fine_payment: defineEvent({
      labels: { ar: 'تسديد الغرامة', en: 'Record fine payment' },
      from: ['opened', 'in_execution'],
      to: 'in_execution',
      roles: executors,
      payload: Type.Object(
        {
          amount: Type.Number({ minimum: 0.01 }),
          receiptNumber: Type.String({ minLength: 1, maxLength: 60 }),
        },
        { additionalProperties: false },
      ),
    }),
    complete_execution: defineEvent({
      labels: { ar: 'انتهاء التنفيذ', en: 'Execution completed' },
      from: ['in_execution'],
      to: 'completed',
      roles: executors,
      payload: NotePayload,
    }),
  },
  fields: {
    sentence: {
      read: ['prosecutor', 'chief_prosecutor', 'correction_officer'],
      write: ['prosecutor'],
    },
  },
});
