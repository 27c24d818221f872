/**
 * Shapes of the services' referral API (`GET /referrals`, `POST /referrals/:id/accept|decline|
 * close`; see referrals.schemas.ts): what a service sees of a referral, enough to reach the victim
 * and help her, never the criminal file.
 */
export type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'closed';
export type RiskLevel = 'low' | 'medium' | 'high' | 'severe';

export interface Office {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
}

export interface ServiceReferral {
  id: string;
  version: number;
  service: string;
  status: ReferralStatus;
  /** override: sent by a chief prosecutor's decision without the victim's consent. */
  consent: 'given' | 'override';
  victim: { nameAr: string; nameLatin: string | null; phone: string | null };
  /** The victim's latest risk assessment on the referring file; null if none. */
  riskLevel: RiskLevel | null;
  referringOffice: Office;
  /** The service the referral was sent to (the reader's). */
  institution: Office;
  note: string | null;
  sentAt: string;
  respondedAt: string | null;
  feedback: string | null;
  closedAt: string | null;
  closingFeedback: string | null;
}

/** What a service may do with a referral, by its status. */
export type ReferralAnswer = 'accept' | 'decline' | 'close';

export const ANSWERS_BY_STATUS: Readonly<Record<ReferralStatus, readonly ReferralAnswer[]>> = {
  sent: ['accept', 'decline'],
  accepted: ['close'],
  declined: [],
  closed: [],
};

/** Declining and closing say why; accepting may. */
export const FEEDBACK_REQUIRED: Readonly<Record<ReferralAnswer, boolean>> = {
  accept: false,
  decline: true,
  close: true,
};

export const STATUS_FILTERS = ['open', 'sent', 'accepted', 'declined', 'closed', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The status filter of the address; the default shows what still needs the service. */
export function statusFilterOf(value: string | null): StatusFilter {
  return (STATUS_FILTERS as readonly string[]).includes(value ?? '')
    ? (value as StatusFilter)
    : 'open';
}

/**
 * Whether a referral is shown under a filter: "open" is what still needs the service (sent, to
 * answer, and accepted, to close); the others are one status or all of them.
 */
export function matchesFilter(status: ReferralStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return status === 'sent' || status === 'accepted';
  return status === filter;
}
