/**
 * The juvenile parts of the case page: the age verification, the social research report and the
 * mediation path (Art. 23). A court file shows the mediation and the reports of its matter's
 * prosecution file, because that is what the court asks: was mediation offered, and what came of
 * it; what does the counsellor's report say.
 */
import type { MediationStatus, Role } from '@qadiya/domain';
import type { CaseRow } from '../db/schema';
import type { CasePageRows } from './case-page.repository';
import {
  FAMILY_PROTECTION_EVENTS,
  JUVENILE_EVENTS,
  missingFamilyProtectionDetails,
} from '@qadiya/domain';

/** The mediation events, in the order of the path, and the status each one records. */
const MEDIATION_EVENTS: Readonly<Record<string, MediationStatus>> = {
  offer_mediation: 'offered',
  decline_mediation: 'declined',
  refer_to_mediation: 'in_mediation',
  record_mediation_agreement: 'agreed',
  record_mediation_failure: 'failed',
  record_mediation_fulfilled: 'fulfilled',
  record_mediation_breach: 'failed',
};

/** Who may read the content of a social research report; the others see its status only. */
const REPORT_READERS: readonly Role[] = [
  'prosecutor',
  'chief_prosecutor',
  'judge',
  'child_protection_counsellor',
];

/** The events the juvenile, mediation and family protection parts are built from. */
export const JUVENILE_PAGE_EVENT_TYPES: readonly string[] = [
  ...Object.keys(MEDIATION_EVENTS),
  JUVENILE_EVENTS.ageOverride,
  JUVENILE_EVENTS.reportOverride,
  FAMILY_PROTECTION_EVENTS.mediationOverride,
];

type JuvenileRows = Pick<
  CasePageRows,
  'matterFiles' | 'events' | 'reports' | 'hasAccusedOfUnknownAge' | 'mediators'
>;

/** The juvenile parts, from the rows of the page's statement (case-page.repository.ts). */
export function juvenileParts(file: CaseRow, rows: JuvenileRows) {
  const { matterFiles, events, reports } = rows;
  const mediationFile = file.mediation_status
    ? file.id
    : matterFiles
        .filter((f) => f.mediation_status !== null)
        .sort((a, b) => b.updated_at.getTime() - a.updated_at.getTime())[0]?.id;
  const own = events.filter((e) => e.case_id === file.id);
  const lastOf = (type: string) => own.filter((e) => e.event_type === type).at(-1);
  const justified = (type: string) => {
    const event = lastOf(type);
    return event
      ? { justification: String(event.payload.justification), at: event.occurred_at }
      : null;
  };
  const mediationEvents = events.filter(
    (e) => e.case_id === mediationFile && Object.hasOwn(MEDIATION_EVENTS, e.event_type),
  );
  const mediatorId = mediationEvents.filter((e) => e.event_type === 'refer_to_mediation').at(-1)
    ?.payload.mediatorUserId;
  // PostgreSQL reads a uuid in either case and answers in lower case.
  const mediator =
    typeof mediatorId === 'string'
      ? rows.mediators.find((m) => m.id === mediatorId.toLowerCase())
      : undefined;
  const mediationOverride = lastOf(FAMILY_PROTECTION_EVENTS.mediationOverride);
  return {
    mediationOverride: mediationOverride
      ? { reason: String(mediationOverride.payload.reason), at: mediationOverride.occurred_at }
      : null,
    ageOverride: justified(JUVENILE_EVENTS.ageOverride),
    hasAccusedOfUnknownAge: rows.hasAccusedOfUnknownAge,
    reportOverride: justified(JUVENILE_EVENTS.reportOverride),
    reports,
    mediationFileIsOwn: mediationFile === file.id,
    mediationStatus: mediationFile
      ? (matterFiles.find((f) => f.id === mediationFile)?.mediation_status ?? null)
      : null,
    mediationEvents,
    mediator: mediator ?? null,
  };
}

type JuvenileParts = ReturnType<typeof juvenileParts>;

export function presentJuvenile(file: CaseRow, parts: JuvenileParts, roles: readonly Role[]) {
  if (!file.is_juvenile && !parts.hasAccusedOfUnknownAge) return null;
  const mayReadReports = roles.some((role) => REPORT_READERS.includes(role));
  const submitted = parts.reports.some((r) => r.submitted_at !== null);
  const status = submitted
    ? 'submitted'
    : parts.reportOverride
      ? 'overridden'
      : parts.reports.length > 0
        ? 'instructed'
        : 'not_instructed';
  const at = (value: { justification: string; at: Date } | null) =>
    value ? { justification: value.justification, at: value.at.toISOString() } : null;
  return {
    isJuvenileFile: file.is_juvenile,
    ageToVerify: parts.hasAccusedOfUnknownAge && parts.ageOverride === null,
    ageOverride: at(parts.ageOverride),
    socialReport: {
      status,
      override: at(parts.reportOverride),
      reports: parts.reports.map((r) => ({
        id: r.id,
        counsellor: {
          userId: r.counsellor_user_id,
          nameAr: r.display_name_ar,
          nameEn: r.display_name_en,
        },
        instructedAt: r.instructed_at.toISOString(),
        dueAt: r.due_at.toISOString(),
        submittedAt: r.submitted_at?.toISOString() ?? null,
        familySituation: mayReadReports ? r.family_situation : null,
        education: mayReadReports ? r.education : null,
        health: mayReadReports ? r.health : null,
        circumstances: mayReadReports ? r.circumstances : null,
        recommendation: mayReadReports ? r.recommendation : null,
        recommendationNote: mayReadReports ? r.recommendation_note : null,
      })),
    },
  };
}

interface Obligation {
  kind: string;
  detail: string;
}

export function presentMediation(parts: JuvenileParts) {
  if (!parts.mediationStatus) return null;
  const agreement = parts.mediationEvents
    .filter((e) => e.event_type === 'record_mediation_agreement')
    .at(-1);
  const noteOf = (payload: Record<string, unknown>) => {
    const note = payload.note ?? payload.reason;
    // Notes stay with the prosecution file: another institution's file shows the path only.
    return parts.mediationFileIsOwn && typeof note === 'string' ? note : null;
  };
  return {
    status: parts.mediationStatus,
    steps: parts.mediationEvents.map((e) => ({
      status: MEDIATION_EVENTS[e.event_type] ?? 'offered',
      event: e.event_type,
      at: e.occurred_at.toISOString(),
      note: noteOf(e.payload),
    })),
    mediator: parts.mediator
      ? {
          userId: parts.mediator.id,
          nameAr: parts.mediator.display_name_ar,
          nameEn: parts.mediator.display_name_en,
        }
      : null,
    agreement: agreement
      ? {
          signedAt: String(agreement.payload.signedAt),
          complianceDueDate: String(agreement.payload.complianceDueDate),
          obligations: (agreement.payload.obligations as Obligation[]).map((o) => ({
            kind: o.kind,
            detail: o.detail,
          })),
        }
      : null,
  };
}

interface FamilyPageParty {
  role: string;
  sex: 'female' | 'male' | null;
  relationship_to_accused: string | null;
  date_of_birth: string | null;
}

/** The family protection part of the case page: why, the GBV classification, what is missing. */
export function presentFamilyProtection(
  file: CaseRow,
  parts: JuvenileParts,
  parties: readonly FamilyPageParty[],
) {
  if (!file.is_family_protection) return null;
  const femaleVictim = parties.some(
    (p) => (p.role === 'victim' || p.role === 'complainant') && p.sex === 'female',
  );
  return {
    reasons: file.family_protection_reasons,
    linksCybercrime: file.links_cybercrime,
    gbvType: file.gbv_type,
    gbvFlags: {
      intimatePartner: file.gbv_intimate_partner,
      childVictim: file.gbv_child_victim,
      earlyMarriage: file.gbv_early_marriage,
    },
    missingDetails: missingFamilyProtectionDetails(
      parties.map((p) => ({
        role: p.role,
        sex: p.sex,
        relationshipToAccused: p.relationship_to_accused,
        ageAtOffence: null,
        hasDateOfBirth: p.date_of_birth !== null,
      })),
    ),
    mediationBlocked: (femaleVictim || file.gbv_type !== null) && parts.mediationOverride === null,
    mediationOverride: parts.mediationOverride
      ? { reason: parts.mediationOverride.reason, at: parts.mediationOverride.at.toISOString() }
      : null,
  };
}
