/**
 * Accepting a referred file from the inbox numbers it in the receiving institution's register and
 * assigns it (rotation); returning it sends it back with a reason, as a task for the sender.
 */
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/audit-log';
import type { CaseRow, Database } from '../../db/schema';
import { AppError, notFound, staleVersion } from '../../http/errors';
import { invalidField } from '../../http/validation';
import { actorUserIdForFk } from '../../policy/actor';
import { auditActor, type UseCaseContext } from '../../use-case-context';
import { addTeamMember, assignLeadByRotation, leadRoleFor } from '../case-assignment';
import { openCase } from '../case-access';
import { numberFile } from '../case-numbering';
import { appendEvent, lockCase } from '../cases.repository';
import { definitionOf } from '../fire-event';
import { addWorkingDaysAt } from '../working-days';

async function openInboxFile(ctx: UseCaseContext, caseId: string, version: number) {
  const { file: found, access } = await openCase(ctx, caseId);
  const definition = definitionOf(found);
  const acceptingRole = access.roles.find((role) => definition.acceptingRoles.includes(role));
  if (!acceptingRole) {
    throw new AppError('ROLE_NOT_PERMITTED', 'Your role may not accept or return this file', {
      requiredRoles: definition.acceptingRoles,
    });
  }
  return { found, definition, version, acceptingRole };
}

async function lockPending(
  trx: Transaction<Database>,
  caseId: string,
  version: number,
): Promise<CaseRow> {
  const file = await lockCase(trx, caseId);
  if (!file) throw notFound('Case', caseId);
  if (file.intake_status !== 'pending') {
    throw new AppError('NOT_IN_INBOX', `This file was already ${file.intake_status}`, {
      intakeStatus: file.intake_status,
    });
  }
  if (file.version !== version) throw staleVersion('Case', file.version);
  return file;
}

async function completeIntakeTask(
  trx: Transaction<Database>,
  caseId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('deadlines')
    .set({ completed_at: now })
    .where('case_id', '=', caseId)
    .where('name', '=', 'accept_referral')
    .where('completed_at', 'is', null)
    .execute();
}

export async function acceptCase(
  ctx: UseCaseContext,
  caseId: string,
  input: { version: number; unitId?: string | null | undefined },
) {
  const { definition, acceptingRole } = await openInboxFile(ctx, caseId, input.version);
  return ctx.db.transaction().execute(async (trx) => {
    const file = await lockPending(trx, caseId, input.version);
    const now = ctx.origin.occurredAt;
    const institution = await trx
      .selectFrom('institutions')
      .select(['code', 'kind'])
      .where('id', '=', file.institution_id)
      .executeTakeFirstOrThrow();
    const unitId = input.unitId === undefined ? file.unit_id : input.unitId;
    if (unitId && unitId !== file.unit_id) {
      const unit = await trx
        .selectFrom('institution_units')
        .select('id')
        .where('id', '=', unitId)
        .where('institution_id', '=', file.institution_id)
        .executeTakeFirst();
      if (!unit) throw invalidField('unitId', 'no such unit at this institution');
    }
    const number = await numberFile(trx, {
      institutionId: file.institution_id,
      institutionCode: institution.code,
      caseType: file.case_type,
      referenceCode: definition.referenceCode,
      now,
      timeZone: ctx.config.timeZone,
    });
    const accepted = await trx
      .updateTable('cases')
      .set({
        intake_status: 'accepted',
        unit_id: unitId,
        ...number,
        version: file.version + 1,
        updated_at: now,
      })
      .where('id', '=', file.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      caseId: file.id,
      seq: accepted.version,
      eventType: 'accepted',
      actorUserId: actorUserIdForFk(ctx.actor),
      onBehalfOfId: null,
      occurredAt: now,
      workflowVersion: definition.version,
      payload: { reference: accepted.reference, unitId },
      stateBefore: file.state,
      stateAfter: file.state,
      requestId: ctx.origin.requestId,
    });
    const lead = await assignLeadByRotation(trx, {
      caseId: file.id,
      institutionId: file.institution_id,
      institutionKind: institution.kind,
      unitId,
      caseType: file.case_type,
      actor: ctx.actor,
      now,
      reason: 'accepted from inbox',
    });
    // Whoever takes a restricted file in keeps working on it (the clerk schedules its hearings): they
    // join its team, the only way they may open it once it has left the inbox.
    if (accepted.confidentiality !== 'normal' && lead !== ctx.actor.userId && !ctx.actor.isSystem) {
      await addTeamMember(trx, {
        caseId: file.id,
        userId: ctx.actor.userId,
        role: acceptingRole,
        actor: ctx.actor,
        now,
        reason: 'accepted from inbox',
      });
    }
    await completeIntakeTask(trx, file.id, now);
    await recordAudit(trx, ctx.origin, {
      action: 'case.accepted',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'case', id: file.id },
      institutionId: file.institution_id,
      details: { reference: accepted.reference, leadUserId: lead },
    });
    return accepted;
  });
}

export async function returnCase(
  ctx: UseCaseContext,
  caseId: string,
  input: { version: number; reason: string },
) {
  const { definition } = await openInboxFile(ctx, caseId, input.version);
  return ctx.db.transaction().execute(async (trx) => {
    const file = await lockPending(trx, caseId, input.version);
    const now = ctx.origin.occurredAt;
    const returned = await trx
      .updateTable('cases')
      .set({
        intake_status: 'returned',
        return_reason: input.reason,
        version: file.version + 1,
        updated_at: now,
      })
      .where('id', '=', file.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      caseId: file.id,
      seq: returned.version,
      eventType: 'returned',
      actorUserId: actorUserIdForFk(ctx.actor),
      onBehalfOfId: null,
      occurredAt: now,
      workflowVersion: definition.version,
      payload: { reason: input.reason },
      stateBefore: file.state,
      stateAfter: file.state,
      requestId: ctx.origin.requestId,
    });
    await completeIntakeTask(trx, file.id, now);
    if (file.referred_from_id)
      await notifySender(ctx, trx, file.referred_from_id, input.reason, now);
    await recordAudit(trx, ctx.origin, {
      action: 'case.returned',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'case', id: file.id },
      institutionId: file.institution_id,
      details: { reason: input.reason, senderCaseId: file.referred_from_id },
    });
    return returned;
  });
}

/** The sender learns of the return through a task on its own file (it cannot see ours). */
async function notifySender(
  ctx: UseCaseContext,
  trx: Transaction<Database>,
  senderCaseId: string,
  reason: string,
  now: Date,
) {
  const sender = await trx
    .selectFrom('cases')
    .select(['id', 'institution_id'])
    .where('id', '=', senderCaseId)
    .executeTakeFirstOrThrow();
  const lead = await trx
    .selectFrom('case_assignments')
    .select('user_id')
    .where('case_id', '=', sender.id)
    .where('is_lead', '=', true)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  const institution = await trx
    .selectFrom('institutions')
    .select('kind')
    .where('id', '=', sender.institution_id)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('deadlines')
    .values({
      case_id: sender.id,
      name: 'referral_returned',
      title_ar: `أعيد الملف المحال: ${reason}`.slice(0, 500),
      title_en: `The referred file was returned: ${reason}`.slice(0, 500),
      kind: 'task',
      priority: 'high',
      due_at: await addWorkingDaysAt(trx, ctx.config.timeZone, sender.institution_id, now, 2),
      assignee_user_id: lead?.user_id ?? null,
      assignee_role: lead ? null : (leadRoleFor(institution.kind) ?? 'admin'),
      institution_id: sender.institution_id,
      created_at: now,
    })
    .execute();
}
