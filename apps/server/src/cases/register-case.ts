/**
 * Registers a new file directly (a police report, a prosecution file, a civil claim): a new
 * matter, the file numbered and assigned, its first event, and the audit row, in one transaction.
 */
import { caseTypeDefinition, localDateString, type ConfidentialityLevel } from '@qadiya/domain';
import { recordAudit, recordAuditAlone } from '../audit/audit-log';
import { AppError } from '../http/errors';
import { invalidField } from '../http/validation';
import { findInstitutionById } from '../organisation/institutions.repository';
import { actorUserIdForFk } from '../policy/actor';
import { decideRegistration } from '../policy/case-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { assignLead, assignLeadByRotation } from './case-assignment';
import { numberFile } from './case-numbering';
import { appendEvent } from './cases.repository';

export interface RegisterCaseInput {
  caseType: string;
  institutionId: string;
  unitId?: string | null | undefined;
  summary?: string | undefined;
  incidentDate?: string | undefined;
  confidentiality?: ConfidentialityLevel | undefined;
}

export async function registerCase(ctx: UseCaseContext, input: RegisterCaseInput) {
  const definition = caseTypeDefinition(input.caseType);
  if (!definition) throw invalidField('caseType', 'no such case type');
  if (definition.registeringRoles.length === 0) {
    throw invalidField(
      'caseType',
      'files of this type are opened by referral from another institution, not registered',
    );
  }
  const institution = await findInstitutionById(ctx.db, input.institutionId);
  if (!institution) throw invalidField('institutionId', 'no such institution');
  if (!definition.institutionKinds.includes(institution.kind)) {
    throw invalidField(
      'institutionId',
      `a ${institution.kind} does not keep ${input.caseType} files`,
    );
  }
  const unitId = input.unitId ?? null;
  const decision = decideRegistration(
    ctx.actor,
    definition.registeringRoles,
    institution.id,
    unitId,
  );
  if (!decision.allowed) {
    await recordAuditAlone(ctx.db, ctx.origin, {
      action: 'access.denied',
      outcome: 'denied',
      actor: auditActor(ctx.actor),
      institutionId: institution.id,
      details: { permission: 'case.register', caseType: input.caseType, reason: decision.reason },
    });
    throw new AppError('FORBIDDEN', 'You may not register this kind of file at this institution');
  }
  // Compared as calendar dates in the courts' time zone: just after midnight there, "today" is
  // still yesterday in UTC.
  if (
    input.incidentDate &&
    input.incidentDate > localDateString(ctx.origin.occurredAt, ctx.config.timeZone)
  ) {
    throw invalidField('incidentDate', 'is in the future');
  }
  const now = ctx.origin.occurredAt;
  return ctx.db.transaction().execute(async (trx) => {
    if (unitId) {
      const unit = await trx
        .selectFrom('institution_units')
        .select('id')
        .where('id', '=', unitId)
        .where('institution_id', '=', institution.id)
        .executeTakeFirst();
      if (!unit) throw invalidField('unitId', 'no such unit at that institution');
    }
    const number = await numberFile(trx, {
      institutionId: institution.id,
      institutionCode: institution.code,
      caseType: definition.caseType,
      referenceCode: definition.referenceCode,
      now,
      timeZone: ctx.config.timeZone,
    });
    const matter = await trx
      .insertInto('matters')
      .values({ incident_date: input.incidentDate ?? null, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const file = await trx
      .insertInto('cases')
      .values({
        matter_id: matter.id,
        case_type: definition.caseType,
        workflow_version: definition.version,
        institution_id: institution.id,
        unit_id: unitId,
        state: definition.initialState,
        version: 1,
        intake_status: 'accepted',
        ...number,
        confidentiality: input.confidentiality ?? 'normal',
        summary: input.summary ?? null,
        incident_date: input.incidentDate ?? null,
        opened_at: now,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      caseId: file.id,
      seq: 1,
      eventType: 'registered',
      actorUserId: actorUserIdForFk(ctx.actor),
      onBehalfOfId: null,
      occurredAt: now,
      workflowVersion: definition.version,
      payload: { summary: input.summary ?? null },
      stateBefore: null,
      stateAfter: file.state,
      requestId: ctx.origin.requestId,
    });
    // A police investigator leads the report they register; other files go by rotation.
    const isOwnReport =
      institution.kind === 'police_unit' && decision.role === 'police_investigator';
    if (isOwnReport) {
      await assignLead(trx, {
        caseId: file.id,
        userId: ctx.actor.userId,
        role: decision.role,
        actor: ctx.actor,
        now,
        reason: 'registration',
      });
    }
    const lead = isOwnReport
      ? ctx.actor.userId
      : await assignLeadByRotation(trx, {
          caseId: file.id,
          institutionId: institution.id,
          institutionKind: institution.kind,
          unitId,
          caseType: definition.caseType,
          actor: ctx.actor,
          now,
          reason: 'registration',
        });
    await recordAudit(trx, ctx.origin, {
      action: 'case.registered',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'case', id: file.id },
      institutionId: institution.id,
      details: { reference: file.reference, caseType: file.case_type, leadUserId: lead },
    });
    return file;
  });
}
