/**
 * The court calendar (`GET /api/v1/hearings`): a court's judges and clerks see its hearings in the
 * range, filtered by judge or room; the parties of restricted and sealed files are initials only;
 * prosecutors see the hearings of their own files (through the matter) and nothing else; other
 * users are refused; bad ranges are 400s naming the field.
 */
import { localDateString } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildOffence, buildPerson, caseApi, type CaseApi } from '../support/cases';
import { bearer, buildInstitution, buildSession, signedInUser } from '../support/factories';
import { auditRows, call, deliverReferralsFrom, type Headers } from '../cases/case-api-kit';
import { buildCourt, buildCourtCase, DAY, fire, HOUR } from '../cases/lifecycle-fixtures';

let t: TestApp;
let api: CaseApi;

beforeAll(async () => {
  t = await buildTestApp();
  api = caseApi(t.app);
}, 180_000);
afterAll(async () => {
  await t.app.close();
});

/** A slot `days` from the test clock's now, at `hour`:00 UTC. */
function slotAt(days: number, hour: number): Date {
  const date = new Date(t.clock.now().getTime() + days * DAY);
  date.setUTCHours(hour, 0, 0, 0);
  return date;
}

const localDay = (date: Date, plusDays = 0) =>
  localDateString(new Date(date.getTime() + plusDays * DAY), t.config.timeZone);

function schedule(
  clerkId: string,
  caseId: string,
  startsAt: Date,
  room: string,
  judgeIds: string[],
) {
  return fire(t.handle.db, clerkId, caseId, 'schedule_hearing', {
    startsAt: startsAt.toISOString(),
    durationMinutes: 60,
    room,
    judgeIds,
  });
}

async function headersOf(userId: string): Promise<Headers> {
  return bearer(await buildSession(t.handle.db, userId));
}

const calendar = (headers: Headers, query: Record<string, string>) =>
  call(t, headers, 'GET', `/hearings?${new URLSearchParams(query).toString()}`);

/** A court with two judges, three hearings over two days and one a fortnight later. */
async function busyCourt() {
  const db = t.handle.db;
  const { court, judges, clerk } = await buildCourt(db, 2);
  const [judgeA, judgeB] = judges as [(typeof judges)[number], (typeof judges)[number]];
  const first = await buildCourtCase(db, court.id, judgeA.id);
  const second = await buildCourtCase(db, court.id, judgeB.id);
  const third = await buildCourtCase(db, court.id, judgeA.id);
  const later = await buildCourtCase(db, court.id, judgeB.id);
  const day = slotAt(3, 7);
  await schedule(clerk.id, first.file.id, day, 'قاعة 1', [judgeA.id]);
  await schedule(clerk.id, second.file.id, day, 'قاعة 2', [judgeB.id]);
  await schedule(clerk.id, third.file.id, new Date(day.getTime() + DAY + HOUR), 'قاعة 1', [
    judgeA.id,
    judgeB.id,
  ]);
  await schedule(clerk.id, later.file.id, new Date(day.getTime() + 15 * DAY), 'قاعة 1', [
    judgeB.id,
  ]);
  return { court, judgeA, judgeB, clerk, first, second, third, later, day };
}

describe('GET /hearings for the court', () => {
  it("returns the court's hearings in the range with what a cause list shows", async () => {
    const { court, judgeA, judgeB, clerk, first, second, third, day } = await busyCourt();
    const other = await buildCourt(t.handle.db, 1);
    const elsewhere = await buildCourtCase(t.handle.db, other.court.id, other.judges[0]!.id);
    await schedule(other.clerk.id, elsewhere.file.id, day, 'قاعة 1', [other.judges[0]!.id]);

    const response = await calendar(await headersOf(clerk.id), {
      courtId: court.id,
      from: localDay(day),
      to: localDay(day, 6),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      court: { id: court.id, code: court.code, nameAr: court.name_ar, weekendDays: [5, 6] },
      from: localDay(day),
      to: localDay(day, 6),
      scope: 'court',
      rooms: ['قاعة 1', 'قاعة 2'],
    });
    const items = response.body.items as {
      case: { id: string };
      judges: { id: string }[];
      parties: { name: string }[];
    }[];
    expect(items.map((h) => h.case.id)).toEqual([first.file.id, second.file.id, third.file.id]);
    expect(items[0]).toMatchObject({
      room: 'قاعة 1',
      startsAt: day.toISOString(),
      endsAt: new Date(day.getTime() + HOUR).toISOString(),
      localDate: localDay(day),
      status: 'scheduled',
      case: {
        id: first.file.id,
        number: `${first.file.serial}/${first.file.year}`,
        caseType: 'court_case',
        caseTypeLabels: { ar: expect.any(String), en: expect.any(String) },
        confidentiality: 'normal',
        canOpen: true,
      },
      judges: [{ id: judgeA.id, nameAr: judgeA.display_name_ar, nameEn: judgeA.display_name_en }],
      parties: [
        {
          role: 'accused',
          roleLabels: { ar: 'ظنين', en: 'Accused (misdemeanour)' },
          name: expect.stringMatching(/^محمد أحمد محمود الخطيب /),
          nameLatin: 'Mohammad Ahmad Mahmoud al-Khatib',
          isMasked: false,
        },
      ],
    });
    expect(items[2]!.judges.map((j) => j.id).sort()).toEqual([judgeA.id, judgeB.id].sort());

    // A judge of the court sees the same list; one day only gives that day's hearings.
    const judgeView = await calendar(await headersOf(judgeB.id), {
      courtId: court.id,
      from: localDay(day),
      to: localDay(day),
    });
    expect(judgeView.status).toBe(200);
    expect(judgeView.body.items.map((h: { case: { id: string } }) => h.case.id)).toEqual([
      first.file.id,
      second.file.id,
    ]);
  });

  it('filters by judge and by room', async () => {
    const { court, judgeA, clerk, first, second, third, day } = await busyCourt();
    const headers = await headersOf(clerk.id);
    const range = { courtId: court.id, from: localDay(day), to: localDay(day, 6) };
    const byJudge = await calendar(headers, { ...range, judgeId: judgeA.id });
    expect(byJudge.status).toBe(200);
    expect(byJudge.body.items.map((h: { case: { id: string } }) => h.case.id)).toEqual([
      first.file.id,
      third.file.id,
    ]);
    // The panel is the whole panel, not only the judge asked for.
    expect(byJudge.body.items[1].judges).toHaveLength(2);

    const byRoom = await calendar(headers, { ...range, room: ' قاعة 2 ' });
    expect(byRoom.body.items.map((h: { case: { id: string } }) => h.case.id)).toEqual([
      second.file.id,
    ]);
    expect(byRoom.body.rooms).toEqual(['قاعة 2']);
  });

  it('names the parties of restricted and sealed files by initials only, even to court staff', async () => {
    const db = t.handle.db;
    const { court, judges, clerk } = await buildCourt(db, 1);
    const judge = judges[0]!;
    const restricted = await buildCourtCase(db, court.id, judge.id);
    const sealed = await buildCourtCase(db, court.id, judge.id);
    await db
      .updateTable('cases')
      .set({ confidentiality: 'restricted' })
      .where('id', '=', restricted.file.id)
      .execute();
    await db
      .updateTable('cases')
      .set({ confidentiality: 'sealed' })
      .where('id', '=', sealed.file.id)
      .execute();
    const day = slotAt(4, 8);
    // Only the file's team (its lead judge) may act on it; the registry cannot.
    await schedule(judge.id, restricted.file.id, day, 'قاعة الأحداث', [judge.id]);
    await schedule(judge.id, sealed.file.id, new Date(day.getTime() + HOUR), 'قاعة الأحداث', [
      judge.id,
    ]);

    for (const userId of [clerk.id, judge.id]) {
      const response = await calendar(await headersOf(userId), {
        courtId: court.id,
        from: localDay(day),
        to: localDay(day),
      });
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(2);
      for (const hearing of response.body.items) {
        expect(hearing.parties).toEqual([
          {
            role: 'accused',
            roleLabels: { ar: 'ظنين', en: 'Accused (misdemeanour)' },
            name: 'م. خ.',
            nameLatin: 'M. K.',
            isMasked: true,
          },
        ]);
        expect(JSON.stringify(hearing)).not.toContain('الخطيب');
        expect(JSON.stringify(hearing)).not.toContain('Mohammad');
      }
      // The files stay closed to the court's staff outside their team; the hearings are listed.
      expect(
        response.body.items.map((h: { case: { confidentiality: string; canOpen: boolean } }) => [
          h.case.confidentiality,
          h.case.canOpen,
        ]),
      ).toEqual([
        ['restricted', userId === judge.id],
        ['sealed', userId === judge.id],
      ]);
    }
  });
});

describe('who may read a court calendar', () => {
  it('refuses the staff of another court and other roles (403, audited)', async () => {
    const { court, day } = await busyCourt();
    const other = await buildCourt(t.handle.db, 1);
    const police = await buildInstitution(t.handle.db, { kind: 'police_unit' });
    const investigator = await signedInUser(t.handle.db, {
      grants: [{ role: 'police_investigator', institutionId: police.id }],
    });
    const query = { courtId: court.id, from: localDay(day), to: localDay(day) };
    for (const headers of [
      await headersOf(other.judges[0]!.id),
      await headersOf(other.clerk.id),
      investigator.headers,
    ]) {
      const response = await calendar(headers, query);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    const denials = await auditRows(t.handle.db, court.id, 'access.denied');
    expect(denials.length).toBeGreaterThanOrEqual(3);
    expect(denials[0]).toMatchObject({ outcome: 'denied', object_type: 'court_calendar' });
  });

  it('shows a prosecutor the hearings of their own files only', async () => {
    const db = t.handle.db;
    const police = await buildInstitution(db, { kind: 'police_unit' });
    const prosecution = await buildInstitution(db, {
      kind: 'prosecution_office',
      units: ['general'],
    });
    const elsewhere = await buildInstitution(db, { kind: 'prosecution_office' });
    const { court, judges, clerk } = await buildCourt(db, 1);
    const judge = judges[0]!;
    const investigator = await signedInUser(db, {
      grants: [{ role: 'police_investigator', institutionId: police.id }],
    });
    const prosecutor = await signedInUser(db, {
      grants: [
        { role: 'prosecutor', institutionId: prosecution.id, unitId: prosecution.units[0]!.id },
      ],
    });
    const stranger = await signedInUser(db, {
      grants: [{ role: 'chief_prosecutor', institutionId: elsewhere.id }],
    });
    const clerkHeaders = await headersOf(clerk.id);

    // Police report → prosecution file → court case, through the API.
    const accused = await buildPerson(db);
    const offence = await buildOffence(db, 'misdemeanour');
    const report = await api.register(investigator.headers, {
      caseType: 'police_report',
      institutionId: police.id,
      summary: 'سرقة من محل تجاري',
    });
    expect(report.status).toBe(201);
    const reportId = report.body.id as string;
    for (const [event, payload] of [
      ['add_party', { personId: accused.id, role: 'accused' }],
      ['start_evidence_gathering', {}],
      ['refer_to_prosecution', { prosecutionOfficeId: prosecution.id }],
    ] as const) {
      expect((await api.fire(investigator.headers, reportId, event, payload)).status).toBe(200);
    }
    const [prosecutionFile] = await deliverReferralsFrom(t.app.services, reportId);
    const accepted = await call(
      t,
      prosecutor.headers,
      'POST',
      `/cases/${prosecutionFile!.id}/accept`,
      {
        version: prosecutionFile!.version,
      },
    );
    expect(accepted.status).toBe(200);
    const fileId = prosecutionFile!.id;
    expect((await api.fire(prosecutor.headers, fileId, 'open_investigation')).status).toBe(200);
    const page = (await api.get(prosecutor.headers, fileId)).body;
    const partyId = page.parties[0].id as string;
    const charged = await api.fire(prosecutor.headers, fileId, 'add_charge', {
      partyId,
      offenceId: offence.id,
    });
    expect(charged.status).toBe(200);
    const indicted = await api.fire(prosecutor.headers, fileId, 'indict', {
      courtId: court.id,
      chargeIds: charged.body.charges.map((c: { id: string }) => c.id),
    });
    expect(indicted.status).toBe(200);
    const [courtFile] = await deliverReferralsFrom(t.app.services, fileId);
    const courtAccepted = await call(t, clerkHeaders, 'POST', `/cases/${courtFile!.id}/accept`, {
      version: courtFile!.version,
    });
    expect(courtAccepted.status).toBe(200);
    const startsAt = slotAt(5, 9);
    const scheduled = await api.fire(clerkHeaders, courtFile!.id, 'schedule_hearing', {
      startsAt: startsAt.toISOString(),
      room: 'قاعة 3',
      judgeIds: [judge.id],
    });
    expect(scheduled.status).toBe(200);

    // Another file of the same court, the same day, which the prosecutor has nothing to do with.
    const unrelated = await buildCourtCase(db, court.id, judge.id);
    await schedule(clerk.id, unrelated.file.id, new Date(startsAt.getTime() + HOUR), 'قاعة 3', [
      judge.id,
    ]);

    const query = { courtId: court.id, from: localDay(startsAt), to: localDay(startsAt) };
    const mine = await calendar(prosecutor.headers, query);
    expect(mine.status).toBe(200);
    expect(mine.body.scope).toBe('files');
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      room: 'قاعة 3',
      case: { id: courtFile!.id, canOpen: false },
      judges: [{ id: judge.id }],
      parties: [{ role: 'accused', isMasked: false }],
    });

    const theirs = await calendar(stranger.headers, query);
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);

    const court_ = await calendar(clerkHeaders, query);
    expect(court_.body.items).toHaveLength(2);
  });

  it('asks for a session (401)', async () => {
    const { court, day } = await busyCourt();
    const response = await calendar(
      {},
      { courtId: court.id, from: localDay(day), to: localDay(day) },
    );
    expect(response.status).toBe(401);
  });
});

describe('bad requests', () => {
  it('refuses a bad range with a 400 naming the field, and an unknown court with a 404', async () => {
    const { court, clerk } = await buildCourt(t.handle.db, 1);
    const headers = await headersOf(clerk.id);
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ from: '2026-03-10', to: '2026-03-09' }, 'to', /must not be before/],
      [{ from: '2026-03-01', to: '2026-04-01' }, 'to', /at most 31 days, not 32/],
      [{ from: '2026-02-30', to: '2026-03-02' }, 'from', /date/],
      [{ from: 'tomorrow', to: '2026-03-02' }, 'from', /date/],
      [{ from: '2026-03-01' }, 'to', /required/],
    ];
    for (const [range, field, problem] of cases) {
      const response = await calendar(headers, { courtId: court.id, ...range });
      expect({ range, status: response.status }).toEqual({ range, status: 400 });
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details.issues[0]).toMatchObject({ field, in: 'querystring' });
      expect(response.body.error.message).toMatch(problem);
    }
    // A full month of 31 days is fine.
    expect(
      (await calendar(headers, { courtId: court.id, from: '2026-03-01', to: '2026-03-31' })).status,
    ).toBe(200);

    const notACourt = await buildInstitution(t.handle.db, { kind: 'police_unit' });
    for (const courtId of [notACourt.id, '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d']) {
      const response = await calendar(headers, { courtId, from: '2026-03-01', to: '2026-03-02' });
      expect(response.status).toBe(404);
    }
    const badId = await calendar(headers, {
      courtId: 'RAM-MAG',
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details.issues[0]).toMatchObject({ field: 'courtId' });
  });
});
