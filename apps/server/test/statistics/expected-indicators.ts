/**
 * The juvenile indicators computed in plain TypeScript from a generated data set's specification,
 * following docs/measures.md, independently of the server's SQL: the indicator test compares the
 * API's answer with these.
 */
import type { Dataset, FileSpec, PartySpec } from './juvenile-dataset';

const DAY = 86_400_000;

export interface ExpectedCell {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  median: number | null;
  periods: number | null;
  ratePer100k: number | null;
}

export interface ExpectedIndicator extends ExpectedCell {
  breakdown: Map<string, ExpectedCell>;
  standard?: { days: number; targetPercent: number; actualPercent: number | null }[];
}

export interface Population {
  total: number;
  /** `${sex}|${band}` → children. */
  cells: Map<string, number>;
}

export interface Query {
  start: Date;
  until: Date;
  /** null: every institution. */
  institutionIds: string[] | null;
  standard: readonly { days: number; targetPercent: number }[];
  population: Population | null;
}

/** The bands written out again here, not imported: 12–13, 14–15, 16–17. */
export function bandOfAge(age: number | null): string {
  if (age === null) return 'unknown';
  if (age <= 13) return '12_13';
  if (age <= 15) return '14_15';
  return '16_17';
}

const cellKey = (sex: string | null, age: number | null) => `${sex ?? 'unknown'}|${bandOfAge(age)}`;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const percent = (numerator: number, denominator: number) =>
  denominator > 0 ? (numerator / denominator) * 100 : null;

/** Length of the union of intervals [start, end], in milliseconds. */
function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [start, end] of sorted) {
    if (current && start <= current[1]) {
      current[1] = Math.max(current[1], end);
    } else {
      if (current) total += current[1] - current[0];
      current = [start, end];
    }
  }
  if (current) total += current[1] - current[0];
  return total;
}

export function expectedIndicators(data: Dataset, query: Query) {
  const files = new Map(data.files.map((f) => [f.id, f]));
  const parties = new Map(data.parties.map((p) => [p.id, p]));
  const sexOf = new Map(data.persons.map((p) => [p.id, p.sex]));
  const fileOf = (party: PartySpec): FileSpec => {
    const file = files.get(party.fileId);
    if (!file) throw new Error('party without a file');
    return file;
  };
  const isLive = (file: FileSpec) => !file.isReturned;
  const isInScope = (institutionId: string) =>
    query.institutionIds === null || query.institutionIds.includes(institutionId);
  const isChild = (party: PartySpec) => party.role === 'accused' && party.status === 'juvenile';
  const inPeriod = (at: Date | null) => at !== null && at >= query.start && at < query.until;
  const partyOf = (id: string) => {
    const party = parties.get(id);
    if (!party) throw new Error('unknown party');
    return party;
  };

  /** person → oldest age, over the qualifying rows. */
  const oldest = (rows: { personId: string; age: number | null }[]) => {
    const ages = new Map<string, number | null>();
    for (const row of rows) {
      const before = ages.get(row.personId);
      ages.set(
        row.personId,
        before === undefined || before === null ? row.age : Math.max(before, row.age ?? before),
      );
    }
    return ages;
  };

  const countIndicator = (ages: Map<string, number | null>): ExpectedIndicator => {
    const breakdown = new Map<string, ExpectedCell>();
    for (const [personId, age] of ages) {
      const key = cellKey(sexOf.get(personId) ?? null, age);
      const cell = breakdown.get(key) ?? {
        value: 0,
        numerator: null,
        denominator: null,
        median: null,
        periods: null,
        ratePer100k: null,
      };
      cell.value = (cell.value ?? 0) + 1;
      breakdown.set(key, cell);
    }
    for (const [key, cell] of breakdown) {
      const population = query.population?.cells.get(key);
      cell.ratePer100k = population ? ((cell.value ?? 0) / population) * 100_000 : null;
    }
    return {
      value: ages.size,
      numerator: null,
      denominator: null,
      median: null,
      periods: null,
      ratePer100k: query.population ? (ages.size / query.population.total) * 100_000 : null,
      breakdown,
    };
  };

  const shareIndicator = (
    children: Map<string, { age: number | null; counted: boolean }>,
  ): ExpectedIndicator => {
    const breakdown = new Map<string, ExpectedCell>();
    let numerator = 0;
    for (const [personId, child] of children) {
      const key = cellKey(sexOf.get(personId) ?? null, child.age);
      const cell = breakdown.get(key) ?? {
        value: null,
        numerator: 0,
        denominator: 0,
        median: null,
        periods: null,
        ratePer100k: null,
      };
      cell.denominator = (cell.denominator ?? 0) + 1;
      if (child.counted) cell.numerator = (cell.numerator ?? 0) + 1;
      if (child.counted) numerator += 1;
      breakdown.set(key, cell);
    }
    for (const cell of breakdown.values()) {
      cell.value = percent(cell.numerator ?? 0, cell.denominator ?? 0);
    }
    return {
      value: percent(numerator, children.size),
      numerator,
      denominator: children.size,
      median: null,
      periods: null,
      ratePer100k: null,
      breakdown,
    };
  };

  // 1. Children accused in files opened in the period.
  const inConflict = oldest(
    data.parties
      .filter((p) => {
        const file = fileOf(p);
        return (
          isChild(p) && isLive(file) && isInScope(file.institutionId) && inPeriod(file.openedAt)
        );
      })
      .map((p) => ({ personId: p.personId, age: p.age })),
  );

  // Convictions by person × matter (any live file of the matter).
  const convictions = new Map<string, Date[]>();
  for (const charge of data.charges) {
    const file = files.get(charge.fileId);
    if (!file || !isLive(file) || charge.disposition !== 'convicted' || !charge.disposedAt) {
      continue;
    }
    const key = `${partyOf(charge.partyId).personId}|${file.matterId}`;
    convictions.set(key, [...(convictions.get(key) ?? []), charge.disposedAt]);
  }

  // 2 and 3. Held at the end of the period; pre-sentence: no conviction in the matter by then.
  const held = data.detentions.filter((d) => {
    const party = partyOf(d.partyId);
    const file = fileOf(party);
    return (
      isChild(party) &&
      isLive(file) &&
      isInScope(file.institutionId) &&
      d.arrestedAt < query.until &&
      (d.releasedAt === null || d.releasedAt >= query.until)
    );
  });
  const heldRows = held.map((d) => {
    const party = partyOf(d.partyId);
    const convictedBy = (convictions.get(`${party.personId}|${fileOf(party).matterId}`) ?? []).some(
      (at) => at < query.until,
    );
    return { personId: party.personId, age: party.age, isPreSentence: !convictedBy };
  });
  const detained = oldest(heldRows);
  const preSentence = oldest(heldRows.filter((row) => row.isPreSentence));

  // 4. Completed periods of pre-sentence detention, per child × matter.
  const spells = new Map<
    string,
    { age: number | null; personId: string; spans: [number, number | null][] }
  >();
  for (const d of data.detentions) {
    const party = partyOf(d.partyId);
    const file = fileOf(party);
    if (!isChild(party) || !isLive(file) || !isInScope(file.institutionId)) continue;
    const key = `${party.personId}|${file.matterId}`;
    const dates = convictions.get(key) ?? [];
    const firstConviction = dates.length ? Math.min(...dates.map((x) => x.getTime())) : null;
    if (firstConviction !== null && d.arrestedAt.getTime() >= firstConviction) continue;
    const candidates = [d.releasedAt?.getTime() ?? null, firstConviction].filter(
      (x): x is number => x !== null,
    );
    const end = candidates.length ? Math.min(...candidates) : null;
    const episode = spells.get(key) ?? { age: party.age, personId: party.personId, spans: [] };
    episode.age = Math.max(episode.age ?? 0, party.age ?? 0);
    episode.spans.push([d.arrestedAt.getTime(), end]);
    spells.set(key, episode);
  }
  const durationCells = new Map<string, number[]>();
  const allDays: number[] = [];
  for (const episode of spells.values()) {
    if (episode.spans.some(([, end]) => end === null)) continue;
    const spans = episode.spans as [number, number][];
    const ended = Math.max(...spans.map(([, end]) => end));
    if (ended < query.start.getTime() || ended >= query.until.getTime()) continue;
    const days = unionLength(spans) / DAY;
    allDays.push(days);
    const key = cellKey(sexOf.get(episode.personId) ?? null, episode.age);
    durationCells.set(key, [...(durationCells.get(key) ?? []), days]);
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const durations: ExpectedIndicator = {
    value: allDays.length ? sum(allDays) / allDays.length : null,
    median: median(allDays),
    periods: allDays.length,
    numerator: null,
    denominator: null,
    ratePer100k: null,
    breakdown: new Map(
      [...durationCells].map(([key, days]) => [
        key,
        {
          value: sum(days) / days.length,
          median: median(days),
          periods: days.length,
          numerator: null,
          denominator: null,
          ratePer100k: null,
        },
      ]),
    ),
  };

  // 9 and 10. Convictions (custody) and diversions in the period, per child.
  const shareOf = (
    dispositions: string[],
    isCounted: (c: Dataset['charges'][number]) => boolean,
  ) => {
    const children = new Map<string, { age: number | null; counted: boolean }>();
    for (const charge of data.charges) {
      const party = partyOf(charge.partyId);
      const file = fileOf(party);
      if (
        !isChild(party) ||
        !isLive(file) ||
        !isInScope(file.institutionId) ||
        !dispositions.includes(charge.disposition) ||
        !inPeriod(charge.disposedAt)
      ) {
        continue;
      }
      const before = children.get(party.personId);
      children.set(party.personId, {
        age: before ? Math.max(before.age ?? 0, party.age ?? 0) : party.age,
        counted: (before?.counted ?? false) || isCounted(charge),
      });
    }
    return shareIndicator(children);
  };
  const custodial = shareOf(['convicted'], (c) => (c.custodialMonths ?? 0) > 0);
  const diversion = shareOf(['diverted', 'convicted'], (c) => c.disposition === 'diverted');

  // Time to disposition of detained children, per child × matter.
  const passedOn = new Set(
    data.links
      .filter((l) => {
        const to = files.get(l.toFileId);
        return to !== undefined && isLive(to);
      })
      .map((l) => l.fromFileId),
  );
  const firstDisposal = new Map<
    string,
    { at: Date; institutionId: string; age: number | null; personId: string }
  >();
  for (const party of data.parties) {
    const file = fileOf(party);
    if (!isChild(party) || !isLive(file) || !file.disposedAt || passedOn.has(file.id)) continue;
    const key = `${party.personId}|${file.matterId}`;
    const before = firstDisposal.get(key);
    if (!before || file.disposedAt < before.at) {
      firstDisposal.set(key, {
        at: file.disposedAt,
        institutionId: file.institutionId,
        age: party.age,
        personId: party.personId,
      });
    }
  }
  const firstArrest = new Map<string, number>();
  for (const d of data.detentions) {
    const party = partyOf(d.partyId);
    const file = fileOf(party);
    if (!isLive(file)) continue;
    const key = `${party.personId}|${file.matterId}`;
    firstArrest.set(key, Math.min(firstArrest.get(key) ?? Infinity, d.arrestedAt.getTime()));
  }
  const units: { key: string; days: number }[] = [];
  for (const [key, disposal] of firstDisposal) {
    const arrest = firstArrest.get(key);
    if (
      arrest === undefined ||
      !inPeriod(disposal.at) ||
      !isInScope(disposal.institutionId) ||
      arrest > disposal.at.getTime()
    ) {
      continue;
    }
    units.push({
      key: cellKey(sexOf.get(disposal.personId) ?? null, disposal.age),
      days: (disposal.at.getTime() - arrest) / DAY,
    });
  }
  const firstStep = query.standard[0]?.days ?? 0;
  const dispositionCells = new Map<string, ExpectedCell>();
  for (const unit of units) {
    const cell = dispositionCells.get(unit.key) ?? {
      value: null,
      numerator: 0,
      denominator: 0,
      median: null,
      periods: null,
      ratePer100k: null,
    };
    cell.denominator = (cell.denominator ?? 0) + 1;
    if (unit.days <= firstStep) cell.numerator = (cell.numerator ?? 0) + 1;
    dispositionCells.set(unit.key, cell);
  }
  for (const cell of dispositionCells.values()) {
    cell.value = percent(cell.numerator ?? 0, cell.denominator ?? 0);
  }
  const withinFirst = units.filter((u) => u.days <= firstStep).length;
  const disposition: ExpectedIndicator = {
    value: percent(withinFirst, units.length),
    numerator: withinFirst,
    denominator: units.length,
    median: null,
    periods: null,
    ratePer100k: null,
    breakdown: dispositionCells,
    standard: query.standard.map((step) => ({
      days: step.days,
      targetPercent: step.targetPercent,
      actualPercent: percent(units.filter((u) => u.days <= step.days).length, units.length),
    })),
  };

  const accusedAgeUnknown = new Set(
    data.parties
      .filter((p) => {
        const file = fileOf(p);
        return (
          p.role === 'accused' &&
          p.status === 'unknown' &&
          isLive(file) &&
          isInScope(file.institutionId) &&
          inPeriod(file.openedAt)
        );
      })
      .map((p) => p.personId),
  ).size;

  return {
    accusedAgeUnknown,
    indicators: {
      children_in_conflict: countIndicator(inConflict),
      children_in_detention: countIndicator(detained),
      children_in_pre_sentence_detention: countIndicator(preSentence),
      pre_sentence_detention_days: durations,
      custodial_sentencing_rate: custodial,
      pre_sentence_diversion_rate: diversion,
      time_to_disposition_detained: disposition,
    } as Record<string, ExpectedIndicator>,
  };
}
