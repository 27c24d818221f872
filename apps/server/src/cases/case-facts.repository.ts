/**
 * What the workflow guards may know about a file, read in the event's transaction in ONE
 * statement: each part is a JSON array built by a subquery.
 *
 * Why one statement: every event is decided on these facts, and they were eight statements, eight
 * round trips through a busy Node event loop while the file's row was locked. On the benchmark
 * (docs/performance.md, "1,000 events a second") an event sent 22 statements; this makes it 15.
 * The parts and their meaning are unchanged; the data generator simulates the same facts
 * (generator/matter-run.ts).
 */
import type { CaseFacts, MediationStatus, Role } from '@qadiya/domain';
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { CaseRow, Database } from '../db/schema';

/** The one statement (exported for the bench's bare baseline, which sends the same text). */
export function caseFactsQuery(
  db: Kysely<Database>,
  file: Pick<CaseRow, 'id' | 'matter_id' | 'mediation_status'>,
) {
  return db.selectNoFrom((eb) => [
    jsonArrayFrom(
      eb
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
        .where('p.case_id', '=', file.id),
    ).as('parties'),
    jsonArrayFrom(
      eb
        .selectFrom('charges as ch')
        .innerJoin('offences as o', 'o.id', 'ch.offence_id')
        .select(['ch.id', 'ch.party_id', 'ch.disposition', 'o.offence_class'])
        .where('ch.case_id', '=', file.id),
    ).as('charges'),
    jsonArrayFrom(
      eb
        .selectFrom('detentions as d')
        .select([
          'd.id',
          'd.party_id',
          'd.released_at',
          (inner) =>
            inner
              .selectFrom('detention_orders as o')
              .select((e) => e.fn.max('o.expires_at').as('expiry'))
              .whereRef('o.detention_id', '=', 'd.id')
              .as('current_expiry'),
        ])
        .where('d.case_id', '=', file.id),
    ).as('detentions'),
    jsonArrayFrom(
      eb
        .selectFrom('hearings')
        .select(['id', 'status', 'starts_at'])
        .where('case_id', '=', file.id),
    ).as('hearings'),
    jsonArrayFrom(
      eb
        .selectFrom('deadlines')
        .select(['name', 'due_at'])
        .where('case_id', '=', file.id)
        .where('completed_at', 'is', null),
    ).as('deadlines'),
    // Event types as text arrays: a list of strings needs no objects around it.
    sql<string[]>`ARRAY(SELECT DISTINCT event_type FROM case_events WHERE case_id = ${file.id})`.as(
      'recorded',
    ),
    sql<string[]>`ARRAY(SELECT DISTINCT e.event_type FROM case_events e
                           JOIN cases c ON c.id = e.case_id
                          WHERE c.matter_id = ${file.matter_id})`.as('matter_recorded'),
    // The mediation status that speaks for a file: its own, or for a file that has none (a
    // court file), the latest of the other files of its matter (`matterMediationStatus`).
    file.mediation_status
      ? sql<MediationStatus | null>`NULL::text`.as('matter_mediation')
      : eb
          .selectFrom('cases')
          .select('mediation_status')
          .where('matter_id', '=', file.matter_id)
          .where('id', '<>', file.id)
          .where('mediation_status', 'is not', null)
          .orderBy('updated_at', 'desc')
          .limit(1)
          .as('matter_mediation'),
  ]);
}

type PartyFact = CaseFacts['parties'][number];

/**
 * A party as the guards know it, from its row joined to the person (the data generator's replay
 * test builds its facts with it too).
 */
export function partyFact(row: {
  id: string;
  person_id: string;
  role: PartyFact['role'];
  date_of_birth: string | null;
  age_status: PartyFact['ageStatus'];
  sex: PartyFact['sex'];
  relationship_to_accused: string | null;
}): PartyFact {
  return {
    id: row.id,
    personId: row.person_id,
    role: row.role,
    dateOfBirth: row.date_of_birth,
    ageStatus: row.age_status,
    sex: row.sex,
    relationshipToAccused: row.relationship_to_accused,
  };
}

export async function loadCaseFacts(
  trx: Transaction<Database>,
  file: CaseRow,
  actorRoles: readonly Role[],
  now: Date,
): Promise<CaseFacts> {
  const row = await caseFactsQuery(trx, file).executeTakeFirstOrThrow();
  // JSON carries timestamps as ISO text: back to Date, as the guards compare them with `now`.
  const at = (value: Date | string): Date => new Date(value);
  return {
    caseType: file.case_type,
    state: file.state,
    now,
    actorRoles,
    incidentDate: file.incident_date,
    parties: row.parties.map(partyFact),
    charges: row.charges.map((c) => ({
      id: c.id,
      partyId: c.party_id,
      offenceClass: c.offence_class,
      disposition: c.disposition,
    })),
    detentions: row.detentions.map((d) => ({
      id: d.id,
      partyId: d.party_id,
      isOpen: d.released_at === null,
      currentExpiry: d.current_expiry ? at(d.current_expiry) : null,
    })),
    hearings: row.hearings.map((h) => ({ id: h.id, status: h.status, startsAt: at(h.starts_at) })),
    openDeadlines: row.deadlines.map((d) => ({ name: d.name, dueAt: at(d.due_at) })),
    isJuvenileFile: file.is_juvenile,
    isFamilyProtection: file.is_family_protection,
    gbvType: file.gbv_type,
    mediationStatus: file.mediation_status ?? row.matter_mediation ?? null,
    recordedEvents: row.recorded,
    matterRecordedEvents: row.matter_recorded,
  };
}
