/**
 * Files in the right state for the detention, hearing and work-queue tests, built through the
 * real use cases (registerCase, fireEvent) with a context for a given user at a given moment, so
 * every rule of the engine and the actions applies. Court files, which only a referral opens, are
 * built bare with their parties and indicted charges.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findActiveAssignments } from '../../src/auth/sessions.repository';
import { fireEvent } from '../../src/cases/fire-event';
import { registerCase } from '../../src/cases/register-case';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/schema';
import { AppError } from '../../src/http/errors';
import type { UseCaseContext } from '../../src/use-case-context';
import { buildOffence, buildPerson } from '../support/cases';
import { buildBareCase, buildInstitution, buildUser } from '../support/factories';

type Db = Kysely<Database>;

const config = loadConfig({ QADIYA_DEMO: 'false' });
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The use-case context of `userId` acting at `now`, with their assignments in force then. */
export async function contextFor(db: Db, userId: string, now: Date): Promise<UseCaseContext> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    db,
    clock: { now: () => now },
    config,
    origin: { requestId: `test-${randomUUID()}`, sourceIp: null, occurredAt: now },
    actor: {
      userId,
      username: user.username,
      displayNameAr: user.display_name_ar,
      displayNameEn: user.display_name_en,
      institutionId: user.institution_id,
      sessionId: randomUUID(),
      assignments: await findActiveAssignments(db, userId, now),
    },
  };
}

/** Fires an event at the file's current version, as `userId` at `now`. */
export async function fire(
  db: Db,
  userId: string,
  caseId: string,
  event: string,
  payload: Record<string, unknown>,
  now: Date = new Date(),
) {
  const file = await db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const ctx = await contextFor(db, userId, now);
  return fireEvent(ctx, caseId, { event, version: file.version, payload });
}

/** The AppError a refused call throws (fails the test when the call succeeds). */
export async function refusal(call: Promise<unknown>): Promise<AppError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

export { buildOffence, buildPerson };

export async function partyOf(db: Db, caseId: string, personId: string) {
  const party = await db
    .selectFrom('parties')
    .select('id')
    .where('case_id', '=', caseId)
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return party.id;
}

/**
 * A registered file with one accused party: a prosecution file (led by its only prosecutor, by
 * rotation) or a police report (led by the investigator who registered it).
 */
export async function fileWithAccused(
  db: Db,
  kind: 'prosecution_file' | 'police_report',
  options: { institutionId?: string; registrar?: { id: string } } = {},
) {
  const institutionKind = kind === 'police_report' ? 'police_unit' : 'prosecution_office';
  const role = kind === 'police_report' ? 'police_investigator' : 'prosecutor';
  const institutionId =
    options.institutionId ?? (await buildInstitution(db, { kind: institutionKind })).id;
  const officer =
    options.registrar ??
    (await buildUser(db, { institutionId, grants: [{ role, institutionId }] }));
  const now = new Date();
  const file = await registerCase(await contextFor(db, officer.id, now), {
    caseType: kind,
    institutionId,
  });
  const person = await buildPerson(db);
  await fire(db, officer.id, file.id, 'add_party', { personId: person.id, role: 'accused' }, now);
  return { institutionId, officer, file, partyId: await partyOf(db, file.id, person.id) };
}

/** The open detention of a party. */
export async function detentionOf(db: Db, caseId: string, partyId: string) {
  return db
    .selectFrom('detentions')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('party_id', '=', partyId)
    .orderBy('arrested_at', 'desc')
    .executeTakeFirstOrThrow();
}

export async function deadlinesOf(db: Db, caseId: string) {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('due_at')
    .execute();
}

/** A court with judges, a clerk, and helpers to open criminal files with indicted charges. */
export async function buildCourt(db: Db, judgeCount = 3) {
  const court = await buildInstitution(db, { kind: 'court', courtLevel: 'magistrate' });
  const judges = [];
  for (let i = 0; i < judgeCount; i++) {
    judges.push(
      await buildUser(db, {
        institutionId: court.id,
        grants: [{ role: 'judge', institutionId: court.id }],
      }),
    );
  }
  const clerk = await buildUser(db, {
    institutionId: court.id,
    grants: [{ role: 'court_clerk', institutionId: court.id }],
  });
  return { court, judges, clerk };
}

/**
 * A court case as an accepted referral leaves it: filed, led by `leadJudgeId`, with one accused and
 * `charges` indicted charges, plus one charge the prosecution dropped (not before the court).
 */
export async function buildCourtCase(
  db: Db,
  courtId: string,
  leadJudgeId: string | null,
  charges = 2,
) {
  const file = await buildBareCase(db, courtId, { caseType: 'court_case', state: 'filed' });
  const now = new Date();
  if (leadJudgeId) {
    await db
      .insertInto('case_assignments')
      .values({
        case_id: file.id,
        user_id: leadJudgeId,
        role: 'judge',
        is_lead: true,
        assigned_at: now,
        reason: 'rotation',
      })
      .execute();
  }
  const person = await buildPerson(db);
  const party = await db
    .insertInto('parties')
    .values({ case_id: file.id, person_id: person.id, role: 'accused', added_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const offence = await buildOffence(db, 'misdemeanour');
  const chargeIds: string[] = [];
  for (let i = 0; i < charges + 1; i++) {
    const charge = await db
      .insertInto('charges')
      .values({
        case_id: file.id,
        party_id: party.id,
        offence_id: offence.id,
        disposition: i < charges ? 'indicted' : 'dropped',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    chargeIds.push(charge.id);
  }
  return {
    file,
    partyId: party.id,
    indictedChargeIds: chargeIds.slice(0, charges),
    droppedChargeId: chargeIds[charges]!,
  };
}

/** A slot `days` from now at `hour`:00 UTC, clear of the present moment. */
export function slot(days: number, hour: number, minute = 0): Date {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hour, minute, 0, 0);
  return date;
}
