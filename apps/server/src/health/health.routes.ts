import { Type } from 'typebox';
import type { FastifyTypebox } from '../http/fastify-types';
import type { DatabaseKind } from '../db/database';
import { sql } from 'kysely';
import { AppError } from '../http/errors';
import { errorRef } from '../http/schemas';

export function healthRoutes(app: FastifyTypebox, deps: { kind: DatabaseKind }): void {
  app.get(
    '/health',
    {
      config: { isPublic: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        security: [],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
          }),
          503: errorRef(),
        },
      },
    },
    async () => {
      try {
        await sql`SELECT 1`.execute(app.services.db);
      } catch {
        throw new AppError('UNAVAILABLE', 'The database is not answering');
      }
      return { status: 'ok' as const, database: deps.kind };
    },
  );
}
