/**
 * Demo child population figures, so that the demo's juvenile indicators show per-100,000 rates.
 * These are round, plausible national figures FOR ILLUSTRATION ONLY, not official statistics: a
 * real installation replaces them with the PCBS estimates through
 * `PUT /api/v1/statistics/child-population/:year` (docs/measures.md).
 */
import type { PopulationFigure } from '../statistics/child-population.repository';

export const DEMO_CHILD_POPULATION_SOURCE =
  'Demo figures for illustration only; replace with the PCBS estimates';

export const DEMO_CHILD_POPULATION: readonly PopulationFigure[] = [
  { sex: 'female', ageBand: 'under_12', population: 820_000 },
  { sex: 'female', ageBand: '12_13', population: 133_000 },
  { sex: 'female', ageBand: '14_15', population: 129_000 },
  { sex: 'female', ageBand: '16_17', population: 124_000 },
  { sex: 'male', ageBand: 'under_12', population: 860_000 },
  { sex: 'male', ageBand: '12_13', population: 140_000 },
  { sex: 'male', ageBand: '14_15', population: 135_000 },
  { sex: 'male', ageBand: '16_17', population: 130_000 },
];
