/** The client a new session is opened for. (Origin and use-case context: http/request-context.ts.) */
import type { FastifyRequest } from 'fastify';
import type { SessionClient } from './issue-session';

export function clientOf(request: FastifyRequest): SessionClient {
  const userAgent = request.headers['user-agent'];
  return { sourceIp: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : null };
}
