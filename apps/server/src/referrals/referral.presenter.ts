/** Shapes a referral for the receiving service: the minimum information, never the file. */
import type { Static } from 'typebox';
import type { ServiceReferralRow } from './referrals.repository';
import type { ServiceReferral } from './referrals.schemas';

export function presentServiceReferral(row: ServiceReferralRow): Static<typeof ServiceReferral> {
  return {
    id: row.id,
    version: row.version,
    service: row.service,
    status: row.status,
    consent: row.consent,
    // The service has to reach the victim: the full name and the phone, unlike anyone outside
    // the file's team (policy/victim-protection.ts), and nothing else about the person.
    victim: {
      nameAr: [row.first_name_ar, row.father_name_ar, row.grandfather_name_ar, row.family_name_ar]
        .filter(Boolean)
        .join(' '),
      nameLatin: row.name_latin,
      phone: row.phone,
    },
    riskLevel: row.risk_level ?? null,
    referringOffice: {
      id: row.office_id,
      code: row.office_code,
      nameAr: row.office_name_ar,
      nameEn: row.office_name_en,
    },
    institution: {
      id: row.institution_id,
      code: row.institution_code,
      nameAr: row.institution_name_ar,
      nameEn: row.institution_name_en,
    },
    note: row.note,
    sentAt: row.sent_at.toISOString(),
    respondedAt: row.responded_at?.toISOString() ?? null,
    feedback: row.feedback,
    closedAt: row.closed_at?.toISOString() ?? null,
    closingFeedback: row.closing_feedback,
  };
}
