/** Queries on files, their events and their parts. */
import type { CaseFacts, MediationStatus, Role } from '@qadiya/domain';
import type { Kysely, Transaction } from 'kysely';
import type { CaseRow, Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findCaseById(db: Db, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockCase(trx: Transaction<Database>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Roles of the user's active assignments to the file (its team). */
export async function teamRolesOf(db: Db, caseId: string, userId: string): Promise<Role[]> {
  const rows = await db
    .selectFrom('case_assignments')
    .select('role')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.role);
}

/** What the workflow guards may know about the file, read in the event's transaction. */
export async function loadCaseFacts(
  trx: Transaction<Database>,
  file: CaseRow,
  actorRoles: readonly Role[],
  now: Date,
): Promise<CaseFacts> {
  const [parties, charges, detentions, hearings, deadlines, recorded, matterRecorded, mediation] =
    await Promise.all([
      trx
        .selectFrom('parties as p')
        .innerJoin('persons as pe', 'pe.id', 'p.person_id')
        .select([
          'p.id',
          'p.person_id',
          'p.role',
          'p.age_status',
          'p.relationship_to_accused',
          'pe.date_of_birth',
          'pe.sex',
        ])
        .where('p.case_id', '=', file.id)
        .execute(),
      trx
        .selectFrom('charges as ch')
        .innerJoin('offences as o', 'o.id', 'ch.offence_id')
        .select(['ch.id', 'ch.party_id', 'ch.disposition', 'o.offence_class'])
        .where('ch.case_id', '=', file.id)
        .execute(),
      trx
        .selectFrom('detentions as d')
        .select([
          'd.id',
          'd.party_id',
          'd.released_at',
          (eb) =>
            eb
              .selectFrom('detention_orders as o')
              .select((e) => e.fn.max('o.expires_at').as('expiry'))
              .whereRef('o.detention_id', '=', 'd.id')
              .as('current_expiry'),
        ])
        .where('d.case_id', '=', file.id)
        .execute(),
      trx
        .selectFrom('hearings')
        .select(['id', 'status', 'starts_at'])
        .where('case_id', '=', file.id)
        .execute(),
      trx
        .selectFrom('deadlines')
        .select(['name', 'due_at'])
        .where('case_id', '=', file.id)
        .where('completed_at', 'is', null)
        .execute(),
      trx
        .selectFrom('case_events')
        .select('event_type')
        .distinct()
        .where('case_id', '=', file.id)
        .execute(),
      trx
        .selectFrom('case_events as e')
        .innerJoin('cases as c', 'c.id', 'e.case_id')
        .select('e.event_type')
        .distinct()
        .where('c.matter_id', '=', file.matter_id)
        .execute(),
      matterMediationStatus(trx, file),
    ]);
  return {
    caseType: file.case_type,
    state: file.state,
    now,
    actorRoles,
    incidentDate: file.incident_date,
    parties: parties.map((p) => ({
      id: p.id,
      personId: p.person_id,
      role: p.role,
      dateOfBirth: p.date_of_birth,
      ageStatus: p.age_status,
      sex: p.sex,
      relationshipToAccused: p.relationship_to_accused,
    })),
    charges: charges.map((c) => ({
      id: c.id,
      partyId: c.party_id,
      offenceClass: c.offence_class,
      disposition: c.disposition,
    })),
    detentions: detentions.map((d) => ({
      id: d.id,
      partyId: d.party_id,
      isOpen: d.released_at === null,
      currentExpiry: d.current_expiry ? new Date(d.current_expiry) : null,
    })),
    hearings: hearings.map((h) => ({ id: h.id, status: h.status, startsAt: h.starts_at })),
    openDeadlines: deadlines.map((d) => ({ name: d.name, dueAt: d.due_at })),
    isJuvenileFile: file.is_juvenile,
    isFamilyProtection: file.is_family_protection,
    gbvType: file.gbv_type,
    mediationStatus: mediation,
    recordedEvents: recorded.map((r) => r.event_type),
    matterRecordedEvents: matterRecorded.map((r) => r.event_type),
  };
}

/**
 * The mediation status that speaks for a file: its own, or for a file that has none (a court
 * file), the latest of the other files of its matter (the prosecution's). Courts ask exactly this.
 */
export async function matterMediationStatus(
  db: Db,
  file: Pick<CaseRow, 'id' | 'matter_id' | 'mediation_status'>,
): Promise<MediationStatus | null> {
  if (file.mediation_status) return file.mediation_status;
  const other = await db
    .selectFrom('cases')
    .select('mediation_status')
    .where('matter_id', '=', file.matter_id)
    .where('id', '<>', file.id)
    .where('mediation_status', 'is not', null)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return other?.mediation_status ?? null;
}

export function listEvents(db: Db, caseId: string) {
  return db
    .selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select([
      'e.id',
      'e.seq',
      'e.event_type',
      'e.actor_user_id',
      'u.display_name_ar as actor_name_ar',
      'u.display_name_en as actor_name_en',
      'e.on_behalf_of_id',
      'e.occurred_at',
      'e.workflow_version',
      'e.payload',
      'e.state_before',
      'e.state_after',
    ])
    .where('e.case_id', '=', caseId)
    .orderBy('e.seq')
    .execute();
}

export interface NewCaseEvent {
  /** Set when rows written in the same transaction must point to the event. */
  id?: string;
  caseId: string;
  seq: number;
  eventType: string;
  actorUserId: string | null;
  onBehalfOfId: string | null;
  occurredAt: Date;
  workflowVersion: number;
  payload: unknown;
  stateBefore: string | null;
  stateAfter: string;
  requestId: string | null;
}

export async function appendEvent(
  trx: Transaction<Database>,
  event: NewCaseEvent,
): Promise<string> {
  const row = await trx
    .insertInto('case_events')
    .values({
      ...(event.id ? { id: event.id } : {}),
      case_id: event.caseId,
      seq: event.seq,
      event_type: event.eventType,
      actor_user_id: event.actorUserId,
      on_behalf_of_id: event.onBehalfOfId,
      occurred_at: event.occurredAt,
      workflow_version: event.workflowVersion,
      payload: JSON.stringify(event.payload ?? {}),
      state_before: event.stateBefore,
      state_after: event.stateAfter,
      request_id: event.requestId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
