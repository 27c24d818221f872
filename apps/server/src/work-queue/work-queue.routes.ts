/** `GET /api/v1/work-queue`: the signed-in user's open deadlines and tasks, most urgent first. */
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses } from '../http/schemas';
import { listWorkQueue } from './list-work-queue';
import { presentWorkItem } from './work-queue.presenter';
import { WorkQueueQuery, WorkQueueResponse } from './work-queue.schemas';

export function workQueueRoutes(app: FastifyTypebox): void {
  app.get(
    '/work-queue',
    {
      schema: {
        tags: ['work queue'],
        summary: 'My open deadlines and tasks, most urgent first',
        description:
          'Deadlines assigned to me, or to a role I hold at their institution, on files I may ' +
          'see. Detention expiries come first, then overdue items, then by priority ' +
          '(urgent, high, normal) and due time.',
        querystring: WorkQueueQuery,
        response: { 200: WorkQueueResponse, ...errorResponses() },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const { rows, now } = await listWorkQueue(ctx, request.query);
      return { items: rows.map((row) => presentWorkItem(row, now)) };
    },
  );
}
