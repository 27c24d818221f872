/** A year's child population figures, for the national administrators who maintain them. */
import { AppError } from '../http/errors';
import { requireAccess } from '../policy/require-access';
import type { UseCaseContext } from '../use-case-context';
import { findChildPopulation } from './child-population.repository';

export async function readChildPopulation(ctx: UseCaseContext, year: number) {
  await requireAccess(ctx, 'statistics.manage_population', {
    institutionId: null,
    object: { type: 'child_population', id: String(year) },
  });
  const population = await findChildPopulation(ctx.db, year);
  if (!population) {
    throw new AppError('NOT_FOUND', `There are no child population figures for ${year}`, { year });
  }
  return population;
}
