import { notFound } from '../http/errors';
import { scopeFor } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import type { UseCaseContext } from '../use-case-context';
import {
  findAssignmentsOfUser,
  findUserById,
  listUsersInScope,
  type UserListFilter,
} from './users.repository';

export async function getUser(ctx: UseCaseContext, userId: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw notFound('User', userId);
  await requireAccess(ctx, 'user.read', {
    institutionId: user.institution_id,
    object: { type: 'user', id: userId },
  });
  return { user, assignments: await findAssignmentsOfUser(ctx.db, userId) };
}

/** Users the actor administers; the scope is applied in SQL, so nothing outside it is fetched. */
export async function listUsers(ctx: UseCaseContext, filter: UserListFilter) {
  const scope = scopeFor(ctx.actor, 'user.read');
  // Someone who administers no institution at all is refused (and audited), not shown an empty list.
  if (!scope.national && scope.institutionIds.length === 0) {
    await requireAccess(ctx, 'user.read', { institutionId: filter.institutionId ?? null });
  }
  return listUsersInScope(ctx.db, scope, filter);
}
