/**
 * What a use case receives: the database, who is acting, where the request came from, and the
 * clock and configuration. Routes build it from the request; the CLI builds it for its commands.
 */
import type { Kysely } from 'kysely';
import type { RequestOrigin } from './audit/audit-log';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/schema';
import type { Actor } from './policy/actor';

export interface Services {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
}

export interface UseCaseContext extends Services {
  actor: Actor;
  origin: RequestOrigin;
}

/** Audit-row fields naming the actor. */
export function auditActor(actor: Actor): { userId: string | null; username: string } {
  return { userId: actor.isSystem ? null : actor.userId, username: actor.username };
}
