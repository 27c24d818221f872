/**
 * What guards may know about a file when an event is fired. The server loads these facts in the
 * same transaction as the event, so a guard never decides on stale data.
 */
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
  parties: readonly { id: string; personId: string; role: PartyRole }[];
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
  };
}
