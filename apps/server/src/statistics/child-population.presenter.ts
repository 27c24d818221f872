import type { ChildPopulationYear } from './child-population.repository';
import type { ChildPopulationResponse } from './statistics.schemas';

export function presentChildPopulation(population: ChildPopulationYear): ChildPopulationResponse {
  return {
    year: population.year,
    source: population.source,
    total: population.figures.reduce((total, figure) => total + figure.population, 0),
    updatedAt: population.updatedAt.toISOString(),
    figures: population.figures.map((f) => ({
      sex: f.sex,
      ageBand: f.ageBand,
      population: f.population,
    })),
  };
}
