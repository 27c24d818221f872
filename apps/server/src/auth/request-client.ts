/** What the auth routes take from a request: the audit origin and the client of a new session. */
import type { FastifyRequest } from 'fastify';
import type { RequestOrigin } from '../audit/audit-log';
import type { UseCaseContext } from '../use-case-context';
import { requireActor } from './authenticate';
import type { SessionClient } from './issue-session';

export function originOf(request: FastifyRequest): RequestOrigin {
  return {
    requestId: request.id,
    sourceIp: request.ip,
    occurredAt: request.server.services.clock.now(),
  };
}

export function clientOf(request: FastifyRequest): SessionClient {
  const userAgent = request.headers['user-agent'];
  return { sourceIp: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

/** The use-case context of an authenticated request. */
export function contextOf(request: FastifyRequest): UseCaseContext {
  return { ...request.server.services, actor: requireActor(request), origin: originOf(request) };
}
