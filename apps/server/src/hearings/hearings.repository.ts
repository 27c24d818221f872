/**
 * Queries of the court calendar. Which hearings a user sees is decided by the policy module: the
 * use case passes either the whole court (its judges and clerks) or the actor, whose visible files
 * are then selected in SQL by the case rule (`visibleCasesCondition`).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../policy/actor';
import { visibleCasesCondition } from '../policy/case-access';

type Db = Kysely<Database>;

/** Parties named on a cause list: the accused and those who brought the complaint. */
export const CAUSE_LIST_PARTY_ROLES = ['accused', 'complainant', 'victim'] as const;

export function findCourt(db: Db, courtId: string) {
  return db
    .selectFrom('institutions')
    .select(['id', 'code', 'kind', 'name_ar', 'name_en', 'weekend_days'])
    .where('id', '=', courtId)
    .executeTakeFirst();
}

export interface HearingFilter {
  courtId: string;
  /** Instants: starts_at >= from and < until. */
  from: Date;
  until: Date;
  room?: string | undefined;
  judgeId?: string | undefined;
  /**
   * `court`: every hearing of the court. `files`: hearings of files in a matter where the actor
   * may see a file (the court file itself, or the prosecution file that was referred to it).
   */
  scope: 'court' | 'files';
}

export async function findCourtHearings(db: Db, actor: Actor, filter: HearingFilter) {
  let query = db
    .selectFrom('hearings as h')
    .innerJoin('cases as c', 'c.id', 'h.case_id')
    .select((eb) => [
      'h.id',
      'h.room',
      'h.starts_at',
      'h.ends_at',
      'h.status',
      'h.adjourn_reason',
      'c.id as case_id',
      'c.serial',
      'c.year',
      'c.reference',
      'c.case_type',
      'c.workflow_version',
      'c.confidentiality',
      // The case rule as a column: a hearing is listed, but its file is linked only when the
      // actor may open it.
      sql<boolean>`${visibleCasesCondition(actor)(eb)}`.as('can_open'),
    ])
    .where('h.court_id', '=', filter.courtId)
    .where('h.starts_at', '>=', filter.from)
    .where('h.starts_at', '<', filter.until);
  if (filter.scope === 'files') {
    query = query.where('c.matter_id', 'in', (eb) =>
      eb.selectFrom('cases as c').select('c.matter_id').where(visibleCasesCondition(actor)),
    );
  }
  if (filter.room) query = query.where(sql`lower(h.room)`, '=', filter.room.toLowerCase());
  if (filter.judgeId) {
    const judgeId = filter.judgeId;
    query = query.where('h.id', 'in', (eb) =>
      eb
        .selectFrom('hearing_judges as fj')
        .select('fj.hearing_id')
        .where('fj.judge_id', '=', judgeId),
    );
  }
  const hearings = await query.orderBy('h.starts_at').orderBy('h.room').orderBy('h.id').execute();
  if (hearings.length === 0) return { hearings, judges: [], parties: [], charges: [] };

  const hearingIds = hearings.map((h) => h.id);
  const caseIds = [...new Set(hearings.map((h) => h.case_id))];
  const [judges, parties, charges] = await Promise.all([
    db
      .selectFrom('hearing_judges as hj')
      .innerJoin('users as u', 'u.id', 'hj.judge_id')
      .select(['hj.hearing_id', 'hj.judge_id', 'u.display_name_ar', 'u.display_name_en'])
      .where('hj.hearing_id', 'in', hearingIds)
      .orderBy('u.display_name_ar')
      .execute(),
    db
      .selectFrom('parties as p')
      .innerJoin('persons as pe', 'pe.id', 'p.person_id')
      .select([
        'p.id',
        'p.case_id',
        'p.role',
        'pe.first_name_ar',
        'pe.father_name_ar',
        'pe.grandfather_name_ar',
        'pe.family_name_ar',
        'pe.name_latin',
      ])
      .where('p.case_id', 'in', caseIds)
      .where('p.role', 'in', [...CAUSE_LIST_PARTY_ROLES])
      .orderBy('p.added_at')
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('charges as ch')
      .innerJoin('offences as o', 'o.id', 'ch.offence_id')
      .select(['ch.party_id', 'o.offence_class'])
      .where('ch.case_id', 'in', caseIds)
      .where('ch.disposition', '<>', 'dropped')
      .execute(),
  ]);
  return { hearings, judges, parties, charges };
}

export type CourtHearings = Awaited<ReturnType<typeof findCourtHearings>>;
