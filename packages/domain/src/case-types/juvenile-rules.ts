/**
 * The juvenile rules of the Decree-Law 4/2016 as guards and events that the case types share
 * (DESIGN.md "Juvenile justice"). The facts carry each party's age status, derived by the server
 * from the date of birth and the offence date (justice/juvenile.ts); these guards only read them.
 */
import { Type } from 'typebox';
import {
  criminalAgeStatus,
  isChildStatus,
  MEDIATION_OBLIGATIONS,
  SOCIAL_REPORT_RECOMMENDATIONS,
} from '../justice/juvenile';
import type { Role } from '../organisation/roles';
import type { CaseFacts } from '../workflow/facts';
import { Ref } from '../workflow/references';
import { defineEvent, type Guard } from '../workflow/types';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const childAccused = (facts: CaseFacts) =>
  facts.parties.filter((p) => p.role === 'accused' && isChildStatus(p.ageStatus));

/** Event names the guards look for in the file's (or the matter's) history. */
export const JUVENILE_EVENTS = {
  ageOverride: 'override_age_verification',
  reportSubmitted: 'submit_social_report',
  reportOverride: 'override_social_report',
} as const;

/** Files that hold an accused under 18: the facts say so (derived by the server). */
export const juvenileGuards = {
  /** Art. 2: no criminal responsibility under 12, so no charge (the child goes to child protection). */
  chargeableAge: {
    code: 'UNDER_AGE_OF_CRIMINAL_RESPONSIBILITY',
    message: {
      ar: 'لا يجوز توجيه تهمة لطفل لم يتم الثانية عشرة وقت ارتكاب الفعل؛ يُحال إلى حماية الطفولة',
      en: 'A child under 12 at the offence cannot be charged; refer the child to child protection',
    },
    holds: (facts: CaseFacts, payload: { partyId: string; incidentDate?: string }) => {
      const party = facts.parties.find((p) => p.id === payload.partyId);
      if (!party) return true;
      const offenceDate = payload.incidentDate ?? facts.incidentDate;
      const status = offenceDate
        ? criminalAgeStatus(party.dateOfBirth, offenceDate).status
        : party.ageStatus;
      return status !== 'under_age';
    },
  },
  /** An accused of unknown age blocks decisions until the age is verified or overridden. */
  ageVerified: {
    code: 'AGE_TO_BE_VERIFIED',
    message: {
      ar: 'عمر المشتكى عليه غير مثبت: صحّح تاريخ الميلاد أو سجّل تجاوزاً مسبباً قبل القرار',
      en: "An accused's age is not verified: record the date of birth, or a justified override, before deciding",
    },
    holds: (facts: CaseFacts) =>
      facts.recordedEvents.includes(JUVENILE_EVENTS.ageOverride) ||
      !facts.parties.some((p) => p.role === 'accused' && p.ageStatus === 'unknown'),
  },
  /** Decisions and judgments on a juvenile file wait for the counsellor's social research report. */
  socialReportOnFile: {
    code: 'SOCIAL_REPORT_REQUIRED',
    message: {
      ar: 'لا يجوز القرار في ملف حدث قبل إيداع تقرير البحث الاجتماعي أو تسجيل تجاوز مسبب',
      en: 'A juvenile file needs the social research report (or a justified override) before this decision',
    },
    holds: (facts: CaseFacts) =>
      !facts.isJuvenileFile ||
      facts.matterRecordedEvents.includes(JUVENILE_EVENTS.reportSubmitted) ||
      facts.recordedEvents.includes(JUVENILE_EVENTS.reportOverride),
  },
  /** Art. 23: for a misdemeanour or contravention of a juvenile, mediation is offered first. */
  mediationOffered: {
    code: 'MEDIATION_NOT_OFFERED',
    message: {
      ar: 'يجب عرض الوساطة على الحدث في الجنح والمخالفات قبل إصدار لائحة الاتهام (المادة 23)',
      en: 'Mediation must be offered to a juvenile before indictment for a misdemeanour or contravention (Art. 23)',
    },
    holds: (facts: CaseFacts, payload: { chargeIds: string[] }) => {
      if (facts.mediationStatus !== null) return true;
      const children = new Set(childAccused(facts).map((p) => p.id));
      return !facts.charges.some(
        (c) =>
          payload.chargeIds.includes(c.id) &&
          children.has(c.partyId) &&
          c.offenceClass !== 'felony',
      );
    },
  },
  juvenileFile: {
    code: 'NOT_A_JUVENILE_FILE',
    message: {
      ar: 'هذا الإجراء خاص بملفات الأحداث',
      en: 'This step is for juvenile files only',
    },
    holds: (facts: CaseFacts) => facts.isJuvenileFile,
  },
  accusedUnderTwelve: {
    code: 'NO_ACCUSED_UNDER_12',
    message: {
      ar: 'لا يوجد في الملف طفل دون الثانية عشرة',
      en: 'The file has no accused under 12',
    },
    holds: (facts: CaseFacts) =>
      facts.parties.some((p) => p.role === 'accused' && p.ageStatus === 'under_age'),
  },
  /** A child under 12 is never detained; a juvenile only as a last resort, never with adults. */
  detentionOfChild: {
    code: 'UNDER_AGE_DETENTION_REFUSED',
    message: {
      ar: 'لا يجوز توقيف طفل لم يتم الثانية عشرة',
      en: 'A child under 12 cannot be detained',
    },
    holds: (facts: CaseFacts, payload: { partyId: string }) =>
      facts.parties.find((p) => p.id === payload.partyId)?.ageStatus !== 'under_age',
  },
  juvenileDetentionJustified: {
    code: 'JUVENILE_DETENTION_NOT_JUSTIFIED',
    message: {
      ar: 'توقيف الحدث ملاذ أخير: يجب تسجيل مبررات التوقيف',
      en: 'Detaining a juvenile is a last resort: record the justification',
    },
    holds: (facts: CaseFacts, payload: { partyId: string; lastResortJustification?: string }) =>
      facts.parties.find((p) => p.id === payload.partyId)?.ageStatus !== 'juvenile' ||
      Boolean(payload.lastResortJustification?.trim()),
  },
  juvenileNotWithAdults: {
    code: 'JUVENILE_IN_ADULT_FACILITY',
    message: {
      ar: 'لا يجوز إيداع الحدث في مركز توقيف للبالغين',
      en: 'A juvenile may not be held in a facility for adults',
    },
    holds: (facts: CaseFacts, payload: { partyId: string; facility?: string }) =>
      facts.parties.find((p) => p.id === payload.partyId)?.ageStatus !== 'juvenile' ||
      payload.facility !== 'adult_centre',
  },
  /** No death or life sentence for a juvenile (DESIGN.md). */
  juvenileSentence: {
    code: 'JUVENILE_SENTENCE_NOT_ALLOWED',
    message: {
      ar: 'لا يجوز الحكم على الحدث بالإعدام أو بالسجن المؤبد',
      en: 'A juvenile cannot be sentenced to death or to life imprisonment',
    },
    holds: (facts: CaseFacts, payload: { judgments: { sentence?: string }[] }) =>
      !facts.isJuvenileFile ||
      payload.judgments.every((j) => j.sentence !== 'death' && j.sentence !== 'life_imprisonment'),
  },
} satisfies Record<string, Guard<never>>;

export const mediationGuards = {
  consents: {
    code: 'MEDIATION_CONSENT_MISSING',
    message: {
      ar: 'الوساطة تتطلب موافقة الحدث أو وليه وموافقة المجني عليه واعتراف الحدث بالوقائع',
      en: "Mediation needs the juvenile's or guardian's consent, the victim's consent and the juvenile's admission of the facts",
    },
    holds: (facts: CaseFacts, payload: { victimConsent: boolean; admissionOfFacts: boolean }) =>
      payload.admissionOfFacts &&
      (payload.victimConsent || !facts.parties.some((p) => p.role === 'victim')),
  },
  noPlacement: {
    code: 'MEDIATION_PLACEMENT_REFUSED',
    message: {
      ar: 'لا يجوز أن يتضمن اتفاق الوساطة إيداع الحدث في مؤسسة',
      en: 'A mediation agreement cannot place the juvenile in an institution',
    },
    holds: (_facts: CaseFacts, payload: { obligations: { kind: string }[] }) =>
      payload.obligations.every((o) => o.kind !== 'placement'),
  },
} satisfies Record<string, Guard<never>>;

export const JustificationPayload = Type.Object(
  { justification: Text(4000) },
  { additionalProperties: false },
);

/** The prosecutor's (or the judge's) justified decision to go on without the report. */
export function overrideSocialReportEvent<S extends string>(
  from: readonly S[],
  roles: readonly Role[],
) {
  return defineEvent({
    labels: {
      ar: 'تجاوز تقرير البحث الاجتماعي (مسبب)',
      en: 'Proceed without the social research report (justified)',
    },
    from,
    roles,
    payload: JustificationPayload,
    guards: [juvenileGuards.juvenileFile],
  });
}

export const InstructCounsellorPayload = Type.Object(
  {
    counsellorUserId: Ref('counsellor'),
    dueDate: Type.String({ format: 'date-time' }),
    note: Type.Optional(Text(4000)),
  },
  { additionalProperties: false },
);

export const SocialReportPayload = Type.Object(
  {
    familySituation: Text(8000),
    education: Text(8000),
    health: Text(8000),
    circumstances: Text(8000),
    recommendation: Type.Enum(SOCIAL_REPORT_RECOMMENDATIONS),
    recommendationNote: Type.Optional(Text(8000)),
  },
  { additionalProperties: false },
);

export const ReferToMediationPayload = Type.Object(
  {
    consentGivenBy: Type.Enum(['juvenile', 'guardian'] as const),
    victimConsent: Type.Boolean(),
    admissionOfFacts: Type.Boolean(),
    mediatorUserId: Ref('mediator'),
  },
  { additionalProperties: false },
);

export const MediationAgreementPayload = Type.Object(
  {
    signedAt: Type.String({ format: 'date-time' }),
    minutes: Text(20000),
    obligations: Type.Array(
      Type.Object(
        { kind: Type.Enum(MEDIATION_OBLIGATIONS), detail: Text(2000) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    complianceDueDate: Type.String({ format: 'date' }),
  },
  { additionalProperties: false },
);

export const ReasonPayload = Type.Object({ reason: Text(4000) }, { additionalProperties: false });
