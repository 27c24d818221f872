/**
 * The family protection dashboard computed in plain TypeScript from a generated data set's
 * specification, following docs/measures.md (section 2), independently of the server's SQL. Each
 * figure is a map from a cell's name (the names family-protection-figures.test.ts reads from the
 * answer) to its counts: the total first, then one per category of the dimension.
 */
import {
  GBV_TYPES,
  PROTECTION_MEASURE_KINDS,
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
  RELATIONSHIPS,
} from '@qadiya/domain';
import type { Dataset, FileSpec, PartySpec } from './family-protection-dataset';

const DAY = 86_400_000;

export type DimensionName =
  'victimSex' | 'victimAgeBand' | 'accusedSex' | 'accusedAgeBand' | 'relationship';

/** The categories, written out again here, not imported from the server. */
export function categoriesOf(dimension: DimensionName | null): string[] {
  switch (dimension) {
    case null:
      return [];
    case 'victimSex':
    case 'accusedSex':
      return ['female', 'male', 'unknown'];
    case 'victimAgeBand':
    case 'accusedAgeBand':
      return ['under_12', '12_13', '14_15', '16_17', '18_plus', 'unknown'];
    case 'relationship':
      return [...RELATIONSHIPS, 'unknown'];
  }
}

export function bandOfAge(age: number | null): string {
  if (age === null) return 'unknown';
  if (age <= 11) return 'under_12';
  if (age <= 13) return '12_13';
  if (age <= 15) return '14_15';
  if (age <= 17) return '16_17';
  return '18_plus';
}

export interface Query {
  start: Date;
  until: Date;
  /** null: every institution. */
  institutionIds: string[] | null;
  dimension: DimensionName | null;
  standard: readonly { days: number; targetPercent: number }[];
}

export type Figure = Map<string, number[]>;

export interface Expected {
  attrition: Figure;
  gbvTypes: Figure;
  referrals: Figure;
  measures: Figure;
}

const byTimeThenId =
  <T extends { id: string }>(time: (x: T) => number) =>
  (a: T, b: T) =>
    time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function expectedFigures(data: Dataset, query: Query): Expected {
  const categories = categoriesOf(query.dimension);
  const inPeriod = (at: Date) => at >= query.start && at < query.until;
  const inScope = (institutionId: string) =>
    query.institutionIds === null || query.institutionIds.includes(institutionId);
  const kindOf = (institutionId: string) =>
    institutionId === data.institutions.police
      ? 'police'
      : institutionId === data.institutions.officeA || institutionId === data.institutions.officeB
        ? 'prosecution'
        : 'other';
  const persons = new Map(data.persons.map((p) => [p.id, p]));
  const files = new Map(data.files.map((f) => [f.id, f]));
  const partiesOf = (fileId: string) => data.parties.filter((p) => p.fileId === fileId);
  const party = new Map(data.parties.map((p) => [p.id, p]));
  const liveFilesOf = (matterId: string) =>
    data.files.filter((f) => f.matterId === matterId && !f.isReturned);

  const firstParty = (fileId: string, role: PartySpec['role']) =>
    partiesOf(fileId)
      .filter((p) => p.role === role)
      .sort(byTimeThenId((p) => p.addedAt.getTime()))[0];
  const principalVictim = (fileId: string) =>
    firstParty(fileId, 'victim') ?? firstParty(fileId, 'complainant');
  const principalAccused = (fileId: string) => firstParty(fileId, 'accused');

  const categoryOf = (victim: PartySpec | undefined, accused: PartySpec | undefined): string => {
    const sexOf = (p: PartySpec | undefined) =>
      (p ? persons.get(p.personId)?.sex : null) ?? 'unknown';
    switch (query.dimension) {
      case null:
        return 'all';
      case 'victimSex':
        return sexOf(victim);
      case 'accusedSex':
        return sexOf(accused);
      case 'victimAgeBand':
        return bandOfAge(victim?.age ?? null);
      case 'accusedAgeBand':
        return bandOfAge(accused?.age ?? null);
      case 'relationship':
        return victim?.relationship ?? 'unknown';
    }
  };

  const figure = (names: string[]): Figure =>
    new Map(names.map((name) => [name, new Array<number>(categories.length + 1).fill(0)]));
  const add = (f: Figure, name: string, category: string, n = 1) => {
    const values = f.get(name);
    if (!values) throw new Error(`no cell ${name}`);
    values[0] = (values[0] ?? 0) + n;
    const at = categories.indexOf(category);
    if (query.dimension !== null && at < 0) throw new Error(`no category ${category}`);
    if (at >= 0) values[at + 1] = (values[at + 1] ?? 0) + n;
  };

  // Complaints: a matter's first family protection file at a police unit or prosecution office
  // of the scope; counted in the period of its opening.
  const complaintFiles = data.files.filter(
    (f) =>
      f.isFamilyProtection &&
      !f.isReturned &&
      kindOf(f.institutionId) !== 'other' &&
      inScope(f.institutionId),
  );
  const byMatter = new Map<string, FileSpec[]>();
  for (const f of complaintFiles)
    byMatter.set(f.matterId, [...(byMatter.get(f.matterId) ?? []), f]);
  const complaints: { matterId: string; file: FileSpec; files: FileSpec[] }[] = [];
  for (const [matterId, list] of byMatter) {
    const sorted = [...list].sort(byTimeThenId((f) => f.openedAt.getTime()));
    const first = sorted[0] as FileSpec;
    if (inPeriod(first.openedAt)) complaints.push({ matterId, file: first, files: sorted });
  }

  // Attrition.
  const outcomes = [
    'under_investigation',
    'closed_before_indictment',
    'awaiting_judgment',
    'acquitted_or_dismissed',
    'convicted',
  ];
  const attrition = figure(['complaint', 'indicted', ...outcomes]);
  const passedOn = (fileId: string) =>
    data.links.some(
      (l) =>
        l.fromFileId === fileId &&
        (l.kind === 'referral' || l.kind === 'transfer') &&
        !files.get(l.toFileId)?.isReturned,
    );
  for (const complaint of complaints) {
    const victim = principalVictim(complaint.file.id);
    const seen = new Set<string>();
    for (const file of complaint.files) {
      for (const accused of partiesOf(file.id).filter((p) => p.role === 'accused')) {
        if (seen.has(accused.personId)) continue;
        seen.add(accused.personId);
        const theirParties = liveFilesOf(complaint.matterId).flatMap((f) =>
          partiesOf(f.id).filter((p) => p.role === 'accused' && p.personId === accused.personId),
        );
        const charges = data.charges.filter((c) => theirParties.some((p) => p.id === c.partyId));
        const has = (...d: string[]) => charges.some((c) => d.includes(c.disposition));
        const hasEnded = theirParties.some((p) => {
          const f = files.get(p.fileId);
          return f !== undefined && f.disposedAt !== null && !passedOn(f.id);
        });
        const outcome = has('convicted')
          ? 'convicted'
          : has('acquitted', 'dismissed')
            ? 'acquitted_or_dismissed'
            : has('indicted')
              ? 'awaiting_judgment'
              : hasEnded || (has('dropped', 'diverted') && !has('pending'))
                ? 'closed_before_indictment'
                : 'under_investigation';
        const category = categoryOf(victim, accused);
        add(attrition, outcome, category);
        add(attrition, 'complaint', category);
        if (['awaiting_judgment', 'acquitted_or_dismissed', 'convicted'].includes(outcome)) {
          add(attrition, 'indicted', category);
        }
      }
    }
  }

  // Complaints by GBVIMS type.
  const flags = ['intimate_partner', 'child_victim', 'early_marriage'];
  const gbvTypes = figure([
    'total',
    ...[...GBV_TYPES, 'unclassified'].map((t) => `type:${t}`),
    ...flags.map((f) => `flag:${f}`),
  ]);
  for (const complaint of complaints) {
    const latestFirst = [...complaint.files].sort(byTimeThenId((f) => -f.openedAt.getTime()));
    // Ties are impossible in this data set (times are random), so the id order does not matter.
    const classified = latestFirst.find((f) => f.gbvType !== null) ?? latestFirst[0];
    const category = categoryOf(
      principalVictim(complaint.file.id),
      principalAccused(complaint.file.id),
    );
    add(gbvTypes, 'total', category);
    add(gbvTypes, `type:${classified?.gbvType ?? 'unclassified'}`, category);
    if (classified?.intimatePartner) add(gbvTypes, 'flag:intimate_partner', category);
    if (classified?.childVictim) add(gbvTypes, 'flag:child_victim', category);
    if (classified?.earlyMarriage) add(gbvTypes, 'flag:early_marriage', category);
  }

  // Referrals and measures of the family protection files of the scope.
  const isScopedFamilyFile = (fileId: string) => {
    const f = files.get(fileId);
    return f !== undefined && f.isFamilyProtection && !f.isReturned && inScope(f.institutionId);
  };
  const referrals = figure([
    'total',
    'overrides',
    ...REFERRAL_SERVICES.map((s) => `service:${s}`),
    ...REFERRAL_STATUSES.map((s) => `status:${s}`),
    ...REFERRAL_SERVICES.flatMap((s) => REFERRAL_STATUSES.map((t) => `referral:${s}:${t}`)),
  ]);
  for (const r of data.referrals) {
    if (!isScopedFamilyFile(r.fileId) || !inPeriod(r.sentAt)) continue;
    const category = categoryOf(party.get(r.victimPartyId), principalAccused(r.fileId));
    add(referrals, 'total', category);
    if (r.consent === 'override') add(referrals, 'overrides', category);
    add(referrals, `service:${r.service}`, category);
    add(referrals, `status:${r.status}`, category);
    add(referrals, `referral:${r.service}:${r.status}`, category);
  }

  const counted = ['issued', 'violated', 'violations'];
  const measures = figure([
    ...counted,
    ...PROTECTION_MEASURE_KINDS.flatMap((k) => counted.map((c) => `kind:${k}:${c}`)),
    ...query.standard.map((_, i) => `within:${i}`),
  ]);
  const scopedMeasures = data.measures.filter((m) => isScopedFamilyFile(m.fileId));
  for (const m of scopedMeasures) {
    const category = categoryOf(party.get(m.protectedPartyId), party.get(m.againstPartyId));
    for (const v of data.violations) {
      if (v.measureId !== m.id || !inPeriod(v.occurredAt)) continue;
      add(measures, 'violations', category);
      add(measures, `kind:${m.kind}:violations`, category);
    }
    if (!inPeriod(m.issuedAt)) continue;
    add(measures, 'issued', category);
    add(measures, `kind:${m.kind}:issued`, category);
    if (data.violations.some((v) => v.measureId === m.id)) {
      add(measures, 'violated', category);
      add(measures, `kind:${m.kind}:violated`, category);
    }
    const matterId = files.get(m.fileId)?.matterId ?? '';
    const complainedAt = Math.min(...liveFilesOf(matterId).map((f) => f.openedAt.getTime()));
    const days = (m.issuedAt.getTime() - complainedAt) / DAY;
    query.standard.forEach((step, i) => {
      if (days <= step.days) add(measures, `within:${i}`, category);
    });
  }
  return { attrition, gbvTypes, referrals, measures };
}

/** Local midnight of a calendar date in a time zone, found with Intl alone. */
export function localMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  let guess = Date.UTC(y, m - 1, d);
  for (let i = 0; i < 3; i++) {
    const parts = format.formatToParts(new Date(guess));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    guess = Date.UTC(y, m - 1, d) - (wall - guess);
  }
  return new Date(guess);
}

export const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
