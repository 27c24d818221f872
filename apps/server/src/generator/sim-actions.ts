/**
 * What each workflow action writes, applied to a simulated file: the generator's counterpart of
 * apps/server/src/cases/actions/*, row for row. The engine has already accepted the event (state,
 * role, payload schema, guards); these functions change the relational model exactly as the
 * server's implementations do, so the rows generated for an event are the rows the server would
 * have written for it. Hearings and judgments are in sim-court-actions.ts.
 */
import {
  checkDetentionOrder,
  DEFAULT_DETENTION_RULES,
  gbvContextFlags,
  type CaseAction,
  type DetentionAuthority,
  type GbvType,
  type MediationStatus,
} from '@qadiya/domain';
import { applyCourtAction } from './sim-court-actions';
import type { SimFile } from './sim-model';
import {
  addDeadline,
  addTeamMember,
  completeDeadlines,
  GeneratorBug,
  leadOrLeadRole,
  ms,
  str,
  type ActionInput,
  type ActionServices,
} from './sim-team';

export function applyAction(
  services: ActionServices,
  action: CaseAction,
  input: ActionInput,
): void {
  const { file, payload, params, now, eventId, actor } = input;
  switch (action) {
    case 'party.add': {
      const personId = str(payload.personId);
      if (file.parties.some((p) => p.personId === personId && p.role === payload.role)) {
        throw new GeneratorBug(`person ${personId} added twice as ${str(payload.role)}`);
      }
      const person = services.person(personId);
      file.parties.push({
        id: services.ids.next('party'),
        personId,
        role: payload.role as SimFile['parties'][number]['role'],
        relationship: (payload.relationshipToAccused as string | undefined) ?? null,
        sex: person.sex,
        addedAt: now,
        dateOfBirth: person.dateOfBirth,
        age: null,
        ageStatus: 'unknown',
      });
      return;
    }
    case 'charge.add': {
      const offenceId = str(payload.offenceId);
      const offence = services.offence(offenceId);
      file.charges.push({
        id: services.ids.next('charge'),
        partyId: str(payload.partyId),
        offenceId,
        offenceClass: offence.offenceClass,
        isGbvRelated: offence.isGbvRelated,
        linksCybercrime: offence.linksCybercrime,
        incidentDate: (payload.incidentDate as string | undefined) ?? file.incidentDate,
        sourceChargeId: null,
        disposition: 'pending',
        custodialMonths: null,
        fineAmount: null,
        disposedAt: null,
        createdAt: now,
      });
      return;
    }
    case 'detention.arrest': {
      const party = file.parties.find((p) => p.id === payload.partyId);
      const isJuvenile = party?.ageStatus === 'juvenile';
      file.detentions.push({
        id: services.ids.next('detention'),
        partyId: str(payload.partyId),
        arrestedAt: ms(payload.arrestedAt),
        place: (payload.place as string | undefined) ?? null,
        releasedAt: null,
        releaseReason: null,
        facility: (payload.facility as string | undefined) ?? null,
        isJuvenile,
        justification: isJuvenile
          ? ((payload.lastResortJustification as string | undefined) ?? null)
          : null,
        orders: [],
      });
      return;
    }
    case 'detention.order': {
      const detention = openDetention(file, payload.detentionId);
      const authority = params.authority as DetentionAuthority;
      const check = checkDetentionOrder(
        detention.isJuvenile ? services.juvenileRules : DEFAULT_DETENTION_RULES,
        {
          authority,
          duration: payload.duration as number,
          arrestedAt: new Date(detention.arrestedAt),
          previousOrders: detention.orders.map((o) => ({
            authority: o.authority,
            startsAt: new Date(o.startsAt),
            expiresAt: new Date(o.expiresAt),
          })),
          now: new Date(now),
        },
      );
      if (!check.ok) throw new GeneratorBug(`detention order refused: ${check.code}`);
      const previous = new Set(detention.orders.map((o) => o.id));
      const order = {
        id: services.ids.next('detentionOrder'),
        authority,
        issuedBy: actor.userId,
        issuedAt: now,
        startsAt: check.startsAt.getTime(),
        expiresAt: check.expiresAt.getTime(),
        reason: str(payload.reason),
      };
      detention.orders.push(order);
      completeDeadlines(
        file,
        now,
        (d) => d.kind === 'detention' && previous.has(d.subjectId ?? ''),
      );
      const assignee = leadOrLeadRole(file);
      addDeadline(services, file, {
        name: 'detention_expiry',
        titleAr: 'انتهاء مدة التوقيف',
        titleEn: 'Detention expires',
        kind: 'detention',
        priority: 'urgent',
        dueAt: order.expiresAt,
        assigneeUserId: assignee.userId,
        assigneeRole: assignee.role,
        createdByEvent: eventId,
        subjectId: order.id,
        createdAt: now,
      });
      return;
    }
    case 'detention.release': {
      const detention = openDetention(file, payload.detentionId);
      detention.releasedAt = ms(payload.releasedAt);
      detention.releaseReason = str(payload.reason);
      const orders = new Set(detention.orders.map((o) => o.id));
      completeDeadlines(file, now, (d) => d.kind === 'detention' && orders.has(d.subjectId ?? ''));
      return;
    }
    case 'hearing.schedule':
    case 'hearing.adjourn':
    case 'hearing.hold':
    case 'judgment.record':
      applyCourtAction(services, action, input);
      return;
    case 'decision.record':
      for (const c of file.charges) {
        if (c.disposition !== 'pending') continue;
        if (params.decision === 'indict' && (payload.chargeIds as string[]).includes(c.id)) {
          c.disposition = 'indicted';
        } else {
          c.disposition = 'dropped';
          c.disposedAt = now;
        }
      }
      return;
    case 'mediation.record':
      recordMediation(services, input, params.status as MediationStatus);
      return;
    case 'counsellor.instruct': {
      const counsellorId = str(payload.counsellorUserId);
      file.reports.push({
        id: services.ids.next('report'),
        counsellorId,
        instructedBy: actor.userId,
        instructedAt: now,
        instructionEvent: eventId,
        dueAt: ms(payload.dueDate),
        submittedAt: null,
        submissionEvent: null,
        texts: null,
        recommendation: null,
      });
      addTeamMember(services, file, {
        userId: counsellorId,
        role: 'child_protection_counsellor',
        by: actor.userId,
        now,
        reason: 'social research report',
      });
      return;
    }
    case 'counsellor.report': {
      const report = file.reports.find(
        (r) => r.counsellorId === actor.userId && r.submittedAt === null,
      );
      if (!report) throw new GeneratorBug('social report without an open instruction');
      report.submittedAt = now;
      report.submissionEvent = eventId;
      report.texts = [
        str(payload.familySituation),
        str(payload.education),
        str(payload.health),
        str(payload.circumstances),
      ];
      report.recommendation = str(payload.recommendation);
      completeDeadlines(
        file,
        now,
        (d) => d.name === 'social_research_report' && d.assigneeUserId === actor.userId,
      );
      return;
    }
    case 'classification.gbv': {
      // actions/classification.ts: the type, and the context flags from the parties as they are.
      file.gbvType = str(payload.gbvType);
      file.gbv = gbvContextFlags(
        payload.gbvType as GbvType,
        file.parties.map((p) => ({
          role: p.role,
          sex: p.sex,
          relationshipToAccused: p.relationship,
          ageAtOffence: p.age,
        })),
      );
      return;
    }
    case 'assignment.change':
      throw new GeneratorBug('the generator does not reassign files');
    default:
      // Actions no generated story uses (victim services, protection measures…) need a mirror
      // here before a story may fire their events.
      throw new GeneratorBug(`the generator does not simulate the action ${action}`);
  }
}

function openDetention(file: SimFile, id: unknown) {
  const detention = file.detentions.find((d) => d.id === id && d.releasedAt === null);
  if (!detention) throw new GeneratorBug(`no open detention ${str(id)}`);
  return detention;
}

function recordMediation(
  services: ActionServices,
  input: ActionInput,
  status: MediationStatus,
): void {
  const { file, payload, now, actor } = input;
  if (status === 'in_mediation') {
    const mediatorId = str(payload.mediatorUserId);
    addTeamMember(services, file, {
      userId: mediatorId,
      role: services.mediatorRole(mediatorId, now),
      by: actor.userId,
      now,
      reason: 'mediation',
    });
  }
  if (status === 'fulfilled') {
    for (const c of file.charges) {
      if (c.disposition === 'pending') {
        c.disposition = 'diverted';
        c.disposedAt = now;
      }
    }
  }
  if (status === 'fulfilled' || status === 'failed') {
    for (const a of file.assignments) {
      if (!a.isLead && a.reason === 'mediation' && a.endedAt === null) {
        a.endedAt = now;
        a.endReason = `mediation ${status}`;
      }
    }
  }
  file.mediationStatus = status;
}
