/**
 * The victim protection parts of the case page (issue 6): the risk assessments (newest first, the
 * history kept), the referrals to services with their answers, and the protection measures with
 * their violations. They say where a victim is and who helps her, so the case type's
 * `victim_protection` field rights decide who sees them; the others get empty lists. Victims are
 * named by party id only: the page's parties carry the names, masked as the reader must see them.
 */
import { measureStatusAt } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import type { CaseRow, Database } from '../db/schema';

type Db = Kysely<Database>;

export async function loadProtectionParts(db: Db, file: CaseRow, at: Date) {
  const [assessments, referrals, measures, violations] = await Promise.all([
    // Newest first by the file's own event order: two events may share a timestamp, never a seq.
    db
      .selectFrom('risk_assessments as r')
      .innerJoin('case_events as e', 'e.id', 'r.event_id')
      .leftJoin('users as u', 'u.id', 'r.assessed_by')
      .selectAll('r')
      .select(['u.display_name_ar', 'u.display_name_en'])
      .where('r.case_id', '=', file.id)
      .orderBy('e.seq', 'desc')
      .execute(),
    db
      .selectFrom('service_referrals as s')
      .innerJoin('case_events as e', 'e.id', 's.event_id')
      .innerJoin('institutions as i', 'i.id', 's.institution_id')
      .leftJoin('users as u', 'u.id', 's.sent_by')
      .selectAll('s')
      .select([
        'i.code as institution_code',
        'i.name_ar as institution_name_ar',
        'i.name_en as institution_name_en',
        'u.display_name_ar',
        'u.display_name_en',
      ])
      .where('s.case_id', '=', file.id)
      .orderBy('e.seq', 'desc')
      .execute(),
    db
      .selectFrom('protection_measures as m')
      .innerJoin('case_events as e', 'e.id', 'm.event_id')
      .selectAll('m')
      .where('m.case_id', '=', file.id)
      .orderBy('e.seq', 'desc')
      .execute(),
    db
      .selectFrom('protection_measure_violations as v')
      .innerJoin('case_events as e', 'e.id', 'v.event_id')
      .leftJoin('cases as c', 'c.id', 'v.new_case_id')
      .selectAll('v')
      .select(['c.reference as new_case_reference'])
      .where('v.case_id', '=', file.id)
      .orderBy('v.occurred_at')
      .orderBy('e.seq')
      .execute(),
  ]);
  return { assessments, referrals, measures, violations, at };
}

type ProtectionParts = Awaited<ReturnType<typeof loadProtectionParts>>;

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
