/**
 * Lookups for the web app's event forms (`/api/v1/lookups/…`): the people a payload field may
 * name, so that users pick them by name instead of typing ids.
 */
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses } from '../http/schemas';
import { listCaseWorkers } from './list-case-workers';
import { listCourtJudges, listInstitutionStaff } from './list-staff';
import { presentCaseWorker, presentStaffMember } from './lookups.presenter';
import {
  CaseWorkerList,
  CaseWorkersQuery,
  JudgesQuery,
  StaffList,
  StaffQuery,
} from './lookups.schemas';

const tags = ['lookups'];

export function lookupsRoutes(app: FastifyTypebox): void {
  app.get(
    '/lookups/judges',
    {
      schema: {
        tags,
        summary: "The court's active judges (for a hearing panel); for its judges and clerks",
        querystring: JudgesQuery,
        response: { 200: StaffList, ...errorResponses() },
      },
    },
    async (request) => ({
      items: (await listCourtJudges(useCaseContext(request), request.query)).map(
        presentStaffMember,
      ),
    }),
  );

  app.get(
    '/lookups/staff',
    {
      schema: {
        tags,
        summary:
          'Active users holding a role at an institution (to reassign a file); for its chief prosecutors, judges and clerks',
        querystring: StaffQuery,
        response: { 200: StaffList, ...errorResponses() },
      },
    },
    async (request) => ({
      items: (await listInstitutionStaff(useCaseContext(request), request.query)).map(
        presentStaffMember,
      ),
    }),
  );

  app.get(
    '/lookups/case-workers',
    {
      schema: {
        tags,
        summary:
          'Child protection counsellors and mediators of every institution, to instruct on or refer a juvenile file; for prosecutors',
        querystring: CaseWorkersQuery,
        response: { 200: CaseWorkerList, ...errorResponses() },
      },
    },
    async (request) => ({
      items: (await listCaseWorkers(useCaseContext(request), request.query)).map(presentCaseWorker),
    }),
  );
}
