/**
 * What the database already holds that a generation must respect: the organisation it extends
 * (regions, institutions, units, staff and their grants, calendars), the offence catalogue, and,
 * when it runs on a database with files (the demo's, or anything with --force), the numbering
 * counters, the leads' caseloads for rotation, the national IDs already taken and the hearings
 * already booked. Read once, before anything is written.
 */
import type { CourtLevel, InstitutionKind, OffenceClass, UnitKind } from '@qadiya/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StaffMember } from './organisation';

export interface ExistingData {
  counts: { regions: number; institutions: number; users: number; persons: number; cases: number };
  isDemo: boolean;
  /** Seeds of earlier generations in this database (their audit rows). */
  generatedSeeds: string[];
  regions: { id: string; code: string }[];
  institutions: {
    id: string;
    code: string;
    kind: InstitutionKind;
    courtLevel: CourtLevel | null;
    regionId: string | null;
    isActive: boolean;
    weekendDays: number[];
  }[];
  units: { id: string; institutionId: string; kind: UnitKind }[];
  usernames: string[];
  grants: StaffMember[];
  holidaysFor(institutionId: string | null): string[];
  offences: {
    id: string;
    code: string;
    offenceClass: OffenceClass;
    isGbvRelated: boolean;
    linksCybercrime: boolean;
  }[];
  leadLoads: {
    userId: string;
    institutionId: string;
    caseType: string;
    files: number;
    last: number;
  }[];
  counters: { institutionId: string; caseType: string; year: number; lastSerial: number }[];
  nationalIds: Set<string>;
  bookedHearings: {
    courtId: string;
    room: string;
    judgeIds: string[];
    startsAt: number;
    endsAt: number;
  }[];
}

const count = async (
  db: Kysely<Database>,
  table: 'regions' | 'institutions' | 'users' | 'persons' | 'cases',
) =>
  (
    await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

export async function readExistingData(db: Kysely<Database>): Promise<ExistingData> {
  const counts = {
    regions: await count(db, 'regions'),
    institutions: await count(db, 'institutions'),
    users: await count(db, 'users'),
    persons: await count(db, 'persons'),
    cases: await count(db, 'cases'),
  };
  const marks = await db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('action', 'in', ['system.demo_seeded', 'system.data_generated'])
    .execute();
  const holidays = await db
    .selectFrom('holidays')
    .select(['institution_id', 'holiday_date'])
    .execute();
  const withFiles = counts.cases > 0;
  return {
    counts,
    isDemo: marks.some((m) => m.action === 'system.demo_seeded'),
    generatedSeeds: marks
      .filter((m) => m.action === 'system.data_generated')
      .map((m) => {
        const seed = (m.details as { seed?: unknown }).seed;
        return typeof seed === 'string' ? seed : '';
      }),
    regions: await db.selectFrom('regions').select(['id', 'code']).orderBy('code').execute(),
    institutions: (
      await db
        .selectFrom('institutions')
        .select(['id', 'code', 'kind', 'court_level', 'region_id', 'is_active', 'weekend_days'])
        .orderBy('code')
        .execute()
    ).map((i) => ({
      id: i.id,
      code: i.code,
      kind: i.kind,
      courtLevel: i.court_level,
      regionId: i.region_id,
      isActive: i.is_active,
      weekendDays: i.weekend_days.map(Number),
    })),
    units: (
      await db
        .selectFrom('institution_units')
        .select(['id', 'institution_id', 'kind'])
        .orderBy('id')
        .execute()
    ).map((u) => ({ id: u.id, institutionId: u.institution_id, kind: u.kind })),
    usernames: (await db.selectFrom('users').select('username').execute()).map((u) => u.username),
    grants: await readGrants(db),
    holidaysFor: (institutionId) =>
      holidays
        .filter((h) => h.institution_id === null || h.institution_id === institutionId)
        .map((h) => h.holiday_date),
    offences: (
      await db
        .selectFrom('offences')
        .select(['id', 'code', 'offence_class', 'is_gbv_related', 'links_cybercrime'])
        .where('is_active', '=', true)
        .orderBy('code')
        .execute()
    ).map((o) => ({
      id: o.id,
      code: o.code,
      offenceClass: o.offence_class,
      isGbvRelated: o.is_gbv_related,
      linksCybercrime: o.links_cybercrime,
    })),
    leadLoads: withFiles ? await readLeadLoads(db) : [],
    counters: withFiles
      ? (await db.selectFrom('case_number_counters').selectAll().execute()).map((c) => ({
          institutionId: c.institution_id,
          caseType: c.case_type,
          year: c.year,
          lastSerial: c.last_serial,
        }))
      : [],
    nationalIds:
      counts.persons > 0
        ? new Set(
            (
              await db
                .selectFrom('persons')
                .select('national_id')
                .where('national_id', 'is not', null)
                .execute()
            ).map((p) => p.national_id ?? ''),
          )
        : new Set(),
    bookedHearings: withFiles ? await readBookedHearings(db) : [],
  };
}

/** Current standard grants at an institution of active accounts: who may lead and act. */
async function readGrants(db: Kysely<Database>): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select([
      'ra.user_id',
      'u.username',
      'ra.role',
      'ra.institution_id',
      'ra.unit_id',
      'ra.valid_from',
      'ra.valid_until',
    ])
    .where('ra.grant_kind', '=', 'standard')
    .where('ra.revoked_at', 'is', null)
    .where('ra.institution_id', 'is not', null)
    .where('u.is_active', '=', true)
    .orderBy('u.username')
    .orderBy('ra.id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    username: r.username,
    role: r.role,
    institutionId: r.institution_id ?? '',
    unitId: r.unit_id,
    validFrom: r.valid_from.getTime(),
    validUntil: r.valid_until ? r.valid_until.getTime() : null,
  }));
}

async function readLeadLoads(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('case_assignments as ca')
    .innerJoin('cases as c', 'c.id', 'ca.case_id')
    .select([
      'ca.user_id',
      'c.institution_id',
      'c.case_type',
      (eb) => eb.fn.countAll<number>().as('files'),
      (eb) => eb.fn.max('ca.assigned_at').as('last'),
    ])
    .where('ca.is_lead', '=', true)
    .groupBy(['ca.user_id', 'c.institution_id', 'c.case_type'])
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    institutionId: r.institution_id,
    caseType: r.case_type,
    files: r.files,
    last: new Date(r.last).getTime(),
  }));
}

async function readBookedHearings(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('hearings as h')
    .select([
      'h.court_id',
      'h.room',
      'h.starts_at',
      'h.ends_at',
      sql<
        string[]
      >`coalesce((select array_agg(hj.judge_id::text) from hearing_judges hj where hj.hearing_id = h.id), '{}')`.as(
        'judge_ids',
      ),
    ])
    .where('h.status', '=', 'scheduled')
    .execute();
  return rows.map((r) => ({
    courtId: r.court_id,
    room: r.room,
    judgeIds: r.judge_ids,
    startsAt: r.starts_at.getTime(),
    endsAt: r.ends_at.getTime(),
  }));
}
