/**
 * Pickers of the event forms: the judges of a court (to sit on a hearing panel) and the users of
 * an institution holding a role (to take over a file). Only people who work with that institution
 * may list its staff; the policy module decides.
 */
import type { Role } from '@qadiya/domain';
import { requireAccess } from '../policy/require-access';
import type { UseCaseContext } from '../use-case-context';
import { listStaff } from './lookups.repository';

export async function listCourtJudges(
  ctx: UseCaseContext,
  query: { courtId: string; caseId?: string | undefined },
) {
  await requireAccess(ctx, 'lookup.court_judges', {
    institutionId: query.courtId,
    object: { type: 'institution', id: query.courtId },
  });
  return listStaff(ctx.db, {
    institutionId: query.courtId,
    role: 'judge',
    caseId: query.caseId,
    now: ctx.clock.now(),
  });
}

export async function listInstitutionStaff(
  ctx: UseCaseContext,
  query: { institutionId: string; role: Role; caseId?: string | undefined },
) {
  await requireAccess(ctx, 'lookup.institution_staff', {
    institutionId: query.institutionId,
    object: { type: 'institution', id: query.institutionId },
  });
  return listStaff(ctx.db, { ...query, now: ctx.clock.now() });
}
