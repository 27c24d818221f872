/**
 * The performance measures of a period (issue 8; performance-definitions.ts, docs/measures.md
 * section 3). Who may ask is decided by the policy module (`statistics.read`, in
 * performance-scope.ts): analysts the whole country or any institution, chief prosecutors their
 * own institutions; refusals are audited. The answer holds aggregates only; workload rows name
 * the prosecutors and judges only for readers with an institution grant, never for analysts.
 */
import type { UseCaseContext } from '../use-case-context';
import { AppError } from '../http/errors';
import { MEASURE_CODES, type MeasureCode } from './performance-definitions';
import {
  countAttrition,
  countBacklog,
  countClearance,
  countDetention,
  countPendingAge,
  countTrialCertainty,
  countWorkload,
  measureTimeToDisposition,
  type PerformanceScope,
} from './performance.repository';
import { resolvePerformanceScope, type ScopeInput } from './performance-scope';
import {
  attritionTable,
  backlogTable,
  clearanceTable,
  detentionTable,
  dispositionTable,
  pendingAgeTable,
  standardDays,
  trialCertaintyTable,
  workloadTable,
} from './performance-tables';
import type { MeasureTable } from './performance.schemas';

/** The measures of a `measures` query field (default: all); an unknown one is a coded 400. */
export function parseMeasures(raw: string | undefined): MeasureCode[] {
  if (raw === undefined || raw.trim() === '') return [...MEASURE_CODES];
  const codes = [...new Set(raw.split(',').map((code) => code.trim()))];
  for (const code of codes) {
    if (!(MEASURE_CODES as readonly string[]).includes(code)) {
      const problem = `unknown measure "${code}"; expected ${MEASURE_CODES.join(', ')}`;
      throw new AppError('VALIDATION_FAILED', `Invalid querystring field "measures": ${problem}`, {
        issues: [{ field: 'measures', in: 'querystring', code: 'UNKNOWN_MEASURE', problem }],
      });
    }
  }
  return codes as MeasureCode[];
}

/** The time standards in force, by standard group. */
export function standardsOf(ctx: Pick<UseCaseContext, 'config'>) {
  return {
    felony: ctx.config.felonyTimeStandard,
    misdemeanour: ctx.config.misdemeanourTimeStandard,
  };
}

/** The last step of each standard: a pending unit older than it is over the standard. */
export function lastSteps(ctx: Pick<UseCaseContext, 'config'>) {
  const standards = standardsOf(ctx);
  return {
    felony: standards.felony.at(-1)?.days ?? 365,
    misdemeanour: standards.misdemeanour.at(-1)?.days ?? 180,
  };
}

/** One measure's table for a scope. */
export async function computeMeasure(
  ctx: Pick<UseCaseContext, 'db' | 'config'>,
  code: MeasureCode,
  scope: PerformanceScope,
  periodDays: number,
  namesShown: boolean,
): Promise<MeasureTable> {
  const { db } = ctx;
  const dimensions = scope.dimensions;
  const standards = standardsOf(ctx);
  switch (code) {
    case 'clearance_rate':
      return clearanceTable(dimensions, await countClearance(db, scope));
    case 'time_to_disposition':
      return dispositionTable(
        dimensions,
        await measureTimeToDisposition(db, scope, standardDays(standards)),
        standards,
      );
    case 'pending_age':
      return pendingAgeTable(dimensions, await countPendingAge(db, scope, lastSteps(ctx)));
    case 'trial_date_certainty':
      return trialCertaintyTable(dimensions, await countTrialCertainty(db, scope));
    case 'disposition_time':
      return backlogTable(dimensions, await countBacklog(db, scope), periodDays);
    case 'workload':
      return workloadTable(await countWorkload(db, scope), namesShown);
    case 'detention':
      return detentionTable(dimensions, await countDetention(db, scope));
    case 'attrition':
      return attritionTable(dimensions, await countAttrition(db, scope));
  }
}

export async function getPerformanceMeasures(
  ctx: UseCaseContext,
  input: ScopeInput & { measures?: string },
) {
  const codes = parseMeasures(input.measures);
  const resolved = await resolvePerformanceScope(ctx, input);
  // Each measure on a connection of its own (in the order asked): the dashboard waits for the
  // slowest instead of their sum. Embedded PGlite, with its single connection, runs them in turn.
  const measures: MeasureTable[] = await Promise.all(
    codes.map((code) =>
      computeMeasure(ctx, code, resolved.scope, resolved.days, resolved.namesShown),
    ),
  );
  return {
    ...resolved,
    timeZone: ctx.config.timeZone,
    measures,
    standards: standardsOf(ctx),
    input,
  };
}

export type PerformanceData = Awaited<ReturnType<typeof getPerformanceMeasures>>;
