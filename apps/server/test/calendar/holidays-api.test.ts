import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildInstitution, signedInUser } from '../support/factories';

/** A random date in a far year, so runs and test files sharing a database never collide. */
function farDate(): string {
  const year = 2101 + Math.floor(Math.random() * 99);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface Holiday {
  id: string;
  date: string;
  scope: 'national' | 'institution';
  institutionId: string | null;
}

describe('holidays and weekend days API', () => {
  let t: TestApp;
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let other: Awaited<ReturnType<typeof buildInstitution>>;
  let national: Record<string, string>;
  let adminOffice: Record<string, string>;
  let prosecutor: Record<string, string>;
  let analyst: Record<string, string>;

  const call = (
    headers: Record<string, string>,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  const auditOf = (objectId: string) =>
    t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'calendar.changed')
      .where('object_id', '=', objectId)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.handle.db;
    office = await buildInstitution(db, { units: ['general'] });
    other = await buildInstitution(db, { kind: 'court' });
    national = (await signedInUser(db, { grants: [{ role: 'admin', institutionId: null }] }))
      .headers;
    adminOffice = (
      await signedInUser(db, {
        institutionId: office.id,
        grants: [{ role: 'admin', institutionId: office.id }],
      })
    ).headers;
    prosecutor = (
      await signedInUser(db, {
        institutionId: office.id,
        grants: [{ role: 'prosecutor', institutionId: office.id }],
      })
    ).headers;
    analyst = (await signedInUser(db, { grants: [{ role: 'analyst', institutionId: null }] }))
      .headers;
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('lists the seeded national holidays to any signed-in user', async () => {
    const response = await call(analyst, 'GET', '/holidays?year=2026');
    expect(response.statusCode).toBe(200);
    const holidays = response.json<(Holiday & { nameEn: string })[]>();
    const dates = holidays.map((h) => h.date);
    for (const date of ['2026-01-01', '2026-03-20', '2026-05-01', '2026-05-27', '2026-11-15']) {
      expect(dates).toContain(date);
    }
    expect(holidays.every((h) => h.scope === 'national' && h.date.startsWith('2026-'))).toBe(true);
    expect(dates).toEqual([...dates].sort());
    const year2027 = (await call(prosecutor, 'GET', '/holidays?year=2027')).json<Holiday[]>();
    expect(year2027.map((h) => h.date)).toEqual(
      expect.arrayContaining(['2027-03-09', '2027-05-16', '2027-11-15']),
    );
    const badYear = await call(analyst, 'GET', '/holidays?year=twenty');
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.details.issues[0].field).toBe('year');
  });

  it('lets a national admin add and remove a national holiday, once per date', async () => {
    const date = farDate();
    const created = await call(national, 'POST', '/admin/holidays', {
      date,
      nameAr: 'عطلة رسمية',
      nameEn: 'Public holiday',
    });
    expect(created.statusCode).toBe(201);
    const holiday = created.json<Holiday>();
    expect(holiday).toMatchObject({ date, scope: 'national', institutionId: null });

    const duplicate = await call(national, 'POST', '/admin/holidays', {
      date,
      nameAr: 'مكرر',
      nameEn: 'Duplicate',
      institutionId: null,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { holidayId: holiday.id, date },
    });

    const year = Number(date.slice(0, 4));
    const listed = (await call(analyst, 'GET', `/holidays?year=${year}`)).json<Holiday[]>();
    expect(listed.map((h) => h.id)).toContain(holiday.id);

    // An institution admin may neither remove it nor add national ones.
    expect((await call(adminOffice, 'DELETE', `/admin/holidays/${holiday.id}`)).statusCode).toBe(
      403,
    );
    const refused = await call(adminOffice, 'POST', '/admin/holidays', {
      date: farDate(),
      nameAr: 'عطلة',
      nameEn: 'Holiday',
    });
    expect(refused.statusCode).toBe(403);

    const removed = await call(national, 'DELETE', `/admin/holidays/${holiday.id}`);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect((await call(national, 'DELETE', `/admin/holidays/${holiday.id}`)).statusCode).toBe(404);

    const audit = await auditOf(holiday.id);
    expect(audit.map((row) => (row.details as { change: string }).change)).toEqual([
      'holiday_added',
      'holiday_removed',
    ]);
    expect(audit[0]!.details).toMatchObject({ date });
  });

  it("lets an institution admin manage its own institution's holidays only", async () => {
    const date = farDate();
    const own = await call(adminOffice, 'POST', '/admin/holidays', {
      date,
      nameAr: 'عطلة محلية',
      nameEn: 'Local holiday',
      institutionId: office.id,
    });
    expect(own.statusCode).toBe(201);
    const holiday = own.json<Holiday>();
    expect(holiday).toMatchObject({ scope: 'institution', institutionId: office.id, date });

    // The same date may be a day off nationally and at the institution; only a duplicate in one
    // scope is refused.
    const nationalSameDay = await call(national, 'POST', '/admin/holidays', {
      date,
      nameAr: 'عطلة',
      nameEn: 'Holiday',
    });
    expect(nationalSameDay.statusCode).toBe(201);
    const again = await call(adminOffice, 'POST', '/admin/holidays', {
      date,
      nameAr: 'مكرر',
      nameEn: 'Duplicate',
      institutionId: office.id,
    });
    expect(again.statusCode).toBe(409);

    const elsewhere = await call(adminOffice, 'POST', '/admin/holidays', {
      date,
      nameAr: 'عطلة',
      nameEn: 'Holiday',
      institutionId: other.id,
    });
    expect(elsewhere.statusCode).toBe(403);
    const byProsecutor = await call(prosecutor, 'POST', '/admin/holidays', {
      date: farDate(),
      nameAr: 'عطلة',
      nameEn: 'Holiday',
      institutionId: office.id,
    });
    expect(byProsecutor.statusCode).toBe(403);
    expect((await call(prosecutor, 'DELETE', `/admin/holidays/${holiday.id}`)).statusCode).toBe(
      403,
    );

    const year = Number(date.slice(0, 4));
    const withOffice = (
      await call(prosecutor, 'GET', `/holidays?year=${year}&institutionId=${office.id}`)
    ).json<Holiday[]>();
    expect(
      withOffice
        .filter((h) => h.date === date)
        .map((h) => h.scope)
        .sort(),
    ).toEqual(['institution', 'national']);
    const nationalOnly = (await call(prosecutor, 'GET', `/holidays?year=${year}`)).json<
      Holiday[]
    >();
    expect(nationalOnly.some((h) => h.id === holiday.id)).toBe(false);
    const atOther = (
      await call(prosecutor, 'GET', `/holidays?year=${year}&institutionId=${other.id}`)
    ).json<Holiday[]>();
    expect(atOther.some((h) => h.id === holiday.id)).toBe(false);

    expect((await call(adminOffice, 'DELETE', `/admin/holidays/${holiday.id}`)).statusCode).toBe(
      204,
    );
    const audit = await auditOf(holiday.id);
    expect(audit).toHaveLength(2);
    expect(audit[0]!.institution_id).toBe(office.id);
  });

  it('names the field of an invalid holiday', async () => {
    const cases: [object, string][] = [
      [{ date: '15/11/2026', nameAr: 'ع', nameEn: 'H' }, 'date'],
      [{ date: '2026-02-30', nameAr: 'ع', nameEn: 'H' }, 'date'],
      [{ date: farDate(), nameEn: 'H' }, 'nameAr'],
      [{ date: farDate(), nameAr: ' ', nameEn: 'H' }, 'nameAr'],
      [{ date: farDate(), nameAr: 'ع', nameEn: 'H', institutionId: 'x' }, 'institutionId'],
    ];
    for (const [body, field] of cases) {
      const response = await call(national, 'POST', '/admin/holidays', body);
      expect({ body, status: response.statusCode }).toEqual({ body, status: 400 });
      expect(response.json().error.details.issues[0].field).toBe(field);
    }
    const unknown = await call(national, 'POST', '/admin/holidays', {
      date: farDate(),
      nameAr: 'ع',
      nameEn: 'H',
      institutionId: '6d5f2c1a-0b9e-4f3a-8c7d-1e2f3a4b5c6d',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].field).toBe('institutionId');
  });

  it("sets an institution's weekend days, for its admins and national admins only", async () => {
    const set = await call(adminOffice, 'PUT', `/admin/institutions/${office.id}/weekend`, {
      weekendDays: [7, 6],
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ institutionId: office.id, weekendDays: [6, 7] });
    const row = await t.handle.db
      .selectFrom('institutions')
      .select('weekend_days')
      .where('id', '=', office.id)
      .executeTakeFirstOrThrow();
    expect(row.weekend_days.map(Number)).toEqual([6, 7]);

    const audit = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'calendar.changed')
      .where('object_id', '=', office.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      change: 'weekend_changed',
      before: [5, 6],
      after: [6, 7],
    });

    expect(
      (
        await call(adminOffice, 'PUT', `/admin/institutions/${other.id}/weekend`, {
          weekendDays: [5],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call(prosecutor, 'PUT', `/admin/institutions/${office.id}/weekend`, {
          weekendDays: [5],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call(analyst, 'PUT', `/admin/institutions/${office.id}/weekend`, { weekendDays: [5] }))
        .statusCode,
    ).toBe(403);
    const byNational = await call(national, 'PUT', `/admin/institutions/${other.id}/weekend`, {
      weekendDays: [5],
    });
    expect(byNational.json()).toEqual({ institutionId: other.id, weekendDays: [5] });

    for (const weekendDays of [[0], [8], [5, 5], [1, 2, 3, 4, 5, 6, 7], ['friday']]) {
      const response = await call(national, 'PUT', `/admin/institutions/${office.id}/weekend`, {
        weekendDays,
      });
      expect({ weekendDays, status: response.statusCode }).toEqual({ weekendDays, status: 400 });
      expect(response.json().error.details.issues[0].field).toMatch(/^weekendDays/);
    }
    const missing = await call(
      national,
      'PUT',
      '/admin/institutions/6d5f2c1a-0b9e-4f3a-8c7d-1e2f3a4b5c6d/weekend',
      { weekendDays: [5, 6] },
    );
    expect(missing.statusCode).toBe(404);
  });
});
