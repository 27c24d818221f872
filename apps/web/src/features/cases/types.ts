/** Shapes of the case page API (GET /api/v1/cases/:id and /events); see cases.schemas.ts. */
import type { CaseHeader } from '../../api/intake';
import type { Labels } from '../../api/types';
import type { JsonSchema } from '../../components/forms/schema-fields';
import type { MediationStatus, MediationStep } from './mediation-path';

export interface EventOption {
  name: string;
  labels: Labels;
  toState: string | null;
  payloadSchema: JsonSchema;
}

export interface TeamMember {
  userId: string;
  role: string;
  isLead: boolean;
  nameAr: string;
  nameEn: string;
  assignedAt: string;
}

export interface Party {
  id: string;
  personId: string;
  role: string;
  roleLabels: Labels | null;
  /** An enum code of the domain's RELATIONSHIPS; its label is a payload label. */
  relationshipToAccused: string | null;
  /** Initials, no date of birth: a protected victim seen from outside the file's team. */
  isMasked: boolean;
  /** The victim's address is kept even from the accused's lawyer. */
  addressConfidential: boolean;
  nameAr: string;
  nameLatin: string | null;
  sex: 'female' | 'male' | null;
  dateOfBirth: string | null;
  /** Whole years on the offence date, derived by the server; null when a date is unknown. */
  ageAtOffence: number | null;
  ageStatus: AgeStatus;
}

export type AgeStatus = 'under_age' | 'juvenile' | 'adult' | 'unknown';

export interface Charge {
  id: string;
  partyId: string;
  offence: {
    code: string;
    titleAr: string;
    titleEn: string;
    class: 'felony' | 'misdemeanour' | 'contravention';
    lawAr: string;
    article: string;
  };
  disposition: string;
  custodialMonths: number | null;
  /** A PostgreSQL numeric: may arrive as a string. */
  fineAmount: number | string | null;
  incidentDate: string | null;
}

export interface DetentionOrder {
  id: string;
  authority: 'police' | 'prosecution' | 'court';
  issuedAt: string;
  startsAt: string;
  expiresAt: string;
  reason: string | null;
}

export interface Detention {
  id: string;
  partyId: string;
  arrestedAt: string;
  place: string | null;
  releasedAt: string | null;
  releaseReason: string | null;
  currentExpiry: string | null;
  orders: DetentionOrder[];
  /** Fixed at the arrest: the detainee was a child at the offence. */
  isJuvenile: boolean;
  facility: DetentionFacility | null;
  lastResortJustification: string | null;
}

export type DetentionFacility = 'police_custody' | 'juvenile_centre' | 'adult_centre';

export interface Hearing {
  id: string;
  courtId: string;
  room: string;
  startsAt: string;
  endsAt: string;
  status: string;
  minutes: string | null;
  adjournReason: string | null;
  nextHearingId: string | null;
  judges: { userId: string; nameAr: string | null; nameEn: string | null }[];
}

export interface Deadline {
  id: string;
  name: string;
  titleAr: string;
  titleEn: string;
  kind: string;
  priority: string;
  dueAt: string;
}

export interface LinkedFile {
  /** Null when you may not open that file. */
  id: string | null;
  caseType: string;
  state: string;
  reference: string | null;
  intakeStatus: string;
  institution: { id: string; nameAr: string; nameEn: string };
  openedAt: string;
  canOpen: boolean;
}

export interface CaseTypeInfo {
  caseType: string;
  labels: Labels;
  states: Record<string, { labels: Labels }>;
}

export interface PersonRef {
  userId: string;
  nameAr: string;
  nameEn: string;
}

export interface Justified {
  justification: string;
  at: string;
}

export interface SocialReport {
  id: string;
  counsellor: PersonRef;
  instructedAt: string;
  dueAt: string;
  submittedAt: string | null;
  familySituation: string | null;
  education: string | null;
  health: string | null;
  circumstances: string | null;
  recommendation: string | null;
  recommendationNote: string | null;
}

/** Null when the file is not a juvenile file and no accused's age is unknown. */
export interface JuvenileInfo {
  isJuvenileFile: boolean;
  /** An accused's age is unknown and no override was recorded. */
  ageToVerify: boolean;
  ageOverride: Justified | null;
  socialReport: {
    status: 'not_instructed' | 'instructed' | 'submitted' | 'overridden';
    override: Justified | null;
    reports: SocialReport[];
  };
}

/** Null when mediation was never offered; a court file shows its matter's prosecution file's. */
export interface MediationInfo {
  status: MediationStatus;
  steps: MediationStep[];
  mediator: PersonRef | null;
  agreement: {
    signedAt: string;
    complianceDueDate: string;
    obligations: { kind: string; detail: string }[];
  } | null;
}

export type FamilyProtectionReason =
  'family_relationship' | 'gbv_offence' | 'communication_threat_against_woman';

/** Null for a file that is not a family protection file. */
export interface FamilyProtectionInfo {
  reasons: FamilyProtectionReason[];
  linksCybercrime: boolean;
  gbvType: string | null;
  gbvFlags: { intimatePartner: boolean; childVictim: boolean; earlyMarriage: boolean };
  /** What a decision needs and the file lacks: 'sex', 'dateOfBirth', 'relationshipToAccused'. */
  missingDetails: string[];
  mediationBlocked: boolean;
  mediationOverride: { reason: string; at: string } | null;
}

export type RiskLevel = 'low' | 'medium' | 'high' | 'severe';

/** One risk assessment of a victim; the file keeps every one (history). */
export interface RiskAssessment {
  id: string;
  victimPartyId: string;
  assessedAt: string;
  assessedBy: PersonRef | null;
  questionnaireId: string;
  /** The answer id chosen for each question id. */
  answers: Record<string, string>;
  score: number;
  level: RiskLevel;
}

export type ReferralStatus = 'sent' | 'accepted' | 'declined' | 'closed';

/** A referral of a victim to a service of the national referral pathway. */
export interface Referral {
  id: string;
  version: number;
  victimPartyId: string;
  service: string;
  institution: { id: string; code: string; nameAr: string; nameEn: string };
  status: ReferralStatus;
  consent: 'given' | 'override';
  overrideReason: string | null;
  note: string | null;
  sentAt: string;
  sentBy: PersonRef | null;
  respondedAt: string | null;
  /** The service's answer when it accepted or declined. */
  feedback: string | null;
  closedAt: string | null;
  /** The service's word when it closed the referral. */
  closingFeedback: string | null;
}

export type MeasureStatus = 'active' | 'expired' | 'revoked' | 'violated';

export interface MeasureViolation {
  id: string;
  occurredAt: string;
  description: string;
  recordedAt: string;
  /** The linked file opened for the violation, if one was. */
  newCase: { id: string; reference: string | null } | null;
}

export interface ProtectionMeasure {
  id: string;
  kind: string;
  protectedPartyId: string;
  againstPartyId: string;
  authority: 'prosecution' | 'court';
  conditions: string;
  issuedAt: string;
  expiresAt: string;
  /** Where the measure stands now (an expired one says so whatever was stored). */
  status: MeasureStatus;
  revokedAt: string | null;
  revokeReason: string | null;
  violations: MeasureViolation[];
}

/** The case page: the header every list shows, and the file's parts. */
export interface CasePage extends CaseHeader {
  isJuvenile: boolean;
  isFamilyProtection: boolean;
  summary: string | null;
  institution: { id: string; code: string; nameAr: string; nameEn: string };
  myRoles: string[];
  team: TeamMember[];
  parties: Party[] | null;
  charges: Charge[];
  detentions: Detention[];
  hearings: Hearing[] | null;
  deadlines: Deadline[];
  linkedFiles: LinkedFile[];
  availableEvents: EventOption[];
  juvenile: JuvenileInfo | null;
  mediation: MediationInfo | null;
  familyProtection: FamilyProtectionInfo | null;
  /** Victim protection, newest first; empty for roles that may not read it. */
  riskAssessments: RiskAssessment[];
  referrals: Referral[];
  protectionMeasures: ProtectionMeasure[];
}

/**
 * The answer to an event after which its actor may no longer open the file (a mediator recording
 * that the mediation failed): the event stands, and only the file's header comes back.
 */
export interface AccessEnded extends CaseHeader {
  accessEnded: true;
}

/** What `POST /cases/:id/events` answers: the new case page, or the end of the actor's part. */
export type EventAnswer = CasePage | AccessEnded;

export interface TimelineEvent {
  id: string;
  seq: number;
  eventType: string;
  labels: Labels;
  actor: { userId: string; nameAr: string | null; nameEn: string | null } | null;
  occurredAt: string;
  workflowVersion: number;
  payload: Record<string, unknown>;
  stateBefore: string | null;
  stateAfter: string;
}

export interface Timeline {
  events: TimelineEvent[];
}
