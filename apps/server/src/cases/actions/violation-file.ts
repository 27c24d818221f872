/**
 * The new prosecution file opened for the violation of a protection measure: the same institution,
 * unit and confidentiality, the same matter (the same people, the same history of violence), linked
 * to the file whose measure was violated (case_links 'violation'). It carries the two people of the
 * measure, so it is classified (family protection, restricted, the unit) as the first file was, and
 * it stays with the prosecutor who knows the family: the lead of the first file, when it has one.
 */
import { caseTypeDefinition, localDateString } from '@qadiya/domain';
import { recordAudit } from '../../audit/audit-log';
import type { CaseRow, ProtectionMeasureTable } from '../../db/schema';
import { actorUserIdForFk } from '../../policy/actor';
import { auditActor } from '../../use-case-context';
import { assignLead, assignLeadByRotation } from '../case-assignment';
import { numberFile } from '../case-numbering';
import { appendEvent } from '../cases.repository';
import { reclassifyFile } from '../file-classification';
import type { ActionContext } from './action-context';

const SUMMARY_MAX = 8000;

export async function openViolationFile(
  context: ActionContext,
  measure: Pick<ProtectionMeasureTable, 'protected_party_id' | 'against_party_id'>,
  violation: { id: string; occurredAt: Date; description: string },
): Promise<CaseRow> {
  const { trx, ctx, file, now } = context;
  const definition = caseTypeDefinition('prosecution_file');
  if (!definition) throw new Error('the prosecution file case type is not registered');
  const institution = await trx
    .selectFrom('institutions')
    .select(['id', 'code', 'kind'])
    .where('id', '=', file.institution_id)
    .executeTakeFirstOrThrow();
  const number = await numberFile(trx, {
    institutionId: institution.id,
    institutionCode: institution.code,
    caseType: definition.caseType,
    referenceCode: definition.referenceCode,
    now,
    timeZone: ctx.config.timeZone,
  });
  const summary = `خرق تدبير حماية صادر في الملف ${file.reference ?? ''}: ${violation.description}`;
  const created = await trx
    .insertInto('cases')
    .values({
      matter_id: file.matter_id,
      case_type: definition.caseType,
      workflow_version: definition.version,
      institution_id: institution.id,
      unit_id: file.unit_id,
      state: definition.initialState,
      version: 1,
      intake_status: 'accepted',
      ...number,
      confidentiality: file.confidentiality,
      summary: summary.slice(0, SUMMARY_MAX),
      incident_date: localDateString(violation.occurredAt, ctx.config.timeZone),
      opened_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvent(trx, {
    caseId: created.id,
    seq: 1,
    eventType: 'registered',
    actorUserId: actorUserIdForFk(ctx.actor),
    onBehalfOfId: null,
    occurredAt: now,
    workflowVersion: definition.version,
    payload: {
      summary: created.summary,
      fromCaseId: file.id,
      fromReference: file.reference,
      link: 'violation',
      violationId: violation.id,
    },
    stateBefore: null,
    stateAfter: created.state,
    requestId: ctx.origin.requestId,
  });
  await trx
    .insertInto('case_links')
    .values({
      from_case_id: file.id,
      to_case_id: created.id,
      link_kind: 'violation',
      created_at: now,
    })
    .execute();
  const people = await trx
    .selectFrom('parties')
    .selectAll()
    .where('id', 'in', [measure.protected_party_id, measure.against_party_id])
    .orderBy('added_at')
    .execute();
  for (const party of people) {
    await trx
      .insertInto('parties')
      .values({
        case_id: created.id,
        person_id: party.person_id,
        role: party.role,
        relationship_to_accused: party.relationship_to_accused,
        address_confidential: party.address_confidential,
        added_at: now,
      })
      .execute();
  }
  const reason = 'violation of a protection measure';
  const lead = await trx
    .selectFrom('case_assignments')
    .select(['user_id', 'role'])
    .where('case_id', '=', file.id)
    .where('is_lead', '=', true)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (lead) {
    await assignLead(trx, {
      caseId: created.id,
      userId: lead.user_id,
      role: lead.role,
      actor: ctx.actor,
      now,
      reason,
    });
  }
  const leadUserId =
    lead?.user_id ??
    (await assignLeadByRotation(trx, {
      caseId: created.id,
      institutionId: institution.id,
      institutionKind: institution.kind,
      unitId: created.unit_id,
      caseType: definition.caseType,
      actor: ctx.actor,
      now,
      reason,
    }));
  await reclassifyFile(
    trx,
    { origin: ctx.origin, actor: auditActor(ctx.actor), timeZone: ctx.config.timeZone },
    created.id,
  );
  await recordAudit(trx, ctx.origin, {
    action: 'case.registered',
    outcome: 'success',
    actor: auditActor(ctx.actor),
    object: { type: 'case', id: created.id },
    institutionId: institution.id,
    details: {
      reference: created.reference,
      caseType: created.case_type,
      leadUserId,
      fromCaseId: file.id,
      link: 'violation',
      violationId: violation.id,
    },
  });
  return created;
}
