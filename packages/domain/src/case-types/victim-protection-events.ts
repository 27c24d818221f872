/**
 * Victim protection on a family protection file (issue 6, items 3–5), as events of the prosecution
 * file: the risk assessment, referrals to services with the victim's consent, and protection
 * measures with their violations. What needs the database (the configured questionnaire, the
 * receiving institution, the measure named by a violation) is checked by the server's actions.
 */
import { Type } from 'typebox';
import {
  MEASURE_AUTHORITIES,
  PROTECTION_MEASURE_KINDS,
  REFERRAL_CONSENTS,
  REFERRAL_SERVICES,
} from '../justice/victim-services';
import type { Role } from '../organisation/roles';
import type { CaseFacts } from '../workflow/facts';
import { Ref } from '../workflow/references';
import { defineEvent, type Guard } from '../workflow/types';
import { guards } from './common-events';
import { familyProtectionGuards } from './family-protection-rules';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const DateTime = Type.String({ format: 'date-time' });

const isVictimOf = (facts: CaseFacts, partyId: string) =>
  facts.parties.some((p) => p.id === partyId && (p.role === 'victim' || p.role === 'complainant'));

const notAVictim = {
  code: 'NOT_A_VICTIM_OF_THIS_FILE',
  message: {
    ar: 'الشخص ليس ضحية (مجنياً عليه أو مشتكياً) في هذا الملف',
    en: 'That person is not a victim (or complainant) of this file',
  },
};

export const victimProtectionGuards = {
  victimParty: {
    ...notAVictim,
    holds: (facts: CaseFacts, payload: { victimPartyId: string }) =>
      isVictimOf(facts, payload.victimPartyId),
  },
  protectedParty: {
    ...notAVictim,
    holds: (facts: CaseFacts, payload: { protectedPartyId: string }) =>
      isVictimOf(facts, payload.protectedPartyId),
  },
  againstAccused: {
    ...guards.accusedParty,
    holds: (facts: CaseFacts, payload: { againstPartyId: string }) =>
      facts.parties.some((p) => p.id === payload.againstPartyId && p.role === 'accused'),
  },
  /** The national referral pathway: no referral without the victim's recorded consent. */
  consentRecorded: {
    code: 'REFERRAL_CONSENT_REQUIRED',
    message: {
      ar: 'الإحالة إلى الخدمات تتطلب موافقة الضحية المسجلة؛ لا تُرسل الإحالة دونها إلا بقرار مسبب من رئيس النيابة',
      en: "A referral to services needs the victim's recorded consent; without it nothing is sent, unless a chief prosecutor overrides in writing",
    },
    holds: (_facts: CaseFacts, payload: { consent?: string }) => payload.consent !== undefined,
    audited: true,
  },
  overrideByChief: {
    code: 'REFERRAL_OVERRIDE_CHIEF_ONLY',
    message: {
      ar: 'لا يتجاوز موافقة الضحية على الإحالة إلا رئيس النيابة',
      en: "Only a chief prosecutor may override the victim's consent to a referral",
    },
    holds: (facts: CaseFacts, payload: { consent?: string }) =>
      payload.consent !== 'override' || facts.actorRoles.includes('chief_prosecutor'),
    audited: true,
  },
  overrideReasoned: {
    code: 'REFERRAL_OVERRIDE_REASON_REQUIRED',
    message: {
      ar: 'تجاوز موافقة الضحية يتطلب سبباً مكتوباً',
      en: "Overriding the victim's consent needs a written reason",
    },
    holds: (_facts: CaseFacts, payload: { consent?: string; overrideReason?: string }) =>
      payload.consent !== 'override' || Boolean(payload.overrideReason?.trim()),
  },
} satisfies Record<string, Guard<never>>;

export const AssessRiskPayload = Type.Object(
  {
    victimPartyId: Ref('victim'),
    answers: Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 40 }), {
      description:
        'The answer chosen for each question of the risk questionnaire (GET /api/v1/risk-questionnaire): question id → answer id. Every question is answered; unknown ones are refused',
    }),
  },
  { additionalProperties: false },
);

export const ReferToServicePayload = Type.Object(
  {
    victimPartyId: Ref('victim'),
    service: Type.Enum(REFERRAL_SERVICES),
    institutionId: Ref('institution:social_services'),
    consent: Type.Optional(
      Type.Enum(REFERRAL_CONSENTS, {
        description:
          "given: the victim consented; override: a chief prosecutor's decision without it. Left out: no consent, and the referral is refused",
      }),
    ),
    overrideReason: Type.Optional(Type.String({ minLength: 20, maxLength: 4000 })),
    note: Type.Optional(Text(4000)),
  },
  { additionalProperties: false },
);

export const IssueMeasurePayload = Type.Object(
  {
    measureKind: Type.Enum(PROTECTION_MEASURE_KINDS),
    protectedPartyId: Ref('victim'),
    againstPartyId: Ref('accused'),
    authority: Type.Enum(MEASURE_AUTHORITIES),
    conditions: Text(8000),
    expiresAt: DateTime,
  },
  { additionalProperties: false },
);

export const MeasureViolationPayload = Type.Object(
  {
    measureId: Ref('protectionMeasure'),
    occurredAt: DateTime,
    description: Text(8000),
    openNewFile: Type.Boolean({
      description: 'Open a new prosecution file for the violation, linked in the same matter',
    }),
  },
  { additionalProperties: false },
);

export const RevokeMeasurePayload = Type.Object(
  { measureId: Ref('protectionMeasure'), reason: Text(4000) },
  { additionalProperties: false },
);

/** The four events of victim protection, for the prosecution file's open states. */
export function victimProtectionEvents<S extends string>(
  from: readonly S[],
  roles: readonly Role[],
) {
  const familyFile = familyProtectionGuards.familyProtectionFile;
  return {
    assess_risk: defineEvent({
      labels: { ar: 'تقييم الخطورة على الضحية', en: 'Assess the risk to the victim' },
      from,
      roles,
      payload: AssessRiskPayload,
      guards: [familyFile, victimProtectionGuards.victimParty],
      action: 'risk.assess',
    }),
    refer_to_service: defineEvent({
      labels: {
        ar: 'إحالة الضحية إلى خدمة (مسار التحويل الوطني)',
        en: 'Refer the victim to a service (national referral pathway)',
      },
      from,
      roles,
      payload: ReferToServicePayload,
      guards: [
        familyFile,
        victimProtectionGuards.victimParty,
        victimProtectionGuards.consentRecorded,
        victimProtectionGuards.overrideByChief,
        victimProtectionGuards.overrideReasoned,
      ],
      action: 'referral.send',
    }),
    issue_protection_measure: defineEvent({
      labels: { ar: 'إصدار تدبير حماية', en: 'Issue a protection measure' },
      from,
      roles,
      payload: IssueMeasurePayload,
      guards: [
        familyFile,
        victimProtectionGuards.protectedParty,
        victimProtectionGuards.againstAccused,
      ],
      action: 'measure.issue',
    }),
    record_measure_violation: defineEvent({
      labels: { ar: 'تسجيل خرق تدبير الحماية', en: 'Record a violation of a protection measure' },
      from,
      roles,
      payload: MeasureViolationPayload,
      guards: [familyFile],
      action: 'measure.violation',
    }),
    revoke_protection_measure: defineEvent({
      labels: { ar: 'إلغاء تدبير الحماية', en: 'Revoke a protection measure' },
      from,
      roles,
      payload: RevokeMeasurePayload,
      guards: [familyFile],
      action: 'measure.revoke',
    }),
  };
}
