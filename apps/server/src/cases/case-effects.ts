/**
 * Applies a fired event's effects (from the case type definition) inside the event's transaction:
 * deadlines counted in the institution's working days, completion of earlier deadlines, and
 * referrals written to the outbox for the receiving institution.
 */
import { caseTypeDefinition, type Due, type Effect } from '@qadiya/domain';
import { invalidField } from '../http/validation';
import type { ActionContext } from './actions/action-context';
import { leadOrLeadRole } from './actions/action-deadlines';
import { addWorkingDaysAt } from './working-days';

export const REFER_TOPIC = 'case.refer';

export interface ReferMessage {
  fromCaseId: string;
  fromEventId: string;
  toCaseType: string;
  toInstitutionId: string;
  link: 'referral' | 'appeal' | 'execution' | 'transfer';
  /** Indictment: the charges that go before the court. */
  chargeIds: string[] | null;
}

export async function applyEffects(
  context: ActionContext,
  effects: readonly Effect[],
): Promise<void> {
  const { trx, file, now, eventId, payload } = context;
  for (const effect of effects) {
    switch (effect.kind) {
      case 'deadline': {
        const assignee = effect.assignee;
        const who =
          assignee.kind === 'actor'
            ? { userId: context.ctx.actor.userId, role: null }
            : assignee.kind === 'payload_user'
              ? { userId: payload[assignee.field] as string, role: null }
              : assignee.kind === 'role_at_institution'
                ? { userId: null, role: assignee.role }
                : await leadOrLeadRole(context);
        await trx
          .insertInto('deadlines')
          .values({
            case_id: file.id,
            name: effect.name,
            title_ar: effect.labels.ar,
            title_en: effect.labels.en,
            kind: 'deadline',
            priority: effect.priority,
            due_at: await dueAt(context, effect.due),
            assignee_user_id: who.userId,
            assignee_role: who.role,
            institution_id: file.institution_id,
            created_by_event: eventId,
            created_at: now,
          })
          .execute();
        break;
      }
      case 'complete_deadlines':
        await trx
          .updateTable('deadlines')
          .set({ completed_at: now })
          .where('case_id', '=', file.id)
          .where('name', 'in', [...effect.names])
          .where('completed_at', 'is', null)
          .execute();
        break;
      case 'refer': {
        await checkReferralTarget(context, effect.toCaseType, effect.institutionField);
        const message: ReferMessage = {
          fromCaseId: file.id,
          fromEventId: eventId,
          toCaseType: effect.toCaseType,
          toInstitutionId: payload[effect.institutionField] as string,
          link: effect.link,
          chargeIds: Array.isArray(payload.chargeIds) ? (payload.chargeIds as string[]) : null,
        };
        await trx
          .insertInto('outbox')
          .values({
            topic: REFER_TOPIC,
            payload: JSON.stringify(message),
            created_at: now,
            available_at: now,
          })
          .execute();
        break;
      }
    }
  }
}

/** The receiving institution must exist and keep files of the type it is sent. */
async function checkReferralTarget(
  context: ActionContext,
  toCaseType: string,
  field: string,
): Promise<void> {
  const target = await context.trx
    .selectFrom('institutions')
    .select(['id', 'kind', 'is_active'])
    .where('id', '=', context.payload[field] as string)
    .executeTakeFirst();
  const definition = caseTypeDefinition(toCaseType);
  if (!target?.is_active || !definition)
    throw invalidField(`payload.${field}`, 'no such institution');
  if (!definition.institutionKinds.includes(target.kind)) {
    throw invalidField(`payload.${field}`, `a ${target.kind} does not receive ${toCaseType} files`);
  }
  if (target.id === context.file.institution_id) {
    throw invalidField(`payload.${field}`, 'a file cannot be referred to its own institution');
  }
}

async function dueAt(context: ActionContext, due: Due): Promise<Date> {
  switch (due.kind) {
    case 'hours':
      return new Date(context.now.getTime() + due.hours * 3_600_000);
    case 'payload_date':
      return new Date(context.payload[due.field] as string);
    case 'working_days':
      return addWorkingDaysAt(
        context.trx,
        context.ctx.config.timeZone,
        context.file.institution_id,
        context.now,
        due.days,
      );
  }
}
