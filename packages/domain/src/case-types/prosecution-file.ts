/**
 * ملف النيابة: the prosecution's criminal file. Investigation (questioning, detention and its
 * extension), then one decision: close (حفظ), mediation, indictment (لائحة اتهام) or transfer.
 */
import { Type } from 'typebox';
import { defineCaseType, defineEvent } from '../workflow/types';
import {
  addChargeEvent,
  addPartyEvent,
  arrestEvent,
  detentionOrderEvent,
  guards,
  questioningEvent,
  reassignEvent,
  releaseEvent,
} from './common-events';
import { CLOSURE_REASONS, NotePayload, ReferPayload } from './payloads';
import { Ref } from '../workflow/references';

type State =
  'registered' | 'under_investigation' | 'in_mediation' | 'closed' | 'indicted' | 'transferred';
const investigating: State[] = ['registered', 'under_investigation'];
const prosecutors = ['prosecutor', 'chief_prosecutor'] as const;

export const MEDIATION_OUTCOMES = ['agreement_fulfilled', 'failed', 'declined'] as const;

export const prosecutionFile = defineCaseType<State>({
  caseType: 'prosecution_file',
  version: 1,
  labels: { ar: 'ملف تحقيق', en: 'Prosecution file' },
  referenceCode: 'PF',
  institutionKinds: ['prosecution_office'],
  registeringRoles: prosecutors,
  acceptingRoles: prosecutors,
  initialState: 'registered',
  states: {
    registered: { labels: { ar: 'مسجّل', en: 'Registered' } },
    under_investigation: { labels: { ar: 'قيد التحقيق', en: 'Under investigation' } },
    in_mediation: { labels: { ar: 'في الوساطة', en: 'In mediation' }, isSuspended: true },
    closed: { labels: { ar: 'محفوظ', en: 'Closed (حفظ)' }, isFinal: true, isDisposed: true },
    indicted: {
      labels: { ar: 'صدرت لائحة اتهام', en: 'Indicted' },
      isFinal: true,
      isDisposed: true,
    },
    transferred: {
      labels: { ar: 'محال لنيابة أخرى', en: 'Transferred' },
      isFinal: true,
      isDisposed: true,
    },
  },
  events: {
    add_party: addPartyEvent(investigating, prosecutors),
    add_charge: addChargeEvent(investigating, prosecutors),
    open_investigation: defineEvent({
      labels: { ar: 'فتح التحقيق', en: 'Open the investigation' },
      from: ['registered'],
      to: 'under_investigation',
      roles: prosecutors,
      payload: NotePayload,
    }),
    question: questioningEvent(['under_investigation'], prosecutors),
    arrest: arrestEvent(investigating, prosecutors),
    order_detention: detentionOrderEvent(investigating, prosecutors, 'prosecution', {
      ar: 'توقيف بأمر النيابة',
      en: 'Prosecution detention order',
    }),
    // The magistrate's extension is decided in court; the prosecutor records the court's order.
    extend_detention: detentionOrderEvent(investigating, prosecutors, 'court', {
      ar: 'تمديد التوقيف بقرار المحكمة',
      en: 'Court extension of detention',
    }),
    release: releaseEvent(investigating, prosecutors),
    reassign: reassignEvent([...investigating, 'in_mediation'], ['chief_prosecutor']),
    close_file: defineEvent({
      labels: { ar: 'حفظ الملف', en: 'Close the file (حفظ)' },
      from: investigating,
      to: 'closed',
      roles: prosecutors,
      payload: Type.Object(
        {
          reasonCode: Type.Enum(CLOSURE_REASONS),
          note: Type.Optional(Type.String({ maxLength: 4000 })),
        },
        { additionalProperties: false },
      ),
      action: 'decision.record',
      actionParams: { decision: 'close' },
      effects: [{ kind: 'complete_deadlines', names: ['decide_file'] }],
    }),
    refer_to_mediation: defineEvent({
      labels: { ar: 'إحالة إلى الوساطة', en: 'Refer to mediation' },
      from: ['under_investigation'],
      to: 'in_mediation',
      roles: prosecutors,
      payload: Type.Object(
        { mediatorName: Type.String({ minLength: 1, maxLength: 200 }) },
        { additionalProperties: false },
      ),
      guards: [guards.hasAccused],
    }),
    record_mediation_outcome: defineEvent({
      labels: { ar: 'تسجيل نتيجة الوساطة', en: 'Record the mediation outcome' },
      from: ['in_mediation'],
      to: 'under_investigation',
      roles: prosecutors,
      payload: Type.Object(
        {
          outcome: Type.Enum(MEDIATION_OUTCOMES),
          note: Type.Optional(Type.String({ maxLength: 4000 })),
        },
        { additionalProperties: false },
      ),
    }),
    close_after_mediation: defineEvent({
      labels: { ar: 'حفظ بعد نجاح الوساطة', en: 'Close after successful mediation' },
      from: ['in_mediation'],
      to: 'closed',
      roles: prosecutors,
      payload: NotePayload,
      action: 'decision.record',
      actionParams: { decision: 'close' },
    }),
    indict: defineEvent({
      labels: { ar: 'إصدار لائحة اتهام', en: 'Indict (لائحة اتهام)' },
      from: ['under_investigation'],
      to: 'indicted',
      roles: prosecutors,
      payload: Type.Object(
        {
          courtId: Ref('institution:court'),
          chargeIds: Type.Array(Ref('pendingCharge'), {
            minItems: 1,
            maxItems: 100,
            uniqueItems: true,
          }),
          note: Type.Optional(Type.String({ maxLength: 4000 })),
        },
        { additionalProperties: false },
      ),
      guards: [
        guards.hasCharges,
        {
          code: 'CHARGE_NOT_PENDING',
          message: {
            ar: 'تهمة غير قائمة في هذا الملف',
            en: 'A chosen charge is not pending on this file',
          },
          holds: (facts, payload) =>
            payload.chargeIds.every((id) =>
              facts.charges.some((c) => c.id === id && c.disposition === 'pending'),
            ),
        },
      ],
      action: 'decision.record',
      actionParams: { decision: 'indict' },
      effects: [
        { kind: 'refer', toCaseType: 'court_case', institutionField: 'courtId', link: 'referral' },
        { kind: 'complete_deadlines', names: ['decide_file'] },
      ],
    }),
    transfer: defineEvent({
      labels: { ar: 'إحالة لنيابة أخرى', en: 'Transfer to another prosecution office' },
      from: investigating,
      to: 'transferred',
      roles: prosecutors,
      payload: ReferPayload('prosecutionOfficeId'),
      effects: [
        {
          kind: 'refer',
          toCaseType: 'prosecution_file',
          institutionField: 'prosecutionOfficeId',
          link: 'transfer',
        },
        { kind: 'complete_deadlines', names: ['decide_file'] },
      ],
    }),
    set_decision_deadline: defineEvent({
      labels: { ar: 'تحديد موعد للقرار', en: 'Set a decision deadline' },
      from: investigating,
      roles: ['chief_prosecutor'],
      payload: Type.Object(
        { dueDate: Type.String({ format: 'date-time' }) },
        { additionalProperties: false },
      ),
      effects: [
        {
          kind: 'deadline',
          name: 'decide_file',
          labels: { ar: 'اتخاذ قرار في الملف', en: 'Decide the file' },
          due: { kind: 'payload_date', field: 'dueDate' },
          assignee: { kind: 'case_assignee' },
          priority: 'high',
        },
      ],
    }),
  },
  fields: {
    summary: {
      read: ['prosecutor', 'chief_prosecutor', 'judge'],
      write: ['prosecutor', 'chief_prosecutor'],
    },
    parties: {
      read: ['prosecutor', 'chief_prosecutor', 'judge', 'lawyer'],
      write: ['prosecutor', 'chief_prosecutor'],
    },
    investigation_notes: {
      read: ['prosecutor', 'chief_prosecutor'],
      write: ['prosecutor', 'chief_prosecutor'],
    },
  },
});
