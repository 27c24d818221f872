/**
 * Writes a generated family protection data set (family-protection-dataset.ts) straight into the
 * tables with Kysely: persons, matters, files, links, parties and charges, then the referrals,
 * protection measures and violations of migration 0012, each with the event that recorded it.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { buildOffence } from '../support/cases';
import { buildUser, uniqueSuffix } from '../support/factories';
import type { Dataset } from './family-protection-dataset';

type Db = Kysely<Database>;

const DAY = 86_400_000;

const STATES = {
  police_report: { open: 'evidence_gathering', disposed: 'referred' },
  prosecution_file: { open: 'under_investigation', disposed: 'closed' },
  court_case: { open: 'in_trial', disposed: 'appeal_window' },
} as const;

/** Writes the data set: persons, matters, files, links, parties, charges, and victim protection. */
export async function insertDataset(db: Db, data: Dataset): Promise<void> {
  const offence = await buildOffence(db, 'misdemeanour', { isGbvRelated: true });
  const suffix = uniqueSuffix();
  await db
    .insertInto('persons')
    .values(
      data.persons.map((p, index) => ({
        id: p.id,
        first_name_ar: 'شخص',
        family_name_ar: `حماية ${suffix} ${index}`,
        sex: p.sex,
      })),
    )
    .execute();
  const matterIds = [...new Set(data.files.map((f) => f.matterId))];
  await db
    .insertInto('matters')
    .values(matterIds.map((id) => ({ id, incident_date: null })))
    .execute();
  await db
    .insertInto('cases')
    .values(
      data.files.map((f, index) => ({
        id: f.id,
        matter_id: f.matterId,
        case_type: f.caseType,
        workflow_version: 1,
        institution_id: f.institutionId,
        unit_id: f.unitId,
        state: f.disposedAt ? STATES[f.caseType].disposed : STATES[f.caseType].open,
        intake_status: f.isReturned ? ('returned' as const) : ('accepted' as const),
        serial: f.isReturned ? null : index + 1,
        year: f.isReturned ? null : f.openedAt.getUTCFullYear(),
        reference: f.isReturned ? null : `FP-${suffix}/${f.caseType}/${index + 1}`,
        return_reason: f.isReturned ? 'ليس من اختصاص هذه النيابة' : null,
        confidentiality: f.isFamilyProtection ? ('restricted' as const) : ('normal' as const),
        opened_at: f.openedAt,
        is_disposed: f.disposedAt !== null,
        disposed_at: f.disposedAt,
        is_family_protection: f.isFamilyProtection,
        family_protection_reasons: f.isFamilyProtection ? ['family_relationship'] : [],
        gbv_type: f.gbvType,
        gbv_intimate_partner: f.intimatePartner,
        gbv_child_victim: f.childVictim,
        gbv_early_marriage: f.earlyMarriage,
      })),
    )
    .execute();
  if (data.links.length > 0) {
    await db
      .insertInto('case_links')
      .values(
        data.links.map((l) => ({
          from_case_id: l.fromFileId,
          to_case_id: l.toFileId,
          link_kind: l.kind,
        })),
      )
      .execute();
  }
  const statusOf = (age: number | null) =>
    age === null
      ? ('unknown' as const)
      : age < 12
        ? ('under_age' as const)
        : age < 18
          ? ('juvenile' as const)
          : ('adult' as const);
  await db
    .insertInto('parties')
    .values(
      data.parties.map((p) => ({
        id: p.id,
        case_id: p.fileId,
        person_id: p.personId,
        role: p.role,
        relationship_to_accused: p.relationship,
        added_at: p.addedAt,
        age_at_offence: p.age,
        age_status: statusOf(p.age),
      })),
    )
    .execute();
  const openedAt = new Map(data.files.map((f) => [f.id, f.openedAt]));
  await db
    .insertInto('charges')
    .values(
      data.charges.map((c) => ({
        case_id: c.fileId,
        party_id: c.partyId,
        offence_id: offence.id,
        disposition: c.disposition,
        disposed_at: c.disposedAt,
        created_at: openedAt.get(c.fileId) ?? new Date(),
      })),
    )
    .execute();
  await insertVictimProtection(db, data);
}

/**
 * Referrals, measures and violations (migration 0012), each with the event that recorded it, as
 * the prosecution file's actions write them.
 */
async function insertVictimProtection(db: Db, data: Dataset): Promise<void> {
  const prosecutor = await buildUser(db, { institutionId: data.institutions.officeA });
  const chief = await buildUser(db, { institutionId: data.institutions.officeA });
  const provider = await buildUser(db, { institutionId: data.institutions.services });
  const seqs = new Map<string, number>();
  const event = async (fileId: string, eventType: string, at: Date, actor: string) => {
    const seq = (seqs.get(fileId) ?? 0) + 1;
    seqs.set(fileId, seq);
    const row = await db
      .insertInto('case_events')
      .values({
        case_id: fileId,
        seq,
        event_type: eventType,
        actor_user_id: actor,
        occurred_at: at,
        workflow_version: 1,
        payload: JSON.stringify({}),
        state_before: 'under_investigation',
        state_after: 'under_investigation',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  for (const r of data.referrals) {
    const sentBy = r.consent === 'override' ? chief.id : prosecutor.id;
    const eventId = await event(r.fileId, 'refer_to_service', r.sentAt, sentBy);
    const isAnswered = r.status !== 'sent';
    const answeredAt = new Date(r.sentAt.getTime() + DAY);
    const closedAt = r.status === 'closed' ? new Date(answeredAt.getTime() + DAY) : null;
    await sql`insert into service_referrals (case_id, victim_party_id, service, institution_id,
        status, consent, override_reason, sent_at, sent_by, event_id, responded_at, responded_by,
        feedback, closed_at, closed_by, closing_feedback)
      values (${r.fileId}, ${r.victimPartyId}, ${r.service}, ${data.institutions.services},
        ${r.status}, ${r.consent}, ${r.consent === 'override' ? 'خطر على حياة الضحية' : null},
        ${r.sentAt}, ${sentBy}, ${eventId}, ${isAnswered ? answeredAt : null},
        ${isAnswered ? provider.id : null}, ${isAnswered ? 'تم التواصل مع الضحية' : null},
        ${closedAt}, ${closedAt ? provider.id : null},
        ${closedAt ? 'انتهت الخدمة' : null})`.execute(db);
  }
  for (const m of data.measures) {
    const eventId = await event(m.fileId, 'issue_protection_measure', m.issuedAt, prosecutor.id);
    await sql`insert into protection_measures (id, case_id, kind, protected_party_id,
        against_party_id, authority, conditions, issued_at, issued_by, expires_at, status, event_id)
      values (${m.id}, ${m.fileId}, ${m.kind}, ${m.protectedPartyId}, ${m.againstPartyId},
        'prosecution', 'عدم الاقتراب من منزل الضحية', ${m.issuedAt}, ${prosecutor.id},
        ${new Date(m.issuedAt.getTime() + 90 * DAY)},
        ${data.violations.some((v) => v.measureId === m.id) ? 'violated' : 'active'},
        ${eventId})`.execute(db);
  }
  for (const v of data.violations) {
    const recordedAt = new Date(v.occurredAt.getTime() + DAY);
    const eventId = await event(v.fileId, 'record_measure_violation', recordedAt, prosecutor.id);
    await sql`insert into protection_measure_violations (measure_id, case_id, occurred_at,
        description, recorded_at, recorded_by, event_id)
      values (${v.measureId}, ${v.fileId}, ${v.occurredAt}, 'اتصل بالضحية هاتفياً',
        ${recordedAt}, ${prosecutor.id}, ${eventId})`.execute(db);
  }
}
