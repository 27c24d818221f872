/** Loads what the client is told about the signed-in user: account, assignments, MFA duty. */
import type { ActiveAssignment } from '../policy/actor';
import { AppError } from '../http/errors';
import type { Services } from '../use-case-context';
import { findAccountById } from './accounts.repository';
import type { CurrentUserSource } from './current-user.presenter';
import { isMfaRequired } from './mfa-requirement';
import { findActiveAssignments } from './sessions.repository';

export interface CurrentUserSnapshot {
  account: CurrentUserSource;
  assignments: ActiveAssignment[];
  mfaRequired: boolean;
}

export async function getCurrentUser(
  services: Services,
  userId: string,
  now: Date,
): Promise<CurrentUserSnapshot> {
  const account = await findAccountById(services.db, userId);
  if (!account) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  const assignments = await findActiveAssignments(services.db, userId, now);
  const mfaRequired = await isMfaRequired(services.db, services.config, assignments);
  return { account, assignments, mfaRequired };
}
