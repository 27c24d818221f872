/** محضر الشرطة: the police report, from complaint through evidence-gathering (استدلال) to referral. */
import { Type } from 'typebox';
import { defineCaseType, defineEvent } from '../workflow/types';
import {
  addPartyEvent,
  arrestEvent,
  detentionOrderEvent,
  guards,
  questioningEvent,
  releaseEvent,
} from './common-events';
import { classifyGbvEvent } from './family-protection-rules';
import { NotePayload, ReferPayload } from './payloads';

type State = 'reported' | 'evidence_gathering' | 'referred' | 'closed';
const open: State[] = ['reported', 'evidence_gathering'];
const police = ['police_investigator'] as const;

export const policeReport = defineCaseType<State>({
  caseType: 'police_report',
  version: 1,
  labels: { ar: 'محضر شرطة', en: 'Police report' },
  referenceCode: 'PR',
  institutionKinds: ['police_unit'],
  registeringRoles: police,
  acceptingRoles: [],
  initialState: 'reported',
  states: {
    reported: { labels: { ar: 'مُبلّغ عنه', en: 'Reported' } },
    evidence_gathering: { labels: { ar: 'قيد الاستدلال', en: 'Evidence-gathering' } },
    referred: {
      labels: { ar: 'محال إلى النيابة', en: 'Referred to prosecution' },
      isFinal: true,
      isDisposed: true,
    },
    closed: { labels: { ar: 'مغلق', en: 'Closed' }, isFinal: true, isDisposed: true },
  },
  events: {
    add_party: addPartyEvent(open, police),
    start_evidence_gathering: defineEvent({
      labels: { ar: 'بدء الاستدلال', en: 'Start evidence-gathering' },
      from: ['reported'],
      to: 'evidence_gathering',
      roles: police,
      payload: NotePayload,
    }),
    record_statement: questioningEvent(['evidence_gathering'], police),
    arrest: arrestEvent(open, police),
    police_hold: detentionOrderEvent(open, police, 'police', {
      ar: 'احتجاز لدى الشرطة',
      en: 'Police hold',
    }),
    release: releaseEvent(open, police),
    classify_gbv: classifyGbvEvent(open, police),
    refer_to_prosecution: defineEvent({
      labels: { ar: 'إحالة إلى النيابة العامة', en: 'Refer to the prosecution' },
      from: ['evidence_gathering'],
      to: 'referred',
      roles: police,
      payload: ReferPayload('prosecutionOfficeId'),
      guards: [guards.hasAccused],
      effects: [
        {
          kind: 'refer',
          toCaseType: 'prosecution_file',
          institutionField: 'prosecutionOfficeId',
          link: 'referral',
        },
      ],
    }),
    close_report: defineEvent({
      labels: { ar: 'إغلاق المحضر', en: 'Close the report' },
      from: open,
      to: 'closed',
      roles: police,
      payload: Type.Object(
        { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
        { additionalProperties: false },
      ),
    }),
  },
  fields: {
    summary: {
      read: ['police_investigator', 'prosecutor', 'chief_prosecutor'],
      write: ['police_investigator'],
    },
    parties: {
      read: ['police_investigator', 'prosecutor', 'chief_prosecutor'],
      write: ['police_investigator'],
    },
  },
});
