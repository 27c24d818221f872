/**
 * Demo-like files for the generated legal documents, built through the real use cases and
 * workflow events: a prosecution file (an adult accused, a victim with a confidential address, a
 * juvenile witness; a felony charge; arrest, prosecution order, court extension) and a court case
 * (a hearing held with minutes, a later one to summon to, a judgment). Names are realistic so
 * that the rendered samples can be read.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { registerCase } from '../../src/cases/register-case';
import { buildOffence } from '../support/cases';
import { buildBareCase, buildInstitution, buildUser } from '../support/factories';
import { contextFor, detentionOf, fire, partyOf, slot } from '../cases/lifecycle-fixtures';

type Db = Kysely<Database>;

export interface PersonSpec {
  first: string;
  father: string;
  grandfather: string;
  family: string;
  latin: string;
  sex: 'male' | 'female';
  dateOfBirth: string;
}

export const ACCUSED: PersonSpec = {
  first: 'محمد',
  father: 'أحمد',
  grandfather: 'محمود',
  family: 'الخطيب',
  latin: 'Mohammad Ahmad Mahmoud al-Khatib',
  sex: 'male',
  dateOfBirth: '1990-05-14',
};
export const VICTIM: PersonSpec = {
  first: 'سعاد',
  father: 'علي',
  grandfather: 'حسن',
  family: 'الشريف',
  latin: 'Suad Ali Hasan al-Sharif',
  sex: 'female',
  dateOfBirth: '1994-02-01',
};
export const JUVENILE_WITNESS: PersonSpec = {
  first: 'يوسف',
  father: 'خالد',
  grandfather: 'سليم',
  family: 'النجار',
  latin: 'Yousef Khaled Salim al-Najjar',
  sex: 'male',
  dateOfBirth: '2011-09-20',
};

export const fullName = (p: PersonSpec) => `${p.first} ${p.father} ${p.grandfather} ${p.family}`;

/** A person with a fresh 9-digit national ID (unique in the shared test database). */
export async function buildNamedPerson(db: Db, spec: PersonSpec) {
  return db
    .insertInto('persons')
    .values({
      national_id: String(randomInt(400_000_000, 999_999_999)),
      first_name_ar: spec.first,
      father_name_ar: spec.father,
      grandfather_name_ar: spec.grandfather,
      family_name_ar: spec.family,
      name_latin: spec.latin,
      sex: spec.sex,
      date_of_birth: spec.dateOfBirth,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function rename(db: Db, userId: string, nameAr: string) {
  await db.updateTable('users').set({ display_name_ar: nameAr }).where('id', '=', userId).execute();
}

/** A prosecution file under investigation, its accused arrested, ordered detained and extended. */
export async function buildProsecutionFile(db: Db, accusedSpec: PersonSpec = ACCUSED) {
  const office = await buildInstitution(db, { kind: 'prosecution_office' });
  await db
    .updateTable('institutions')
    .set({ name_ar: 'نيابة رام الله' })
    .where('id', '=', office.id)
    .execute();
  const prosecutor = await buildUser(db, {
    institutionId: office.id,
    grants: [{ role: 'prosecutor', institutionId: office.id }],
  });
  await rename(db, prosecutor.id, 'أحمد سعيد العلي');
  const now = new Date();
  const file = await registerCase(await contextFor(db, prosecutor.id, now), {
    caseType: 'prosecution_file',
    institutionId: office.id,
    incidentDate: '2026-03-03',
    summary:
      'في مساء يوم 3/3/2026 أقدم المتهم على الاعتداء بالضرب على المجني عليها في منزلها في البيرة، ' +
      'مما سبب لها أذى بليغاً ثبت بالتقرير الطبي رقم 77/2026.\nوشهد الحدث الشاهد على الواقعة.',
  });
  const accused = await buildNamedPerson(db, accusedSpec);
  const victim = await buildNamedPerson(db, VICTIM);
  const witness = await buildNamedPerson(db, JUVENILE_WITNESS);
  const act = (event: string, payload: Record<string, unknown>) =>
    fire(db, prosecutor.id, file.id, event, payload, new Date());
  await act('add_party', { personId: accused.id, role: 'accused' });
  await act('add_party', { personId: victim.id, role: 'victim', addressConfidential: true });
  await act('add_party', { personId: witness.id, role: 'witness' });
  await act('open_investigation', {});
  const offence = await buildOffence(db, 'felony');
  const accusedParty = await partyOf(db, file.id, accused.id);
  await act('add_charge', {
    partyId: accusedParty,
    offenceId: offence.id,
    incidentDate: '2026-03-03',
  });
  await act('arrest', {
    partyId: accusedParty,
    arrestedAt: new Date(now.getTime() - 3_600_000).toISOString(),
    place: 'مركز شرطة البيرة',
    facility: 'adult_centre',
  });
  const detention = await detentionOf(db, file.id, accusedParty);
  await act('order_detention', {
    detentionId: detention.id,
    duration: 48,
    reason: 'خشية الفرار والتأثير على الشهود',
  });
  await act('extend_detention', {
    detentionId: detention.id,
    duration: 15,
    reason: 'قرار محكمة صلح رام الله بتمديد التوقيف لاستكمال التحقيق',
  });
  return { office, prosecutor, file, accused, victim, witness, accusedParty, detention };
}

/**
 * A court case as the referral leaves it (filed, one indicted charge, led by the judge) with a
 * juvenile victim, then two hearings booked by the clerk.
 */
export async function buildCourtFile(db: Db) {
  const court = await buildInstitution(db, { kind: 'court', courtLevel: 'first_instance' });
  await db
    .updateTable('institutions')
    .set({ name_ar: 'محكمة بداية رام الله' })
    .where('id', '=', court.id)
    .execute();
  const judge = await buildUser(db, {
    institutionId: court.id,
    grants: [{ role: 'judge', institutionId: court.id }],
  });
  const clerk = await buildUser(db, {
    institutionId: court.id,
    grants: [{ role: 'court_clerk', institutionId: court.id }],
  });
  await rename(db, judge.id, 'القاضي عمر يوسف حماد');
  await rename(db, clerk.id, 'ليلى محمود داود');
  const file = await buildBareCase(db, court.id, { caseType: 'court_case', state: 'filed' });
  const now = new Date();
  await db
    .insertInto('case_assignments')
    .values({
      case_id: file.id,
      user_id: judge.id,
      role: 'judge',
      is_lead: true,
      assigned_at: now,
      reason: 'rotation',
    })
    .execute();
  const accused = await buildNamedPerson(db, ACCUSED);
  const victim = await buildNamedPerson(db, {
    ...JUVENILE_WITNESS,
    first: 'ريم',
    latin: 'Reem Khaled Salim al-Najjar',
    sex: 'female',
  });
  const addParty = (
    personId: string,
    role: 'accused' | 'victim',
    ageAtOffence: number,
    ageStatus: 'adult' | 'juvenile',
  ) =>
    db
      .insertInto('parties')
      .values({
        case_id: file.id,
        person_id: personId,
        role,
        added_at: now,
        age_at_offence: ageAtOffence,
        age_status: ageStatus,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const accusedParty = await addParty(accused.id, 'accused', 35, 'adult');
  const victimParty = await addParty(victim.id, 'victim', 14, 'juvenile');
  const offence = await buildOffence(db, 'misdemeanour');
  const charge = await db
    .insertInto('charges')
    .values({
      case_id: file.id,
      party_id: accusedParty.id,
      offence_id: offence.id,
      disposition: 'indicted',
      incident_date: '2026-03-03',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const schedule = (startsAt: Date, room: string) =>
    fire(db, clerk.id, file.id, 'schedule_hearing', {
      startsAt: startsAt.toISOString(),
      durationMinutes: 60,
      room,
      judgeIds: [judge.id],
      summonedPartyIds: [accusedParty.id, victimParty.id],
    });
  await schedule(slot(1, 7), 'قاعة 2');
  await schedule(slot(9, 7), 'قاعة 2');
  const hearings = await db
    .selectFrom('hearings')
    .selectAll()
    .where('case_id', '=', file.id)
    .orderBy('starts_at')
    .execute();
  return {
    court,
    judge,
    clerk,
    file,
    accused,
    victim,
    accusedParty: accusedParty.id,
    victimParty: victimParty.id,
    chargeId: charge.id,
    first: hearings[0]!,
    second: hearings[1]!,
  };
}

export async function holdHearing(db: Db, judgeId: string, caseId: string, hearingId: string) {
  await fire(db, judgeId, caseId, 'hold_hearing', {
    hearingId,
    minutes:
      'حضر المتهم ووكيله المحامي سامي عودة، وحضر ممثل النيابة العامة.\n' +
      'تليت لائحة الاتهام على المتهم وسئل عن التهمة المسندة إليه فأجاب: لست مذنباً.\n' +
      'قدمت النيابة التقرير الطبي رقم 77/2026 وأبرزته المحكمة (ن/1).',
  });
}

export async function recordJudgment(db: Db, judgeId: string, caseId: string, chargeId: string) {
  await fire(db, judgeId, caseId, 'record_judgment', {
    pronouncedAt: new Date(Date.now() - 60_000).toISOString(),
    judgments: [
      {
        chargeId,
        outcome: 'convicted',
        sentence: 'imprisonment',
        custodialMonths: 6,
        fineAmount: 200,
      },
    ],
  });
}
