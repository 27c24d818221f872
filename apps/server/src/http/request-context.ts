import type { FastifyRequest } from 'fastify';
import { requireActor } from '../auth/authenticate';
import type { RequestOrigin } from '../audit/audit-log';
import type { UseCaseContext } from '../use-case-context';

/** Where the request came from, stamped with the (injected) clock's time. */
export function requestOrigin(request: FastifyRequest): RequestOrigin {
  return {
    requestId: request.id,
    sourceIp: request.ip,
    occurredAt: request.server.services.clock.now(),
  };
}

/** The use-case context of an authenticated request. */
export function useCaseContext(request: FastifyRequest): UseCaseContext {
  return {
    ...request.server.services,
    actor: requireActor(request),
    origin: requestOrigin(request),
  };
}
