/**
 * Working-day calendars: the holiday list (`/api/v1/holidays`, any signed-in user, since every
 * deadline depends on it) and its administration (`/api/v1/admin/…`).
 */
import { Type } from 'typebox';
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, IdParams } from '../http/schemas';
import { addHoliday } from './add-holiday';
import { listHolidays } from './calendar.repository';
import {
  AddHolidayBody,
  HolidayResponse,
  ListHolidaysQuery,
  WeekendBody,
  WeekendResponse,
} from './calendar.schemas';
import { presentHoliday } from './holiday.presenter';
import { removeHoliday } from './remove-holiday';
import { setWeekendDays } from './set-weekend-days';

const tags = ['calendar'];
const adminTags = ['admin: calendar'];

export function calendarRoutes(app: FastifyTypebox): void {
  app.get(
    '/holidays',
    {
      schema: {
        tags,
        summary: "National holidays, plus an institution's own days off when it is named",
        querystring: ListHolidaysQuery,
        response: { 200: Type.Array(HolidayResponse), ...errorResponses() },
      },
    },
    async (request) =>
      (await listHolidays(request.server.services.db, request.query)).map(presentHoliday),
  );

  app.post(
    '/admin/holidays',
    {
      schema: {
        tags: adminTags,
        summary:
          "Add a holiday: national (national administrators) or an institution's (its administrators)",
        body: AddHolidayBody,
        response: { 201: HolidayResponse, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentHoliday(await addHoliday(useCaseContext(request), request.body))),
  );

  app.delete(
    '/admin/holidays/:id',
    {
      schema: {
        tags: adminTags,
        summary: 'Remove a holiday',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await removeHoliday(useCaseContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/admin/institutions/:id/weekend',
    {
      schema: {
        tags: adminTags,
        summary: "Set an institution's weekend days (ISO weekdays, 1 = Monday … 7 = Sunday)",
        params: IdParams,
        body: WeekendBody,
        response: { 200: WeekendResponse, ...errorResponses(404) },
      },
    },
    (request) =>
      setWeekendDays(useCaseContext(request), request.params.id, request.body.weekendDays),
  );
}
