/**
 * The files the write scenario and the work queue need: files under investigation with a party to
 * question (registered through the API where a small database has too few), and a caseload handed
 * to the bench prosecutor by the chief prosecutor's own `reassign` event. Every change goes through
 * the API, never around the rules.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../apps/server/src/db/schema';
import { ApiError, type ApiClient } from './api';

type Db = Kysely<Database>;

export interface WritableFile {
  id: string;
  version: number;
  partyId: string;
}

export const OPEN_FILE = {
  caseType: 'prosecution_file',
  state: 'under_investigation',
} as const;

export async function writableFiles(db: Db, institutionId: string, limit: number) {
  const rows = await db
    .selectFrom('cases as c')
    .select([
      'c.id',
      'c.version',
      (eb) =>
        eb
          .selectFrom('parties as p')
          .select('p.id')
          .whereRef('p.case_id', '=', 'c.id')
          .orderBy('p.added_at')
          .limit(1)
          .as('party_id'),
    ])
    .where('c.institution_id', '=', institutionId)
    .where('c.case_type', '=', OPEN_FILE.caseType)
    .where('c.state', '=', OPEN_FILE.state)
    .where('c.confidentiality', '=', 'normal')
    .where('c.intake_status', '=', 'accepted')
    .orderBy(sql`md5(c.id::text)`)
    .limit(limit)
    .execute();
  return rows.flatMap((r) =>
    r.party_id ? [{ id: r.id, version: r.version, partyId: r.party_id }] : [],
  );
}

/**
 * Files under investigation, each with a party to question, made through the API where the
 * database has too few (a demo or test database): a person, a file, its investigation opened and
 * the person added as a victim.
 */
export async function topUpWritableFiles(
  api: ApiClient,
  institutionId: string,
  missing: number,
  log: (line: string) => void,
): Promise<void> {
  if (missing <= 0) return;
  log(`  registering ${missing} files under investigation through the API…`);
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < missing; i++) {
    const person = await api.post<{ id: string }>('/api/v1/persons', {
      firstNameAr: 'سامر',
      fatherNameAr: 'خليل',
      grandfatherNameAr: 'يوسف',
      familyNameAr: 'القياس',
      sex: 'male',
      dateOfBirth: '1985-03-14',
    });
    let file = await api.post<{ id: string; version: number }>('/api/v1/cases', {
      caseType: OPEN_FILE.caseType,
      institutionId,
      summary: 'ملف لقياس الأداء: سرقة هاتف محمول من محل تجاري',
      incidentDate: today,
    });
    file = await api.post(`/api/v1/cases/${file.id}/events`, {
      event: 'add_party',
      version: file.version,
      payload: { personId: person.id, role: 'victim' },
    });
    await api.post(`/api/v1/cases/${file.id}/events`, {
      event: 'open_investigation',
      version: file.version,
      payload: { note: 'فتح التحقيق' },
    });
  }
}

/**
 * The bench prosecutor's caseload: open files of the institution with open deadlines, reassigned
 * to them by the chief prosecutor (the `reassign` event moves the previous lead's deadlines too).
 */
export async function ensureCaseload(
  db: Db,
  chief: ApiClient,
  institutionId: string,
  prosecutorId: string,
  target: number,
  log: (line: string) => void,
): Promise<void> {
  const current = await db
    .selectFrom('case_assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', prosecutorId)
    .where('is_lead', '=', true)
    .where('ended_at', 'is', null)
    .executeTakeFirstOrThrow();
  const missing = target - current.n;
  if (missing <= 0) return;
  const candidates = await db
    .selectFrom('cases as c')
    .select(['c.id', 'c.version'])
    .where('c.institution_id', '=', institutionId)
    .where('c.case_type', '=', OPEN_FILE.caseType)
    .where('c.state', 'in', ['registered', 'under_investigation'])
    .where('c.confidentiality', '=', 'normal')
    .where('c.intake_status', '=', 'accepted')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('deadlines as d')
          .select('d.id')
          .whereRef('d.case_id', '=', 'c.id')
          .where('d.completed_at', 'is', null),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_assignments as ca')
            .select('ca.id')
            .whereRef('ca.case_id', '=', 'c.id')
            .where('ca.user_id', '=', prosecutorId)
            .where('ca.ended_at', 'is', null),
        ),
      ),
    )
    .orderBy(sql`md5(c.id::text)`)
    .limit(missing)
    .execute();
  if (candidates.length === 0) return;
  log(`  handing ${candidates.length} files to bench.prosecutor (reassign by bench.chief)…`);
  for (const file of candidates) {
    try {
      await chief.post(`/api/v1/cases/${file.id}/events`, {
        event: 'reassign',
        version: file.version,
        payload: { userId: prosecutorId, reason: 'توزيع عبء العمل لقياس الأداء' },
      });
    } catch (error) {
      // A file another writer just changed is skipped; the caseload is a sample, not a list.
      if (!(error instanceof ApiError && error.status === 409)) throw error;
    }
  }
}
