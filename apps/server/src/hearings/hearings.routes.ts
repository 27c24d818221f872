/**
 * `GET /api/v1/hearings`: the court calendar, the hearings of one court over at most a month of
 * its days, with what a cause list (الرول) shows. Access is decided in the use case.
 */
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses } from '../http/schemas';
import { presentCourtCalendar } from './hearing.presenter';
import { CourtCalendarResponse, ListHearingsQuery, MAX_RANGE_DAYS } from './hearings.schemas';
import { listCourtHearings } from './list-court-hearings';

export function hearingsRoutes(app: FastifyTypebox): void {
  app.get(
    '/hearings',
    {
      schema: {
        tags: ['hearings'],
        summary: "A court's hearings over a range of days (the court calendar and cause list)",
        description:
          "The court's judges and clerks see every hearing of the court; prosecutors and chief " +
          'prosecutors see the hearings of files they may see (the court file, or their file ' +
          "referred to it); anyone else gets 403. The range is read in the court's time zone, " +
          `both days included, at most ${MAX_RANGE_DAYS} days. Parties of restricted and sealed ` +
          'files are named by initials only.',
        querystring: ListHearingsQuery,
        response: { 200: CourtCalendarResponse, ...errorResponses(404) },
      },
    },
    async (request) =>
      presentCourtCalendar(await listCourtHearings(useCaseContext(request), request.query)),
  );
}
