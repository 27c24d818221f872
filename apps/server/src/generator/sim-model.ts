/**
 * A matter's files as the generator holds them while it simulates: the same rows the server's
 * tables would hold, kept in memory until the matter is done (rows change as events happen: a
 * charge's disposition, a hearing's status, a deadline's completion), then turned into cells.
 */
import type {
  AgeStatus,
  CaseTypeDefinition,
  ChargeDisposition,
  ConfidentialityLevel,
  MediationStatus,
  OffenceClass,
  PartyRole,
} from '@qadiya/domain';
import type { OrgInstitution } from './organisation';
import { bool, int, textArray, ts, tsOrNull, uuidArray, type Row, type TableName } from './rows';

export interface SimParty {
  id: string;
  personId: string;
  role: PartyRole;
  relationship: string | null;
  sex: 'female' | 'male' | null;
  addedAt: number;
  dateOfBirth: string | null;
  age: number | null;
  ageStatus: AgeStatus;
}

export interface SimCharge {
  id: string;
  partyId: string;
  offenceId: string;
  offenceClass: OffenceClass;
  isGbvRelated: boolean;
  linksCybercrime: boolean;
  incidentDate: string | null;
  sourceChargeId: string | null;
  disposition: ChargeDisposition;
  custodialMonths: number | null;
  fineAmount: string | null;
  disposedAt: number | null;
  createdAt: number;
}

export interface SimOrder {
  id: string;
  authority: 'police' | 'prosecution' | 'court';
  issuedBy: string | null;
  issuedAt: number;
  startsAt: number;
  expiresAt: number;
  reason: string;
}

export interface SimDetention {
  id: string;
  partyId: string;
  arrestedAt: number;
  place: string | null;
  releasedAt: number | null;
  releaseReason: string | null;
  facility: string | null;
  isJuvenile: boolean;
  justification: string | null;
  orders: SimOrder[];
}

export interface SimHearing {
  id: string;
  courtId: string;
  room: string;
  startsAt: number;
  endsAt: number;
  status: 'scheduled' | 'held' | 'adjourned' | 'cancelled';
  minutes: string | null;
  adjournReason: string | null;
  nextHearingId: string | null;
  summoned: string[];
  judges: string[];
  createdAt: number;
}

export interface SimDeadline {
  id: string;
  name: string;
  titleAr: string;
  titleEn: string;
  kind: 'deadline' | 'detention' | 'hearing' | 'task';
  priority: 'urgent' | 'high' | 'normal';
  dueAt: number;
  assigneeUserId: string | null;
  assigneeRole: string | null;
  createdByEvent: string | null;
  subjectId: string | null;
  completedAt: number | null;
  createdAt: number;
}

export interface SimAssignment {
  id: string;
  userId: string;
  role: string;
  isLead: boolean;
  assignedAt: number;
  assignedBy: string | null;
  reason: string;
  endedAt: number | null;
  endReason: string | null;
}

export interface SimReport {
  id: string;
  counsellorId: string;
  instructedBy: string;
  instructedAt: number;
  instructionEvent: string;
  dueAt: number;
  submittedAt: number | null;
  submissionEvent: string | null;
  texts: [string, string, string, string] | null;
  recommendation: string | null;
}

export interface SimFile {
  id: string;
  definition: CaseTypeDefinition;
  institution: OrgInstitution;
  unitId: string | null;
  state: string;
  version: number;
  intakeStatus: 'pending' | 'accepted';
  serial: number | null;
  year: number | null;
  reference: string | null;
  confidentiality: ConfidentialityLevel;
  summary: string | null;
  incidentDate: string | null;
  referredFromId: string | null;
  createdByMessage: string | null;
  isDisposed: boolean;
  openedAt: number;
  disposedAt: number | null;
  updatedAt: number;
  isJuvenile: boolean;
  /** Family protection (migration 0011), derived like the juvenile flag. */
  isFamilyProtection: boolean;
  familyProtectionReasons: string[];
  linksCybercrime: boolean;
  gbvType: string | null;
  gbv: { intimatePartner: boolean; childVictim: boolean; earlyMarriage: boolean };
  mediationStatus: MediationStatus | null;
  parties: SimParty[];
  charges: SimCharge[];
  detentions: SimDetention[];
  hearings: SimHearing[];
  deadlines: SimDeadline[];
  assignments: SimAssignment[];
  reports: SimReport[];
  recorded: Set<string>;
  lastEventAt: number;
}

export interface SimMatter {
  id: string;
  incidentDate: string;
  createdAt: number;
  files: SimFile[];
  recorded: Set<string>;
}

/** Appends a finished matter's rows (everything but events, links and outbox, already out). */
export function matterRows(matter: SimMatter, push: (table: TableName, row: Row) => void): void {
  push('matters', [matter.id, matter.incidentDate, ts(matter.createdAt)]);
  for (const f of matter.files) {
    push('cases', [
      f.id,
      matter.id,
      f.definition.caseType,
      String(f.definition.version),
      f.institution.id,
      f.unitId,
      f.state,
      String(f.version),
      f.intakeStatus,
      int(f.serial),
      int(f.year),
      f.reference,
      f.confidentiality,
      f.summary,
      f.incidentDate,
      f.referredFromId,
      f.createdByMessage,
      bool(f.isDisposed),
      ts(f.openedAt),
      tsOrNull(f.disposedAt),
      ts(f.openedAt),
      ts(f.updatedAt),
      bool(f.isJuvenile),
      f.mediationStatus,
      bool(f.isFamilyProtection),
      textArray(f.familyProtectionReasons),
      bool(f.linksCybercrime),
      f.gbvType,
      bool(f.gbv.intimatePartner),
      bool(f.gbv.childVictim),
      bool(f.gbv.earlyMarriage),
    ]);
  }
  for (const f of matter.files) {
    for (const p of f.parties) {
      push('parties', [
        p.id,
        f.id,
        p.personId,
        p.role,
        p.relationship,
        ts(p.addedAt),
        int(p.age),
        p.ageStatus,
      ]);
    }
    for (const c of f.charges) {
      push('charges', [
        c.id,
        f.id,
        c.partyId,
        c.offenceId,
        c.incidentDate,
        c.sourceChargeId,
        c.disposition,
        int(c.custodialMonths),
        c.fineAmount,
        tsOrNull(c.disposedAt),
        ts(c.createdAt),
      ]);
    }
    for (const d of f.detentions) {
      push('detentions', [
        d.id,
        f.id,
        d.partyId,
        ts(d.arrestedAt),
        d.place,
        tsOrNull(d.releasedAt),
        d.releaseReason,
        d.facility,
        bool(d.isJuvenile),
        d.justification,
      ]);
      for (const o of d.orders) {
        push('detention_orders', [
          o.id,
          d.id,
          o.authority,
          o.issuedBy,
          ts(o.issuedAt),
          ts(o.startsAt),
          ts(o.expiresAt),
          o.reason,
        ]);
      }
    }
    for (const h of f.hearings) {
      push('hearings', [
        h.id,
        f.id,
        h.courtId,
        h.room,
        ts(h.startsAt),
        ts(h.endsAt),
        h.status,
        h.minutes,
        h.adjournReason,
        h.nextHearingId,
        uuidArray(h.summoned),
        ts(h.createdAt),
      ]);
      for (const judge of h.judges) push('hearing_judges', [h.id, judge]);
    }
    for (const d of f.deadlines) {
      push('deadlines', [
        d.id,
        f.id,
        d.name,
        d.titleAr,
        d.titleEn,
        d.kind,
        d.priority,
        ts(d.dueAt),
        d.assigneeUserId,
        d.assigneeRole,
        f.institution.id,
        d.createdByEvent,
        d.subjectId,
        tsOrNull(d.completedAt),
        ts(d.createdAt),
      ]);
    }
    for (const a of f.assignments) {
      push('case_assignments', [
        a.id,
        f.id,
        a.userId,
        a.role,
        bool(a.isLead),
        ts(a.assignedAt),
        a.assignedBy,
        a.reason,
        tsOrNull(a.endedAt),
        a.endReason,
      ]);
    }
    for (const r of f.reports) {
      const [family, education, health, circumstances] = r.texts ?? [null, null, null, null];
      push('social_research_reports', [
        r.id,
        f.id,
        r.counsellorId,
        r.instructedBy,
        ts(r.instructedAt),
        r.instructionEvent,
        ts(r.dueAt),
        tsOrNull(r.submittedAt),
        r.submissionEvent,
        family,
        education,
        health,
        circumstances,
        r.recommendation,
        null,
      ]);
    }
  }
}
