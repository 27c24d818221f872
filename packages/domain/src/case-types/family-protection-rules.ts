/**
 * The family protection rules as guards and events the case types share (DESIGN.md "Family
 * protection and gender"; justice/family-protection.ts classifies files). No mediation in violence
 * against women: the refusal is audited, and only a chief prosecutor may override it in writing.
 */
import { Type } from 'typebox';
import { GBV_TYPES, missingFamilyProtectionDetails } from '../justice/family-protection';
import type { Role } from '../organisation/roles';
import type { CaseFacts } from '../workflow/facts';
import { defineEvent, type Guard } from '../workflow/types';

export const FAMILY_PROTECTION_EVENTS = {
  mediationOverride: 'override_mediation_block',
  // Victim protection (victim-protection-events.ts).
  riskAssessment: 'assess_risk',
  referral: 'refer_to_service',
  measureIssued: 'issue_protection_measure',
  measureViolation: 'record_measure_violation',
  measureRevoked: 'revoke_protection_measure',
} as const;

const isVictim = (p: CaseFacts['parties'][number]) =>
  p.role === 'victim' || p.role === 'complainant';

/** Violence against women (issue 6): a family protection file with a female victim, or GBV. */
export function isViolenceAgainstWomen(facts: CaseFacts): boolean {
  return (
    facts.isFamilyProtection &&
    (facts.gbvType !== null || facts.parties.some((p) => isVictim(p) && p.sex === 'female'))
  );
}

export const familyProtectionGuards = {
  /** Mediation and conciliation are not offered to a woman victim of violence. */
  noMediationInViolenceAgainstWomen: {
    code: 'MEDIATION_FORBIDDEN_VAW',
    message: {
      ar: 'لا وساطة ولا مصالحة في قضايا العنف ضد المرأة: الملف ملف حماية أسرة بضحية أنثى أو مصنف عنفاً قائماً على النوع الاجتماعي. لا يتجاوز ذلك إلا رئيس النيابة بقرار مكتوب',
      en: 'No mediation or conciliation in violence against women: this family protection file has a female victim or a GBV classification. Only a chief prosecutor may override it, in writing',
    },
    holds: (facts: CaseFacts) =>
      !isViolenceAgainstWomen(facts) ||
      facts.recordedEvents.includes(FAMILY_PROTECTION_EVENTS.mediationOverride),
    audited: true,
  },
  /** Decisions wait until the file says who its people are (sex, age, relationship). */
  detailsComplete: {
    code: 'FAMILY_PROTECTION_DETAILS_MISSING',
    message: {
      ar: 'ملف حماية الأسرة يتطلب جنس وتاريخ ميلاد كل ضحية ومشتكى عليه وصلة الضحية بالمشتكى عليه قبل القرار',
      en: 'A family protection file needs the sex and date of birth of every victim and accused, and the relationship of each victim to the accused, before a decision',
    },
    holds: (facts: CaseFacts) =>
      !facts.isFamilyProtection ||
      missingFamilyProtectionDetails(
        facts.parties.map((p) => ({
          role: p.role,
          sex: p.sex,
          relationshipToAccused: p.relationshipToAccused,
          ageAtOffence: null,
          hasDateOfBirth: p.dateOfBirth !== null,
        })),
      ).length === 0,
  },
  familyProtectionFile: {
    code: 'NOT_A_FAMILY_PROTECTION_FILE',
    message: {
      ar: 'هذا الإجراء خاص بملفات حماية الأسرة',
      en: 'This step is for family protection files only',
    },
    holds: (facts: CaseFacts) => facts.isFamilyProtection,
  },
} satisfies Record<string, Guard<never>>;

/** Exactly one GBVIMS type per incident, by the act; classifying again replaces it. */
export function classifyGbvEvent<S extends string>(from: readonly S[], roles: readonly Role[]) {
  return defineEvent({
    labels: {
      ar: 'تصنيف حادثة العنف القائم على النوع الاجتماعي',
      en: 'Classify the GBV incident (GBVIMS)',
    },
    from,
    roles,
    payload: Type.Object(
      {
        gbvType: Type.Enum(GBV_TYPES),
        note: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
      },
      { additionalProperties: false },
    ),
    guards: [familyProtectionGuards.familyProtectionFile],
    action: 'classification.gbv',
  });
}

/** A chief prosecutor's written decision to allow mediation despite the block; audited as an event. */
export function overrideMediationBlockEvent<S extends string>(from: readonly S[]) {
  return defineEvent({
    labels: {
      ar: 'السماح بالوساطة استثناءً (قرار مسبب من رئيس النيابة)',
      en: 'Allow mediation by exception (chief prosecutor, written reason)',
    },
    from,
    roles: ['chief_prosecutor'],
    payload: Type.Object(
      { reason: Type.String({ minLength: 20, maxLength: 4000 }) },
      { additionalProperties: false },
    ),
    guards: [familyProtectionGuards.familyProtectionFile],
  });
}
