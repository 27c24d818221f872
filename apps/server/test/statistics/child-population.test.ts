/**
 * The child population figures (`/api/v1/statistics/child-population/:year`): national
 * administrators replace a year's figures (audited, before and after) and read them back; nobody
 * else may; incomplete or contradictory figures are 400s naming the field. Years far in the future
 * keep these figures out of every other test's rates.
 */
import { localDateOf } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo';
import { findChildPopulation } from '../../src/statistics/child-population.repository';
import { buildTestApp, type TestApp } from '../support/app';
import { isolatedTestDatabase } from '../support/database';
import { buildInstitution, signedInUser } from '../support/factories';

type Headers = Record<string, string>;

let t: TestApp;
let admin: { headers: Headers; userId: string };

beforeAll(async () => {
  t = await buildTestApp();
  const user = await signedInUser(t.handle.db, {
    grants: [{ role: 'admin', institutionId: null }],
  });
  admin = { headers: user.headers, userId: user.user.id };
});

afterAll(async () => {
  await t.app.close();
});

const FIGURES = [
  { sex: 'male', ageBand: '16_17', population: 130_000 },
  { sex: 'female', ageBand: 'under_12', population: 820_000 },
  { sex: 'female', ageBand: '12_13', population: 133_000 },
  { sex: 'female', ageBand: '14_15', population: 129_000 },
  { sex: 'female', ageBand: '16_17', population: 124_000 },
  { sex: 'male', ageBand: 'under_12', population: 860_000 },
  { sex: 'male', ageBand: '12_13', population: 140_000 },
  { sex: 'male', ageBand: '14_15', population: 135_000 },
];
const TOTAL = FIGURES.reduce((total, f) => total + f.population, 0);

async function put(headers: Headers, year: number | string, payload: unknown) {
  const response = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/statistics/child-population/${year}`,
    headers,
    payload: payload as object,
  });
  return { status: response.statusCode, body: response.json() };
}

async function get(headers: Headers, year: number | string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/statistics/child-population/${year}`,
    headers,
  });
  return { status: response.statusCode, body: response.json() };
}

function auditOf(year: number) {
  return t.handle.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'statistics.child_population_set')
    .where('object_id', '=', String(year))
    .orderBy('seq')
    .execute();
}

describe('child population figures', () => {
  it('replaces a year, reads it back in order, and audits before and after', async () => {
    const first = await put(admin.headers, 2101, {
      source: ' PCBS estimates 2101 ',
      figures: FIGURES,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ year: 2101, source: 'PCBS estimates 2101', total: TOTAL });
    // Female before male, bands from the youngest.
    expect(
      first.body.figures.map((f: { sex: string; ageBand: string }) => `${f.sex} ${f.ageBand}`),
    ).toEqual([
      'female under_12',
      'female 12_13',
      'female 14_15',
      'female 16_17',
      'male under_12',
      'male 12_13',
      'male 14_15',
      'male 16_17',
    ]);
    expect(await get(admin.headers, 2101)).toEqual({ status: 200, body: first.body });

    const changed = FIGURES.map((f) =>
      f.ageBand === '12_13' ? { ...f, population: f.population + 1_000 } : f,
    );
    const second = await put(admin.headers, 2101, { source: 'PCBS revised', figures: changed });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ source: 'PCBS revised', total: TOTAL + 2_000 });
    expect((await get(admin.headers, 2101)).body.total).toBe(TOTAL + 2_000);

    const rows = await auditOf(2101);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actor_user_id: admin.userId,
      object_type: 'child_population',
      outcome: 'success',
      institution_id: null,
      details: { year: 2101, before: null, after: { source: 'PCBS estimates 2101' } },
    });
    expect(rows[1]?.details).toMatchObject({
      before: { source: 'PCBS estimates 2101' },
      after: { source: 'PCBS revised' },
    });
    const after = (rows[1]?.details as { after: { figures: { population: number }[] } }).after;
    expect(after.figures.reduce((total, f) => total + f.population, 0)).toBe(TOTAL + 2_000);
  });

  it('answers 404 for a year without figures', async () => {
    const response = await get(admin.headers, 2199);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses anyone but a national administrator, and audits it', async () => {
    const db = t.handle.db;
    const office = await buildInstitution(db, { kind: 'prosecution_office' });
    for (const grant of [
      { role: 'analyst' as const, institutionId: null },
      { role: 'chief_prosecutor' as const, institutionId: office.id },
      { role: 'admin' as const, institutionId: office.id },
    ]) {
      const user = await signedInUser(db, { grants: [grant] });
      const write = await put(user.headers, 2102, { source: 'x', figures: FIGURES });
      expect({ grant, status: write.status }).toEqual({ grant, status: 403 });
      expect((await get(user.headers, 2101)).status).toBe(403);
      const denied = await db
        .selectFrom('audit_log')
        .select(['object_type', 'object_id'])
        .where('actor_user_id', '=', user.user.id)
        .where('action', '=', 'access.denied')
        .execute();
      expect(denied).toEqual([
        { object_type: 'child_population', object_id: '2102' },
        { object_type: 'child_population', object_id: '2101' },
      ]);
    }
    expect((await get(admin.headers, 2102)).status).toBe(404);
  });

  it('names the field of incomplete or contradictory figures and writes nothing', async () => {
    const duplicate = [...FIGURES.slice(0, 7), { ...FIGURES[0] }];
    const cases: [number | string, unknown, string][] = [
      [2103, { source: 'x', figures: FIGURES.slice(0, 7) }, 'figures'],
      [2103, { source: 'x', figures: duplicate }, 'figures.7'],
      [2103, { source: 'x', figures: FIGURES.map((f) => ({ ...f, population: 0 })) }, 'figures'],
      [
        2103,
        { source: 'x', figures: [{ ...FIGURES[0], population: -1 }, ...FIGURES.slice(1)] },
        'figures.0.population',
      ],
      [
        2103,
        { source: 'x', figures: [{ ...FIGURES[0], ageBand: '18_plus' }, ...FIGURES.slice(1)] },
        'figures.0.ageBand',
      ],
      [
        2103,
        { source: 'x', figures: [{ ...FIGURES[0], sex: 'unknown' }, ...FIGURES.slice(1)] },
        'figures.0.sex',
      ],
      [2103, { source: '   ', figures: FIGURES }, 'source'],
      [2103, { figures: FIGURES }, 'source'],
      [2103, { source: 'x', figures: FIGURES, extra: 1 }, 'extra'],
      [1800, { source: 'x', figures: FIGURES }, 'year'],
      ['twenty', { source: 'x', figures: FIGURES }, 'year'],
    ];
    for (const [year, payload, field] of cases) {
      const response = await put(admin.headers, year, payload);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details.issues[0].field).toBe(field);
    }
    expect((await get(admin.headers, 2103)).status).toBe(404);
    expect(await auditOf(2103)).toEqual([]);
  });
});

describe('the demo', () => {
  it("seeds this year's child population, marked as illustration", async () => {
    const iso = await isolatedTestDatabase();
    try {
      const now = new Date();
      const result = await seedDemo(iso.handle.db, {
        origin: { requestId: null, sourceIp: null, occurredAt: now },
        actor: { userId: null, username: 'cli:test' },
        passwordLog2N: 10,
      });
      expect(result.isSeeded).toBe(true);
      const year = localDateOf(now, t.config.timeZone).year;
      const population = await findChildPopulation(iso.handle.db, year);
      expect(population?.source).toMatch(/illustration.*PCBS/);
      expect(population?.figures).toHaveLength(8);
      const total = population?.figures.reduce((sum, f) => sum + f.population, 0) ?? 0;
      expect(total).toBeGreaterThan(1_000_000);
    } finally {
      await iso.dispose();
    }
  });
});
