/**
 * Referrals of victims to services along the national referral pathway, and protection measures
 * (issue 6). The closed lists here are mirrored by CHECK constraints (migration 0012).
 */
import type { Labels } from '../workflow/types';

/** The services a victim is referred to; each is an institution of the social services kind. */
export const REFERRAL_SERVICES = [
  'health',
  'shelter',
  'social',
  'psychosocial',
  'legal_aid',
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export const REFERRAL_SERVICE_LABELS: Readonly<Record<ReferralService, Labels>> = {
  health: { ar: 'خدمات صحية', en: 'Health' },
  shelter: { ar: 'بيت آمن (إيواء)', en: 'Shelter' },
  social: { ar: 'خدمات اجتماعية', en: 'Social services' },
  psychosocial: { ar: 'دعم نفسي اجتماعي', en: 'Psychosocial support' },
  legal_aid: { ar: 'مساعدة قانونية', en: 'Legal aid' },
};

/**
 * The victim's consent recorded with a referral: given by the victim, or overridden by a chief
 * prosecutor in writing. Without either the referral is refused and nothing is sent.
 */
export const REFERRAL_CONSENTS = ['given', 'override'] as const;
export type ReferralConsent = (typeof REFERRAL_CONSENTS)[number];

export const REFERRAL_STATUSES = ['sent', 'accepted', 'declined', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, Labels>> = {
  sent: { ar: 'مرسلة', en: 'Sent' },
  accepted: { ar: 'مقبولة', en: 'Accepted' },
  declined: { ar: 'مرفوضة', en: 'Declined' },
  closed: { ar: 'مغلقة', en: 'Closed' },
};

/** What the receiving service does with a referral. */
export const REFERRAL_RESPONSES = ['accept', 'decline', 'close'] as const;
export type ReferralResponse = (typeof REFERRAL_RESPONSES)[number];

/**
 * The service accepts or declines a referral it was sent, and closes one it accepted once its work
 * is done. Anything else is out of order (null).
 */
export function referralStatusAfter(
  current: ReferralStatus,
  response: ReferralResponse,
): ReferralStatus | null {
  switch (response) {
    case 'accept':
      return current === 'sent' ? 'accepted' : null;
    case 'decline':
      return current === 'sent' ? 'declined' : null;
    case 'close':
      return current === 'accepted' ? 'closed' : null;
  }
}

export const PROTECTION_MEASURE_KINDS = ['no_contact', 'stay_away', 'temporary_custody'] as const;
export type ProtectionMeasureKind = (typeof PROTECTION_MEASURE_KINDS)[number];

export const PROTECTION_MEASURE_KIND_LABELS: Readonly<Record<ProtectionMeasureKind, Labels>> = {
  no_contact: { ar: 'منع التواصل مع الضحية', en: 'No contact with the victim' },
  stay_away: { ar: 'الابتعاد عن الضحية وأماكن وجودها', en: 'Stay away from the victim' },
  temporary_custody: { ar: 'ترتيب حضانة مؤقتة', en: 'Temporary custody arrangement' },
};

/** Who issued the measure: the prosecution itself, or a court (recorded by the prosecutor). */
export const MEASURE_AUTHORITIES = ['prosecution', 'court'] as const;
export type MeasureAuthority = (typeof MEASURE_AUTHORITIES)[number];

export const MEASURE_STATUSES = ['active', 'expired', 'revoked', 'violated'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/**
 * Where a measure stands at `at`. The stored status records what was decided and what happened
 * (active, violated, revoked); time alone makes a measure expired, so that no job has to run at
 * its expiry for the status to be right. The same rule as SQL: status IN ('active', 'violated')
 * AND expires_at <= now means expired.
 */
export function measureStatusAt(stored: MeasureStatus, expiresAt: Date, at: Date): MeasureStatus {
  if (stored === 'revoked' || stored === 'expired') return stored;
  return expiresAt.getTime() <= at.getTime() ? 'expired' : stored;
}

/** A measure binds (a violation can be recorded against it) while active or already violated. */
export function isMeasureInForce(stored: MeasureStatus, expiresAt: Date, at: Date): boolean {
  const status = measureStatusAt(stored, expiresAt, at);
  return status === 'active' || status === 'violated';
}
