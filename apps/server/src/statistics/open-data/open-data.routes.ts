/**
 * Open data (issue 8): `GET /api/v1/open-data/performance`, without signing in. Aggregates only,
 * small cells withheld (get-open-data.ts says exactly what is and is not published).
 */
import { withStatementsPlannedEachTime } from '../../db/prepared-statements';
import type { FastifyTypebox } from '../../http/fastify-types';
import { errorResponses } from '../../http/schemas';
import { getOpenData } from './get-open-data';
import { OpenDataQuery, OpenDataResponse } from './open-data.schemas';

export function openDataRoutes(app: FastifyTypebox): void {
  app.get(
    '/open-data/performance',
    {
      config: { isPublic: true },
      schema: {
        tags: ['open-data'],
        summary: 'Public performance measures of a period, per institution (no sign-in)',
        description:
          'Units incoming, disposed of and pending, clearance rate, CEPEJ disposition time, ' +
          'attrition and detention, per institution and for the country, computed on normal ' +
          'files only (never restricted, sealed, juvenile or family protection files). Every ' +
          'count below QADIYA_SMALL_CELL_THRESHOLD, and every count that would reveal one, is ' +
          'withheld (null, listed in `suppressed`). Juvenile and family protection files appear ' +
          'only as national totals, each withheld below the threshold. docs/measures.md section 3.',
        querystring: OpenDataQuery,
        response: { 200: OpenDataResponse, ...errorResponses() },
      },
    },
    async (request) =>
      withStatementsPlannedEachTime(() => getOpenData(request.server.services, request.query)),
  );
}
