/** Ends the caller's session. Without a valid session there is nothing to revoke or audit. */
import { recordAudit, type RequestOrigin } from '../audit/audit-log';
import type { Actor } from '../policy/actor';
import type { Services } from '../use-case-context';
import { revokeSession } from './sessions.repository';

export async function logOut(
  services: Services,
  origin: RequestOrigin,
  actor: Actor | null,
): Promise<void> {
  if (!actor) return;
  await services.db.transaction().execute(async (trx) => {
    await revokeSession(trx, actor.sessionId, origin.occurredAt, 'logout');
    await recordAudit(trx, origin, {
      action: 'auth.logout',
      outcome: 'success',
      actor: { userId: actor.userId, username: actor.username },
      object: { type: 'session', id: actor.sessionId },
      institutionId: actor.institutionId,
    });
  });
}
