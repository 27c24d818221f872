/**
 * The performance measures computed again, straightforwardly, from the data set's specification
 * (performance-dataset.ts): loops over the files, parties and charges, following the definitions
 * of docs/measures.md section 3 word by word. Nothing here reads the database or the server's
 * code, so a mistake in the SQL shows up as a difference.
 */
import type { Dataset, FileSpec, PartySpec } from './performance-dataset';

const DAY = 86_400_000;

export interface Scope {
  start: Date;
  until: Date;
  asOf: Date;
  institutionIds: string[] | null;
  unitId?: string;
  caseType?: string;
  offenceClass?: string;
  /** At most two dimensions. */
  dimensions: string[];
  fileClass?: 'all' | 'public' | 'juvenile' | 'family_protection';
}

export interface Standards {
  felony: { days: number; targetPercent: number }[];
  misdemeanour: { days: number; targetPercent: number }[];
}

export interface Unit {
  file: FileSpec;
  party: PartySpec;
  personId: string;
  disposedAt: Date | null;
  offenceClass: string;
  victim: PartySpec | null;
}

const inRange = (date: Date | null, scope: Scope) =>
  date !== null && date >= scope.start && date < scope.until;

function bandOf(age: number | null): string {
  if (age === null) return 'unknown';
  if (age <= 11) return 'under_12';
  if (age <= 13) return '12_13';
  if (age <= 15) return '14_15';
  if (age <= 17) return '16_17';
  return '18_plus';
}

const RANK: Record<string, number> = { contravention: 1, misdemeanour: 2, felony: 3 };

export function unitsOf(data: Dataset, scope: Scope): Unit[] {
  const units: Unit[] = [];
  for (const file of data.files) {
    if (file.isReturned) continue;
    if (scope.institutionIds && !scope.institutionIds.includes(file.institutionId)) continue;
    if (scope.unitId && file.unitId !== scope.unitId) continue;
    if (scope.caseType && file.caseType !== scope.caseType) continue;
    const fileClass = scope.fileClass ?? 'all';
    if (
      fileClass === 'public' &&
      (file.confidentiality !== 'normal' || file.isJuvenile || file.isFamilyProtection)
    ) {
      continue;
    }
    if (fileClass === 'juvenile' && !file.isJuvenile) continue;
    if (fileClass === 'family_protection' && !file.isFamilyProtection) continue;
    const parties = data.parties
      .filter((p) => p.fileId === file.id)
      .sort((a, b) => a.order - b.order);
    const victim = parties.find((p) => p.role === 'victim') ?? null;
    for (const party of parties.filter((p) => p.role === 'accused')) {
      const charges = data.charges.filter((c) => c.fileId === file.id && c.partyId === party.id);
      let chargesDone: Date | null = null;
      if (charges.length > 0 && charges.every((c) => c.disposition !== 'pending')) {
        for (const c of charges) {
          if (c.disposedAt && (!chargesDone || c.disposedAt > chargesDone))
            chargesDone = c.disposedAt;
        }
      }
      let disposedAt = file.disposedAt;
      if (chargesDone && (!disposedAt || chargesDone < disposedAt)) disposedAt = chargesDone;
      let offenceClass = 'none';
      for (const c of charges) {
        if (offenceClass === 'none' || RANK[c.offenceClass]! > RANK[offenceClass]!) {
          offenceClass = c.offenceClass;
        }
      }
      if (scope.offenceClass && offenceClass !== scope.offenceClass) continue;
      units.push({ file, party, personId: party.personId, disposedAt, offenceClass, victim });
    }
  }
  return units;
}

/** The category key of a unit in the scope's dimensions ('all' without). */
export function categoryOf(data: Dataset, scope: Scope, unit: Pick<Unit, 'party' | 'victim'>) {
  if (scope.dimensions.length === 0) return 'all';
  const sex = (personId: string | undefined) =>
    personId === undefined
      ? 'unknown'
      : (data.persons.find((p) => p.id === personId)?.sex ?? 'unknown');
  return scope.dimensions
    .map((dimension) => {
      switch (dimension) {
        case 'accusedSex':
          return sex(unit.party.personId);
        case 'victimSex':
          return sex(unit.victim?.personId);
        case 'accusedAgeBand':
          return bandOf(unit.party.age);
        case 'victimAgeBand':
          return bandOf(unit.victim?.age ?? null);
        default:
          throw new Error(`dimension ${dimension} not in this test`);
      }
    })
    .join('|');
}

const isPending = (unit: Unit, at: Date) =>
  unit.file.openedAt < at && (unit.disposedAt === null || unit.disposedAt >= at);

function suspendedDays(file: FileSpec, until: Date): number {
  let ms = 0;
  for (const span of file.suspended) {
    if (span.from >= until) continue;
    const end = span.to === null || span.to > until ? until : span.to;
    ms += Math.max(0, end.getTime() - span.from.getTime());
  }
  return ms / DAY;
}

const percent = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 100);
const round2 = (v: number) => Math.round(v * 100) / 100;

type Table = Map<string, Record<string, number | null>>;

/** Groups units by category, then computes each row with `row`, adding the 'all' row. */
function byCategory<T>(
  items: { category: string; item: T }[],
  row: (items: T[]) => Record<string, number | null>,
): Table {
  const table: Table = new Map();
  table.set('all', row(items.map((i) => i.item)));
  const groups = new Map<string, T[]>();
  for (const { category, item } of items) {
    groups.set(category, [...(groups.get(category) ?? []), item]);
  }
  for (const [category, group] of groups) {
    if (category !== 'all') table.set(category, row(group));
  }
  return table;
}

export function expectedClearance(data: Dataset, scope: Scope): Table {
  const units = unitsOf(data, scope).filter(
    (u) => inRange(u.file.openedAt, scope) || inRange(u.disposedAt, scope),
  );
  return byCategory(
    units.map((u) => ({ category: categoryOf(data, scope, u), item: u })),
    (group) => {
      const incoming = group.filter((u) => inRange(u.file.openedAt, scope)).length;
      const disposed = group.filter((u) => inRange(u.disposedAt, scope)).length;
      return { incoming, disposed, clearance_rate: percent(disposed, incoming) };
    },
  );
}

export function expectedTimeToDisposition(
  data: Dataset,
  scope: Scope,
  standards: Standards,
): Table {
  const units = unitsOf(data, scope).filter((u) => inRange(u.disposedAt, scope));
  return byCategory(
    units.map((u) => ({ category: categoryOf(data, scope, u), item: u })),
    (group) => {
      const days = (u: Unit) =>
        Math.max(
          0,
          (u.disposedAt!.getTime() - u.file.openedAt.getTime()) / DAY -
            suspendedDays(u.file, u.disposedAt!),
        );
      const row: Record<string, number | null> = {
        disposed: group.length,
        mean_days:
          group.length === 0 ? null : round2(group.reduce((s, u) => s + days(u), 0) / group.length),
      };
      for (const g of ['felony', 'misdemeanour'] as const) {
        const mine = group.filter((u) =>
          g === 'felony' ? u.offenceClass === 'felony' : u.offenceClass !== 'felony',
        );
        row[`${g}_disposed`] = mine.length;
        for (const step of standards[g]) {
          const within = mine.filter((u) => days(u) <= step.days).length;
          row[`${g}_within_${step.days}`] = within;
          row[`${g}_within_${step.days}_pct`] = percent(within, mine.length);
        }
      }
      return row;
    },
  );
}

export function expectedPendingAge(data: Dataset, scope: Scope, standards: Standards): Table {
  const units = unitsOf(data, scope).filter((u) => isPending(u, scope.asOf));
  const last = {
    felony: standards.felony.at(-1)!.days,
    misdemeanour: standards.misdemeanour.at(-1)!.days,
  };
  return byCategory(
    units.map((u) => ({ category: categoryOf(data, scope, u), item: u })),
    (group) => {
      const age = (u: Unit) =>
        Math.floor(
          Math.max(
            0,
            (scope.asOf.getTime() - u.file.openedAt.getTime()) / DAY -
              suspendedDays(u.file, scope.asOf),
          ),
        );
      const over = group.filter(
        (u) => age(u) > (u.offenceClass === 'felony' ? last.felony : last.misdemeanour),
      ).length;
      return {
        pending: group.length,
        age_0_30: group.filter((u) => age(u) <= 30).length,
        age_31_90: group.filter((u) => age(u) >= 31 && age(u) <= 90).length,
        age_91_180: group.filter((u) => age(u) >= 91 && age(u) <= 180).length,
        age_181_365: group.filter((u) => age(u) >= 181 && age(u) <= 365).length,
        age_over_365: group.filter((u) => age(u) >= 366).length,
        over_standard: over,
        over_standard_pct: percent(over, group.length),
      };
    },
  );
}

export function expectedTrialCertainty(data: Dataset, scope: Scope): Table {
  const tried: { unit: Unit; settings: number }[] = [];
  for (const unit of unitsOf(data, scope)) {
    if (!inRange(unit.disposedAt, scope)) continue;
    const held = unit.file.hearings
      .filter((h) => h.status === 'held')
      .map((h) => h.startsAt.getTime());
    if (held.length === 0) continue;
    const firstHeld = Math.min(...held);
    if (firstHeld > unit.disposedAt!.getTime()) continue;
    const settings = unit.file.hearings.filter(
      (h) => h.status !== 'cancelled' && h.startsAt.getTime() <= firstHeld,
    ).length;
    tried.push({ unit, settings });
  }
  return byCategory(
    tried.map((t) => ({ category: categoryOf(data, scope, t.unit), item: t })),
    (group) => {
      const settings = group.reduce((s, t) => s + t.settings, 0);
      const first = group.filter((t) => t.settings === 1).length;
      return {
        tried: group.length,
        settings,
        settings_per_trial: group.length === 0 ? null : round2(settings / group.length),
        first_setting: first,
        first_setting_pct: percent(first, group.length),
      };
    },
  );
}

export function expectedDispositionTime(data: Dataset, scope: Scope, periodDays: number): Table {
  const units = unitsOf(data, scope).filter(
    (u) => isPending(u, scope.asOf) || inRange(u.disposedAt, scope),
  );
  return byCategory(
    units.map((u) => ({ category: categoryOf(data, scope, u), item: u })),
    (group) => {
      const pending = group.filter((u) => isPending(u, scope.asOf)).length;
      const resolved = group.filter((u) => inRange(u.disposedAt, scope)).length;
      return {
        pending,
        resolved,
        period_days: periodDays,
        disposition_time: resolved === 0 ? null : round2((periodDays * pending) / resolved),
      };
    },
  );
}

/** Workload by user id: incoming, disposed, pending, overdue deadlines. */
export function expectedWorkload(data: Dataset, scope: Scope) {
  const units = unitsOf(data, scope);
  const scopeFiles = new Set(units.map((u) => u.file.id));
  // Files of the scope (with or without an accused): the deadlines count on all of them.
  for (const file of data.files) {
    if (file.isReturned) continue;
    if (scope.institutionIds && !scope.institutionIds.includes(file.institutionId)) continue;
    if (scope.unitId && file.unitId !== scope.unitId) continue;
    if (scope.caseType && file.caseType !== scope.caseType) continue;
    scopeFiles.add(file.id);
  }
  const result = new Map<
    string,
    { incoming: number; disposed: number; pending: number; overdue: number }
  >();
  const row = (userId: string) => {
    let r = result.get(userId);
    if (!r) {
      r = { incoming: 0, disposed: 0, pending: 0, overdue: 0 };
      result.set(userId, r);
    }
    return r;
  };
  const leadAt = (file: FileSpec, at: Date) =>
    file.leads.find((l) => l.assignedAt <= at && (l.endedAt === null || l.endedAt > at));
  for (const unit of units) {
    if (inRange(unit.file.openedAt, scope) && unit.file.leads.length > 0) {
      const first = [...unit.file.leads].sort(
        (a, b) => a.assignedAt.getTime() - b.assignedAt.getTime(),
      )[0]!;
      row(first.userId).incoming++;
    }
    if (inRange(unit.disposedAt, scope)) {
      const lead = leadAt(unit.file, unit.disposedAt!);
      if (lead) row(lead.userId).disposed++;
    }
    if (isPending(unit, scope.asOf)) {
      const lead = leadAt(unit.file, scope.asOf);
      if (lead) row(lead.userId).pending++;
    }
  }
  const leaders = new Set(
    data.files.filter((f) => scopeFiles.has(f.id)).flatMap((f) => f.leads.map((l) => l.userId)),
  );
  for (const deadline of data.deadlines) {
    if (!scopeFiles.has(deadline.fileId) || !leaders.has(deadline.userId)) continue;
    if (
      deadline.dueAt < scope.asOf &&
      deadline.createdAt <= scope.asOf &&
      (deadline.completedAt === null || deadline.completedAt > scope.asOf)
    ) {
      row(deadline.userId).overdue++;
    }
  }
  return result;
}

export function expectedDetention(data: Dataset, scope: Scope): Table {
  const items: {
    category: string;
    item: { held: boolean; beyond: boolean; released: number; days: number };
  }[] = [];
  for (const unit of unitsOf(data, scope)) {
    const detentions = data.detentions.filter(
      (d) => d.fileId === unit.file.id && d.partyId === unit.party.id,
    );
    const open = detentions.filter(
      (d) => d.arrestedAt < scope.asOf && (d.releasedAt === null || d.releasedAt >= scope.asOf),
    );
    const released = detentions.filter((d) => inRange(d.releasedAt, scope));
    if (open.length === 0 && released.length === 0) continue;
    items.push({
      category: categoryOf(data, scope, unit),
      item: {
        held: open.length > 0,
        beyond:
          open.length > 0 &&
          open.every(
            (d) => !d.orders.some((o) => o.startsAt <= scope.asOf && o.expiresAt > scope.asOf),
          ),
        released: released.length,
        days: released.reduce(
          (s, d) => s + (d.releasedAt!.getTime() - d.arrestedAt.getTime()) / DAY,
          0,
        ),
      },
    });
  }
  return byCategory(items, (group) => {
    const released = group.reduce((s, g) => s + g.released, 0);
    return {
      held: group.filter((g) => g.held).length,
      beyond_limits: group.filter((g) => g.beyond).length,
      released,
      mean_days: released === 0 ? null : round2(group.reduce((s, g) => s + g.days, 0) / released),
    };
  });
}

export function expectedAttrition(data: Dataset, scope: Scope): Table {
  const units = unitsOf(data, scope);
  const kindOf = (institutionId: string) =>
    institutionId === data.institutions.police || institutionId === data.institutions.prosecution;
  // The first file of each matter at a police unit or prosecution office of the scope.
  const firstFile = new Map<string, FileSpec>();
  for (const file of data.files) {
    if (file.isReturned || !kindOf(file.institutionId)) continue;
    if (scope.institutionIds && !scope.institutionIds.includes(file.institutionId)) continue;
    const current = firstFile.get(file.matterId);
    if (
      !current ||
      file.openedAt < current.openedAt ||
      (file.openedAt.getTime() === current.openedAt.getTime() && file.id < current.id)
    ) {
      firstFile.set(file.matterId, file);
    }
  }
  const seen = new Set<string>();
  const items: { category: string; item: { indicted: boolean; convicted: boolean } }[] = [];
  for (const unit of units) {
    if (!inRange(unit.file.openedAt, scope)) continue;
    if (firstFile.get(unit.file.matterId)?.id !== unit.file.id) continue;
    const key = `${unit.file.matterId}|${unit.personId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const theirCharges = data.charges.filter((c) => {
      const file = data.files.find((f) => f.id === c.fileId);
      const party = data.parties.find((p) => p.id === c.partyId);
      return (
        file !== undefined &&
        !file.isReturned &&
        file.matterId === unit.file.matterId &&
        party?.personId === unit.personId &&
        party.role === 'accused'
      );
    });
    items.push({
      category: categoryOf(data, scope, unit),
      item: {
        indicted: theirCharges.some((c) =>
          ['indicted', 'convicted', 'acquitted', 'dismissed'].includes(c.disposition),
        ),
        convicted: theirCharges.some((c) => c.disposition === 'convicted'),
      },
    });
  }
  return byCategory(items, (group) => {
    const reported = group.length;
    const indicted = group.filter((g) => g.indicted).length;
    const convicted = group.filter((g) => g.convicted).length;
    return {
      reported,
      indicted,
      indicted_pct: percent(indicted, reported),
      convicted,
      convicted_pct: percent(convicted, reported),
      convicted_of_indicted_pct: percent(convicted, indicted),
    };
  });
}
