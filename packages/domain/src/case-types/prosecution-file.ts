/**
 * ملف النيابة: the prosecution's criminal file. Investigation (questioning, detention and its
 * extension), then one decision: close (حفظ), mediation, indictment (لائحة اتهام) or transfer.
 *
 * Juvenile files (an accused under 18 at the offence; DESIGN.md "Juvenile justice") add the
 * counsellor's social research report before any decision, mediation offered before indicting a
 * misdemeanour or contravention (Art. 23), and referral to child protection for a child under 12.
 * Mediation runs as states of the file, so a step out of order is refused with the allowed ones:
 * offered → (declined | consents and referral to the mediator) → agreement | failure →
 * fulfilled (closed by diversion) | breach (back to the prosecutor).
 *
 * Family protection files add the victim's protection (victim-protection-events.ts): risk
 * assessments, referrals to services with the victim's consent, protection measures and their
 * violations, seen only by the roles of the `victim_protection` field.
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
import {
  InstructCounsellorPayload,
  JustificationPayload,
  juvenileGuards,
  MediationAgreementPayload,
  mediationGuards,
  overrideSocialReportEvent,
  ReasonPayload,
  ReferToMediationPayload,
  SocialReportPayload,
} from './juvenile-rules';
import {
  classifyGbvEvent,
  familyProtectionGuards,
  overrideMediationBlockEvent,
} from './family-protection-rules';
import { victimProtectionEvents } from './victim-protection-events';
import type { Role } from '../organisation/roles';

type State =
  | 'registered'
  | 'under_investigation'
  | 'mediation_offered'
  | 'in_mediation'
  | 'mediation_agreed'
  | 'closed'
  | 'indicted'
  | 'transferred';
/** The investigation goes on while mediation is only offered (consents are being sought). */
const investigating: State[] = ['registered', 'under_investigation', 'mediation_offered'];
const open: State[] = [...investigating, 'in_mediation', 'mediation_agreed'];
const prosecutors = ['prosecutor', 'chief_prosecutor'] as const;
/** Art. 23: juvenile police, the counsellor or an accredited mediator conducts the mediation. */
const mediators: readonly Role[] = [
  'mediator',
  'child_protection_counsellor',
  'police_investigator',
  ...prosecutors,
];
/**
 * Every decision on a juvenile file waits for a verified age and the social research report; on a
 * family protection file, for the sex, age and relationship of its victims and accused.
 */
const decisionGuards = [
  juvenileGuards.ageVerified,
  juvenileGuards.socialReportOnFile,
  familyProtectionGuards.detailsComplete,
];
const DECLINING_PARTIES = ['juvenile', 'guardian', 'victim'] as const;

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
    mediation_offered: { labels: { ar: 'عُرضت الوساطة', en: 'Mediation offered' } },
    in_mediation: { labels: { ar: 'في الوساطة', en: 'In mediation' }, isSuspended: true },
    mediation_agreed: {
      labels: { ar: 'تنفيذ اتفاق الوساطة', en: 'Mediation agreement in force' },
      isSuspended: true,
    },
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
    reassign: reassignEvent(open, ['chief_prosecutor']),
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
      guards: decisionGuards,
      action: 'decision.record',
      actionParams: { decision: 'close' },
      effects: [{ kind: 'complete_deadlines', names: ['decide_file'] }],
    }),
    offer_mediation: defineEvent({
      labels: { ar: 'عرض الوساطة', en: 'Offer mediation' },
      from: ['under_investigation'],
      to: 'mediation_offered',
      roles: prosecutors,
      payload: NotePayload,
      guards: [
        guards.hasAccused,
        juvenileGuards.ageVerified,
        familyProtectionGuards.noMediationInViolenceAgainstWomen,
      ],
      action: 'mediation.record',
      actionParams: { status: 'offered' },
    }),
    decline_mediation: defineEvent({
      labels: { ar: 'تسجيل رفض الوساطة', en: 'Record that mediation was declined' },
      from: ['mediation_offered'],
      to: 'under_investigation',
      roles: prosecutors,
      payload: Type.Object(
        {
          declinedBy: Type.Enum(DECLINING_PARTIES),
          note: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
        },
        { additionalProperties: false },
      ),
      action: 'mediation.record',
      actionParams: { status: 'declined' },
    }),
    refer_to_mediation: defineEvent({
      labels: {
        ar: 'تسجيل الموافقات والإحالة إلى الوسيط',
        en: 'Record the consents and refer to the mediator',
      },
      from: ['mediation_offered'],
      to: 'in_mediation',
      roles: prosecutors,
      payload: ReferToMediationPayload,
      guards: [familyProtectionGuards.noMediationInViolenceAgainstWomen, mediationGuards.consents],
      action: 'mediation.record',
      actionParams: { status: 'in_mediation' },
      effects: [
        {
          kind: 'deadline',
          name: 'mediation_session',
          labels: { ar: 'عقد جلسة الوساطة', en: 'Hold the mediation session' },
          due: { kind: 'working_days', days: 10 },
          assignee: { kind: 'payload_user', field: 'mediatorUserId' },
          priority: 'high',
        },
      ],
    }),
    record_mediation_agreement: defineEvent({
      labels: { ar: 'تسجيل اتفاق الوساطة', en: 'Record the mediation agreement' },
      from: ['in_mediation'],
      to: 'mediation_agreed',
      roles: mediators,
      payload: MediationAgreementPayload,
      // The dates (signed not in the future, compliance after signing) are checked by the server
      // as malformed input (400), like every other pair of contradictory dates.
      guards: [mediationGuards.noPlacement],
      action: 'mediation.record',
      actionParams: { status: 'agreed' },
      effects: [
        { kind: 'complete_deadlines', names: ['mediation_session'] },
        {
          kind: 'deadline',
          name: 'mediation_compliance',
          labels: { ar: 'متابعة تنفيذ اتفاق الوساطة', en: 'Check compliance with the agreement' },
          due: { kind: 'payload_date', field: 'complianceDueDate' },
          assignee: { kind: 'case_assignee' },
          priority: 'normal',
        },
      ],
    }),
    record_mediation_failure: defineEvent({
      labels: { ar: 'تسجيل فشل الوساطة', en: 'Record that mediation failed' },
      from: ['in_mediation'],
      to: 'under_investigation',
      roles: mediators,
      payload: ReasonPayload,
      action: 'mediation.record',
      actionParams: { status: 'failed' },
      effects: [{ kind: 'complete_deadlines', names: ['mediation_session'] }],
    }),
    record_mediation_fulfilled: defineEvent({
      labels: {
        ar: 'تنفيذ اتفاق الوساطة وحفظ الملف',
        en: 'Agreement fulfilled: close the file (diversion)',
      },
      from: ['mediation_agreed'],
      to: 'closed',
      roles: prosecutors,
      payload: NotePayload,
      guards: decisionGuards,
      action: 'mediation.record',
      actionParams: { status: 'fulfilled' },
      effects: [{ kind: 'complete_deadlines', names: ['mediation_compliance', 'decide_file'] }],
    }),
    record_mediation_breach: defineEvent({
      labels: {
        ar: 'الإخلال باتفاق الوساطة وإعادة الملف للتحقيق',
        en: 'Agreement breached: back to the investigation',
      },
      from: ['mediation_agreed'],
      to: 'under_investigation',
      roles: prosecutors,
      payload: ReasonPayload,
      action: 'mediation.record',
      actionParams: { status: 'failed' },
      effects: [{ kind: 'complete_deadlines', names: ['mediation_compliance'] }],
    }),
    instruct_counsellor: defineEvent({
      labels: {
        ar: 'تكليف مرشد حماية الطفولة بالبحث الاجتماعي',
        en: 'Instruct a child protection counsellor (social research report)',
      },
      from: open,
      roles: prosecutors,
      payload: InstructCounsellorPayload,
      guards: [juvenileGuards.juvenileFile],
      action: 'counsellor.instruct',
      effects: [
        {
          kind: 'deadline',
          name: 'social_research_report',
          labels: { ar: 'إعداد تقرير البحث الاجتماعي', en: 'Write the social research report' },
          due: { kind: 'payload_date', field: 'dueDate' },
          assignee: { kind: 'payload_user', field: 'counsellorUserId' },
          priority: 'high',
        },
      ],
    }),
    submit_social_report: defineEvent({
      labels: { ar: 'إيداع تقرير البحث الاجتماعي', en: 'Submit the social research report' },
      from: open,
      roles: ['child_protection_counsellor'],
      payload: SocialReportPayload,
      action: 'counsellor.report',
    }),
    override_social_report: overrideSocialReportEvent(open, prosecutors),
    classify_gbv: classifyGbvEvent(open, prosecutors),
    override_mediation_block: overrideMediationBlockEvent(open),
    // Family protection: risk assessment, referrals to services, protection measures.
    ...victimProtectionEvents(open, prosecutors),
    override_age_verification: defineEvent({
      labels: {
        ar: 'المتابعة دون إثبات العمر (مسبب)',
        en: 'Proceed without a verified age (justified)',
      },
      from: open,
      roles: prosecutors,
      payload: JustificationPayload,
    }),
    refer_to_child_protection: defineEvent({
      labels: {
        ar: 'إحالة الطفل دون 12 إلى حماية الطفولة وحفظ الملف',
        en: 'Refer the child under 12 to child protection and close the file',
      },
      from: investigating,
      to: 'closed',
      roles: prosecutors,
      payload: ReferPayload('socialServicesId', 'institution:social_services'),
      guards: [juvenileGuards.accusedUnderTwelve],
      action: 'decision.record',
      actionParams: { decision: 'close' },
      effects: [{ kind: 'complete_deadlines', names: ['decide_file'] }],
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
        ...decisionGuards,
        juvenileGuards.mediationOffered,
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
    // The counsellor and the mediator see who the file is about and what happened: their report
    // and their session need it. They never see the investigation notes.
    summary: {
      read: ['prosecutor', 'chief_prosecutor', 'judge', 'child_protection_counsellor', 'mediator'],
      write: ['prosecutor', 'chief_prosecutor'],
    },
    parties: {
      read: [
        'prosecutor',
        'chief_prosecutor',
        'judge',
        'lawyer',
        'child_protection_counsellor',
        'mediator',
      ],
      write: ['prosecutor', 'chief_prosecutor'],
    },
    investigation_notes: {
      read: ['prosecutor', 'chief_prosecutor'],
      write: ['prosecutor', 'chief_prosecutor'],
    },
    // Risk assessments, referrals and protection measures say where a victim is and who helps
    // her: never for the accused's lawyer, nor for the counsellor or mediator of the file.
    victim_protection: {
      read: ['prosecutor', 'chief_prosecutor', 'judge'],
      write: ['prosecutor', 'chief_prosecutor'],
    },
  },
});
