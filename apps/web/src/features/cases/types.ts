/** Shapes of the case page API (GET /api/v1/cases/:id and /events); see cases.schemas.ts. */
import type { CaseHeader } from '../../api/intake';
import type { Labels } from '../../api/types';
import type { JsonSchema } from '../../components/forms/schema-fields';

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
  relationshipToAccused: string | null;
  nameAr: string;
  nameLatin: string | null;
  sex: 'female' | 'male' | null;
  dateOfBirth: string | null;
}

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
}

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

/** The case page: the header every list shows, and the file's parts. */
export interface CasePage extends CaseHeader {
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
}

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
