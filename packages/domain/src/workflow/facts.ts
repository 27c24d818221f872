/**
 * What guards may know about a file when an event is fired. The server loads these facts in the
 * same transaction as the event, so a guard never decides on stale data.
 */
import type { GbvType } from '../justice/family-protection';
import type { AgeStatus, MediationStatus } from '../justice/juvenile';
import type { Role } from '../organisation/roles';

export type PartyRole =
  'accused' | 'victim' | 'complainant' | 'witness' | 'guardian' | 'lawyer' | 'counsellor';

export type OffenceClass = 'felony' | 'misdemeanour' | 'contravention';

export type ChargeDisposition =
  'pending' | 'dropped' | 'indicted' | 'convicted' | 'acquitted' | 'dismissed' | 'diverted';

export interface CaseFacts {
  caseType: string;
  state: string;
  now: Date;
  /** The actor's roles that count for this file. */
  actorRoles: readonly Role[];
  /** The file's incident date (`YYYY-MM-DD`), when known. */
  incidentDate: string | null;
  parties: readonly {
    id: string;
    personId: string;
    role: PartyRole;
    /** The person's date of birth (`YYYY-MM-DD`), when known. */
    dateOfBirth: string | null;
    /** Age status on the party's offence date (justice/juvenile.ts), as the server derived it. */
    ageStatus: AgeStatus;
    sex: 'female' | 'male' | null;
    /** How this party is related to the accused (justice/family-protection.ts), when recorded. */
    relationshipToAccused: string | null;
  }[];
  charges: readonly {
    id: string;
    partyId: string;
    offenceClass: OffenceClass;
    disposition: ChargeDisposition;
  }[];
  detentions: readonly {
    id: string;
    partyId: string;
    isOpen: boolean;
    currentExpiry: Date | null;
  }[];
  hearings: readonly {
    id: string;
    status: 'scheduled' | 'held' | 'adjourned' | 'cancelled';
    startsAt: Date;
  }[];
  /** Deadlines of this file not yet completed. */
  openDeadlines: readonly { name: string; dueAt: Date }[];
  /** An accused was a child at the offence (juvenile rules apply). */
  isJuvenileFile: boolean;
  /** Family protection file (justice/family-protection.ts), as the server classified it. */
  isFamilyProtection: boolean;
  /** The incident's GBVIMS type, once classified. */
  gbvType: GbvType | null;
  /** Where the matter stands on mediation (this file's, or for a court, the prosecution's). */
  mediationStatus: MediationStatus | null;
  /** Event names already recorded on this file. */
  recordedEvents: readonly string[];
  /** Event names recorded on any file of the same matter (this one included). */
  matterRecordedEvents: readonly string[];
}

export function emptyFacts(caseType: string, state: string, now: Date): CaseFacts {
  return {
    caseType,
    state,
    now,
    actorRoles: [],
    parties: [],
    charges: [],
    detentions: [],
    hearings: [],
    openDeadlines: [],
    incidentDate: null,
    isJuvenileFile: false,
    isFamilyProtection: false,
    gbvType: null,
    mediationStatus: null,
    recordedEvents: [],
    matterRecordedEvents: [],
  };
}
