/**
 * counsellor.instruct and counsellor.report: the juvenile prosecutor instructs a child protection
 * counsellor of a social services institution to write the social research report; the counsellor
 * joins the file's team (the only way a counsellor opens a file) and gets the task in their work
 * queue (the event's deadline effect). The report is then submitted by that counsellor only.
 */
import { AppError, ruleViolation } from '../../http/errors';
import { invalidField } from '../../http/validation';
import { actorUserIdForFk } from '../../policy/actor';
import { activeHolderOf, addTeamMember } from '../case-assignment';
import type { ActionHandler } from './action-context';

export const instructCounsellor: ActionHandler = async (context) => {
  const { trx, ctx, file, payload, now, eventId } = context;
  const counsellorId = payload.counsellorUserId as string;
  const holder = await activeHolderOf(trx, counsellorId, ['child_protection_counsellor'], now);
  if (holder?.institutionKind !== 'social_services') {
    throw invalidField(
      'payload.counsellorUserId',
      'is not an active child protection counsellor of a social services institution',
    );
  }
  const dueAt = new Date(payload.dueDate as string);
  if (dueAt.getTime() <= now.getTime()) throw invalidField('payload.dueDate', 'is in the past');
  const open = await trx
    .selectFrom('social_research_reports')
    .select('id')
    .where('case_id', '=', file.id)
    .where('counsellor_user_id', '=', counsellorId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  if (open) {
    throw new AppError(
      'ALREADY_EXISTS',
      'This counsellor already has an open instruction on this file',
      { reportId: open.id },
    );
  }
  await trx
    .insertInto('social_research_reports')
    .values({
      case_id: file.id,
      counsellor_user_id: counsellorId,
      instructed_by: actorUserIdForFk(ctx.actor),
      instructed_at: now,
      instruction_event: eventId,
      due_at: dueAt,
    })
    .execute();
  await addTeamMember(trx, {
    caseId: file.id,
    userId: counsellorId,
    role: 'child_protection_counsellor',
    actor: ctx.actor,
    now,
    reason: 'social research report',
  });
};

export const submitSocialReport: ActionHandler = async ({
  trx,
  ctx,
  file,
  payload,
  now,
  eventId,
}) => {
  const instruction = await trx
    .selectFrom('social_research_reports')
    .select('id')
    .where('case_id', '=', file.id)
    .where('counsellor_user_id', '=', ctx.actor.userId)
    .where('submitted_at', 'is', null)
    .orderBy('instructed_at')
    .executeTakeFirst();
  if (!instruction) {
    throw ruleViolation('NO_OPEN_INSTRUCTION', {
      ar: 'لا يوجد تكليف قائم لك بإعداد تقرير البحث الاجتماعي في هذا الملف',
      en: 'You have no open instruction to write a social research report on this file',
    });
  }
  await trx
    .updateTable('social_research_reports')
    .set({
      submitted_at: now,
      submission_event: eventId,
      family_situation: payload.familySituation as string,
      education: payload.education as string,
      health: payload.health as string,
      circumstances: payload.circumstances as string,
      recommendation: payload.recommendation as never,
      recommendation_note: (payload.recommendationNote as string | undefined) ?? null,
    })
    .where('id', '=', instruction.id)
    .execute();
  await trx
    .updateTable('deadlines')
    .set({ completed_at: now })
    .where('case_id', '=', file.id)
    .where('name', '=', 'social_research_report')
    .where('assignee_user_id', '=', ctx.actor.userId)
    .where('completed_at', 'is', null)
    .execute();
};
