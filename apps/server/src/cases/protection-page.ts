/**
 * The victim protection parts of the case page (issue 6): the risk assessments (newest first, the
 * history kept), the referrals to services with their answers, and the protection measures with
 * their violations. They say where a victim is and who helps her, so the case type's
 * `victim_protection` field rights decide who sees them; the others get empty lists. Victims are
 * named by party id only: the page's parties carry the names, masked as the reader must see them.
 */
import { measureStatusAt } from '@qadiya/domain';
import type { CasePageRows } from './case-page.repository';

/**
 * The protection parts, from the rows of the page's statement (case-page.repository.ts), with
 * the time the measures' status is judged at.
 */
export function protectionParts(
  rows: Pick<CasePageRows, 'assessments' | 'referrals' | 'measures' | 'violations'>,
  at: Date,
) {
  const { assessments, referrals, measures, violations } = rows;
  return { assessments, referrals, measures, violations, at };
}

type ProtectionParts = ReturnType<typeof protectionParts>;

const iso = (date: Date | null) => date?.toISOString() ?? null;
const person = (userId: string | null, nameAr: string | null, nameEn: string | null) =>
  userId ? { userId, nameAr, nameEn } : null;

/** `mayRead`: the reader's roles may read the file's `victim_protection` field. */
export function presentProtection(parts: ProtectionParts, mayRead: boolean) {
  if (!mayRead) {
    return { riskAssessments: [], referrals: [], protectionMeasures: [] };
  }
  return {
    riskAssessments: parts.assessments.map((r) => ({
      id: r.id,
      victimPartyId: r.victim_party_id,
      assessedAt: r.assessed_at.toISOString(),
      assessedBy: person(r.assessed_by, r.display_name_ar, r.display_name_en),
      questionnaireId: r.questionnaire_id,
      answers: r.answers,
      score: r.score,
      level: r.level,
    })),
    referrals: parts.referrals.map((s) => ({
      id: s.id,
      version: s.version,
      victimPartyId: s.victim_party_id,
      service: s.service,
      institution: {
        id: s.institution_id,
        code: s.institution_code,
        nameAr: s.institution_name_ar,
        nameEn: s.institution_name_en,
      },
      status: s.status,
      consent: s.consent,
      overrideReason: s.override_reason,
      note: s.note,
      sentAt: s.sent_at.toISOString(),
      sentBy: person(s.sent_by, s.display_name_ar, s.display_name_en),
      respondedAt: iso(s.responded_at),
      feedback: s.feedback,
      closedAt: iso(s.closed_at),
      closingFeedback: s.closing_feedback,
    })),
    protectionMeasures: parts.measures.map((m) => ({
      id: m.id,
      kind: m.kind,
      protectedPartyId: m.protected_party_id,
      againstPartyId: m.against_party_id,
      authority: m.authority,
      conditions: m.conditions,
      issuedAt: m.issued_at.toISOString(),
      expiresAt: m.expires_at.toISOString(),
      status: measureStatusAt(m.status, m.expires_at, parts.at),
      revokedAt: iso(m.revoked_at),
      revokeReason: m.revoke_reason,
      violations: parts.violations
        .filter((v) => v.measure_id === m.id)
        .map((v) => ({
          id: v.id,
          occurredAt: v.occurred_at.toISOString(),
          description: v.description,
          recordedAt: v.recorded_at.toISOString(),
          newCase: v.new_case_id ? { id: v.new_case_id, reference: v.new_case_reference } : null,
        })),
    })),
  };
}
