import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildInstitution, signedInUser } from '../support/factories';

interface Offence {
  id: string;
  code: string;
  article: string;
  titleAr: string;
  offenceClass: 'felony' | 'misdemeanour' | 'contravention';
  iccsCategory: string;
  isGbvRelated: boolean;
}

describe('offence catalogue API', () => {
  let t: TestApp;
  let analyst: Record<string, string>;
  let judge: Record<string, string>;

  beforeAll(async () => {
    t = await buildTestApp();
    const court = await buildInstitution(t.handle.db, { kind: 'court' });
    analyst = (
      await signedInUser(t.handle.db, { grants: [{ role: 'analyst', institutionId: null }] })
    ).headers;
    judge = (
      await signedInUser(t.handle.db, {
        institutionId: court.id,
        grants: [{ role: 'judge', institutionId: court.id }],
      })
    ).headers;
  });
  afterAll(async () => {
    await t.app.close();
  });

  const list = async (headers: Record<string, string>, query = '') => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/offences?limit=500${query}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Offence[]; total: number }>();
  };

  it('is loaded with every class, GBV offences and the main laws', async () => {
    // Other test files on this database add their own offences (codes T-…): leave them out.
    const listed = await list(judge);
    const all = { items: listed.items.filter((o) => !o.code.startsWith('T-')) };
    expect(all.items.length).toBeGreaterThanOrEqual(40);
    expect(all.items.length).toBeLessThanOrEqual(80);
    const classes = new Set(all.items.map((o) => o.offenceClass));
    expect([...classes].sort()).toEqual(['contravention', 'felony', 'misdemeanour']);
    expect(all.items.some((o) => o.isGbvRelated)).toBe(true);
    expect(all.items.some((o) => !o.isGbvRelated)).toBe(true);
    for (const code of [
      'PC-326',
      'PC-328',
      'PC-334',
      'PC-292',
      'PC-407',
      'PC-417',
      'CYB-15',
      'DRG-14',
      'WPN-2',
    ]) {
      expect(all.items.map((o) => o.code)).toContain(code);
    }
    for (const offence of all.items) {
      expect(offence.iccsCategory).toMatch(/^(0[1-9]|1[01])$/);
      expect(offence.titleAr).toMatch(/[\u0600-\u06FF]/);
    }
    const rape = all.items.find((o) => o.code === 'PC-292');
    expect(rape).toMatchObject({ offenceClass: 'felony', iccsCategory: '03', isGbvRelated: true });
    const homicide = all.items.find((o) => o.code === 'PC-326');
    expect(homicide).toMatchObject({ article: '326', iccsCategory: '01', isGbvRelated: false });
  });

  it('filters by class, GBV flag and text, for any signed-in user', async () => {
    const felonies = await list(analyst, '&class=felony');
    expect(felonies.total).toBeGreaterThan(0);
    expect(felonies.items.every((o) => o.offenceClass === 'felony')).toBe(true);

    const contraventions = await list(analyst, '&class=contravention');
    expect(contraventions.total).toBeGreaterThan(0);

    const gbv = await list(judge, '&gbv=true');
    expect(gbv.items.every((o) => o.isGbvRelated)).toBe(true);
    expect(gbv.items.map((o) => o.code)).toEqual(
      expect.arrayContaining(['PC-292', 'CYB-15', 'PC-279']),
    );
    const notGbv = await list(judge, '&gbv=false');
    expect(notGbv.total + gbv.total).toBe((await list(judge)).total);

    const cyber = await list(judge, `&q=${encodeURIComponent('الإلكترونية')}`);
    expect(cyber.total).toBeGreaterThan(0);
    expect(cyber.items.every((o) => o.code.startsWith('CYB-'))).toBe(true);
    const byEnglish = await list(judge, '&q=rape');
    expect(byEnglish.items.map((o) => o.code)).toContain('PC-292');
  });

  it('reads one offence, and names a bad filter', async () => {
    const { items } = await list(judge, '&q=PC-417');
    const fraud = items.find((o) => o.code === 'PC-417')!;
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/offences/${fraud.id}`,
      headers: analyst,
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      code: 'PC-417',
      offenceClass: 'misdemeanour',
      iccsCategory: '07',
    });

    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/offences/6d5f2c1a-0b9e-4f3a-8c7d-1e2f3a4b5c6d',
      headers: judge,
    });
    expect(missing.statusCode).toBe(404);
    const badClass = await t.app.inject({
      method: 'GET',
      url: '/api/v1/offences?class=crime',
      headers: judge,
    });
    expect(badClass.statusCode).toBe(400);
    expect(badClass.json().error.details.issues[0].field).toBe('class');
    const badFlag = await t.app.inject({
      method: 'GET',
      url: '/api/v1/offences?gbv=perhaps',
      headers: judge,
    });
    expect(badFlag.statusCode).toBe(400);
    expect(badFlag.json().error.details.issues[0].field).toBe('gbv');
  });
});
