/**
 * The family protection dashboard of a period (issue 6, item 7; docs/measures.md, section 2). Who
 * may ask is decided by the policy module (`statistics.read_family_protection`):
 * - analysts hold national grants: the whole country, or any one institution;
 * - chief prosecutors: their own offices (the default); naming another is refused (403, audited);
 * - prosecutors of a family protection unit: their own unit's office, and nothing else;
 * - anyone else is refused, audited.
 * Who sees exact figures is decided there too (`seesExactFamilyProtectionFigures`): the members of
 * the family protection unit of every institution counted. Everyone else gets every small cell
 * suppressed (small-cells.ts), so that no victim can be identified from a figure that leaves the
 * unit. The answer holds aggregates only, never a name.
 */
import { notFound } from '../http/errors';
import { findInstitutionById, findUnitsOf } from '../organisation/institutions.repository';
import { decide, scopeFor, seesExactFamilyProtectionFigures } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import type { UseCaseContext } from '../use-case-context';
import { categoriesOf } from './dimensions';
import {
  countMeasures,
  countReferrals,
  countViolations,
} from './family-protection-services.repository';
import {
  attritionTable,
  columnsFor,
  gbvTable,
  measureTable,
  referralTable,
} from './family-protection-tables';
import { countAttrition, countGbvTypes, type FamilyScope } from './family-protection.repository';
import type { FamilyProtectionQuery } from './family-protection.schemas';
import { reportingPeriod } from './reporting-period';
import { noSuppression, protectSmallCells, type CellTable } from './small-cells';

const PERMISSION = 'statistics.read_family_protection';
const objectOf = (id: string) => ({ type: 'family_protection_statistics', id });

interface ScopedInstitution {
  institutionId: string;
  familyUnitId: string | null;
}

async function withFamilyUnits(
  ctx: UseCaseContext,
  institutionIds: string[],
): Promise<ScopedInstitution[]> {
  const units = await findUnitsOf(ctx.db, institutionIds);
  return institutionIds.map((institutionId) => ({
    institutionId,
    familyUnitId:
      units.find((u) => u.institution_id === institutionId && u.kind === 'family_protection')?.id ??
      null,
  }));
}

/** The institutions whose files the actor may count (null: the whole country). */
async function institutionsInScope(
  ctx: UseCaseContext,
  institutionId: string | undefined,
): Promise<ScopedInstitution[] | null> {
  if (institutionId !== undefined) {
    const institution = await findInstitutionById(ctx.db, institutionId);
    if (!institution) throw notFound('Institution', institutionId);
    const [scoped] = await withFamilyUnits(ctx, [institutionId]);
    await requireAccess(ctx, PERMISSION, {
      institutionId,
      unitId: scoped?.familyUnitId ?? null,
      object: objectOf(institutionId),
    });
    return scoped ? [scoped] : [];
  }
  const scope = scopeFor(ctx.actor, PERMISSION);
  // A prosecutor's grant counts only on a family protection unit: keep the offices where the
  // policy allows the actor in.
  const candidates = scope.national ? [] : await withFamilyUnits(ctx, scope.institutionIds);
  const allowed = candidates.filter(
    (c) =>
      decide(ctx.actor, PERMISSION, { institutionId: c.institutionId, unitId: c.familyUnitId })
        .allowed,
  );
  if (scope.national || allowed.length === 0) {
    // National for an analyst; for anyone else a refusal, audited.
    await requireAccess(ctx, PERMISSION, { institutionId: null, object: objectOf('national') });
    return null;
  }
  // Each institution through requireAccess too, so that a break-glass grant's use is audited.
  for (const c of allowed) {
    await requireAccess(ctx, PERMISSION, {
      institutionId: c.institutionId,
      unitId: c.familyUnitId,
      object: objectOf(c.institutionId),
    });
  }
  return allowed.sort((a, b) => a.institutionId.localeCompare(b.institutionId));
}

export async function getFamilyProtectionStatistics(
  ctx: UseCaseContext,
  input: FamilyProtectionQuery,
) {
  const { timeZone, protectionOrderTimeStandard: standard, smallCellThreshold } = ctx.config;
  const period = reportingPeriod(input.from, input.to, timeZone);
  const scoped = await institutionsInScope(ctx, input.institutionId);
  const dimension = input.splitBy ?? null;
  const scope: FamilyScope = {
    start: period.start,
    until: period.until,
    institutionIds: scoped?.map((s) => s.institutionId) ?? null,
    dimension,
  };
  const isExact = seesExactFamilyProtectionFigures(ctx.actor, scoped ?? []);
  const categories = dimension ? categoriesOf(dimension) : [];
  const columns = columnsFor(categories.map((c) => c.code));
  const protect = (table: CellTable) => ({
    table,
    suppression: isExact ? noSuppression(table) : protectSmallCells(table, smallCellThreshold),
  });

  const institutions = [];
  for (const { institutionId } of scoped ?? []) {
    const institution = await findInstitutionById(ctx.db, institutionId);
    if (institution) institutions.push(institution);
  }
  // One after the other: embedded PGlite has a single connection anyway.
  const attrition = protect(attritionTable(await countAttrition(ctx.db, scope), columns));
  const gbvTypes = protect(gbvTable(await countGbvTypes(ctx.db, scope), columns));
  const referrals = protect(referralTable(await countReferrals(ctx.db, scope), columns));
  const measures = protect(
    measureTable(
      await countMeasures(ctx.db, scope, standard),
      await countViolations(ctx.db, scope),
      standard,
      columns,
    ),
  );
  return {
    period,
    timeZone,
    institutionId: input.institutionId ?? null,
    institutions,
    dimension,
    categories,
    suppression: { applied: !isExact, threshold: smallCellThreshold },
    standard,
    attrition,
    gbvTypes,
    referrals,
    measures,
  };
}

export type FamilyProtectionData = Awaited<ReturnType<typeof getFamilyProtectionStatistics>>;
