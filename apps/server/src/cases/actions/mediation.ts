/**
 * mediation.record: each step of the Art. 23 mediation path sets the file's mediation status (the
 * question courts ask), and some do more: the referral puts the mediator on the file's team (so
 * they, and only they among mediators, may open it), the fulfilment diverts the pending charges,
 * and the end of the mediation ends the mediator's access.
 */
import {
  localDateString,
  MEDIATION_STATUSES,
  type MediationStatus,
  type Role,
} from '@qadiya/domain';
import { invalidField } from '../../http/validation';
import { activeHolderOf, addTeamMember, endTeamMembership } from '../case-assignment';
import type { ActionHandler } from './action-context';

/** Art. 23: juvenile police, the child protection counsellor, or an accredited mediator. */
export const MEDIATOR_ROLES: readonly Role[] = [
  'mediator',
  'child_protection_counsellor',
  'police_investigator',
];
const MEDIATOR_ASSIGNMENT = 'mediation';

export const recordMediation: ActionHandler = async ({ trx, ctx, file, payload, params, now }) => {
  const status = params.status as MediationStatus | undefined;
  if (!status || !MEDIATION_STATUSES.includes(status)) {
    throw new Error(`mediation.record: the event names no valid status (${String(status)})`);
  }
  if (status === 'agreed') {
    // Contradictory dates are malformed input, as everywhere else (400).
    const signedAt = new Date(payload.signedAt as string);
    if (signedAt.getTime() > now.getTime() + 60_000) {
      throw invalidField('payload.signedAt', 'is in the future');
    }
    if ((payload.complianceDueDate as string) < localDateString(signedAt, ctx.config.timeZone)) {
      throw invalidField('payload.complianceDueDate', 'is before the agreement was signed');
    }
  }
  if (status === 'in_mediation') {
    const mediatorId = payload.mediatorUserId as string;
    const holder = await activeHolderOf(trx, mediatorId, MEDIATOR_ROLES, now);
    if (!holder) {
      throw invalidField(
        'payload.mediatorUserId',
        'is not an active mediator, child protection counsellor or police investigator',
      );
    }
    await addTeamMember(trx, {
      caseId: file.id,
      userId: mediatorId,
      role: holder.role,
      actor: ctx.actor,
      now,
      reason: MEDIATOR_ASSIGNMENT,
    });
  }
  if (status === 'fulfilled') {
    await trx
      .updateTable('charges')
      .set({ disposition: 'diverted', disposed_at: now })
      .where('case_id', '=', file.id)
      .where('disposition', '=', 'pending')
      .execute();
  }
  if (status === 'fulfilled' || status === 'failed') {
    await endTeamMembership(trx, {
      caseId: file.id,
      reason: MEDIATOR_ASSIGNMENT,
      endReason: `mediation ${status}`,
      now,
    });
  }
  await trx
    .updateTable('cases')
    .set({ mediation_status: status })
    .where('id', '=', file.id)
    .execute();
};
