/** Every area's routes, registered under /api/v1. Add a new area here. */
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { casesRoutes } from './cases/cases.routes';
import type { FastifyTypebox } from './http/fastify-types';
import { offencesRoutes } from './offences/offences.routes';
import { organisationRoutes } from './organisation/organisation.routes';
import { personsRoutes } from './persons/persons.routes';
import { usersRoutes } from './users/users.routes';
import { workQueueRoutes } from './work-queue/work-queue.routes';
import { hearingsRoutes } from './hearings/hearings.routes';
import { lookupsRoutes } from './lookups/lookups.routes';
import { statisticsRoutes } from './statistics/statistics.routes';
import { openDataRoutes } from './statistics/open-data/open-data.routes';
import { referralsRoutes } from './referrals/referrals.routes';
import { legalDocumentsRoutes } from './legal-documents/legal-documents.routes';
import { documentsRoutes } from './documents/documents.routes';
import { evidenceRoutes } from './evidence/evidence.routes';

export async function apiRoutes(app: FastifyTypebox): Promise<void> {
  organisationRoutes(app);
  usersRoutes(app);
  auditRoutes(app);
  await authRoutes(app);
  personsRoutes(app);
  offencesRoutes(app);
  calendarRoutes(app);
  workQueueRoutes(app);
  casesRoutes(app);
  lookupsRoutes(app);
  hearingsRoutes(app);
  statisticsRoutes(app);
  openDataRoutes(app);
  referralsRoutes(app);
  legalDocumentsRoutes(app);
  await documentsRoutes(app);
  await evidenceRoutes(app);
  await Promise.resolve();
}
