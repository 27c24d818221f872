/**
 * Who may read the family protection dashboard, who sees it exact, and what a bad request gets.
 * Analysts see the country or any institution; a chief prosecutor their own office, by default,
 * and no other (403, audited); a prosecutor of a family protection unit their own unit's office
 * and nothing else; every other role, a prosecutor of another unit included, is refused (audited).
 * Only the family protection unit sees small cells: everyone else gets them withheld. The answer
 * never names a person. Bad periods, dimensions and institutions are 400s naming the field, or 404.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildInstitution, signedInUser } from '../support/factories';
import { answerFigures, type Answer } from './family-protection-answer';
import {
  buildDatasetInstitutions,
  generateDataset,
  type Dataset,
} from './family-protection-dataset';
import { insertDataset } from './family-protection-insert';

type Headers = Record<string, string>;

let t: TestApp;
let data: Dataset;
let analyst: Headers;
let chief: { headers: Headers; userId: string };
let unitProsecutor: { headers: Headers; userId: string };
let unitChief: Headers;
let generalProsecutor: { headers: Headers; userId: string };

const YEAR = { from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.handle.db;
  // Institutions of this file's own: other tests' files in this database are not theirs.
  data = generateDataset(6_060, await buildDatasetInstitutions(db), 80);
  await insertDataset(db, data);
  const { officeA, familyUnitA, generalUnitA } = data.institutions;
  const user = async (role: Role, unitId: string | null = null) => {
    const u = await signedInUser(db, {
      institutionId: officeA,
      grants: [{ role, institutionId: officeA, unitId }],
    });
    return { headers: u.headers, userId: u.user.id };
  };
  analyst = (await signedInUser(db, { grants: [{ role: 'analyst', institutionId: null }] }))
    .headers;
  chief = await user('chief_prosecutor');
  unitProsecutor = await user('prosecutor', familyUnitA);
  unitChief = (await user('chief_prosecutor', familyUnitA)).headers;
  generalProsecutor = await user('prosecutor', generalUnitA);
}, 120_000);

afterAll(async () => {
  await t.app.close();
});

async function ask(headers: Headers, query: Record<string, string>) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/statistics/family-protection?${new URLSearchParams(query).toString()}`,
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

describe('who may read the family protection dashboard', () => {
  it('gives analysts the whole country or any one institution, always with small cells withheld', async () => {
    const national = await ask(analyst, YEAR);
    expect(national.status).toBe(200);
    expect(national.body).toMatchObject({
      institutionId: null,
      institutions: [],
      suppression: { applied: true, threshold: 5 },
    });
    for (const id of [data.institutions.officeA, data.institutions.police]) {
      const one = await ask(analyst, { ...YEAR, institutionId: id });
      expect(one.status).toBe(200);
      expect(one.body.institutions).toEqual([expect.objectContaining({ id })]);
      expect(one.body.suppression.applied).toBe(true);
    }
  });

  it('gives a chief prosecutor their own office by default, withheld unless on the unit', async () => {
    const office = data.institutions.officeA;
    const byDefault = await ask(chief.headers, YEAR);
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.institutionId).toBeNull();
    expect(byDefault.body.institutions.map((i: { id: string }) => i.id)).toEqual([office]);
    expect(byDefault.body.suppression.applied).toBe(true);
    const named = await ask(chief.headers, { ...YEAR, institutionId: office });
    expect(named.body.attrition).toEqual(byDefault.body.attrition);
    const onUnit = await ask(unitChief, YEAR);
    expect(onUnit.status).toBe(200);
    expect(onUnit.body.suppression.applied).toBe(false);
  });

  it("gives a family protection prosecutor their own unit's office exact, and nothing else", async () => {
    const office = data.institutions.officeA;
    const own = await ask(unitProsecutor.headers, YEAR);
    expect(own.status).toBe(200);
    expect(own.body.institutions.map((i: { id: string }) => i.id)).toEqual([office]);
    expect(own.body.suppression).toEqual({ applied: false, threshold: 5 });
    const named = await ask(unitProsecutor.headers, { ...YEAR, institutionId: office });
    expect(named.body).toEqual({ ...own.body, institutionId: office });
    for (const other of [data.institutions.officeB, data.institutions.police]) {
      const refused = await ask(unitProsecutor.headers, { ...YEAR, institutionId: other });
      expect(refused.status).toBe(403);
    }
    const rows = await deniedRows(unitProsecutor.userId);
    expect(rows.at(-1)).toMatchObject({
      object_type: 'family_protection_statistics',
      object_id: data.institutions.police,
      outcome: 'denied',
    });
  });

  it('withholds from outsiders exactly the small cells the unit sees', async () => {
    const query = { ...YEAR, splitBy: 'victimAgeBand' };
    const exact = answerFigures((await ask(unitProsecutor.headers, query)).body as Answer);
    const outside = await ask(analyst, { ...query, institutionId: data.institutions.officeA });
    const withheld = answerFigures(outside.body as Answer);
    let small = 0;
    for (const name of ['attrition', 'gbvTypes', 'referrals', 'measures'] as const) {
      for (const [cell, values] of exact[name]) {
        values.forEach((value, i) => {
          const theirs = withheld[name].get(cell)?.[i];
          if (value !== null && value < 5) {
            small++;
            expect(theirs, `${name} ${cell}[${i}]`).toBeNull();
          }
          if (theirs !== null && theirs !== undefined) expect(theirs).toBe(value);
        });
      }
    }
    expect(small).toBeGreaterThan(10);
    // Withheld cells say so.
    const stage = (outside.body as Answer).attrition.stages[0];
    for (const cell of stage?.count.breakdown ?? []) {
      expect(cell.suppressed).toBe(cell.value === null);
    }
  });

  it("refuses a chief prosecutor another institution's figures, and audits it", async () => {
    const other = data.institutions.officeB;
    const response = await ask(chief.headers, { ...YEAR, institutionId: other });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'statistics.read_family_protection' },
    });
    const rows = await deniedRows(chief.userId);
    expect(rows.at(-1)).toMatchObject({
      object_type: 'family_protection_statistics',
      object_id: other,
      institution_id: other,
      outcome: 'denied',
    });
  });

  it('refuses a prosecutor of another unit, and every other role, and audits it', async () => {
    const office = data.institutions.officeA;
    const refusedGeneral = [
      await ask(generalProsecutor.headers, YEAR),
      await ask(generalProsecutor.headers, { ...YEAR, institutionId: office }),
    ];
    expect(refusedGeneral.map((r) => r.status)).toEqual([403, 403]);
    expect(await deniedRows(generalProsecutor.userId)).toHaveLength(2);

    const db = t.handle.db;
    const court = await buildInstitution(db, { kind: 'court' });
    const social = await buildInstitution(db, { kind: 'social_services' });
    const cases: [Role, string | null][] = [
      ['prosecutor', office],
      ['police_investigator', data.institutions.police],
      ['judge', court.id],
      ['court_clerk', court.id],
      ['child_protection_counsellor', social.id],
      ['service_provider', social.id],
      ['admin', null],
      ['auditor', null],
    ];
    for (const [role, institutionId] of cases) {
      const user = await signedInUser(db, { institutionId, grants: [{ role, institutionId }] });
      for (const query of [YEAR, { ...YEAR, institutionId: institutionId ?? office }]) {
        const response = await ask(user.headers, query);
        expect({ role, status: response.status }).toEqual({ role, status: 403 });
      }
      const rows = await deniedRows(user.user.id);
      expect(rows, role).toHaveLength(2);
      expect(rows[0]).toMatchObject({
        object_type: 'family_protection_statistics',
        object_id: 'national',
      });
    }
  });

  it('answers with aggregates only, never a name or an id of a person or a file', async () => {
    for (const headers of [analyst, unitProsecutor.headers]) {
      const response = await ask(headers, { ...YEAR, splitBy: 'relationship' });
      expect(response.status).toBe(200);
      expect(response.text).not.toMatch(/حماية [0-9a-f]{8}/u);
      for (const person of data.persons) expect(response.text).not.toContain(person.id);
      for (const file of data.files) expect(response.text).not.toContain(file.id);
    }
  });
});

describe('bad requests', () => {
  const field = (body: { error: { details: { issues: { field: string }[] } } }) =>
    body.error.details.issues[0]?.field;

  it('names the field of a malformed date, dimension, institution or parameter', async () => {
    for (const [query, name] of [
      [{ to: '2025-12-31' }, 'from'],
      [{ from: '2025-01-01' }, 'to'],
      [{ from: '2025-02-30', to: '2025-12-31' }, 'from'],
      [{ from: '2025-01-01', to: '31/12/2025' }, 'to'],
      [{ ...YEAR, splitBy: 'religion' }, 'splitBy'],
      [{ ...YEAR, splitBy: '' }, 'splitBy'],
      [{ ...YEAR, institutionId: 'not-a-uuid' }, 'institutionId'],
      [{ ...YEAR, unitId: randomUUID() }, 'unitId'],
    ] as const) {
      const response = await ask(analyst, query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(field(response.body)).toBe(name);
    }
  });

  it('refuses two dimensions at once, naming the field', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/statistics/family-protection?from=2025-01-01&to=2025-12-31&splitBy=victimSex&splitBy=accusedSex',
      headers: analyst,
    });
    expect(response.statusCode).toBe(400);
    expect(field(response.json())).toBe('splitBy');
  });

  it('refuses a period that ends before it starts or is longer than 366 days', async () => {
    const backwards = await ask(analyst, { from: '2025-06-01', to: '2025-05-31' });
    expect(backwards.status).toBe(400);
    expect(field(backwards.body)).toBe('to');
    const tooLong = await ask(analyst, { from: '2025-01-01', to: '2026-01-02' });
    expect(tooLong.status).toBe(400);
    expect(field(tooLong.body)).toBe('to');
    expect(tooLong.body.error.message).toMatch(/366 days, not 367/);
  });

  it('answers 404 for an institution that does not exist', async () => {
    const response = await ask(analyst, { ...YEAR, institutionId: randomUUID() });
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('lists the route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/api/v1/statistics/family-protection'] ?? {})).toEqual(['get']);
  });
});
