/**
 * The open deadlines and tasks of a user: assigned to them, or to a role they hold by a standard
 * grant at the deadline's institution; and only on files they may see (the policy's SQL form, so a
 * recusal hides the file's items too). Ordered by urgency.
 */
import { sql, type Kysely } from 'kysely';
import type { Database, DeadlineKind } from '../db/schema';
import type { Actor } from '../policy/actor';
import { visibleCasesCondition } from '../policy/case-access';

export interface WorkQueueFilter {
  kind?: DeadlineKind | undefined;
  isOverdueOnly: boolean;
  limit: number;
  now: Date;
}

export function findWorkItems(db: Kysely<Database>, actor: Actor, filter: WorkQueueFilter) {
  const roleGrants = actor.assignments.flatMap((a) =>
    a.grantKind === 'standard' && a.institutionId !== null
      ? [{ role: a.role, institutionId: a.institutionId }]
      : [],
  );
  const { now } = filter;
  let query = db
    .selectFrom('deadlines as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .select([
      'd.id',
      'd.kind',
      'd.name',
      'd.title_ar',
      'd.title_en',
      'd.priority',
      'd.due_at',
      'c.id as case_id',
      'c.reference',
      'c.case_type',
      'c.state',
      'c.institution_id',
      'c.is_juvenile',
    ])
    .where('d.completed_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('d.assignee_user_id', '=', actor.userId),
        ...roleGrants.map((grant) =>
          eb.and([
            eb('d.assignee_role', '=', grant.role),
            eb('d.institution_id', '=', grant.institutionId),
          ]),
        ),
      ]),
    )
    .where(visibleCasesCondition(actor));
  if (filter.kind) query = query.where('d.kind', '=', filter.kind);
  if (filter.isOverdueOnly) query = query.where('d.due_at', '<', now);
  // Detention first (liberty is at stake), a juvenile's before an adult's (Decree-Law 4/2016:
  // detention of a child is a last resort, for the shortest time), then overdue, then priority,
  // then the earliest due.
  return query
    .orderBy(sql`case when d.kind = 'detention' then 0 else 1 end`)
    .orderBy(sql`case when d.kind = 'detention' and c.is_juvenile then 0 else 1 end`)
    .orderBy(sql`case when d.due_at < ${now} then 0 else 1 end`)
    .orderBy(sql`case d.priority when 'urgent' then 0 when 'high' then 1 else 2 end`)
    .orderBy('d.due_at')
    .orderBy('d.id')
    .limit(filter.limit)
    .execute();
}

export type WorkItemRow = Awaited<ReturnType<typeof findWorkItems>>[number];
