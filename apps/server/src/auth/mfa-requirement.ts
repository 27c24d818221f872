/**
 * Whether a user must use a second factor: true when any role they actually hold is listed in
 * QADIYA_MFA_REQUIRED_ROLES or marked `requires_mfa` in role_settings. An excluded grant (recusal)
 * withholds access rather than granting it, so it does not count.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '@qadiya/domain';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { ActiveAssignment } from '../policy/actor';
import { findRolesRequiringMfa } from './accounts.repository';

export async function isMfaRequired(
  db: Kysely<Database> | Transaction<Database>,
  config: Config,
  assignments: readonly ActiveAssignment[],
): Promise<boolean> {
  const held: Role[] = [
    ...new Set(assignments.filter((a) => a.grantKind !== 'excluded').map((a) => a.role)),
  ];
  if (held.some((role) => config.auth.mfaRequiredRoles.includes(role))) return true;
  return (await findRolesRequiringMfa(db, held)).length > 0;
}
