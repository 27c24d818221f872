/**
 * Deadlines that actions create about one thing (a detention order, a hearing) and complete when
 * that thing moves on. They carry `subject_id`, so a later event completes exactly its own.
 */
import type { Role } from '@qadiya/domain';
import type { DeadlineKind, DeadlinePriority } from '../../db/schema';
import { leadRoleFor } from '../case-assignment';
import type { ActionContext } from './action-context';

export interface SubjectDeadline {
  name: string;
  kind: DeadlineKind;
  title: { ar: string; en: string };
  priority: DeadlinePriority;
  dueAt: Date;
  subjectId: string;
  /** Who gets it: the file's lead, and/or a role at the file's institution. */
  assignee: { userId: string | null; role: Role | null };
}

/** The lead of the file (prosecutor, judge, investigator), if it has one. */
export async function fileLeadUserId({ trx, file }: ActionContext): Promise<string | null> {
  const lead = await trx
    .selectFrom('case_assignments')
    .select('user_id')
    .where('case_id', '=', file.id)
    .where('is_lead', '=', true)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return lead?.user_id ?? null;
}

/** The role that leads files at the file's institution: where an unassigned file's work goes. */
export async function institutionLeadRole({ trx, file }: ActionContext): Promise<Role | null> {
  const institution = await trx
    .selectFrom('institutions')
    .select('kind')
    .where('id', '=', file.institution_id)
    .executeTakeFirstOrThrow();
  return leadRoleFor(institution.kind);
}

/** The file's lead or, when it has none, whoever holds the institution's lead role. */
export async function leadOrLeadRole(context: ActionContext): Promise<SubjectDeadline['assignee']> {
  const userId = await fileLeadUserId(context);
  if (userId) return { userId, role: null };
  return { userId: null, role: (await institutionLeadRole(context)) ?? 'admin' };
}

export async function insertSubjectDeadline(
  context: ActionContext,
  deadline: SubjectDeadline,
): Promise<void> {
  const { trx, file, eventId, now } = context;
  await trx
    .insertInto('deadlines')
    .values({
      case_id: file.id,
      name: deadline.name,
      title_ar: deadline.title.ar,
      title_en: deadline.title.en,
      kind: deadline.kind,
      priority: deadline.priority,
      due_at: deadline.dueAt,
      assignee_user_id: deadline.assignee.userId,
      assignee_role: deadline.assignee.role,
      institution_id: file.institution_id,
      created_by_event: eventId,
      subject_id: deadline.subjectId,
      created_at: now,
    })
    .execute();
}

/** Completes the file's open deadlines of a kind about any of `subjectIds`. */
export async function completeSubjectDeadlines(
  { trx, file, now }: ActionContext,
  kind: DeadlineKind,
  subjectIds: readonly string[],
): Promise<void> {
  if (subjectIds.length === 0) return;
  await trx
    .updateTable('deadlines')
    .set({ completed_at: now })
    .where('case_id', '=', file.id)
    .where('kind', '=', kind)
    .where('subject_id', 'in', [...subjectIds])
    .where('completed_at', 'is', null)
    .execute();
}
