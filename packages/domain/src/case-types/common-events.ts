/**
 * Building blocks for case types: events that several types share, with their guards. A case
 * type picks the ones it needs and says from which states and by which roles they may be fired.
 */
import type { Role } from '../organisation/roles';
import { defineEvent, type Guard } from '../workflow/types';
import type { CaseFacts } from '../workflow/facts';
import {
  AddChargePayload,
  AddPartyPayload,
  AdjournPayload,
  ArrestPayload,
  DetentionOrderPayload,
  HoldHearingPayload,
  JudgmentPayload,
  NotePayload,
  QuestioningPayload,
  ReferPayload,
  ReassignPayload,
  ReleasePayload,
  ScheduleHearingPayload,
} from './payloads';
import { juvenileGuards } from './juvenile-rules';

const hasParty = (facts: CaseFacts, partyId: string, role?: string) =>
  facts.parties.some((p) => p.id === partyId && (role === undefined || p.role === role));

export const guards = {
  accusedParty: {
    code: 'NOT_AN_ACCUSED_OF_THIS_FILE',
    message: {
      ar: 'الشخص ليس مشتكى عليه في هذا الملف',
      en: 'That person is not an accused party of this file',
    },
    holds: (facts: CaseFacts, payload: { partyId: string }) =>
      hasParty(facts, payload.partyId, 'accused'),
  },
  partyOfFile: {
    code: 'NOT_A_PARTY_OF_THIS_FILE',
    message: { ar: 'الشخص ليس طرفاً في هذا الملف', en: 'That person is not a party of this file' },
    holds: (facts: CaseFacts, payload: { partyId: string }) => hasParty(facts, payload.partyId),
  },
  hasCharges: {
    code: 'NO_CHARGES',
    message: { ar: 'لا توجد تهم في الملف', en: 'The file has no charges' },
    holds: (facts: CaseFacts) =>
      facts.charges.some((c) => c.disposition === 'pending' || c.disposition === 'indicted'),
  },
  hasAccused: {
    code: 'NO_ACCUSED',
    message: { ar: 'لا يوجد مشتكى عليه في الملف', en: 'The file has no accused party' },
    holds: (facts: CaseFacts) => facts.parties.some((p) => p.role === 'accused'),
  },
  openDetention: {
    code: 'DETENTION_NOT_OPEN',
    message: { ar: 'لا يوجد توقيف قائم بهذا الرقم', en: 'There is no open detention with that id' },
    holds: (facts: CaseFacts, payload: { detentionId: string }) =>
      facts.detentions.some((d) => d.id === payload.detentionId && d.isOpen),
  },
  noOpenDetentionOfParty: {
    code: 'ALREADY_DETAINED',
    message: {
      ar: 'الشخص موقوف حالياً في هذا الملف',
      en: 'That person is already detained in this file',
    },
    holds: (facts: CaseFacts, payload: { partyId: string }) =>
      !facts.detentions.some((d) => d.partyId === payload.partyId && d.isOpen),
  },
  arrestNotInFuture: {
    code: 'ARREST_IN_FUTURE',
    message: { ar: 'وقت القبض في المستقبل', en: 'The arrest time is in the future' },
    holds: (facts: CaseFacts, payload: { arrestedAt: string }) =>
      new Date(payload.arrestedAt).getTime() <= facts.now.getTime() + 60_000,
  },
  hearingInFuture: {
    code: 'HEARING_IN_PAST',
    message: {
      ar: 'لا يمكن تحديد جلسة في الماضي',
      en: 'A hearing cannot be scheduled in the past',
    },
    holds: (facts: CaseFacts, payload: { startsAt: string }) =>
      new Date(payload.startsAt).getTime() > facts.now.getTime(),
  },
  nextHearingInFuture: {
    code: 'HEARING_IN_PAST',
    message: { ar: 'موعد الجلسة التالية في الماضي', en: 'The next hearing date is in the past' },
    holds: (facts: CaseFacts, payload: { nextStartsAt: string }) =>
      new Date(payload.nextStartsAt).getTime() > facts.now.getTime(),
  },
  scheduledHearing: {
    code: 'HEARING_NOT_SCHEDULED',
    message: {
      ar: 'الجلسة غير مجدولة في هذا الملف',
      en: 'That hearing is not scheduled on this file',
    },
    holds: (facts: CaseFacts, payload: { hearingId: string }) =>
      facts.hearings.some((h) => h.id === payload.hearingId && h.status === 'scheduled'),
  },
  chargesBeforeCourt: {
    code: 'CHARGE_NOT_BEFORE_COURT',
    message: {
      ar: 'الحكم يتناول تهمة غير معروضة على المحكمة',
      en: 'The judgment names a charge that is not before the court',
    },
    holds: (facts: CaseFacts, payload: { judgments: { chargeId: string }[] }) =>
      payload.judgments.every((j) =>
        facts.charges.some((c) => c.id === j.chargeId && c.disposition === 'indicted'),
      ),
  },
  everyChargeJudged: {
    code: 'CHARGES_WITHOUT_JUDGMENT',
    message: {
      ar: 'يجب الحكم في كل تهمة معروضة',
      en: 'Every charge before the court needs a judgment',
    },
    holds: (facts: CaseFacts, payload: { judgments: { chargeId: string }[] }) =>
      facts.charges
        .filter((c) => c.disposition === 'indicted')
        .every((c) => payload.judgments.some((j) => j.chargeId === c.id)),
  },
  chargeJudgedOnce: {
    code: 'CHARGE_JUDGED_TWICE',
    message: {
      ar: 'الحكم يتناول التهمة نفسها أكثر من مرة',
      en: 'The judgment names the same charge more than once',
    },
    holds: (_facts: CaseFacts, payload: { judgments: { chargeId: string }[] }) =>
      new Set(payload.judgments.map((j) => j.chargeId)).size === payload.judgments.length,
  },
} satisfies Record<string, Guard<never>>;

export function addPartyEvent<S extends string>(from: readonly S[], roles: readonly Role[]) {
  return defineEvent({
    labels: { ar: 'إضافة طرف', en: 'Add a party' },
    from,
    roles,
    payload: AddPartyPayload,
    action: 'party.add',
  });
}

export function addChargeEvent<S extends string>(from: readonly S[], roles: readonly Role[]) {
  return defineEvent({
    labels: { ar: 'إضافة تهمة', en: 'Add a charge' },
    from,
    roles,
    payload: AddChargePayload,
    guards: [guards.accusedParty, juvenileGuards.chargeableAge],
    action: 'charge.add',
  });
}

export function questioningEvent<S extends string>(from: readonly S[], roles: readonly Role[]) {
  return defineEvent({
    labels: { ar: 'استجواب', en: 'Questioning' },
    from,
    roles,
    payload: QuestioningPayload,
    guards: [guards.partyOfFile],
  });
}

export function arrestEvent<S extends string>(from: readonly S[], roles: readonly Role[]) {
  return defineEvent({
    labels: { ar: 'قبض', en: 'Arrest' },
    from,
    roles,
    payload: ArrestPayload,
    guards: [
      guards.accusedParty,
      guards.noOpenDetentionOfParty,
      guards.arrestNotInFuture,
      juvenileGuards.detentionOfChild,
      juvenileGuards.juvenileDetentionJustified,
      juvenileGuards.juvenileNotWithAdults,
    ],
    action: 'detention.arrest',
  });
}

export type DetentionAuthority = 'police' | 'prosecution' | 'court';

/** A detention order; its time limit comes from the rule table for `authority`. */
export function detentionOrderEvent<S extends string>(
  from: readonly S[],
  roles: readonly Role[],
  authority: DetentionAuthority,
  labels: { ar: string; en: string },
) {
  return defineEvent({
    labels,
    from,
    roles,
    payload: DetentionOrderPayload,
    guards: [guards.openDetention],
    action: 'detention.order',
    actionParams: { authority },
  });
}

export function releaseEvent<S extends string>(from: readonly S[], roles: readonly Role[]) {
  return defineEvent({
    labels: { ar: 'إخلاء سبيل', en: 'Release' },
    from,
    roles,
    payload: ReleasePayload,
    guards: [guards.openDetention],
    action: 'detention.release',
  });
}

export function scheduleHearingEvent<S extends string>(
  from: readonly S[],
  to: S,
  roles: readonly Role[],
) {
  return defineEvent({
    labels: { ar: 'تحديد جلسة', en: 'Schedule a hearing' },
    from,
    to,
    roles,
    payload: ScheduleHearingPayload,
    guards: [guards.hearingInFuture],
    action: 'hearing.schedule',
  });
}

export function adjournHearingEvent<S extends string>(
  from: readonly S[],
  to: S,
  roles: readonly Role[],
) {
  return defineEvent({
    labels: { ar: 'تأجيل الجلسة', en: 'Adjourn the hearing' },
    from,
    to,
    roles,
    payload: AdjournPayload,
    guards: [guards.scheduledHearing, guards.nextHearingInFuture],
    action: 'hearing.adjourn',
  });
}

export function holdHearingEvent<S extends string>(
  from: readonly S[],
  to: S,
  roles: readonly Role[],
) {
  return defineEvent({
    labels: { ar: 'عقد الجلسة (ضبط الجلسة)', en: 'Hold the hearing (minutes)' },
    from,
    to,
    roles,
    payload: HoldHearingPayload,
    guards: [guards.scheduledHearing],
    action: 'hearing.hold',
  });
}

export function judgmentEvent<S extends string>(from: readonly S[], to: S, roles: readonly Role[]) {
  return defineEvent({
    labels: { ar: 'إصدار الحكم', en: 'Pronounce judgment' },
    from,
    to,
    roles,
    payload: JudgmentPayload,
    guards: [
      guards.chargeJudgedOnce,
      guards.chargesBeforeCourt,
      guards.everyChargeJudged,
      juvenileGuards.juvenileSentence,
      juvenileGuards.socialReportOnFile,
    ],
    action: 'judgment.record',
    effects: [
      {
        kind: 'deadline',
        name: 'appeal_window',
        labels: { ar: 'انتهاء مدة الاستئناف', en: 'Appeal window closes' },
        due: { kind: 'working_days', days: 15 },
        assignee: { kind: 'role_at_institution', role: 'court_clerk' },
        priority: 'normal',
      },
    ],
  });
}

/** After a final judgment the court clerk sends the file to the prosecution for execution. */
export function referForExecutionEvent<S extends string>(from: readonly S[], to: S) {
  return defineEvent({
    labels: { ar: 'إحالة للتنفيذ', en: 'Send for execution' },
    from,
    to,
    roles: ['court_clerk'],
    payload: ReferPayload('prosecutionOfficeId'),
    effects: [
      {
        kind: 'refer',
        toCaseType: 'execution_file',
        institutionField: 'prosecutionOfficeId',
        link: 'execution',
      },
    ],
  });
}

/** A decided court file with nothing to execute is archived by the clerk. */
export function archiveEvent<S extends string>(from: readonly S[], to: S) {
  return defineEvent({
    labels: { ar: 'أرشفة', en: 'Archive' },
    from,
    to,
    roles: ['court_clerk'],
    payload: NotePayload,
  });
}

export function reassignEvent<S extends string>(from: readonly S[], roles: readonly Role[]) {
  return defineEvent({
    labels: { ar: 'إعادة إسناد الملف', en: 'Reassign the file' },
    from,
    roles,
    payload: ReassignPayload,
    action: 'assignment.change',
  });
}
