/**
 * The UNODC/UNICEF juvenile justice indicators of a period (issue 5; docs/measures.md). Who may
 * ask is decided by the policy module (`statistics.read`):
 * - analysts hold national grants: the whole country, or any one institution;
 * - chief prosecutors hold institution grants: their own institutions when none is named; naming
 *   another institution is refused (403, audited by requireAccess);
 * - anyone else is refused.
 * The answer holds aggregates only: counts, days, percentages and rates, never a name.
 */
import { notFound } from '../http/errors';
import { findInstitutionById } from '../organisation/institutions.repository';
import { scopeFor } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import type { UseCaseContext } from '../use-case-context';
import { findLatestChildPopulation } from './child-population.repository';
import type { IndicatorScope } from './indicator-sql';
import {
  measurePreSentenceDetention,
  measureTimeToDisposition,
} from './juvenile-durations.repository';
import {
  countAccusedAgeUnknown,
  countChildrenDetained,
  countChildrenInConflict,
  shareCustodialSentences,
  shareDiversions,
} from './juvenile-indicators.repository';
import { reportingPeriod } from './reporting-period';
import type { JuvenileIndicatorsQuery } from './statistics.schemas';

const objectOf = (id: string) => ({ type: 'juvenile_indicators', id });

/** The institutions whose files the actor may count: null for the whole country. */
async function institutionsInScope(
  ctx: UseCaseContext,
  institutionId: string | undefined,
): Promise<string[] | null> {
  if (institutionId !== undefined) {
    const institution = await findInstitutionById(ctx.db, institutionId);
    if (!institution) throw notFound('Institution', institutionId);
    await requireAccess(ctx, 'statistics.read', {
      institutionId,
      object: objectOf(institutionId),
    });
    return [institutionId];
  }
  const scope = scopeFor(ctx.actor, 'statistics.read');
  if (scope.national || scope.institutionIds.length === 0) {
    // National for an analyst; for anyone else a refusal, audited.
    await requireAccess(ctx, 'statistics.read', {
      institutionId: null,
      object: objectOf('national'),
    });
    return null;
  }
  // Each institution through requireAccess too, so that a break-glass grant's use is audited.
  for (const id of scope.institutionIds) {
    await requireAccess(ctx, 'statistics.read', { institutionId: id, object: objectOf(id) });
  }
  return [...scope.institutionIds].sort();
}

export async function getJuvenileIndicators(ctx: UseCaseContext, input: JuvenileIndicatorsQuery) {
  const { timeZone, juvenileTimeStandard: standard } = ctx.config;
  const period = reportingPeriod(input.from, input.to, timeZone);
  const institutionIds = await institutionsInScope(ctx, input.institutionId);
  const scope: IndicatorScope = {
    start: period.start,
    until: period.until,
    institutionIds,
  };
  const institutions = [];
  for (const id of institutionIds ?? []) {
    const institution = await findInstitutionById(ctx.db, id);
    if (institution) institutions.push(institution);
  }
  // One after the other: embedded PGlite has a single connection anyway.
  // Independent statements, each on a connection of its own: the dashboard waits for the slowest
  // instead of their sum (1.6 s one after another on the benchmark's 500,000 files).
  const [inConflict, detained, durations, custodial, diversion, disposition, accusedAgeUnknown] =
    await Promise.all([
      countChildrenInConflict(ctx.db, scope),
      countChildrenDetained(ctx.db, scope),
      measurePreSentenceDetention(ctx.db, scope),
      shareCustodialSentences(ctx.db, scope),
      shareDiversions(ctx.db, scope),
      measureTimeToDisposition(ctx.db, scope, standard),
      countAccusedAgeUnknown(ctx.db, scope),
    ]);
  const population = await findLatestChildPopulation(ctx.db, period.endYear);
  return {
    period,
    timeZone,
    institutionId: input.institutionId ?? null,
    institutions,
    population: population ?? null,
    standard,
    inConflict,
    detained: detained.detained,
    preSentence: detained.preSentence,
    durations,
    custodial,
    diversion,
    disposition,
    accusedAgeUnknown,
  };
}

export type JuvenileIndicatorsData = Awaited<ReturnType<typeof getJuvenileIndicators>>;
