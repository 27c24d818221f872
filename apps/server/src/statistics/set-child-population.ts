/**
 * Replaces a year's child population figures: one figure for each sex × age band of children under
 * 18, and where they come from. National administrators only; audited with the figures before and
 * after, since every per-100,000 juvenile rate of that year and later years changes with them.
 */
import { recordAudit } from '../audit/audit-log';
import { invalidField } from '../http/validation';
import { actorUserIdForFk } from '../policy/actor';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import {
  findChildPopulation,
  replaceChildPopulation,
  type PopulationFigure,
} from './child-population.repository';
import {
  POPULATION_AGE_BANDS,
  POPULATION_SEXES,
  type SetChildPopulationBody,
} from './statistics.schemas';

/** Every sex × band exactly once, and not zero children in all. */
function checkFigures(figures: readonly PopulationFigure[]): void {
  const seen = new Set<string>();
  figures.forEach((figure, index) => {
    const key = `${figure.sex} ${figure.ageBand}`;
    if (seen.has(key)) throw invalidField(`figures.${index}`, `repeats the figure for ${key}`);
    seen.add(key);
  });
  for (const sex of POPULATION_SEXES) {
    for (const band of POPULATION_AGE_BANDS) {
      if (!seen.has(`${sex} ${band}`)) {
        throw invalidField('figures', `has no figure for ${sex} ${band}`);
      }
    }
  }
  if (figures.every((figure) => figure.population === 0)) {
    throw invalidField('figures', 'the child population cannot be 0 in all');
  }
}

export async function setChildPopulation(
  ctx: UseCaseContext,
  year: number,
  input: SetChildPopulationBody,
) {
  await requireAccess(ctx, 'statistics.manage_population', {
    institutionId: null,
    object: { type: 'child_population', id: String(year) },
  });
  checkFigures(input.figures);
  const source = input.source.trim();
  return ctx.db.transaction().execute(async (trx) => {
    // Lock the year's row, so two administrators replacing it in turn each audit the right
    // "before".
    await trx
      .selectFrom('child_population_years')
      .select('year')
      .where('year', '=', year)
      .forUpdate()
      .execute();
    const before = await findChildPopulation(trx, year);
    await replaceChildPopulation(trx, {
      year,
      source,
      figures: input.figures,
      updatedAt: ctx.origin.occurredAt,
      updatedBy: actorUserIdForFk(ctx.actor),
    });
    const after = await findChildPopulation(trx, year);
    if (!after) throw new Error(`the child population of ${year} was not written`);
    await recordAudit(trx, ctx.origin, {
      action: 'statistics.child_population_set',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'child_population', id: String(year) },
      institutionId: null,
      details: {
        year,
        before: before ? { source: before.source, figures: before.figures } : null,
        after: { source: after.source, figures: after.figures },
      },
    });
    return after;
  });
}
