/**
 * Authentication of every request. Routes are private unless their config says `isPublic: true`;
 * a session opened only to enrol in MFA may reach only routes marked `allowDuringMfaEnrolment`.
 * So a new route is protected by default, and a test walks every route to prove it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../http/errors';
import type { Actor } from '../policy/actor';
import type { Services } from '../use-case-context';
import { hashSessionToken, SESSION_COOKIE, tokenFromRequest } from './session-token';
import { findSessionWithUser, touchSession } from './sessions.repository';

declare module 'fastify' {
  interface FastifyContextConfig {
    isPublic?: boolean;
    allowDuringMfaEnrolment?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    isMfaEnrolmentOnly: boolean;
  }
}

// last_seen_at is written at most this often, so a busy user does not cost a write per request.
// The idle timeout is therefore exact to within this interval.
const TOUCH_INTERVAL_MS = 30_000;

export interface SessionCheck {
  actor: Actor;
  isMfaEnrolmentOnly: boolean;
}

/** Resolves a bearer token to an actor, enforcing revocation, idle timeout and absolute lifetime. */
export async function resolveSession(services: Services, token: string): Promise<SessionCheck> {
  const { db, clock, config } = services;
  const now = clock.now();
  const session = await findSessionWithUser(db, hashSessionToken(token), now);
  if (!session || session.revokedAt !== null || !session.isActive) {
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  }
  const idleLimit = session.lastSeenAt.getTime() + config.auth.sessionIdleMinutes * 60_000;
  if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= idleLimit) {
    throw new AppError('SESSION_EXPIRED', 'Your session has expired; sign in again');
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(db, session.sessionId, now);
  }
  return {
    isMfaEnrolmentOnly: session.isMfaEnrolmentOnly,
    actor: {
      userId: session.userId,
      username: session.username,
      displayNameAr: session.displayNameAr,
      displayNameEn: session.displayNameEn,
      institutionId: session.institutionId,
      sessionId: session.sessionId,
      assignments: session.assignments,
    },
  };
}

export const authenticationPlugin = fp(
  (app: FastifyInstance, services: Services, done: (err?: Error) => void) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('isMfaEnrolmentOnly', false);
    app.addHook('onRequest', async (request: FastifyRequest) => {
      const routeConfig = request.routeOptions.config;
      // Only the API is private by default; the web app's files and the API docs are public.
      if (!request.routeOptions.url?.startsWith('/api/v1/')) return;
      const token = tokenFromRequest(
        request.headers.authorization,
        request.cookies[SESSION_COOKIE],
      );
      if (routeConfig.isPublic) {
        // Public routes still learn who is calling when a valid session is presented (logout).
        if (token) {
          const check = await resolveSession(services, token).catch(() => null);
          request.actor = check?.actor ?? null;
        }
        return;
      }
      if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
      const check = await resolveSession(services, token);
      if (check.isMfaEnrolmentOnly && !routeConfig.allowDuringMfaEnrolment) {
        throw new AppError(
          'MFA_ENROLMENT_REQUIRED',
          'Your role requires a second factor: enrol in TOTP before continuing',
        );
      }
      request.actor = check.actor;
      request.isMfaEnrolmentOnly = check.isMfaEnrolmentOnly;
    });
    done();
  },
  { name: 'qadiya-authentication', dependencies: ['@fastify/cookie'] },
);

/** The actor of an authenticated route. Throws if called on a public route without a session. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
  return request.actor;
}
