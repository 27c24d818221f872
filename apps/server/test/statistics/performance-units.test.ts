/**
 * The unit summary table of the performance measures (migration 0016, ADR 0020) always equals
 * its definition, the view `performance_unit_facts` (and the suspended spans their view
 * `performance_suspension_facts`): after the data generator's bulk load (triggers off, one
 * set-based rebuild), and after writes through the application's own paths with the triggers on:
 * events fired through the workflow engine (a charge added, the file closed), a person merge's
 * move of parties, a reclassification as juvenile, a file returned to its sender, suspended spans
 * opened and closed by events, charges disposed of, parties removed, an offence reclassified, a
 * person's sex and a party's age and relationship (the dimensions) corrected; and (migration 0019)
 * hearings held and cancelled, lead assignments, charges judged in another file of the matter and
 * an institution's kind changed.
 */
import { CASE_TYPES } from '@qadiya/domain';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reclassifyFile } from '../../src/cases/file-classification';
import type { Database } from '../../src/db/schema';
import { moveAllParties } from '../../src/persons/person-merges.repository';
import { principalVictimOf } from '../../src/statistics/dimensions';
import { buildOffence, fileWithAccused, fire, partyOf } from '../cases/lifecycle-fixtures';
import { emptyDatabase, generateInto, type EmptyDatabase } from '../generator/generated-database';
import { buildPerson } from '../support/cases';

type Db = Kysely<Database>;

const UNIT_COLUMNS = sql.raw(`case_id, accused_party, matter_id, case_type, institution_id,
  unit_id, person_id, opened_at, disposed_at, offence_class, victim_party, confidentiality,
  is_juvenile, is_family_protection, accused_sex, accused_age, victim_sex, victim_age,
  relationship, disposal_days, first_held_at, trial_settings, first_lead_user, first_lead_role,
  reported, reported_here, indicted, convicted, disposal_lead_user, disposal_lead_role`);
const SPAN_COLUMNS = sql.raw('case_id, seq, started_at, ended_at');

/** Returns a file to its sender, as intake does: it loses its number and leaves the statistics. */
async function returnToSender(db: Db, caseId: string) {
  await db
    .updateTable('cases')
    .set({
      intake_status: 'returned',
      return_reason: 'ليس من اختصاص هذه النيابة',
      serial: null,
      year: null,
      reference: null,
    })
    .where('id', '=', caseId)
    .execute();
}

/** The rows in the table and not in the definition, and the other way round (none expected). */
async function differences(db: Db) {
  const units = await sql<Record<string, unknown>>`
    (select 'table only' as side, * from (select ${UNIT_COLUMNS} from performance_units
       except all select ${UNIT_COLUMNS} from performance_unit_facts) a)
    union all
    (select 'definition only', * from (select ${UNIT_COLUMNS} from performance_unit_facts
       except all select ${UNIT_COLUMNS} from performance_units) b)
    limit 10`.execute(db);
  const spans = await sql<Record<string, unknown>>`
    (select 'table only' as side, * from (select ${SPAN_COLUMNS} from performance_suspensions
       except all select ${SPAN_COLUMNS} from performance_suspension_facts) a)
    union all
    (select 'definition only', * from (select ${SPAN_COLUMNS} from performance_suspension_facts
       except all select ${SPAN_COLUMNS} from performance_suspensions) b)
    limit 10`.execute(db);
  // The principal victim is the shared one of the statistics (dimensions.ts), not another.
  const victims = await sql<{ n: number }>`
    select count(*)::int as n from performance_units u
    where u.victim_party is distinct from ${principalVictimOf('u.case_id')}`.execute(db);
  return { units: units.rows, spans: spans.rows, victimMismatches: victims.rows[0]?.n };
}

async function count(db: Db, table: 'performance_units' | 'performance_suspensions') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const NONE = { units: [], spans: [], victimMismatches: 0 };

describe('the performance unit summary table', () => {
  let gen: EmptyDatabase;
  let db: Db;

  beforeAll(async () => {
    gen = await emptyDatabase();
    await generateInto(gen, { seed: 'performance-units', persons: 900, files: 400 });
    db = gen.handle.db;
  }, 240_000);

  afterAll(async () => {
    await gen.dispose();
  });

  it('lists exactly the states the domain marks suspended', async () => {
    const stored = await db
      .selectFrom('performance_suspended_states')
      .select(['case_type', 'state'])
      .orderBy('case_type')
      .orderBy('state')
      .execute();
    const domain = CASE_TYPES.flatMap((definition) =>
      Object.entries(definition.states)
        .filter(([, state]) => state.isSuspended)
        .map(([state]) => ({ case_type: definition.caseType, state })),
    ).sort((a, b) =>
      a.case_type === b.case_type
        ? a.state.localeCompare(b.state)
        : a.case_type.localeCompare(b.case_type),
    );
    expect(stored).toEqual(domain);
  });

  it('equals its definition after the generator’s bulk load', async () => {
    expect(await count(db, 'performance_units')).toBeGreaterThan(300);
    expect(await differences(db)).toEqual(NONE);
    // Mediation is in the generated history, so the comparison covers suspended spans.
    const history = await sql<{ returned: number; in_table: number }>`
      select count(*)::int as returned,
             count(*) filter (where exists (select 1 from performance_units u
                                            where u.case_id = c.id))::int as in_table
      from cases c where c.intake_status = 'returned'`.execute(db);
    expect(history.rows[0]?.in_table).toBe(0);
    expect(await count(db, 'performance_suspensions')).toBeGreaterThan(0);
  });

  it('follows events fired through the workflow engine', async () => {
    const { officer, file, partyId } = await fileWithAccused(db, 'prosecution_file');
    expect(await differences(db)).toEqual(NONE);
    const units = () =>
      db.selectFrom('performance_units').selectAll().where('case_id', '=', file.id).execute();
    expect(await units()).toMatchObject([{ accused_party: partyId, disposed_at: null }]);
    const offence = await buildOffence(db, 'felony');
    await fire(db, officer.id, file.id, 'add_charge', { partyId, offenceId: offence.id });
    const victim = await buildPerson(db, { sex: 'female' });
    await fire(db, officer.id, file.id, 'add_party', { personId: victim.id, role: 'victim' });
    expect(await units()).toMatchObject([
      { offence_class: 'felony', victim_party: await partyOf(db, file.id, victim.id) },
    ]);
    await fire(db, officer.id, file.id, 'open_investigation', {});
    await fire(db, officer.id, file.id, 'close_file', { reasonCode: 'insufficient_evidence' });
    const [closed] = await units();
    expect(closed?.disposed_at).not.toBeNull();
    expect(await differences(db)).toEqual(NONE);
  });

  it('follows merges, reclassification, returns and changes to charges, parties and offences', async () => {
    const pick = async (where: ReturnType<typeof sql<boolean>>, n: number) =>
      (
        await sql<{ case_id: string; accused_party: string; person_id: string; matter_id: string }>`
          select u.case_id, u.accused_party, u.person_id, u.matter_id from performance_units u
          join cases c on c.id = u.case_id
          where ${where} order by u.case_id, u.accused_party limit ${n}`.execute(db)
      ).rows;

    // A person merge moves every party of the duplicate to the survivor.
    const [survivor, duplicate] = await pick(sql<boolean>`c.case_type = 'prosecution_file'`, 40)
      .then((rows) =>
        rows.filter((r, i, all) => all.findIndex((x) => x.matter_id === r.matter_id) === i),
      )
      .then((rows) => [rows[0], rows.at(-1)]);
    if (!survivor || !duplicate) throw new Error('no files to merge');
    await db.transaction().execute(async (trx) => {
      const moved = await moveAllParties(trx, duplicate.person_id, survivor.person_id);
      expect(moved.length).toBeGreaterThan(0);
    });

    // A person's sex corrected, a party's age at the offence and relationship recorded: the
    // dimensions of their units.
    await db
      .updateTable('persons')
      .set({ sex: 'female' })
      .where('id', '=', survivor.person_id)
      .execute();
    await db
      .updateTable('parties')
      .set({ age_at_offence: 34, age_status: 'adult' })
      .where('id', '=', duplicate.accused_party)
      .execute();
    await sql`update parties set relationship_to_accused = 'spouse'
      where id = (select victim_party from performance_units
                  where victim_party is not null order by case_id limit 1)`.execute(db);

    // A person's date of birth corrected: the file becomes a juvenile one on reclassification.
    const [adult] = await pick(
      sql<boolean>`not c.is_juvenile and c.case_type = 'prosecution_file'
      and c.intake_status <> 'returned'`,
      1,
    );
    if (!adult) throw new Error('no adult accused');
    const file = await db
      .selectFrom('cases')
      .select('opened_at')
      .where('id', '=', adult.case_id)
      .executeTakeFirstOrThrow();
    const born = new Date(file.opened_at);
    born.setUTCFullYear(born.getUTCFullYear() - 15);
    const child = await buildPerson(db, { dateOfBirth: born.toISOString().slice(0, 10) });
    await db
      .updateTable('parties')
      .set({ person_id: child.id })
      .where('id', '=', adult.accused_party)
      .execute();
    const reclassified = await db.transaction().execute((trx) =>
      reclassifyFile(
        trx,
        {
          origin: { requestId: null, sourceIp: null, occurredAt: new Date() },
          actor: { userId: null, username: 'test' },
          timeZone: gen.config.timeZone,
        },
        adult.case_id,
      ),
    );
    expect(reclassified).toMatchObject({ isJuvenile: true, changed: true });
    const [juvenile] = await db
      .selectFrom('performance_units')
      .select('is_juvenile')
      .where('accused_party', '=', adult.accused_party)
      .execute();
    expect(juvenile?.is_juvenile).toBe(true);

    // A file returned to its sender leaves the table.
    const [toReturn] = await pick(sql<boolean>`c.intake_status <> 'returned'`, 1);
    if (!toReturn) throw new Error('no file to return');
    await returnToSender(db, toReturn.case_id);

    // Suspended spans opened and closed by appended events.
    const [mediated] = await pick(
      sql<boolean>`c.case_type = 'prosecution_file' and c.intake_status <> 'returned'
        and not exists (select 1 from performance_suspensions s where s.case_id = c.id)`,
      1,
    );
    if (!mediated) throw new Error('no file to mediate');
    const last = await db
      .selectFrom('case_events')
      .select((eb) => [eb.fn.max('seq').as('seq'), eb.fn.max('occurred_at').as('at')])
      .where('case_id', '=', mediated.case_id)
      .executeTakeFirstOrThrow();
    const at = (days: number) => new Date(new Date(last.at).getTime() + days * 86_400_000);
    const event = (seq: number, days: number, state: string) => ({
      case_id: mediated.case_id,
      seq,
      event_type: 'test',
      occurred_at: at(days),
      workflow_version: 1,
      payload: '{}',
      state_after: state,
    });
    await db
      .insertInto('case_events')
      .values(event(last.seq + 1, 1, 'in_mediation'))
      .execute();
    expect(await count(db, 'performance_suspensions')).toBeGreaterThan(0);
    await db
      .insertInto('case_events')
      .values(event(last.seq + 2, 9, 'mediation_agreed'))
      .execute();
    await db
      .insertInto('case_events')
      .values(event(last.seq + 3, 30, 'closed'))
      .execute();
    const spans = await db
      .selectFrom('performance_suspensions')
      .selectAll()
      .where('case_id', '=', mediated.case_id)
      .orderBy('seq')
      .execute();
    expect(spans.map((s) => [s.started_at, s.ended_at])).toEqual([
      [at(1), at(9)],
      [at(9), at(30)],
    ]);

    // Charges disposed of, one by one; a party removed; an offence reclassified.
    const charged = await sql<{ id: string; case_id: string; offence_id: string }>`
      select ch.id, ch.case_id, ch.offence_id from charges ch
      join performance_units u on u.case_id = ch.case_id and u.accused_party = ch.party_id
      where ch.disposition = 'pending' order by ch.id limit 5`.execute(db);
    for (const charge of charged.rows) {
      await db
        .updateTable('charges')
        .set({ disposition: 'dropped', disposed_at: new Date() })
        .where('id', '=', charge.id)
        .execute();
    }
    const [offence] = charged.rows;
    if (offence) {
      await db
        .updateTable('offences')
        .set({ offence_class: 'contravention' })
        .where('id', '=', offence.offence_id)
        .execute();
    }
    const [removed] = await pick(
      sql<boolean>`not exists (select 1 from charges x where x.party_id = u.accused_party)
        and not exists (select 1 from detentions d where d.party_id = u.accused_party)
        and not exists (select 1 from person_merge_parties m where m.party_id = u.accused_party)`,
      1,
    );
    if (removed) {
      await db.deleteFrom('parties').where('id', '=', removed.accused_party).execute();
    }

    expect(await differences(db)).toEqual(NONE);
  });
  it('follows hearings, leads, the other files of a matter and institutions (migration 0019)', async () => {
    // A matter with two files naming the same accused person, both in the table.
    const pair = (
      await sql<{ first: string; second: string; person_id: string; institution_id: string }>`
        select a.case_id as first, b.case_id as second, a.person_id, a.institution_id
        from performance_units a
        join performance_units b on b.matter_id = a.matter_id and b.person_id = a.person_id
          and b.case_id <> a.case_id
        where a.reported and not a.convicted
          and exists (select 1 from charges x
                      where x.case_id = b.case_id and x.party_id = b.accused_party)
        order by a.case_id, b.case_id limit 1`.execute(db)
    ).rows[0];
    if (!pair) throw new Error('no matter with two files of one accused');
    const unitOf = (caseId: string) =>
      db
        .selectFrom('performance_units')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('person_id', '=', pair.person_id)
        .executeTakeFirstOrThrow();

    // Hearings: scheduled, then held (the first held one and the settings before it), cancelled.
    const opened = (await unitOf(pair.second)).opened_at;
    const day = (n: number) => new Date(new Date(opened).getTime() + n * 86_400_000);
    const hearing = (n: number, status: 'adjourned' | 'held') => ({
      case_id: pair.second,
      court_id: pair.institution_id,
      room: 'A',
      starts_at: day(n),
      ends_at: day(n + 0.1),
      status,
      created_at: day(0),
    });
    await sql`delete from hearing_judges where hearing_id in
      (select id from hearings where case_id = ${pair.second})`.execute(db);
    await sql`update hearings set next_hearing_id = null where case_id = ${pair.second}`.execute(
      db,
    );
    await db.deleteFrom('hearings').where('case_id', '=', pair.second).execute();
    const early = await db
      .insertInto('hearings')
      .values(hearing(1, 'adjourned'))
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('hearings').values(hearing(2, 'held')).execute();
    expect(await unitOf(pair.second)).toMatchObject({ first_held_at: day(2), trial_settings: 2 });
    await db
      .updateTable('hearings')
      .set({ status: 'cancelled' })
      .where('id', '=', early.id)
      .execute();
    expect(await unitOf(pair.second)).toMatchObject({ first_held_at: day(2), trial_settings: 1 });
    expect(await differences(db)).toEqual(NONE);

    // A lead assigned before every other: the first lead, who counts the file's incoming.
    const judge = await db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
    await db
      .insertInto('case_assignments')
      .values({
        case_id: pair.second,
        user_id: judge.id,
        role: 'judge',
        is_lead: true,
        assigned_at: day(-400),
        ended_at: day(-399),
      })
      .execute();
    expect(await unitOf(pair.second)).toMatchObject({
      first_lead_user: judge.id,
      first_lead_role: 'judge',
    });

    // A lead's end moved before a disposal: that lead no longer counts the disposal.
    const led = (
      await sql<{ id: string; case_id: string; accused_party: string; disposed_at: Date }>`
        select a.id, u.case_id, u.accused_party, u.disposed_at from performance_units u
        join case_assignments a on a.case_id = u.case_id and a.is_lead
          and a.user_id = u.disposal_lead_user and a.assigned_at < u.disposed_at
        order by u.case_id limit 1`.execute(db)
    ).rows[0];
    if (!led) throw new Error('no disposed unit with a lead');
    await db
      .updateTable('case_assignments')
      .set({ ended_at: new Date(new Date(led.disposed_at).getTime() - 1000) })
      .where('id', '=', led.id)
      .execute();
    const relieved = await db
      .selectFrom('performance_units')
      .select('disposal_lead_user')
      .where('case_id', '=', led.case_id)
      .where('accused_party', '=', led.accused_party)
      .executeTakeFirstOrThrow();
    expect(relieved.disposal_lead_user).toBeNull();

    // Convicted in the second file: the report in the first file counts as indicted and convicted.
    const charge = await db
      .selectFrom('charges')
      .select('id')
      .where('case_id', '=', pair.second)
      .where('party_id', '=', (await unitOf(pair.second)).accused_party)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('charges')
      .set({ disposition: 'convicted', disposed_at: day(30) })
      .where('id', '=', charge.id)
      .execute();
    expect(await unitOf(pair.first)).toMatchObject({ indicted: true, convicted: true });
    expect(await differences(db)).toEqual(NONE);

    // The first file returned to its sender: another file of the matter becomes the report.
    await returnToSender(db, pair.first);
    expect(await differences(db)).toEqual(NONE);

    // An institution that is no longer a prosecution office: its files are no reports.
    await db
      .updateTable('institutions')
      .set({ kind: 'social_services' })
      .where('id', '=', pair.institution_id)
      .execute();
    expect(await differences(db)).toEqual(NONE);
  });
});
