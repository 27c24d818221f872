/**
 * A generated history for the performance measures test (issue 8): a seeded pseudo-random
 * specification of matters that go from a police report to a prosecution file and often to a
 * court case, with accused and victims of both sexes and every age band, charges of every offence
 * class and disposition, lead prosecutors and judges (some reassigned), suspended spans
 * (mediation), hearings adjourned and held, detentions with and without an order in force,
 * deadlines met and overdue, and files returned to their sender. It is written straight into the
 * tables; the test computes every measure again from this specification (performance-expected.ts),
 * never from the database.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { buildOffence } from '../support/cases';
import { buildInstitution, buildUser, uniqueSuffix } from '../support/factories';
import { seeded } from '../support/seeded-random';

type Db = Kysely<Database>;
export type Sex = 'female' | 'male' | null;
export type OffenceClass = 'felony' | 'misdemeanour' | 'contravention';
export type Disposition = 'pending' | 'dropped' | 'indicted' | 'convicted' | 'acquitted';
export type CaseType = 'police_report' | 'prosecution_file' | 'court_case';

const DAY = 86_400_000;

export interface PersonSpec {
  id: string;
  sex: Sex;
}

export interface LeadSpec {
  userId: string;
  role: 'prosecutor' | 'judge';
  assignedAt: Date;
  endedAt: Date | null;
}

export interface FileSpec {
  id: string;
  matterId: string;
  caseType: CaseType;
  institutionId: string;
  unitId: string | null;
  openedAt: Date;
  disposedAt: Date | null;
  isReturned: boolean;
  confidentiality: 'normal' | 'restricted';
  isJuvenile: boolean;
  isFamilyProtection: boolean;
  leads: LeadSpec[];
  /** Spans in a suspended state (mediation), prosecution files only. */
  suspended: { from: Date; to: Date | null }[];
  hearings: { startsAt: Date; status: 'held' | 'adjourned' | 'cancelled' | 'scheduled' }[];
}

export interface PartySpec {
  id: string;
  fileId: string;
  personId: string;
  role: 'accused' | 'victim';
  age: number | null;
  /** Order of recording in the file: the principal victim is the first victim. */
  order: number;
}

export interface ChargeSpec {
  fileId: string;
  partyId: string;
  offenceClass: OffenceClass;
  disposition: Disposition;
  disposedAt: Date | null;
}

export interface DetentionSpec {
  id: string;
  fileId: string;
  partyId: string;
  arrestedAt: Date;
  releasedAt: Date | null;
  orders: { startsAt: Date; expiresAt: Date }[];
}

export interface DeadlineSpec {
  fileId: string;
  userId: string;
  institutionId: string;
  createdAt: Date;
  dueAt: Date;
  completedAt: Date | null;
}

export interface Dataset {
  institutions: { police: string; prosecution: string; court: string };
  unitId: string;
  users: { prosecutors: string[]; judges: string[] };
  persons: PersonSpec[];
  files: FileSpec[];
  parties: PartySpec[];
  charges: ChargeSpec[];
  detentions: DetentionSpec[];
  deadlines: DeadlineSpec[];
}

/** Data from July 2024 to February 2026, so periods of 2025 have data on both sides. */
const WINDOW_START = Date.parse('2024-07-01T00:00:00Z');
const WINDOW_END = Date.parse('2026-02-28T00:00:00Z');

export interface Organisation {
  institutions: Dataset['institutions'];
  unitId: string;
  users: Dataset['users'];
}

export async function buildOrganisation(db: Db): Promise<Organisation> {
  const police = await buildInstitution(db, { kind: 'police_unit' });
  const prosecution = await buildInstitution(db, {
    kind: 'prosecution_office',
    units: ['general'],
  });
  const court = await buildInstitution(db, { kind: 'court' });
  const prosecutors = [];
  for (let i = 0; i < 3; i++) {
    prosecutors.push(
      (
        await buildUser(db, {
          institutionId: prosecution.id,
          grants: [{ role: 'prosecutor', institutionId: prosecution.id }],
        })
      ).id,
    );
  }
  const judges = [];
  for (let i = 0; i < 2; i++) {
    judges.push(
      (
        await buildUser(db, {
          institutionId: court.id,
          grants: [{ role: 'judge', institutionId: court.id }],
        })
      ).id,
    );
  }
  const unit = prosecution.units[0];
  if (!unit) throw new Error('no unit');
  return {
    institutions: { police: police.id, prosecution: prosecution.id, court: court.id },
    unitId: unit.id,
    users: { prosecutors, judges },
  };
}

export function generateDataset(seed: number, organisation: Organisation, matters = 70): Dataset {
  const random = seeded(seed);
  const at = (from: number, to: number) => new Date(random.int(from, to));
  const after = (date: Date, minDays: number, maxDays: number) =>
    new Date(date.getTime() + random.int(minDays * DAY, maxDays * DAY));
  const persons: PersonSpec[] = Array.from({ length: 60 }, () => ({
    id: randomUUID(),
    sex: random.chance(0.08) ? null : random.pick(['female', 'male'] as const),
  }));
  const data: Dataset = {
    ...organisation,
    persons,
    files: [],
    parties: [],
    charges: [],
    detentions: [],
    deadlines: [],
  };
  const { institutions, users } = organisation;
  const age = () =>
    random.chance(0.1) ? null : random.pick([9, 12, 13, 14, 15, 16, 17, 19, 25, 34, 47, 61]);

  const newFile = (
    matterId: string,
    caseType: CaseType,
    institutionId: string,
    openedAt: Date,
  ): FileSpec => {
    const file: FileSpec = {
      id: randomUUID(),
      matterId,
      caseType,
      institutionId,
      unitId:
        institutionId === institutions.prosecution && random.chance(0.6)
          ? organisation.unitId
          : null,
      openedAt,
      disposedAt: null,
      isReturned: false,
      confidentiality: random.chance(0.15) ? 'restricted' : 'normal',
      isJuvenile: false,
      isFamilyProtection: random.chance(0.1),
      leads: [],
      suspended: [],
      hearings: [],
    };
    data.files.push(file);
    return file;
  };
  const addParties = (file: FileSpec, accused: PersonSpec[], victims: PersonSpec[]) => {
    let order = 0;
    const parties: PartySpec[] = [];
    // Victims and accused interleaved at random: the principal victim is the first recorded.
    const all = [
      ...accused.map((p) => ({ person: p, role: 'accused' as const })),
      ...victims.map((p) => ({ person: p, role: 'victim' as const })),
    ].sort(() => (random.chance(0.5) ? 1 : -1));
    for (const { person, role } of all) {
      const party = {
        id: randomUUID(),
        fileId: file.id,
        personId: person.id,
        role,
        age: age(),
        order: order++,
      };
      parties.push(party);
      data.parties.push(party);
    }
    if (parties.some((p) => p.role === 'accused' && p.age !== null && p.age < 18)) {
      file.isJuvenile = true;
    }
    return parties.filter((p) => p.role === 'accused');
  };
  const addLead = (file: FileSpec, role: 'prosecutor' | 'judge', pool: string[]) => {
    const first = random.pick(pool);
    const assignedAt = new Date(file.openedAt.getTime() + random.int(0, 2 * DAY));
    if (random.chance(0.25)) {
      const endedAt = after(assignedAt, 5, 120);
      file.leads.push({ userId: first, role, assignedAt, endedAt });
      const second = pool.find((u) => u !== first) ?? first;
      file.leads.push({ userId: second, role, assignedAt: endedAt, endedAt: null });
    } else {
      file.leads.push({ userId: first, role, assignedAt, endedAt: null });
    }
  };
  const addDeadlines = (file: FileSpec) => {
    for (const lead of file.leads) {
      const count = random.int(0, 2);
      for (let i = 0; i < count; i++) {
        const createdAt = after(lead.assignedAt, 0, 30);
        const dueAt = after(createdAt, 1, 60);
        data.deadlines.push({
          fileId: file.id,
          userId: lead.userId,
          institutionId: file.institutionId,
          createdAt,
          dueAt,
          completedAt: random.chance(0.5) ? after(createdAt, 0, 90) : null,
        });
      }
    }
  };

  for (let m = 0; m < matters; m++) {
    const matterId = randomUUID();
    const reportedAt = at(WINDOW_START, WINDOW_END - 30 * DAY);
    const accused = Array.from({ length: random.int(1, 2) }, () => random.pick(persons));
    const uniqueAccused = [...new Set(accused)];
    const victims = random.chance(0.8)
      ? [...new Set(Array.from({ length: random.int(1, 2) }, () => random.pick(persons)))].filter(
          (v) => !uniqueAccused.includes(v),
        )
      : [];
    const classes = new Map(
      uniqueAccused.map((p) => [
        p.id,
        random.pick(['felony', 'misdemeanour', 'contravention'] as const),
      ]),
    );

    // Some matters start at the prosecution directly.
    const startsAtPolice = random.chance(0.7);
    let prosecutionOpenedAt = reportedAt;
    if (startsAtPolice) {
      const report = newFile(matterId, 'police_report', institutions.police, reportedAt);
      const reportAccused = addParties(report, uniqueAccused, victims);
      for (const party of reportAccused) {
        if (random.chance(0.8)) {
          data.charges.push({
            fileId: report.id,
            partyId: party.id,
            offenceClass: classes.get(party.personId) ?? 'misdemeanour',
            disposition: 'pending',
            disposedAt: null,
          });
        }
      }
      if (!random.chance(0.7)) {
        // Closed by the police, or still open.
        if (random.chance(0.5)) report.disposedAt = after(reportedAt, 1, 200);
        continue;
      }
      report.disposedAt = after(reportedAt, 1, 40);
      prosecutionOpenedAt = report.disposedAt;
      // A referral returned to its sender once in a while: it never counts.
      if (random.chance(0.1)) {
        const returned = newFile(
          matterId,
          'prosecution_file',
          institutions.prosecution,
          report.disposedAt,
        );
        returned.isReturned = true;
        addParties(returned, uniqueAccused, victims);
      }
    }
    const prosecution = newFile(
      matterId,
      'prosecution_file',
      institutions.prosecution,
      prosecutionOpenedAt,
    );
    const prosecutionAccused = addParties(prosecution, uniqueAccused, victims);
    addLead(prosecution, 'prosecutor', users.prosecutors);
    if (random.chance(0.2)) {
      const from = after(prosecution.openedAt, 2, 30);
      prosecution.suspended.push({ from, to: random.chance(0.8) ? after(from, 3, 60) : null });
    }
    let anyIndicted = false;
    const outcomeAt = after(prosecution.openedAt, 5, 300);
    for (const party of prosecutionAccused) {
      const chargeCount = random.int(0, 2);
      for (let c = 0; c < chargeCount; c++) {
        const disposition = random.pick(['pending', 'dropped', 'indicted', 'indicted'] as const);
        if (disposition === 'indicted') anyIndicted = true;
        data.charges.push({
          fileId: prosecution.id,
          partyId: party.id,
          offenceClass: c === 0 ? (classes.get(party.personId) ?? 'felony') : 'contravention',
          disposition,
          disposedAt: disposition === 'pending' ? null : after(outcomeAt, 0, 20),
        });
      }
      if (random.chance(0.35)) {
        const arrestedAt = after(prosecution.openedAt, 0, 3);
        const releasedAt = random.chance(0.6) ? after(arrestedAt, 1, 200) : null;
        const orders = [];
        let start = arrestedAt;
        for (let o = 0; o < random.int(0, 3); o++) {
          const expiresAt = after(start, 1, 45);
          orders.push({ startsAt: start, expiresAt });
          start = expiresAt;
        }
        data.detentions.push({
          id: randomUUID(),
          fileId: prosecution.id,
          partyId: party.id,
          arrestedAt,
          releasedAt,
          orders,
        });
      }
    }
    const suspendedOpen = prosecution.suspended.some((s) => s.to === null);
    if (!suspendedOpen && random.chance(0.7)) prosecution.disposedAt = after(outcomeAt, 0, 30);
    addDeadlines(prosecution);

    if (anyIndicted && prosecution.disposedAt && random.chance(0.8)) {
      const court = newFile(matterId, 'court_case', institutions.court, prosecution.disposedAt);
      const courtAccused = addParties(court, uniqueAccused, victims);
      addLead(court, 'judge', users.judges);
      let when = after(court.openedAt, 5, 40);
      let held: Date | null = null;
      for (let h = 0; h < random.int(0, 4); h++) {
        const status = random.pick(['held', 'adjourned', 'adjourned', 'cancelled'] as const);
        court.hearings.push({ startsAt: when, status });
        if (status === 'held' && held === null) held = when;
        when = after(when, 7, 60);
      }
      const judgedAt = held ? after(held, 0, 30) : after(court.openedAt, 10, 200);
      for (const party of courtAccused) {
        if (random.chance(0.9)) {
          const disposition = random.pick(['convicted', 'acquitted', 'pending'] as const);
          data.charges.push({
            fileId: court.id,
            partyId: party.id,
            offenceClass: classes.get(party.personId) ?? 'felony',
            disposition,
            disposedAt: disposition === 'pending' ? null : judgedAt,
          });
        }
      }
      if (random.chance(0.6)) court.disposedAt = judgedAt;
      addDeadlines(court);
    }
  }
  return data;
}

const STATES: Record<CaseType, { open: string; disposed: string }> = {
  police_report: { open: 'evidence_gathering', disposed: 'referred' },
  prosecution_file: { open: 'under_investigation', disposed: 'closed' },
  court_case: { open: 'in_trial', disposed: 'appeal_window' },
};

/** Writes the data set straight into the tables. */
export async function insertDataset(db: Db, data: Dataset): Promise<void> {
  const offences = {
    felony: (await buildOffence(db, 'felony')).id,
    misdemeanour: (await buildOffence(db, 'misdemeanour')).id,
    contravention: (await buildOffence(db, 'contravention')).id,
  };
  const suffix = uniqueSuffix();
  await db
    .insertInto('persons')
    .values(
      data.persons.map((person, index) => ({
        id: person.id,
        first_name_ar: 'شخص',
        family_name_ar: `أداء ${suffix} ${index}`,
        sex: person.sex,
      })),
    )
    .execute();
  await db
    .insertInto('matters')
    .values(
      [...new Set(data.files.map((f) => f.matterId))].map((id) => ({ id, incident_date: null })),
    )
    .execute();
  await db
    .insertInto('cases')
    .values(
      data.files.map((file, index) => ({
        id: file.id,
        matter_id: file.matterId,
        case_type: file.caseType,
        workflow_version: 1,
        institution_id: file.institutionId,
        unit_id: file.unitId,
        state: file.disposedAt
          ? STATES[file.caseType].disposed
          : file.suspended.some((s) => s.to === null)
            ? 'in_mediation'
            : STATES[file.caseType].open,
        intake_status: file.isReturned ? ('returned' as const) : ('accepted' as const),
        serial: file.isReturned ? null : index + 1,
        year: file.isReturned ? null : file.openedAt.getUTCFullYear(),
        reference: file.isReturned ? null : `PERF-${suffix}/${file.caseType}/${index + 1}`,
        return_reason: file.isReturned ? 'ليس من اختصاص هذه النيابة' : null,
        confidentiality: file.confidentiality,
        is_juvenile: file.isJuvenile,
        is_family_protection: file.isFamilyProtection,
        family_protection_reasons: file.isFamilyProtection ? ['family_relationship'] : [],
        opened_at: file.openedAt,
        is_disposed: file.disposedAt !== null,
        disposed_at: file.disposedAt,
      })),
    )
    .execute();
  // The event history: registration, then the suspended spans (into mediation and back).
  const events = data.files.flatMap((file) => {
    const rows = [
      {
        case_id: file.id,
        seq: 1,
        event_type: 'register',
        occurred_at: file.openedAt,
        workflow_version: 1,
        payload: '{}',
        state_before: null as string | null,
        state_after: STATES[file.caseType].open,
      },
    ];
    for (const span of file.suspended) {
      rows.push({
        case_id: file.id,
        seq: rows.length + 1,
        event_type: 'start_mediation',
        occurred_at: span.from,
        workflow_version: 1,
        payload: '{}',
        state_before: STATES[file.caseType].open,
        state_after: 'in_mediation',
      });
      if (span.to) {
        rows.push({
          case_id: file.id,
          seq: rows.length + 1,
          event_type: 'fail_mediation',
          occurred_at: span.to,
          workflow_version: 1,
          payload: '{}',
          state_before: 'in_mediation',
          state_after: STATES[file.caseType].open,
        });
      }
    }
    return rows;
  });
  await db.insertInto('case_events').values(events).execute();
  const leads = data.files.flatMap((file) =>
    file.leads.map((lead) => ({
      case_id: file.id,
      user_id: lead.userId,
      role: lead.role,
      is_lead: true,
      assigned_at: lead.assignedAt,
      ended_at: lead.endedAt,
      end_reason: lead.endedAt ? 'إعادة توزيع' : null,
    })),
  );
  if (leads.length > 0) await db.insertInto('case_assignments').values(leads).execute();
  const openedAt = new Map(data.files.map((file) => [file.id, file.openedAt]));
  const addedAt = (party: PartySpec) =>
    new Date((openedAt.get(party.fileId)?.getTime() ?? 0) + party.order * 1000);
  await db
    .insertInto('parties')
    .values(
      data.parties.map((party) => ({
        id: party.id,
        case_id: party.fileId,
        person_id: party.personId,
        role: party.role,
        added_at: addedAt(party),
        age_at_offence: party.age,
        age_status:
          party.age === null
            ? ('unknown' as const)
            : party.age < 12
              ? ('under_age' as const)
              : party.age < 18
                ? ('juvenile' as const)
                : ('adult' as const),
      })),
    )
    .execute();
  if (data.charges.length > 0) {
    await db
      .insertInto('charges')
      .values(
        data.charges.map((charge) => ({
          case_id: charge.fileId,
          party_id: charge.partyId,
          offence_id: offences[charge.offenceClass],
          disposition: charge.disposition,
          disposed_at: charge.disposedAt,
          created_at: openedAt.get(charge.fileId) ?? new Date(),
        })),
      )
      .execute();
  }
  const hearings = data.files.flatMap((file) =>
    file.hearings.map((hearing) => ({
      case_id: file.id,
      court_id: file.institutionId,
      room: 'قاعة 1',
      starts_at: hearing.startsAt,
      ends_at: new Date(hearing.startsAt.getTime() + 3_600_000),
      status: hearing.status,
      created_at: file.openedAt,
    })),
  );
  if (hearings.length > 0) await db.insertInto('hearings').values(hearings).execute();
  const juvenileParties = new Set(
    data.parties.filter((p) => p.age !== null && p.age < 18).map((p) => p.id),
  );
  for (const detention of data.detentions) {
    const isJuvenile = juvenileParties.has(detention.partyId);
    await db
      .insertInto('detentions')
      .values({
        id: detention.id,
        case_id: detention.fileId,
        party_id: detention.partyId,
        arrested_at: detention.arrestedAt,
        released_at: detention.releasedAt,
        release_reason: detention.releasedAt ? 'إخلاء سبيل بكفالة' : null,
        is_juvenile: isJuvenile,
        facility: isJuvenile ? ('juvenile_centre' as const) : ('police_custody' as const),
        last_resort_justification: isJuvenile ? 'خطر الفرار، بعد دراسة البدائل' : null,
      })
      .execute();
    for (const order of detention.orders) {
      await db
        .insertInto('detention_orders')
        .values({
          detention_id: detention.id,
          authority: 'prosecution',
          issued_at: order.startsAt,
          starts_at: order.startsAt,
          expires_at: order.expiresAt,
          reason: 'لمصلحة التحقيق',
        })
        .execute();
    }
  }
  if (data.deadlines.length > 0) {
    await db
      .insertInto('deadlines')
      .values(
        data.deadlines.map((deadline) => ({
          case_id: deadline.fileId,
          name: 'task',
          title_ar: 'مهمة',
          title_en: 'Task',
          priority: 'normal' as const,
          due_at: deadline.dueAt,
          assignee_user_id: deadline.userId,
          institution_id: deadline.institutionId,
          completed_at: deadline.completedAt,
          created_at: deadline.createdAt,
        })),
      )
      .execute();
  }
}
