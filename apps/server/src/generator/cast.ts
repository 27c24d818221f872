/**
 * Who an incident involves, drawn from the persons registry by sex and age on the incident day:
 * the accused (mostly young men; a juvenile of 12–17 in the scenario's share of matters, rarely a
 * child under 12), the victims or complainants (women and girls in family protection and sexual
 * offences, with their relationship to the accused), witnesses, a parent as guardian of a
 * juvenile, and sometimes a defence lawyer.
 */
import type { MatterRun } from './matter-run';
import { Weighted } from './random';
import type { FamilyTie, Scenario } from './scenarios';

export interface Cast {
  accused: number[];
  victims: { index: number; role: 'victim' | 'complainant'; relationship: string | null }[];
  witnesses: number[];
  guardian: number | null;
  lawyer: number | null;
  juvenile: boolean;
  underAge: boolean;
}

const ADULT_AGES = new Weighted<readonly [number, number]>([
  [[18, 24], 30],
  [[25, 34], 35],
  [[35, 44], 20],
  [[45, 64], 13],
  [[65, 80], 2],
]);
const ACCUSED_COUNT = new Weighted([
  [1, 80],
  [2, 15],
  [3, 5],
]);

export function castParties(run: MatterRun, scenario: Scenario, gov: number, day: number): Cast {
  const rng = run.rng;
  const persons = run.ctx.persons;
  const taken = new Set<number>();
  const pick = (sex: 'female' | 'male', min: number, max: number, age = rng.int(min, max)) => {
    const filter = { governorate: gov, sex, age, minAge: min, maxAge: max, onDay: day };
    const index = persons.pick(rng, filter, taken);
    if (index !== null) taken.add(index);
    return index;
  };
  const tie: FamilyTie | null = scenario.family ? scenario.family.draw(rng) : null;
  const juvenile = !tie && rng.chance(scenario.juvenileShare);
  const underAge =
    juvenile && ['assault', 'theft', 'damage', 'arson'].includes(scenario.key) && rng.chance(0.04);
  const known = !rng.chance(scenario.unknownOffender);
  const cast: Cast = {
    accused: [],
    victims: [],
    witnesses: [],
    guardian: null,
    lawyer: null,
    juvenile,
    underAge,
  };

  const count = tie || underAge ? 1 : ACCUSED_COUNT.draw(rng);
  const accusedAges = (): readonly [number, number] =>
    underAge
      ? [9, 11]
      : juvenile
        ? [12, 17]
        : tie?.[1] === 'child'
          ? [25, 55]
          : ADULT_AGES.draw(rng);
  for (let i = 0; i < count && known; i += 1) {
    const [min, max] = accusedAges();
    const sex = rng.chance(tie ? 0.92 : 0.88) ? 'male' : 'female';
    // Juveniles in conflict with the law are mostly 15–17.
    const age = juvenile
      ? rng.int(Math.max(min, rng.chance(0.7) ? 15 : 12), max)
      : rng.int(min, max);
    const index = pick(sex, min, max, age);
    if (index !== null) cast.accused.push(index);
  }

  const victims = scenario.victim === 'none' ? 0 : rng.chance(0.85) || tie ? 1 : 2;
  const accusedAt = cast.accused[0];
  for (let i = 0; i < victims; i += 1) {
    let index: number | null;
    if (tie) {
      const base = accusedAt === undefined ? 35 : persons.ageOn(accusedAt, day);
      const [relationship, who] = tie;
      if (who === 'child') {
        const girl = scenario.key === 'child_marriage' || rng.chance(0.55);
        const [min, max] = scenario.key === 'child_marriage' ? [13, 17] : [2, 15];
        index = pick(girl ? 'female' : 'male', min, max);
      } else if (relationship === 'parent') {
        index = pick(
          who === 'male' ? 'male' : 'female',
          Math.max(36, base + 18),
          90,
          Math.min(88, base + 25),
        );
      } else {
        index = pick(
          who === 'male' ? 'male' : 'female',
          16,
          80,
          Math.max(18, Math.min(78, base - rng.int(0, 6))),
        );
      }
      if (index !== null) cast.victims.push({ index, role: 'victim', relationship });
      continue;
    }
    const female = rng.chance(scenario.femaleVictim ?? 0.35);
    const [min, max] = juvenile && rng.chance(0.5) ? [12, 17] : ADULT_AGES.draw(rng);
    index = pick(female ? 'female' : 'male', min, max);
    if (index !== null) {
      // The relationship is recorded for every victim (a standard dimension of the statistics).
      const relationship = rng.chance(0.35) ? 'acquaintance' : 'stranger';
      cast.victims.push({
        index,
        role: scenario.victim === 'complainant' ? 'complainant' : 'victim',
        relationship,
      });
    }
  }
  const witnesses = rng.chance(0.5) ? 1 : rng.chance(0.3) ? 2 : 0;
  for (let i = 0; i < witnesses; i += 1) {
    const index = pick(rng.chance(0.7) ? 'male' : 'female', 18, 70);
    if (index !== null) cast.witnesses.push(index);
  }
  if (juvenile && cast.accused.length > 0) {
    cast.guardian = pick(rng.chance(0.7) ? 'male' : 'female', 35, 60);
  }
  if (rng.chance(0.4)) cast.lawyer = pick(rng.chance(0.7) ? 'male' : 'female', 28, 65);
  return cast;
}
