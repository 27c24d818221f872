/**
 * Statistics: the UNODC/UNICEF juvenile justice indicators of a period (analysts, chief
 * prosecutors), the family protection dashboard (analysts, chief prosecutors, family protection
 * prosecutors), and the child population figures behind the per-100,000 rates (national
 * administrators). Access is decided in the use cases.
 */
import { withStatementsPlannedEachTime } from '../db/prepared-statements';
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses } from '../http/schemas';
import { presentChildPopulation } from './child-population.presenter';
import { presentFamilyProtection } from './family-protection.presenter';
import { FamilyProtectionQuery, FamilyProtectionResponse } from './family-protection.schemas';
import { getFamilyProtectionStatistics } from './get-family-protection-statistics';
import { getJuvenileIndicators } from './get-juvenile-indicators';
import { presentJuvenileIndicators } from './juvenile-indicators.presenter';
import { readChildPopulation } from './read-child-population';
import { setChildPopulation } from './set-child-population';
import { exportPerformanceTable } from './export-performance-table';
import { getPerformanceMeasures } from './get-performance-measures';
import { listPerformanceFiles } from './list-performance-files';
import { presentPerformance } from './performance.presenter';
import {
  PerformanceExportQuery,
  PerformanceFilesQuery,
  PerformanceFilesResponse,
  PerformanceQuery,
  PerformanceResponse,
} from './performance.schemas';
import {
  ChildPopulationResponse,
  JuvenileIndicatorsQuery,
  JuvenileIndicatorsResponse,
  MAX_PERIOD_DAYS,
  PopulationYearParams,
  SetChildPopulationBody,
} from './statistics.schemas';

const tags = ['statistics'];

export function statisticsRoutes(app: FastifyTypebox): void {
  app.get(
    '/statistics/juvenile-indicators',
    {
      schema: {
        tags,
        summary: 'UNODC/UNICEF juvenile justice indicators of a period, by sex and age band',
        description:
          'Aggregates only, never names. Analysts see the whole country or any institution; chief ' +
          'prosecutors their own institutions (the default) and no other; anyone else gets 403. ' +
          "The period is whole days in the courts' time zone, both ends included, at most " +
          `${MAX_PERIOD_DAYS} days. Per-100,000 rates use the latest child population figures ` +
          "not after the period's last year, and are null when there are none. docs/measures.md " +
          'defines each indicator.',
        querystring: JuvenileIndicatorsQuery,
        response: { 200: JuvenileIndicatorsResponse, ...errorResponses(404) },
      },
    },
    async (request) =>
      presentJuvenileIndicators(
        await withStatementsPlannedEachTime(() =>
          getJuvenileIndicators(useCaseContext(request), request.query),
        ),
      ),
  );

  app.get(
    '/statistics/family-protection',
    {
      schema: {
        tags,
        summary:
          'Family protection dashboard of a period: attrition, GBVIMS types, referrals, protection measures',
        description:
          'Aggregates only, never names. Analysts see the whole country or any institution; chief ' +
          'prosecutors their own offices (the default) and no other; prosecutors of a family ' +
          "protection unit their own unit's office; anyone else gets 403. Outside the family " +
          'protection unit, every count below QADIYA_SMALL_CELL_THRESHOLD, and every count from ' +
          'which one could be computed, is null with `suppressed: true`. `splitBy` splits every ' +
          "count by one dimension. The period is whole days in the courts' time zone, both ends " +
          `included, at most ${MAX_PERIOD_DAYS} days. docs/measures.md defines each figure.`,
        querystring: FamilyProtectionQuery,
        response: { 200: FamilyProtectionResponse, ...errorResponses(404) },
      },
    },
    async (request) =>
      presentFamilyProtection(
        await withStatementsPlannedEachTime(() =>
          getFamilyProtectionStatistics(useCaseContext(request), request.query),
        ),
      ),
  );

  app.get(
    '/statistics/performance',
    {
      schema: {
        tags,
        summary:
          'Court and prosecution performance measures of a period (CourTools, CEPEJ, workload, detention, attrition)',
        description:
          'One table per measure: the total, then each category of `splitBy` (at most two ' +
          'dimensions). The unit of count is one accused in one file. Aggregates only: analysts ' +
          'see the whole country or any institution, chief prosecutors their own institutions; ' +
          'workload rows name people only for chief prosecutors. Bad periods, unknown dimensions ' +
          'or measures and too many dimensions are 400s with a code in `details.issues[].code`. ' +
          'docs/measures.md, section 3, defines each measure.',
        querystring: PerformanceQuery,
        response: { 200: PerformanceResponse, ...errorResponses(404) },
      },
    },
    async (request) =>
      presentPerformance(
        await withStatementsPlannedEachTime(() =>
          getPerformanceMeasures(useCaseContext(request), request.query),
        ),
      ),
  );

  app.get(
    '/statistics/performance/files',
    {
      schema: {
        tags,
        summary: 'The files behind one figure of the performance measures (drill-down)',
        description:
          'Only the files you may open, filtered in the database by the access policy; ' +
          '`hiddenCount` is how many other files the figure counts. An analyst gets no file.',
        querystring: PerformanceFilesQuery,
        response: { 200: PerformanceFilesResponse, ...errorResponses(404) },
      },
    },
    async (request) =>
      withStatementsPlannedEachTime(() =>
        listPerformanceFiles(useCaseContext(request), request.query),
      ),
  );

  app.get(
    '/statistics/performance/export',
    {
      schema: {
        tags,
        summary: "One measure's table as CSV or XLSX",
        querystring: PerformanceExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: errorResponses(404),
      },
    },
    async (request, reply) => {
      const file = await withStatementsPlannedEachTime(() =>
        exportPerformanceTable(useCaseContext(request), request.query),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  app.get(
    '/statistics/child-population/:year',
    {
      schema: {
        tags,
        summary: "A year's child population figures, by sex and age band (national administrators)",
        params: PopulationYearParams,
        response: { 200: ChildPopulationResponse, ...errorResponses(404) },
      },
    },
    async (request) =>
      presentChildPopulation(
        await readChildPopulation(useCaseContext(request), request.params.year),
      ),
  );

  app.put(
    '/statistics/child-population/:year',
    {
      schema: {
        tags,
        summary: "Replace a year's child population figures (national administrators; audited)",
        description:
          'One figure for each sex × age band of children under 18 (eight in all), from the ' +
          'official estimates. They are the denominator of the per-100,000 juvenile indicators of ' +
          'that year and of later years until figures for a later year are entered.',
        params: PopulationYearParams,
        body: SetChildPopulationBody,
        response: { 200: ChildPopulationResponse, ...errorResponses() },
      },
    },
    async (request) =>
      presentChildPopulation(
        await setChildPopulation(useCaseContext(request), request.params.year, request.body),
      ),
  );
}
