/**
 * A generated juvenile justice data set for the indicator test: a seeded pseudo-random
 * specification (children and adults of both sexes and every age band, matters with a police
 * report, a prosecution file and often a court case at several institutions, detentions open and
 * released, convictions with and without custody, diversions, disposals, returned referrals),
 * written straight into the tables with Kysely. The test computes the expected indicators from
 * the specification itself, never from the database.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { buildOffence } from '../support/cases';
import { buildInstitution, uniqueSuffix } from '../support/factories';
import { seeded } from '../support/seeded-random';

type Db = Kysely<Database>;
type Sex = 'female' | 'male' | null;
type AgeStatus = 'under_age' | 'juvenile' | 'adult' | 'unknown';
type Disposition = 'pending' | 'dropped' | 'indicted' | 'convicted' | 'acquitted' | 'diverted';

const DAY = 86_400_000;

export interface PersonSpec {
  id: string;
  sex: Sex;
  kind: 'child' | 'adult' | 'under_age' | 'unknown_age';
}

export interface FileSpec {
  id: string;
  matterId: string;
  caseType: 'police_report' | 'prosecution_file' | 'court_case';
  institutionId: string;
  openedAt: Date;
  isReturned: boolean;
  disposedAt: Date | null;
}

export interface PartySpec {
  id: string;
  fileId: string;
  personId: string;
  role: 'accused' | 'victim';
  age: number | null;
  status: AgeStatus;
}

export interface ChargeSpec {
  fileId: string;
  partyId: string;
  disposition: Disposition;
  disposedAt: Date | null;
  custodialMonths: number | null;
}

export interface DetentionSpec {
  fileId: string;
  partyId: string;
  arrestedAt: Date;
  releasedAt: Date | null;
}

export interface LinkSpec {
  fromFileId: string;
  toFileId: string;
  kind: 'referral' | 'transfer';
}

export interface Dataset {
  institutions: { police: string; prosecutionA: string; prosecutionB: string; court: string };
  persons: PersonSpec[];
  files: FileSpec[];
  parties: PartySpec[];
  charges: ChargeSpec[];
  detentions: DetentionSpec[];
  links: LinkSpec[];
}

const statusOf = (age: number | null): AgeStatus =>
  age === null ? 'unknown' : age < 12 ? 'under_age' : age < 18 ? 'juvenile' : 'adult';

/** Data from October 2024 to February 2026, so periods of 2025 have data on both sides. */
const WINDOW_START = Date.parse('2024-10-01T00:00:00Z');
const WINDOW_END = Date.parse('2026-02-28T00:00:00Z');

export function generateDataset(
  seed: number,
  institutions: Dataset['institutions'],
  matterCount = 140,
): Dataset {
  const random = seeded(seed);
  const sexes = ['female', 'male'] as const;
  const persons: PersonSpec[] = [
    ...Array.from({ length: 70 }, () => ({ kind: 'child' as const })),
    ...Array.from({ length: 25 }, () => ({ kind: 'adult' as const })),
    ...Array.from({ length: 6 }, () => ({ kind: 'under_age' as const })),
    ...Array.from({ length: 8 }, () => ({ kind: 'unknown_age' as const })),
  ].map(({ kind }) => ({
    id: randomUUID(),
    kind,
    sex: random.chance(0.06) ? null : random.pick(sexes),
  }));
  const ageFor = (person: PersonSpec): number | null => {
    switch (person.kind) {
      case 'child':
        return random.int(12, 17);
      case 'adult':
        return random.int(18, 40);
      case 'under_age':
        return random.int(8, 11);
      case 'unknown_age':
        return null;
    }
  };
  const data: Dataset = {
    institutions,
    persons,
    files: [],
    parties: [],
    charges: [],
    detentions: [],
    links: [],
  };
  const at = (base: number, minDays: number, maxDays: number) =>
    new Date(base + minDays * DAY + random.next() * (maxDays - minDays) * DAY);

  for (let m = 0; m < matterCount; m++) {
    const matterId = randomUUID();
    const t0 = WINDOW_START + random.next() * (WINDOW_END - WINDOW_START);
    const accused = [random.pick(persons)];
    if (random.chance(0.3)) {
      const second = random.pick(persons);
      if (second !== accused[0]) accused.push(second);
    }
    // One age per person in the matter, on every file of it.
    const ages = new Map(accused.map((p) => [p.id, ageFor(p)]));
    const victim = random.chance(0.5) ? random.pick(persons) : null;
    const victimAge = victim ? ageFor(victim) : null;

    const addFile = (
      caseType: FileSpec['caseType'],
      institutionId: string,
      openedAt: Date,
      isReturned = false,
    ) => {
      const file: FileSpec = {
        id: randomUUID(),
        matterId,
        caseType,
        institutionId,
        openedAt,
        isReturned,
        disposedAt: null,
      };
      data.files.push(file);
      const partyIds = new Map<string, string>();
      for (const person of accused) {
        const age = ages.get(person.id) ?? null;
        const party: PartySpec = {
          id: randomUUID(),
          fileId: file.id,
          personId: person.id,
          role: 'accused',
          age,
          status: statusOf(age),
        };
        data.parties.push(party);
        partyIds.set(person.id, party.id);
      }
      // A victim, often a child too: victims are never counted.
      if (victim && !accused.includes(victim)) {
        data.parties.push({
          id: randomUUID(),
          fileId: file.id,
          personId: victim.id,
          role: 'victim',
          age: victimAge,
          status: statusOf(victimAge),
        });
      }
      return { file, partyIds };
    };
    const detain = (fileId: string, partyId: string, from: number, stayDays: [number, number]) => {
      const arrestedAt = at(from, 0, 1);
      const isOpen = random.chance(0.2);
      data.detentions.push({
        fileId,
        partyId,
        arrestedAt,
        releasedAt: isOpen ? null : at(arrestedAt.getTime(), stayDays[0], stayDays[1]),
      });
    };

    // The police report.
    const police = addFile('police_report', institutions.police, new Date(t0));
    for (const [, partyId] of police.partyIds) {
      if (random.chance(0.45)) detain(police.file.id, partyId, t0, [0.2, 2]);
    }
    if (random.chance(0.12)) {
      // Closed by the police: a disposal that ends the proceedings.
      police.file.disposedAt = at(t0, 1, 40);
      continue;
    }
    if (random.chance(0.1)) continue; // still with the police

    // Referred to a prosecution office.
    const t1 = t0 + random.next() * 3 * DAY;
    police.file.disposedAt = new Date(t1);
    if (random.chance(0.1)) {
      // First sent to the other office and returned: that file never counts.
      const other = random.next() < 0.5 ? institutions.prosecutionA : institutions.prosecutionB;
      const returned = addFile('prosecution_file', other, new Date(t1), true);
      data.links.push({ fromFileId: police.file.id, toFileId: returned.file.id, kind: 'referral' });
      for (const [, partyId] of returned.partyIds) {
        detain(returned.file.id, partyId, t1, [1, 30]);
        data.charges.push({
          fileId: returned.file.id,
          partyId,
          disposition: 'diverted',
          disposedAt: at(t1, 1, 20),
          custodialMonths: null,
        });
      }
    }
    const office = random.chance(0.6) ? institutions.prosecutionA : institutions.prosecutionB;
    const prosecution = addFile('prosecution_file', office, new Date(t1 + 0.1 * DAY));
    data.links.push({
      fromFileId: police.file.id,
      toFileId: prosecution.file.id,
      kind: 'referral',
    });
    for (const [, partyId] of prosecution.partyIds) {
      if (random.chance(0.5)) detain(prosecution.file.id, partyId, t1, [1, 120]);
    }
    const outcome = random.pick([
      'diverted',
      'dropped',
      'indicted',
      'indicted',
      'pending',
    ] as const);
    const t2 = at(t1, 5, 150).getTime();
    if (outcome === 'pending') {
      for (const [, partyId] of prosecution.partyIds) {
        data.charges.push({
          fileId: prosecution.file.id,
          partyId,
          disposition: 'pending',
          disposedAt: null,
          custodialMonths: null,
        });
      }
      continue;
    }
    prosecution.file.disposedAt = new Date(t2);
    if (outcome !== 'indicted') {
      for (const [, partyId] of prosecution.partyIds) {
        for (let c = random.int(1, 2); c > 0; c--) {
          data.charges.push({
            fileId: prosecution.file.id,
            partyId,
            disposition: outcome,
            disposedAt: new Date(t2),
            custodialMonths: null,
          });
        }
      }
      continue;
    }
    for (const [, partyId] of prosecution.partyIds) {
      data.charges.push({
        fileId: prosecution.file.id,
        partyId,
        disposition: 'indicted',
        disposedAt: null,
        custodialMonths: null,
      });
    }
    // Indicted: the court case.
    const court = addFile('court_case', institutions.court, new Date(t2 + 0.2 * DAY));
    data.links.push({
      fromFileId: prosecution.file.id,
      toFileId: court.file.id,
      kind: 'referral',
    });
    const isJudged = random.chance(0.75);
    const t3 = at(t2, 3, 120);
    if (isJudged) court.file.disposedAt = t3;
    for (const [, partyId] of court.partyIds) {
      for (let c = random.int(1, 2); c > 0; c--) {
        const verdict = isJudged
          ? random.pick(['convicted', 'convicted', 'acquitted'] as const)
          : null;
        data.charges.push({
          fileId: court.file.id,
          partyId,
          disposition: verdict ?? 'indicted',
          disposedAt: verdict ? t3 : null,
          custodialMonths:
            verdict === 'convicted' ? (random.chance(0.45) ? random.int(1, 24) : 0) : null,
        });
      }
    }
  }
  return data;
}

/** Institutions of the data set's own, so no other test's files are counted with them. */
export async function buildDatasetInstitutions(db: Db): Promise<Dataset['institutions']> {
  const police = await buildInstitution(db, { kind: 'police_unit' });
  const prosecutionA = await buildInstitution(db, { kind: 'prosecution_office' });
  const prosecutionB = await buildInstitution(db, { kind: 'prosecution_office' });
  const court = await buildInstitution(db, { kind: 'court', courtLevel: 'juvenile' });
  return {
    police: police.id,
    prosecutionA: prosecutionA.id,
    prosecutionB: prosecutionB.id,
    court: court.id,
  };
}

const STATES = {
  police_report: { open: 'evidence_gathering', disposed: 'referred' },
  prosecution_file: { open: 'under_investigation', disposed: 'closed' },
  court_case: { open: 'in_trial', disposed: 'appeal_window' },
} as const;

/** Writes the data set: persons, matters, files, links, parties, charges and detentions. */
export async function insertDataset(db: Db, data: Dataset): Promise<void> {
  const offence = await buildOffence(db, 'misdemeanour');
  const suffix = uniqueSuffix();
  await db
    .insertInto('persons')
    .values(
      data.persons.map((person, index) => ({
        id: person.id,
        first_name_ar: 'طفل',
        family_name_ar: `إحصاء ${suffix} ${index}`,
        sex: person.sex,
      })),
    )
    .execute();
  const matterIds = [...new Set(data.files.map((file) => file.matterId))];
  await db
    .insertInto('matters')
    .values(matterIds.map((id) => ({ id, incident_date: null })))
    .execute();
  const childFiles = new Set(
    data.parties
      .filter((p) => p.role === 'accused' && p.status === 'juvenile')
      .map((p) => p.fileId),
  );
  await db
    .insertInto('cases')
    .values(
      data.files.map((file, index) => ({
        id: file.id,
        matter_id: file.matterId,
        case_type: file.caseType,
        workflow_version: 1,
        institution_id: file.institutionId,
        state: file.disposedAt ? STATES[file.caseType].disposed : STATES[file.caseType].open,
        intake_status: file.isReturned ? ('returned' as const) : ('accepted' as const),
        serial: file.isReturned ? null : index + 1,
        year: file.isReturned ? null : file.openedAt.getUTCFullYear(),
        reference: file.isReturned ? null : `STAT-${suffix}/${file.caseType}/${index + 1}`,
        return_reason: file.isReturned ? 'ليس من اختصاص هذه النيابة' : null,
        confidentiality: childFiles.has(file.id) ? ('restricted' as const) : ('normal' as const),
        is_juvenile: childFiles.has(file.id),
        opened_at: file.openedAt,
        is_disposed: file.disposedAt !== null,
        disposed_at: file.disposedAt,
      })),
    )
    .execute();
  await db
    .insertInto('case_links')
    .values(
      data.links.map((link) => ({
        from_case_id: link.fromFileId,
        to_case_id: link.toFileId,
        link_kind: link.kind,
      })),
    )
    .execute();
  const openedAt = new Map(data.files.map((file) => [file.id, file.openedAt]));
  await db
    .insertInto('parties')
    .values(
      data.parties.map((party) => ({
        id: party.id,
        case_id: party.fileId,
        person_id: party.personId,
        role: party.role,
        added_at: openedAt.get(party.fileId) ?? new Date(),
        age_at_offence: party.age,
        age_status: party.status,
      })),
    )
    .execute();
  await db
    .insertInto('charges')
    .values(
      data.charges.map((charge) => ({
        case_id: charge.fileId,
        party_id: charge.partyId,
        offence_id: offence.id,
        disposition: charge.disposition,
        disposed_at: charge.disposedAt,
        custodial_months: charge.custodialMonths,
        created_at: openedAt.get(charge.fileId) ?? new Date(),
      })),
    )
    .execute();
  const juvenileParties = new Set(
    data.parties
      .filter((p) => p.status === 'juvenile' || p.status === 'under_age')
      .map((p) => p.id),
  );
  await db
    .insertInto('detentions')
    .values(
      data.detentions.map((detention) => {
        const isJuvenile = juvenileParties.has(detention.partyId);
        return {
          case_id: detention.fileId,
          party_id: detention.partyId,
          arrested_at: detention.arrestedAt,
          released_at: detention.releasedAt,
          release_reason: detention.releasedAt ? 'إخلاء سبيل بكفالة' : null,
          is_juvenile: isJuvenile,
          facility: isJuvenile ? ('juvenile_centre' as const) : ('police_custody' as const),
          last_resort_justification: isJuvenile ? 'خطر الفرار، بعد دراسة البدائل' : null,
        };
      }),
    )
    .execute();
}
