/**
 * دعوى حقوقية: a civil claim. Defined purely as configuration, with the same building blocks as
 * the criminal types and no engine change: the proof that adding a case type is configuration.
 */
import { Type } from 'typebox';
import { defineCaseType, defineEvent } from '../workflow/types';
import {
  addPartyEvent,
  adjournHearingEvent,
  holdHearingEvent,
  scheduleHearingEvent,
} from './common-events';
import { NotePayload } from './payloads';

type State = 'filed' | 'scheduled' | 'in_trial' | 'judged' | 'settled' | 'closed';
const clerks = ['court_clerk'] as const;
const judges = ['judge'] as const;

export const civilClaim = defineCaseType<State>({
  caseType: 'civil_claim',
  version: 1,
  labels: { ar: 'دعوى حقوقية', en: 'Civil claim' },
  referenceCode: 'CV',
  institutionKinds: ['court'],
  registeringRoles: clerks,
  acceptingRoles: [],
  initialState: 'filed',
  states: {
    filed: { labels: { ar: 'مسجلة', en: 'Filed' } },
    scheduled: { labels: { ar: 'محددة للجلسة', en: 'Scheduled' } },
    in_trial: { labels: { ar: 'قيد النظر', en: 'Being heard' } },
    judged: { labels: { ar: 'محكوم فيها', en: 'Judged' }, isDisposed: true },
    settled: { labels: { ar: 'تمت المصالحة', en: 'Settled' }, isFinal: true, isDisposed: true },
    closed: { labels: { ar: 'مغلقة', en: 'Closed' }, isFinal: true, isDisposed: true },
  },
  events: {
    add_party: addPartyEvent(['filed', 'scheduled'], clerks),
    schedule_hearing: scheduleHearingEvent(['filed', 'scheduled', 'in_trial'], 'scheduled', [
      ...clerks,
      ...judges,
    ]),
    hold_hearing: holdHearingEvent(['scheduled'], 'in_trial', judges),
    adjourn_hearing: adjournHearingEvent(['scheduled'], 'scheduled', judges),
    record_settlement: defineEvent({
      labels: { ar: 'تسجيل المصالحة', en: 'Record a settlement' },
      from: ['filed', 'scheduled', 'in_trial'],
      to: 'settled',
      roles: judges,
      payload: Type.Object(
        { terms: Type.String({ minLength: 1, maxLength: 8000 }) },
        { additionalProperties: false },
      ),
    }),
    give_judgment: defineEvent({
      labels: { ar: 'إصدار الحكم', en: 'Give judgment' },
      from: ['in_trial'],
      to: 'judged',
      roles: judges,
      payload: Type.Object(
        {
          inFavourOf: Type.Union([Type.Literal('claimant'), Type.Literal('respondent')]),
          amountAwarded: Type.Optional(Type.Number({ minimum: 0 })),
          reasoning: Type.String({ minLength: 1, maxLength: 20000 }),
        },
        { additionalProperties: false },
      ),
    }),
    close_claim: defineEvent({
      labels: { ar: 'إغلاق الدعوى', en: 'Close the claim' },
      from: ['judged'],
      to: 'closed',
      roles: clerks,
      payload: NotePayload,
    }),
  },
  fields: {
    parties: { read: ['judge', 'court_clerk', 'lawyer'], write: ['court_clerk'] },
  },
});
