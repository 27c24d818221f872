/**
 * Shapes files for the API. Field rights of the case type decide what each role sees: a field the
 * actor's roles may not read is left out (null), never sent and hidden by the client.
 */
import { accusedLabel, type CaseTypeDefinition, type Role } from '@qadiya/domain';
import type { CaseRow } from '../db/schema';
import { arabicInitials, latinInitials } from '../hearings/hearing.presenter';
import { presentFamilyProtection, presentJuvenile, presentMediation } from './juvenile-page';
import { presentProtection } from './protection-page';
import type { getCase } from './read-cases';

type CasePage = Awaited<ReturnType<typeof getCase>>;

export function canReadField(
  definition: CaseTypeDefinition,
  field: string,
  roles: readonly Role[],
): boolean {
  const rights = definition.fields[field];
  return !rights || rights.read.some((role) => roles.includes(role));
}

/** `774/2022`, or null while the file waits in an inbox. */
export function displayNumber(file: Pick<CaseRow, 'serial' | 'year'>): string | null {
  return file.serial !== null && file.year !== null ? `${file.serial}/${file.year}` : null;
}

export function presentCaseHeader(file: CaseRow, definition: CaseTypeDefinition) {
  return {
    id: file.id,
    matterId: file.matter_id,
    reference: file.reference,
    number: displayNumber(file),
    caseType: file.case_type,
    caseTypeLabels: definition.labels,
    state: file.state,
    stateLabels: definition.states[file.state]?.labels ?? { ar: file.state, en: file.state },
    version: file.version,
    intakeStatus: file.intake_status,
    returnReason: file.return_reason,
    confidentiality: file.confidentiality,
    institutionId: file.institution_id,
    unitId: file.unit_id,
    incidentDate: file.incident_date,
    openedAt: file.opened_at.toISOString(),
    isDisposed: file.is_disposed,
    disposedAt: file.disposed_at?.toISOString() ?? null,
    isJuvenile: file.is_juvenile,
    isFamilyProtection: file.is_family_protection,
    mediationStatus: file.mediation_status,
  };
}

/** A victim of a family protection file, or one whose address is confidential (victim protection). */
function isProtectedVictim(
  file: CaseRow,
  party: { role: string; address_confidential: boolean },
): boolean {
  const victim = party.role === 'victim' || party.role === 'complainant';
  return victim && (file.is_family_protection || party.address_confidential);
}

export function presentEventOptions(definition: CaseTypeDefinition, names: readonly string[]) {
  return names.flatMap((name) => {
    const event = definition.events[name];
    if (!event) return [];
    return [
      {
        name,
        labels: event.labels,
        toState: event.to ?? null,
        payloadSchema: event.payload,
        from: event.from,
        roles: event.roles,
      },
    ];
  });
}

export function presentCasePage(page: CasePage) {
  const { file, definition, roles } = page;
  const classesOf = (partyId: string) =>
    page.charges.filter((c) => c.party_id === partyId).map((c) => c.offence_class);
  const ordersOf = (detentionId: string) =>
    page.orders.filter((o) => o.detention_id === detentionId);
  return {
    ...presentCaseHeader(file, definition),
    summary: canReadField(definition, 'summary', roles) ? file.summary : null,
    institution: {
      id: page.institution.id,
      code: page.institution.code,
      nameAr: page.institution.name_ar,
      nameEn: page.institution.name_en,
    },
    myRoles: roles,
    team: page.team.map((m) => ({
      userId: m.user_id,
      role: m.role,
      isLead: m.is_lead,
      nameAr: m.display_name_ar,
      nameEn: m.display_name_en,
      assignedAt: m.assigned_at.toISOString(),
    })),
    parties: canReadField(definition, 'parties', roles)
      ? page.parties.map((p) => {
          const masked = !page.isOnTeam && isProtectedVictim(file, p);
          return {
            id: p.id,
            personId: p.person_id,
            role: p.role,
            roleLabels: p.role === 'accused' ? accusedLabel(classesOf(p.id)) : null,
            relationshipToAccused: p.relationship_to_accused,
            nameAr: masked
              ? arabicInitials(p.first_name_ar, p.family_name_ar)
              : [p.first_name_ar, p.father_name_ar, p.grandfather_name_ar, p.family_name_ar]
                  .filter(Boolean)
                  .join(' '),
            nameLatin: masked && p.name_latin ? latinInitials(p.name_latin) : p.name_latin,
            isMasked: masked,
            addressConfidential: p.address_confidential,
            sex: p.sex,
            dateOfBirth: masked ? null : p.date_of_birth,
            ageAtOffence: p.age_at_offence,
            ageStatus: p.age_status,
          };
        })
      : null,
    charges: page.charges.map((c) => ({
      id: c.id,
      partyId: c.party_id,
      offence: {
        code: c.offence_code,
        titleAr: c.title_ar,
        titleEn: c.title_en,
        class: c.offence_class,
        lawAr: c.law_ar,
        article: c.article,
      },
      disposition: c.disposition,
      custodialMonths: c.custodial_months,
      fineAmount: c.fine_amount,
      incidentDate: c.incident_date,
    })),
    detentions: page.detentions.map((d) => {
      const orders = ordersOf(d.id);
      return {
        id: d.id,
        partyId: d.party_id,
        arrestedAt: d.arrested_at.toISOString(),
        place: d.place,
        facility: d.facility,
        isJuvenile: d.is_juvenile,
        lastResortJustification: d.last_resort_justification,
        releasedAt: d.released_at?.toISOString() ?? null,
        releaseReason: d.release_reason,
        currentExpiry: orders.at(-1)?.expires_at.toISOString() ?? null,
        orders: orders.map((o) => ({
          id: o.id,
          authority: o.authority,
          issuedAt: o.issued_at.toISOString(),
          startsAt: o.starts_at.toISOString(),
          expiresAt: o.expires_at.toISOString(),
          reason: o.reason,
        })),
      };
    }),
    hearings: canReadField(definition, 'hearings', roles)
      ? page.hearings.map((h) => ({
          id: h.id,
          courtId: h.court_id,
          room: h.room,
          startsAt: h.starts_at.toISOString(),
          endsAt: h.ends_at.toISOString(),
          status: h.status,
          minutes: h.minutes,
          adjournReason: h.adjourn_reason,
          nextHearingId: h.next_hearing_id,
          judges: page.judges
            .filter((j) => j.hearing_id === h.id)
            .map((j) => ({
              userId: j.judge_id,
              nameAr: j.display_name_ar,
              nameEn: j.display_name_en,
            })),
        }))
      : null,
    deadlines: page.deadlines.map((d) => ({
      id: d.id,
      name: d.name,
      titleAr: d.title_ar,
      titleEn: d.title_en,
      kind: d.kind,
      priority: d.priority,
      dueAt: d.due_at.toISOString(),
    })),
    linkedFiles: page.links.map((l) => ({ ...l, openedAt: l.openedAt.toISOString() })),
    juvenile: presentJuvenile(file, page.juvenileParts, roles),
    mediation: presentMediation(page.juvenileParts),
    familyProtection: presentFamilyProtection(file, page.juvenileParts, page.parties),
    ...presentProtection(
      page.protectionParts,
      canReadField(definition, 'victim_protection', roles),
    ),
    availableEvents: presentEventOptions(definition, page.availableEvents),
  };
}
