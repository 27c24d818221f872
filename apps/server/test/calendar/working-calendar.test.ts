import { addWorkingDays, localDateString } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../src/calendar/working-calendar';
import { buildTestApp, type TestApp } from '../support/app';
import { buildInstitution, signedInUser } from '../support/factories';

describe('working calendar of an institution', () => {
  let t: TestApp;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    t = await buildTestApp();
    adminHeaders = (
      await signedInUser(t.handle.db, { grants: [{ role: 'admin', institutionId: null }] })
    ).headers;
  });
  afterAll(async () => {
    await t.app.close();
  });

  const addHoliday = async (date: string, institutionId: string | null) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/holidays',
      headers: adminHeaders,
      payload: { date, nameAr: 'عطلة', nameEn: 'Holiday', institutionId },
    });
    expect(response.statusCode).toBe(201);
  };

  it("holds the institution's weekend, the national holidays and its own holidays only", async () => {
    const office = await buildInstitution(t.handle.db);
    const neighbour = await buildInstitution(t.handle.db);
    await addHoliday('2026-09-10', office.id);
    await addHoliday('2026-09-13', neighbour.id);
    const calendar = await loadWorkingCalendar(t.handle.db, office.id);
    expect(calendar.weekendDays).toEqual([5, 6]);
    expect(calendar.timeZone).toBe('Asia/Hebron');
    expect(calendar.holidays.has('2026-09-10')).toBe(true);
    expect(calendar.holidays.has('2026-09-13')).toBe(false);
    expect(calendar.holidays.has('2026-03-20')).toBe(true); // Eid al-Fitr, national
    expect(calendar.holidays.has('2027-11-15')).toBe(true); // Independence Day, national
    const utc = await loadWorkingCalendar(t.handle.db, office.id, 'UTC');
    expect(utc.timeZone).toBe('UTC');
  });

  it('lets the national Eid al-Fitr holidays shift a working-day deadline', async () => {
    const office = await buildInstitution(t.handle.db);
    const calendar = await loadWorkingCalendar(t.handle.db, office.id);
    // Thursday 19 March 2026: the next working day is Monday 23 March, after the weekend and Eid.
    const due = addWorkingDays(new Date('2026-03-19T10:00:00+02:00'), 1, calendar);
    expect(due.toISOString()).toBe('2026-03-23T21:59:59.999Z');
  });

  it("lets an institution's own holiday and weekend shift its deadlines", async () => {
    const office = await buildInstitution(t.handle.db);
    const event = new Date('2026-09-08T11:00:00+03:00'); // Tuesday
    const before = addWorkingDays(event, 2, await loadWorkingCalendar(t.handle.db, office.id));
    expect(localDateString(before, 'Asia/Hebron')).toBe('2026-09-10'); // Thursday

    await addHoliday('2026-09-10', office.id);
    const withHoliday = addWorkingDays(event, 2, await loadWorkingCalendar(t.handle.db, office.id));
    expect(localDateString(withHoliday, 'Asia/Hebron')).toBe('2026-09-13'); // Sunday

    const weekend = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/institutions/${office.id}/weekend`,
      headers: adminHeaders,
      payload: { weekendDays: [6, 7] },
    });
    expect(weekend.statusCode).toBe(200);
    const satSun = addWorkingDays(event, 2, await loadWorkingCalendar(t.handle.db, office.id));
    expect(localDateString(satSun, 'Asia/Hebron')).toBe('2026-09-11'); // Friday is now worked
  });

  it('refuses an unknown institution', async () => {
    await expect(
      loadWorkingCalendar(t.handle.db, '6d5f2c1a-0b9e-4f3a-8c7d-1e2f3a4b5c6d'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
