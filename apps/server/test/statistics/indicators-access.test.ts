/**
 * Who may read the juvenile indicators, and what a bad request gets. Analysts (national grants)
 * see the country or any institution; a chief prosecutor sees their own office, by default, and is
 * refused any other (403, audited); every other role is refused (audited). The answer never names
 * a person. Bad periods and institutions are 400s naming the field, or 404.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildInstitution, signedInUser } from '../support/factories';
import {
  buildDatasetInstitutions,
  generateDataset,
  insertDataset,
  type Dataset,
} from './juvenile-dataset';

type Headers = Record<string, string>;

let t: TestApp;
let data: Dataset;
let analyst: Headers;
let chief: { headers: Headers; userId: string };

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.handle.db;
  // Institutions of this file's own: other tests' files in this database are not theirs.
  data = generateDataset(7_331, await buildDatasetInstitutions(db), 40);
  await insertDataset(db, data);
  analyst = (await signedInUser(db, { grants: [{ role: 'analyst', institutionId: null }] }))
    .headers;
  const office = data.institutions.prosecutionA;
  const user = await signedInUser(db, {
    institutionId: office,
    grants: [{ role: 'chief_prosecutor', institutionId: office }],
  });
  chief = { headers: user.headers, userId: user.user.id };
}, 120_000);

afterAll(async () => {
  await t.app.close();
});

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

async function ask(headers: Headers, query: Record<string, string>) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/statistics/juvenile-indicators?${new URLSearchParams(query).toString()}`,
    headers,
  });
  return { status: response.statusCode, body: response.json(), text: response.body };
}

function deniedRows(userId: string) {
  return t.handle.db
    .selectFrom('audit_log')
    .selectAll()
    .where('actor_user_id', '=', userId)
    .where('action', '=', 'access.denied')
    .orderBy('seq')
    .execute();
}

describe('who may read the juvenile indicators', () => {
  it('gives analysts the whole country or any one institution', async () => {
    const national = await ask(analyst, YEAR);
    expect(national.status).toBe(200);
    expect(national.body).toMatchObject({ institutionId: null, institutions: [] });
    expect(national.body.indicators).toHaveLength(7);

    const court = await ask(analyst, { ...YEAR, institutionId: data.institutions.court });
    expect(court.status).toBe(200);
    expect(court.body.institutionId).toBe(data.institutions.court);
    expect(court.body.institutions).toEqual([
      expect.objectContaining({ id: data.institutions.court, code: expect.any(String) }),
    ]);
  });

  it('gives a chief prosecutor their own office by default, and the same when named', async () => {
    const office = data.institutions.prosecutionA;
    const byDefault = await ask(chief.headers, YEAR);
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.institutionId).toBeNull();
    expect(byDefault.body.institutions.map((i: { id: string }) => i.id)).toEqual([office]);
    const named = await ask(chief.headers, { ...YEAR, institutionId: office });
    expect(named.status).toBe(200);
    expect(named.body.indicators).toEqual(byDefault.body.indicators);
    const byAnalyst = await ask(analyst, { ...YEAR, institutionId: office });
    expect(byAnalyst.body.indicators).toEqual(byDefault.body.indicators);
    // The office's own figures, not the country's.
    const national = await ask(analyst, YEAR);
    const conflict = (body: { indicators: { code: string; value: number }[] }) =>
      body.indicators.find((i) => i.code === 'children_in_conflict')?.value ?? 0;
    expect(conflict(byDefault.body)).toBeGreaterThan(0);
    expect(conflict(byDefault.body)).toBeLessThan(conflict(national.body));
  });

  it("refuses a chief prosecutor another institution's figures, and audits it", async () => {
    const other = data.institutions.prosecutionB;
    const response = await ask(chief.headers, { ...YEAR, institutionId: other });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'statistics.read' },
    });
    const rows = await deniedRows(chief.userId);
    expect(rows.at(-1)).toMatchObject({
      object_type: 'juvenile_indicators',
      object_id: other,
      institution_id: other,
      outcome: 'denied',
      details: expect.objectContaining({ permission: 'statistics.read' }),
    });
  });

  it('refuses every other role, with or without an institution, and audits it', async () => {
    const db = t.handle.db;
    const office = await buildInstitution(db, { kind: 'prosecution_office', units: ['juvenile'] });
    const court = await buildInstitution(db, { kind: 'court' });
    const social = await buildInstitution(db, { kind: 'social_services' });
    const cases: [Role, string | null][] = [
      ['prosecutor', office.id],
      ['judge', court.id],
      ['court_clerk', court.id],
      ['child_protection_counsellor', social.id],
      ['admin', null],
      ['auditor', null],
    ];
    for (const [role, institutionId] of cases) {
      const user = await signedInUser(db, { institutionId, grants: [{ role, institutionId }] });
      for (const query of [YEAR, { ...YEAR, institutionId: institutionId ?? office.id }]) {
        const response = await ask(user.headers, query);
        expect({ role, status: response.status }).toEqual({ role, status: 403 });
      }
      const rows = await deniedRows(user.user.id);
      expect(rows, role).toHaveLength(2);
      expect(rows[0]).toMatchObject({ object_type: 'juvenile_indicators', object_id: 'national' });
    }
  });

  it('answers with aggregates only, never a name or an id of a person or a file', async () => {
    const response = await ask(analyst, YEAR);
    expect(response.status).toBe(200);
    expect(response.text).not.toMatch(/إحصاء/u);
    for (const person of data.persons) expect(response.text).not.toContain(person.id);
    for (const file of data.files) expect(response.text).not.toContain(file.id);
  });
});

describe('bad requests', () => {
  const field = (body: { error: { details: { issues: { field: string }[] } } }) =>
    body.error.details.issues[0]?.field;

  it('names the field of a malformed, impossible or missing date', async () => {
    for (const [query, name] of [
      [{ to: '2025-12-31' }, 'from'],
      [{ from: '2025-01-01' }, 'to'],
      [{ from: '2025-13-01', to: '2025-12-31' }, 'from'],
      [{ from: '2025-02-30', to: '2025-12-31' }, 'from'],
      [{ from: '2025-01-01', to: '31/12/2025' }, 'to'],
      [{ from: '2025-01-01', to: '2025-12-31', institutionId: 'not-a-uuid' }, 'institutionId'],
      [{ from: '2025-01-01', to: '2025-12-31', courtId: randomUUID() }, 'courtId'],
    ] as const) {
      const response = await ask(analyst, query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(field(response.body)).toBe(name);
    }
  });

  it('refuses a period that ends before it starts or is longer than 366 days', async () => {
    const backwards = await ask(analyst, { from: '2025-06-01', to: '2025-05-31' });
    expect(backwards.status).toBe(400);
    expect(field(backwards.body)).toBe('to');
    expect(backwards.body.error.message).toMatch(/before "from"/);

    const tooLong = await ask(analyst, { from: '2025-01-01', to: '2026-01-02' });
    expect(tooLong.status).toBe(400);
    expect(field(tooLong.body)).toBe('to');
    expect(tooLong.body.error.message).toMatch(/366 days, not 367/);

    // A leap year is 366 days: allowed. One day is allowed too.
    expect((await ask(analyst, { from: '2024-01-01', to: '2024-12-31' })).status).toBe(200);
    expect((await ask(analyst, { from: '2025-03-01', to: '2025-03-01' })).status).toBe(200);
  });

  it('answers 404 for an institution that does not exist', async () => {
    const response = await ask(analyst, { ...YEAR, institutionId: randomUUID() });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('lists the routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/api/v1/statistics/juvenile-indicators'] ?? {})).toEqual(['get']);
    expect(
      Object.keys(doc.paths['/api/v1/statistics/child-population/{year}'] ?? {}).sort(),
    ).toEqual(['get', 'put']);
  });
});
