/** Every area's routes, registered under /api/v1. Add a new area here. */
import type { FastifyTypebox } from './http/fastify-types';

export async function apiRoutes(app: FastifyTypebox): Promise<void> {
  await Promise.resolve(app);
}
