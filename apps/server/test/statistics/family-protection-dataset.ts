/**
 * A generated family protection data set for the dashboard tests: a seeded pseudo-random
 * specification of incidents (victims and accused of both sexes, every age band and relationship,
 * several victims or accused now and then), each with a police report and/or a prosecution file,
 * often a court case; files classified by GBVIMS type at the police and again at the prosecution;
 * closures, indictments of some accused only, judgments, returned referrals, files that are not
 * family protection at all; referrals to services and protection measures with their violations.
 * family-protection-insert.ts writes it into the tables. The tests compute the expected figures
 * from the specification itself (family-protection-expected.ts), never from the database.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  GBV_TYPES,
  PROTECTION_MEASURE_KINDS,
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
  RELATIONSHIPS,
  type GbvType,
  type Relationship,
} from '@qadiya/domain';
import type { Database } from '../../src/db/schema';
import { buildInstitution } from '../support/factories';
import { seeded } from '../support/seeded-random';

type Db = Kysely<Database>;
type Sex = 'female' | 'male' | null;
type Disposition =
  'pending' | 'dropped' | 'indicted' | 'convicted' | 'acquitted' | 'dismissed' | 'diverted';

const DAY = 86_400_000;

export interface Institutions {
  police: string;
  officeA: string;
  officeB: string;
  court: string;
  services: string;
  /** The family protection unit of each office. */
  familyUnitA: string;
  familyUnitB: string;
  generalUnitA: string;
}

export interface PersonSpec {
  id: string;
  sex: Sex;
}

export interface FileSpec {
  id: string;
  matterId: string;
  caseType: 'police_report' | 'prosecution_file' | 'court_case';
  institutionId: string;
  unitId: string | null;
  openedAt: Date;
  isReturned: boolean;
  disposedAt: Date | null;
  isFamilyProtection: boolean;
  gbvType: GbvType | null;
  intimatePartner: boolean;
  childVictim: boolean;
  earlyMarriage: boolean;
}

export interface PartySpec {
  id: string;
  fileId: string;
  personId: string;
  role: 'accused' | 'victim' | 'complainant' | 'witness';
  age: number | null;
  relationship: Relationship | null;
  addedAt: Date;
}

export interface ChargeSpec {
  fileId: string;
  partyId: string;
  disposition: Disposition;
  disposedAt: Date | null;
}

export interface LinkSpec {
  fromFileId: string;
  toFileId: string;
  kind: 'referral' | 'transfer';
}

export interface ReferralSpec {
  fileId: string;
  victimPartyId: string;
  service: (typeof REFERRAL_SERVICES)[number];
  status: (typeof REFERRAL_STATUSES)[number];
  consent: 'given' | 'override';
  sentAt: Date;
}

export interface MeasureSpec {
  id: string;
  fileId: string;
  kind: (typeof PROTECTION_MEASURE_KINDS)[number];
  protectedPartyId: string;
  againstPartyId: string;
  issuedAt: Date;
}

export interface ViolationSpec {
  measureId: string;
  fileId: string;
  occurredAt: Date;
}

export interface Dataset {
  institutions: Institutions;
  persons: PersonSpec[];
  files: FileSpec[];
  parties: PartySpec[];
  charges: ChargeSpec[];
  links: LinkSpec[];
  referrals: ReferralSpec[];
  measures: MeasureSpec[];
  violations: ViolationSpec[];
}

/** Data from October 2024 to February 2026, so periods of 2025 have data on both sides. */
const WINDOW_START = Date.parse('2024-10-01T00:00:00Z');
const WINDOW_END = Date.parse('2026-02-28T00:00:00Z');
const INTIMATE: readonly Relationship[] = ['spouse', 'former_spouse', 'fiance'];

export function generateDataset(seed: number, institutions: Institutions, matterCount = 170) {
  const random = seeded(seed);
  const data: Dataset = {
    institutions,
    persons: [],
    files: [],
    parties: [],
    charges: [],
    links: [],
    referrals: [],
    measures: [],
    violations: [],
  };
  const person = (femaleShare: number): PersonSpec => {
    const spec = {
      id: randomUUID(),
      sex: random.chance(0.05)
        ? null
        : random.chance(femaleShare)
          ? ('female' as const)
          : ('male' as const),
    };
    data.persons.push(spec);
    return spec;
  };
  // A pool reused across incidents: the same person may be a victim or accused twice.
  const women = Array.from({ length: 90 }, () => person(0.85));
  const men = Array.from({ length: 80 }, () => person(0.12));
  const at = (base: number, minDays: number, maxDays: number) =>
    new Date(base + minDays * DAY + random.next() * (maxDays - minDays) * DAY);
  const victimAge = () =>
    random.chance(0.06) ? null : random.chance(0.3) ? random.int(2, 17) : random.int(18, 70);
  const accusedAge = () =>
    random.chance(0.05) ? null : random.chance(0.12) ? random.int(12, 17) : random.int(18, 65);

  for (let m = 0; m < matterCount; m++) {
    const matterId = randomUUID();
    const t0 = WINDOW_START + random.next() * (WINDOW_END - WINDOW_START);
    const isFamily = random.chance(0.9);
    const victims = [
      {
        person: random.pick(women),
        age: victimAge(),
        relationship: random.chance(0.1) ? null : random.pick(RELATIONSHIPS),
        role: random.chance(0.9) ? ('victim' as const) : ('complainant' as const),
      },
    ];
    if (random.chance(0.15)) {
      // A second victim (a child of the family, say); never the same person twice.
      const second = random.pick([...women, ...men]);
      const age = victimAge();
      const relationship = random.pick(RELATIONSHIPS);
      if (second !== victims[0]?.person) {
        victims.push({ person: second, age, relationship, role: 'victim' as const });
      }
    }
    const accused = [{ person: random.pick(men), age: accusedAge() }];
    if (random.chance(0.25)) accused.push({ person: random.pick(men), age: accusedAge() });
    const uniqueAccused = accused.filter(
      (a, i) =>
        accused.findIndex((b) => b.person === a.person) === i &&
        !victims.some((v) => v.person === a.person),
    );
    if (uniqueAccused.length === 0) continue;
    const isChildVictim = victims.some((v) => v.age !== null && v.age < 18);
    const isIntimate = victims.some(
      (v) => v.relationship !== null && INTIMATE.includes(v.relationship),
    );

    const addFile = (
      caseType: FileSpec['caseType'],
      institutionId: string,
      openedAt: Date,
      options: { isReturned?: boolean; isFamily?: boolean; gbvType?: GbvType | null } = {},
    ) => {
      const fileIsFamily = options.isFamily ?? isFamily;
      const gbvType = fileIsFamily ? (options.gbvType ?? null) : null;
      const unitId =
        caseType !== 'prosecution_file'
          ? null
          : !fileIsFamily
            ? institutionId === institutions.officeA
              ? institutions.generalUnitA
              : null
            : institutionId === institutions.officeA
              ? institutions.familyUnitA
              : institutions.familyUnitB;
      const file: FileSpec = {
        id: randomUUID(),
        matterId,
        caseType,
        institutionId,
        unitId,
        openedAt,
        isReturned: options.isReturned ?? false,
        disposedAt: null,
        isFamilyProtection: fileIsFamily,
        gbvType,
        intimatePartner: fileIsFamily && isIntimate,
        childVictim: fileIsFamily && isChildVictim,
        earlyMarriage: gbvType === 'forced_marriage' && isChildVictim,
      };
      data.files.push(file);
      const accusedParties = new Map<string, string>();
      const victimParties: string[] = [];
      // The order of recording varies: the principal victim is the first recorded.
      const order = random.chance(0.5) ? [...victims] : [...victims].reverse();
      let clock = openedAt.getTime();
      for (const v of order) {
        const party: PartySpec = {
          id: randomUUID(),
          fileId: file.id,
          personId: v.person.id,
          role: v.role,
          age: v.age,
          relationship: v.relationship,
          addedAt: new Date((clock += 60_000)),
        };
        data.parties.push(party);
        victimParties.push(party.id);
      }
      for (const a of uniqueAccused) {
        const party: PartySpec = {
          id: randomUUID(),
          fileId: file.id,
          personId: a.person.id,
          role: 'accused',
          age: a.age,
          relationship: null,
          addedAt: new Date((clock += 60_000)),
        };
        data.parties.push(party);
        accusedParties.set(a.person.id, party.id);
      }
      if (random.chance(0.2)) {
        data.parties.push({
          id: randomUUID(),
          fileId: file.id,
          personId: random.pick(women).id,
          role: 'witness',
          age: random.int(20, 60),
          relationship: null,
          addedAt: new Date((clock += 60_000)),
        });
      }
      return { file, accusedParties, victimParties };
    };

    // Police report (most incidents), or a complaint made directly to the prosecution.
    let t1 = t0;
    let previous: ReturnType<typeof addFile> | null = null;
    if (random.chance(0.7)) {
      const police = addFile('police_report', institutions.police, new Date(t0), {
        // Some reports become family protection only at the prosecution.
        isFamily: isFamily && random.chance(0.85),
        gbvType: random.chance(0.4) ? random.pick(GBV_TYPES) : null,
      });
      if (random.chance(0.1)) {
        police.file.disposedAt = at(t0, 1, 30); // closed by the police
        continue;
      }
      if (random.chance(0.08)) continue; // still with the police
      t1 = t0 + random.next() * 3 * DAY;
      police.file.disposedAt = new Date(t1);
      previous = police;
    }
    const office = random.chance(0.6) ? institutions.officeA : institutions.officeB;
    if (previous && random.chance(0.08)) {
      // First sent to the other office, which returned it: that file never counts.
      const other = office === institutions.officeA ? institutions.officeB : institutions.officeA;
      const returned = addFile('prosecution_file', other, new Date(t1), { isReturned: true });
      data.links.push({
        fromFileId: previous.file.id,
        toFileId: returned.file.id,
        kind: 'referral',
      });
    }
    const prosecution = addFile('prosecution_file', office, new Date(t1 + 0.1 * DAY), {
      gbvType: random.chance(0.7) ? random.pick(GBV_TYPES) : null,
    });
    if (previous) {
      data.links.push({
        fromFileId: previous.file.id,
        toFileId: prosecution.file.id,
        kind: 'referral',
      });
    }
    const opened = prosecution.file.openedAt.getTime();

    // Victim protection, on family protection files.
    if (prosecution.file.isFamilyProtection) {
      for (let r = random.int(0, 2); r > 0; r--) {
        data.referrals.push({
          fileId: prosecution.file.id,
          victimPartyId: random.pick(prosecution.victimParties),
          service: random.pick(REFERRAL_SERVICES),
          status: random.pick(REFERRAL_STATUSES),
          consent: random.chance(0.12) ? 'override' : 'given',
          sentAt: at(opened, 0, 25),
        });
      }
      for (let k = random.int(0, 2); k > 0; k--) {
        const against = random.pick([...prosecution.accusedParties.values()]);
        const measure: MeasureSpec = {
          id: randomUUID(),
          fileId: prosecution.file.id,
          kind: random.pick(PROTECTION_MEASURE_KINDS),
          protectedPartyId: random.pick(prosecution.victimParties),
          againstPartyId: against,
          issuedAt: at(opened, 0, random.chance(0.7) ? 9 : 60),
        };
        data.measures.push(measure);
        if (random.chance(0.3)) {
          for (let v = random.int(1, 2); v > 0; v--) {
            data.violations.push({
              measureId: measure.id,
              fileId: prosecution.file.id,
              occurredAt: at(measure.issuedAt.getTime(), 1, 90),
            });
          }
        }
      }
    }

    const outcome = random.pick([
      'pending',
      'closed',
      'closed',
      'indicted',
      'indicted',
      'indicted',
      'diverted',
    ] as const);
    const t2 = at(t1, 5, 150);
    const charge = (partyId: string, disposition: Disposition, disposedAt: Date | null) => {
      for (let c = random.int(1, 2); c > 0; c--) {
        data.charges.push({ fileId: prosecution.file.id, partyId, disposition, disposedAt });
      }
    };
    if (outcome === 'pending') {
      for (const partyId of prosecution.accusedParties.values()) {
        if (random.chance(0.8)) charge(partyId, 'pending', null);
      }
      continue;
    }
    prosecution.file.disposedAt = t2;
    if (outcome !== 'indicted') {
      // Closed (حفظ), sometimes without a charge ever recorded; or closed after mediation.
      const hasCharges = random.chance(0.85);
      for (const partyId of prosecution.accusedParties.values()) {
        if (hasCharges) charge(partyId, outcome === 'closed' ? 'dropped' : 'diverted', t2);
      }
      continue;
    }
    // Indicted: with two accused, one of them is sometimes left out of the indictment.
    const indicted = [...prosecution.accusedParties.entries()].filter(
      (_, i, all) => all.length === 1 || i === 0 || random.chance(0.6),
    );
    for (const [personId, partyId] of prosecution.accusedParties) {
      if (indicted.some(([p]) => p === personId)) charge(partyId, 'indicted', null);
      else charge(partyId, 'dropped', t2);
    }
    const court = addFile('court_case', institutions.court, new Date(t2.getTime() + 0.2 * DAY));
    data.links.push({ fromFileId: prosecution.file.id, toFileId: court.file.id, kind: 'referral' });
    const isJudged = random.chance(0.7);
    const t3 = at(t2.getTime(), 3, 120);
    if (isJudged) court.file.disposedAt = t3;
    for (const [personId] of indicted) {
      const partyId = court.accusedParties.get(personId) as string;
      for (let c = random.int(1, 2); c > 0; c--) {
        const verdict = isJudged
          ? random.pick(['convicted', 'convicted', 'acquitted', 'dismissed'] as const)
          : 'indicted';
        data.charges.push({
          fileId: court.file.id,
          partyId,
          disposition: verdict,
          disposedAt: isJudged ? t3 : null,
        });
      }
    }
  }
  return data;
}

/**
 * Complaints on either side of the new year in Hebron (UTC+2 in winter): a file opened at 00:30 on
 * 1 January 2025 there is a complaint of 2025, one opened at 23:30 on 31 December 2024 is not; and
 * a protection measure issued at 00:30 on 1 January 2026 there is not one of 2025.
 */
export function addBoundaryComplaints(data: Dataset): void {
  const { officeA, familyUnitA } = data.institutions;
  const complaint = (openedAt: string) => {
    const victim = { id: randomUUID(), sex: 'female' as const };
    const accused = { id: randomUUID(), sex: 'male' as const };
    data.persons.push(victim, accused);
    const file: FileSpec = {
      id: randomUUID(),
      matterId: randomUUID(),
      caseType: 'prosecution_file',
      institutionId: officeA,
      unitId: familyUnitA,
      openedAt: new Date(openedAt),
      isReturned: false,
      disposedAt: null,
      isFamilyProtection: true,
      gbvType: 'physical_assault',
      intimatePartner: true,
      childVictim: false,
      earlyMarriage: false,
    };
    data.files.push(file);
    const party = (personId: string, role: 'victim' | 'accused', age: number) => {
      const spec: PartySpec = {
        id: randomUUID(),
        fileId: file.id,
        personId,
        role,
        age,
        relationship: role === 'victim' ? 'spouse' : null,
        addedAt: file.openedAt,
      };
      data.parties.push(spec);
      return spec;
    };
    return {
      file,
      victim: party(victim.id, 'victim', 31),
      accused: party(accused.id, 'accused', 35),
    };
  };
  complaint('2024-12-31T22:30:00Z');
  complaint('2024-12-31T21:30:00Z');
  const late = complaint('2025-12-20T08:00:00Z');
  data.measures.push({
    id: randomUUID(),
    fileId: late.file.id,
    kind: 'no_contact',
    protectedPartyId: late.victim.id,
    againstPartyId: late.accused.id,
    issuedAt: new Date('2025-12-31T22:30:00Z'),
  });
}

/** Institutions of the data set's own, so no other test's files are counted with them. */
export async function buildDatasetInstitutions(db: Db): Promise<Institutions> {
  const police = await buildInstitution(db, { kind: 'police_unit' });
  const officeA = await buildInstitution(db, {
    kind: 'prosecution_office',
    units: ['general', 'family_protection'],
  });
  const officeB = await buildInstitution(db, {
    kind: 'prosecution_office',
    units: ['general', 'family_protection'],
  });
  const court = await buildInstitution(db, { kind: 'court' });
  const services = await buildInstitution(db, { kind: 'social_services' });
  const unit = (office: typeof officeA, kind: string) => {
    const found = office.units.find((u) => u.kind === kind);
    if (!found) throw new Error(`no ${kind} unit`);
    return found.id;
  };
  return {
    police: police.id,
    officeA: officeA.id,
    officeB: officeB.id,
    court: court.id,
    services: services.id,
    familyUnitA: unit(officeA, 'family_protection'),
    familyUnitB: unit(officeB, 'family_protection'),
    generalUnitA: unit(officeA, 'general'),
  };
}
