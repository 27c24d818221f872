/**
 * The demo files seeded at start-up into an empty database, seen through the API as the demo users
 * see them: the prosecutor's inbox and work queue, the court calendar, and an intact audit chain.
 */
import { localDateString } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock';
import { prepareDemoAtStartup } from '../../src/demo/demo-startup';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo';
import { DEMO_FILES_REQUEST_ID } from '../../src/demo/seed-demo-files';
import { buildTestApp, type TestApp } from '../support/app';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { bearer, loginAs } from '../support/factories';

const TIME_ZONE = 'Asia/Hebron';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface InboxItem {
  id: string;
  caseType: string;
  number: string | null;
  summary: string | null;
  referredFrom: { code: string } | null;
}

interface WorkItem {
  kind: string;
  name: string;
  dueAt: string;
  case: { id: string; caseType: string; state: string };
}

interface CalendarHearing {
  startsAt: string;
  localDate: string;
  status: string;
  room: string;
  case: { id: string; caseType: string; number: string | null };
  judges: { nameEn: string }[];
  parties: { role: string }[];
}

/** The local wall time of an instant at the courts, 'HH:MM'. */
function courtTime(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

function courtWeekday(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long' }).format(
    new Date(instant),
  );
}

describe('demo files', () => {
  let iso: IsolatedDatabase;
  let t: TestApp;
  let seededAt: Date;
  const tokens = new Map<string, Record<string, string>>();

  async function as(username: string): Promise<Record<string, string>> {
    let headers = tokens.get(username);
    if (!headers) {
      headers = bearer(await loginAs(t.app, username, DEMO_PASSWORD));
      tokens.set(username, headers);
    }
    return headers;
  }

  async function get<T>(username: string, url: string): Promise<T> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1${url}`,
      headers: await as(username),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  async function institutionId(code: string): Promise<string> {
    const row = await iso.handle.db
      .selectFrom('institutions')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    iso = await isolatedTestDatabase();
    seededAt = new Date();
    // What `npm start` does on an empty embedded database.
    expect(await prepareDemoAtStartup(iso.handle.db, systemClock)).toEqual({
      isDemo: true,
      isSeededNow: true,
    });
    t = await buildTestApp({ handle: iso.handle });
  }, 60_000);
  afterAll(async () => {
    await t.app.close();
    await iso.dispose();
  });

  it('puts the two referred police reports in the prosecutor’s inbox, unaccepted', async () => {
    const inbox = await get<{ items: InboxItem[]; total: number }>('prosecutor', '/inbox');
    expect(inbox.total).toBe(2);
    expect(inbox.items).toHaveLength(2);
    for (const item of inbox.items) {
      expect(item).toMatchObject({
        caseType: 'prosecution_file',
        number: null,
        referredFrom: { code: 'RAM-POL' },
      });
    }
    const summaries = inbox.items.map((i) => i.summary ?? '').join('\n');
    expect(summaries).toContain('سرقة هاتف محمول');
    expect(summaries).toContain('سوق الحسبة');
  });

  it('shows the prosecutor a 48-hour detention deadline first in the work queue', async () => {
    const queue = await get<{ items: WorkItem[] }>('prosecutor', '/work-queue');
    const first = queue.items[0];
    expect(first).toMatchObject({
      kind: 'detention',
      name: 'detention_expiry',
      case: { caseType: 'prosecution_file', state: 'under_investigation' },
    });
    // Arrested three hours before the seed, held 48 hours from the arrest.
    const due = new Date(first!.dueAt).getTime();
    expect(due).toBeGreaterThan(seededAt.getTime() + 44 * HOUR);
    expect(due).toBeLessThan(seededAt.getTime() + 46 * HOUR);
    // The two inbox files are tasks for the prosecutors too.
    expect(queue.items.filter((i) => i.name === 'accept_referral')).toHaveLength(2);
  });

  it('puts a hearing on the next working day in the calendar of the clerk and the judge', async () => {
    const courtId = await institutionId('RAM-MAG');
    const from = localDateString(seededAt, TIME_ZONE);
    const to = localDateString(new Date(seededAt.getTime() + 13 * DAY), TIME_ZONE);
    const url = `/hearings?courtId=${courtId}&from=${from}&to=${to}`;
    const calendar = await get<{ items: CalendarHearing[] }>('clerk', url);
    expect(calendar.items).toHaveLength(1);
    const hearing = calendar.items[0]!;
    expect(hearing).toMatchObject({
      status: 'scheduled',
      room: 'قاعة 1',
      case: { caseType: 'court_case', number: expect.stringMatching(/^1\/\d{4}$/) },
      judges: [{ nameEn: 'Layla Hamdan' }],
    });
    expect(hearing.parties.map((p) => p.role).sort()).toEqual(['accused', 'victim']);
    expect(courtTime(hearing.startsAt)).toBe('09:00');
    expect(['Friday', 'Saturday']).not.toContain(courtWeekday(hearing.startsAt));
    expect(hearing.localDate > from).toBe(true);
    // No working day is skipped between today and the hearing.
    const holidays = new Set(
      (await iso.handle.db.selectFrom('holidays').select('holiday_date').execute()).map(
        (h) => h.holiday_date,
      ),
    );
    for (let d = 1; ; d += 1) {
      const instant = new Date(seededAt.getTime() + d * DAY).toISOString();
      const date = localDateString(new Date(instant), TIME_ZONE);
      if (date === hearing.localDate) break;
      const isOff = ['Friday', 'Saturday'].includes(courtWeekday(instant)) || holidays.has(date);
      expect(isOff, `${date} is a working day before the hearing`).toBe(true);
    }

    const judges = await get<{ items: CalendarHearing[] }>('judge', url);
    expect(judges.items.map((h) => h.case.id)).toEqual([hearing.case.id]);
  });

  it('makes every file through the use cases: numbered, audited, delivered', async () => {
    const { db } = iso.handle;
    const files = await db
      .selectFrom('cases')
      .innerJoin('institutions', 'institutions.id', 'cases.institution_id')
      .select([
        'cases.case_type',
        'cases.state',
        'cases.intake_status',
        'cases.reference',
        'institutions.code',
      ])
      .orderBy('cases.created_at')
      .execute();
    const count = (type: string, status: string) =>
      files.filter((f) => f.case_type === type && f.intake_status === status).length;
    expect(count('police_report', 'accepted')).toBe(5);
    expect(files.filter((f) => f.case_type === 'police_report').map((f) => f.state)).toEqual(
      Array(5).fill('referred'),
    );
    expect(count('prosecution_file', 'pending')).toBe(2);
    expect(count('prosecution_file', 'accepted')).toBe(3);
    expect(count('court_case', 'accepted')).toBe(1);
    expect(files).toHaveLength(11);
    for (const file of files.filter((f) => f.intake_status === 'accepted')) {
      expect(file.reference).toMatch(new RegExp(`^${file.code}/`));
    }
    const undelivered = await db
      .selectFrom('outbox')
      .select('id')
      .where('delivered_at', 'is', null)
      .execute();
    expect(undelivered).toHaveLength(0);
    const persons = await db.selectFrom('persons').select('id').execute();
    expect(persons).toHaveLength(10);

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'request_id'])
      .orderBy('seq')
      .execute();
    expect(audit[0]?.action).toBe('system.demo_seeded');
    const byDemoUsers = audit.filter((a) => a.request_id === DEMO_FILES_REQUEST_ID);
    expect(new Set(byDemoUsers.map((a) => a.actor_username))).toEqual(
      new Set(['investigator', 'prosecutor', 'clerk', 'juvenile']),
    );
    expect(audit.filter((a) => a.action === 'case.registered')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'case.received')).toHaveLength(6);
    expect(audit.filter((a) => a.action === 'case.accepted')).toHaveLength(4);
    // The juvenile report and the prosecution file it became are juvenile files, restricted.
    expect(
      audit.filter((a) => a.action === 'case.juvenile_status_changed').length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('gives the juvenile unit a juvenile file whose report the counsellor has in her queue', async () => {
    const queue = await get<{
      items: { name: string; case: { id: string; isJuvenile: boolean } }[];
    }>('counsellor', '/work-queue');
    const task = queue.items.find((item) => item.name === 'social_research_report');
    expect(task?.case.isJuvenile).toBe(true);
    const page = await get<Record<string, unknown>>('juvenile', `/cases/${task!.case.id}`);
    expect(page).toMatchObject({
      confidentiality: 'restricted',
      isJuvenile: true,
      juvenile: { isJuvenileFile: true, socialReport: { status: 'instructed' } },
      parties: expect.arrayContaining([
        expect.objectContaining({ role: 'accused', ageStatus: 'juvenile', ageAtOffence: 15 }),
      ]),
    });
    // The general unit's prosecutor does not see it.
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${task!.case.id}`,
      headers: await as('prosecutor'),
    });
    expect(refused.statusCode).toBe(403);
  });

  it('leaves an audit chain the auditor verifies as intact', async () => {
    const verification = await get<{ isValid: boolean; problem: unknown }>(
      'auditor',
      '/audit-log/verification',
    );
    expect(verification).toMatchObject({ isValid: true, problem: null });
  });

  it('adds nothing at a later start-up', async () => {
    const before = await iso.handle.db.selectFrom('cases').select('id').execute();
    expect(await prepareDemoAtStartup(iso.handle.db, systemClock)).toEqual({
      isDemo: true,
      isSeededNow: false,
    });
    const after = await iso.handle.db.selectFrom('cases').select('id').execute();
    expect(after).toHaveLength(before.length);
  });
});
