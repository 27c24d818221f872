/**
 * The scope of a performance request (issue 8): the period, checked (a coded 400 for an inverted,
 * too long or absurd range), the institutions the actor may count (decided by the policy module,
 * `statistics.read`: analysts the whole country or any institution; chief prosecutors their own
 * institutions, by default, and no other; refusals audited), the filters, and the dimensions.
 */
import type { InstitutionRow } from '../db/schema';
import { AppError, notFound } from '../http/errors';
import { findInstitutionById, findUnitById } from '../organisation/institutions.repository';
import { scopeFor } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import type { UseCaseContext } from '../use-case-context';
import { parseDimensions } from './dimensions';
import type { OffenceClassFilter } from './performance-definitions';
import type { FileClass, PerformanceScope } from './performance.repository';
import { reportingPeriod, type ReportingPeriod } from './reporting-period';
import { MAX_PERIOD_DAYS } from './statistics.schemas';

const PERMISSION = 'statistics.read';
const objectOf = (id: string) => ({ type: 'performance_measures', id });
const DAY_MS = 86_400_000;
/** No file in Qadiya is older: a period before it is a typing mistake. */
export const EARLIEST_DAY = '1990-01-01';

export interface ScopeInput {
  from: string;
  to: string;
  institutionId?: string;
  unitId?: string;
  caseType?: string;
  offenceClass?: OffenceClassFilter;
  splitBy?: string;
}

/** A 400 naming one query field, with a code saying what is wrong. */
function invalidField(field: string, code: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid querystring field "${field}": ${problem}`, {
    issues: [{ field, in: 'querystring', code, problem }],
  });
}

const dayOf = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;

/**
 * The period, with coded errors: INVALID_DATE, PERIOD_INVERTED, PERIOD_TOO_LONG, PERIOD_TOO_EARLY
 * (before 1990) and PERIOD_IN_FUTURE (starting after today).
 */
export function checkedPeriod(from: string, to: string, timeZone: string, now: Date) {
  const first = dayOf(from);
  const last = dayOf(to);
  if (Number.isNaN(first) || !isCalendarDay(from)) {
    throw invalidField('from', 'INVALID_DATE', 'must be a calendar date, YYYY-MM-DD');
  }
  if (Number.isNaN(last) || !isCalendarDay(to)) {
    throw invalidField('to', 'INVALID_DATE', 'must be a calendar date, YYYY-MM-DD');
  }
  if (last < first) {
    throw invalidField('to', 'PERIOD_INVERTED', `must not be before "from" (${from})`);
  }
  const days = Math.round((last - first) / DAY_MS) + 1;
  if (days > MAX_PERIOD_DAYS) {
    throw invalidField(
      'to',
      'PERIOD_TOO_LONG',
      `a period may cover at most ${MAX_PERIOD_DAYS} days, not ${days}`,
    );
  }
  if (from < EARLIEST_DAY) {
    throw invalidField('from', 'PERIOD_TOO_EARLY', `must be ${EARLIEST_DAY} or later`);
  }
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  if (from > today) {
    throw invalidField('from', 'PERIOD_IN_FUTURE', `must not be after today (${today})`);
  }
  return { period: reportingPeriod(from, to, timeZone), days };
}

function isCalendarDay(value: string): boolean {
  const time = dayOf(value);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export interface ResolvedScope {
  period: ReportingPeriod;
  days: number;
  scope: PerformanceScope;
  institutions: InstitutionRow[];
  /** Workload rows name people only for readers with an institution grant (never analysts). */
  namesShown: boolean;
}

/** The institutions whose files the actor may count: null for the whole country. */
async function institutionsInScope(
  ctx: UseCaseContext,
  institutionId: string | undefined,
): Promise<string[] | null> {
  if (institutionId !== undefined) {
    const institution = await findInstitutionById(ctx.db, institutionId);
    if (!institution) throw notFound('Institution', institutionId);
    await requireAccess(ctx, PERMISSION, { institutionId, object: objectOf(institutionId) });
    return [institutionId];
  }
  const scope = scopeFor(ctx.actor, PERMISSION);
  if (scope.national || scope.institutionIds.length === 0) {
    // National for an analyst; for anyone else a refusal, audited.
    await requireAccess(ctx, PERMISSION, { institutionId: null, object: objectOf('national') });
    return null;
  }
  // Each institution through requireAccess too, so that a break-glass grant's use is audited.
  for (const id of scope.institutionIds) {
    await requireAccess(ctx, PERMISSION, { institutionId: id, object: objectOf(id) });
  }
  return [...scope.institutionIds].sort();
}

export async function resolvePerformanceScope(
  ctx: UseCaseContext,
  input: ScopeInput,
  fileClass: FileClass = 'all',
): Promise<ResolvedScope> {
  const now = ctx.clock.now();
  const { period, days } = checkedPeriod(input.from, input.to, ctx.config.timeZone, now);
  const dimensions = parseDimensions(input.splitBy);
  let institutionId = input.institutionId;
  if (input.unitId !== undefined) {
    const unit = await findUnitById(ctx.db, input.unitId);
    if (!unit) throw notFound('Unit', input.unitId);
    if (institutionId !== undefined && unit.institution_id !== institutionId) {
      throw invalidField('unitId', 'UNIT_NOT_IN_INSTITUTION', 'is not a unit of institutionId');
    }
    institutionId = unit.institution_id;
  }
  const institutionIds = await institutionsInScope(ctx, institutionId);
  const institutions: InstitutionRow[] = [];
  for (const id of institutionIds ?? []) {
    const institution = await findInstitutionById(ctx.db, id);
    if (institution) institutions.push(institution);
  }
  const asOf = period.until.getTime() < now.getTime() ? period.until : now;
  return {
    period,
    days,
    institutions,
    namesShown: !scopeFor(ctx.actor, PERMISSION).national,
    scope: {
      start: period.start,
      until: period.until,
      asOf,
      institutionIds,
      unitId: input.unitId ?? null,
      caseType: input.caseType ?? null,
      offenceClass: input.offenceClass ?? null,
      dimensions,
      fileClass,
    },
  };
}
