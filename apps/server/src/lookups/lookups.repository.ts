/** Who holds a role at an institution now: active users with a standard grant, minus recusals. */
import type { Role } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface StaffFilter {
  institutionId: string;
  role: Role;
  /** Leave out users with an excluded grant (recusal) for this file. */
  caseId?: string | undefined;
  now: Date;
}

export function listStaff(db: Kysely<Database>, filter: StaffFilter) {
  const { now } = filter;
  let query = db
    .selectFrom('users as u')
    .select(['u.id', 'u.username', 'u.display_name_ar', 'u.display_name_en'])
    .where('u.is_active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignments as ra')
          .select('ra.id')
          .whereRef('ra.user_id', '=', 'u.id')
          .where('ra.role', '=', filter.role)
          .where('ra.grant_kind', '=', 'standard')
          .where('ra.institution_id', '=', filter.institutionId)
          .where('ra.case_id', 'is', null)
          .where('ra.revoked_at', 'is', null)
          .where('ra.valid_from', '<=', now)
          .where((eb) => eb.or([eb('ra.valid_until', 'is', null), eb('ra.valid_until', '>', now)])),
      ),
    );
  const caseId = filter.caseId;
  if (caseId) {
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('role_assignments as rx')
            .select('rx.id')
            .whereRef('rx.user_id', '=', 'u.id')
            .where('rx.grant_kind', '=', 'excluded')
            .where('rx.case_id', '=', caseId)
            .where('rx.revoked_at', 'is', null)
            .where('rx.valid_from', '<=', now)
            .where((eb) =>
              eb.or([eb('rx.valid_until', 'is', null), eb('rx.valid_until', '>', now)]),
            ),
        ),
      ),
    );
  }
  return query.orderBy('u.display_name_ar').orderBy('u.id').limit(500).execute();
}
