/**
 * assignment.change: a chief prosecutor or court reassigns the lead of a file, with a reason. The
 * previous lead's open deadlines on the file move to the new lead.
 */
import { decideCaseAccess } from '../../policy/case-access';
import { findActiveAssignments } from '../../auth/sessions.repository';
import { invalidField } from '../../http/validation';
import { assignLead, leadRoleFor } from '../case-assignment';
import type { ActionHandler } from './action-context';

export const reassignLead: ActionHandler = async ({ trx, ctx, file, payload, now }) => {
  const institution = await trx
    .selectFrom('institutions')
    .select('kind')
    .where('id', '=', file.institution_id)
    .executeTakeFirstOrThrow();
  const role = leadRoleFor(institution.kind);
  const userId = payload.userId as string;
  const user = await trx
    .selectFrom('users')
    .select(['id', 'username', 'display_name_ar', 'display_name_en', 'institution_id', 'is_active'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!role || !user?.is_active) throw invalidField('payload.userId', 'no such active user');
  const assignments = await findActiveAssignments(trx, userId, now);
  const access = decideCaseAccess(
    {
      userId,
      username: user.username,
      displayNameAr: user.display_name_ar,
      displayNameEn: user.display_name_en,
      institutionId: user.institution_id,
      sessionId: '',
      assignments,
    },
    {
      id: file.id,
      institutionId: file.institution_id,
      unitId: file.unit_id,
      confidentiality: 'normal',
    },
    [],
  );
  if (!access.allowed || !access.roles.includes(role)) {
    throw invalidField(
      'payload.userId',
      `must be a ${role} of this institution who is not recused from the file`,
    );
  }
  const previous = await trx
    .selectFrom('case_assignments')
    .select('user_id')
    .where('case_id', '=', file.id)
    .where('is_lead', '=', true)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  await assignLead(trx, {
    caseId: file.id,
    userId,
    role,
    actor: ctx.actor,
    now,
    reason: payload.reason as string,
  });
  // The work follows the file: the open deadlines and tasks the previous lead held on it (the
  // lead's by assignment: detention, hearings, decisions) go to the new lead.
  if (previous && previous.user_id !== userId) {
    await trx
      .updateTable('deadlines')
      .set({ assignee_user_id: userId })
      .where('case_id', '=', file.id)
      .where('assignee_user_id', '=', previous.user_id)
      .where('completed_at', 'is', null)
      .execute();
  }
};
