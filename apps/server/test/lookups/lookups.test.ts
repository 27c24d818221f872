/**
 * The pickers' lookups: a court's judges and an institution's staff by role. Only active standard
 * grants at that institution count; recused users are left out for their file; the policy decides
 * who may ask, and refusals are 403 (unauthenticated: 401).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildBareCase, buildInstitution, buildUser, signedInUser } from '../support/factories';

const LONG_AGO = new Date('2020-01-01T00:00:00Z');

describe('lookups for the event forms', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
  });

  const db = () => t.handle.db;
  async function get(headers: Record<string, string>, url: string) {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }
  const ids = (body: Record<string, unknown>) =>
    (body.items as { userId: string }[]).map((i) => i.userId).sort();

  async function court() {
    const institution = await buildInstitution(db(), { kind: 'court' });
    const grant = { role: 'judge' as const, institutionId: institution.id, validFrom: LONG_AGO };
    const judgeA = await buildUser(db(), { institutionId: institution.id, grants: [grant] });
    const judgeB = await buildUser(db(), { institutionId: institution.id, grants: [grant] });
    const expired = await buildUser(db(), {
      grants: [{ ...grant, validUntil: new Date('2021-01-01T00:00:00Z') }],
    });
    const inactive = await buildUser(db(), { grants: [grant] });
    await db()
      .updateTable('users')
      .set({ is_active: false })
      .where('id', '=', inactive.id)
      .execute();
    const clerk = await signedInUser(db(), {
      institutionId: institution.id,
      grants: [{ role: 'court_clerk', institutionId: institution.id, validFrom: LONG_AGO }],
    });
    return { institution, judgeA, judgeB, expired, inactive, clerk };
  }

  it("lists a court's active judges by name for its clerk, leaving out the recused", async () => {
    const c = await court();
    const other = await buildInstitution(db(), { kind: 'court' });
    await buildUser(db(), {
      grants: [{ role: 'judge', institutionId: other.id, validFrom: LONG_AGO }],
    });
    const all = await get(c.clerk.headers, `/lookups/judges?courtId=${c.institution.id}`);
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual([c.judgeA.id, c.judgeB.id].sort());
    const first = (all.body.items as Record<string, string>[])[0];
    expect(first).toMatchObject({ nameAr: expect.any(String), nameEn: expect.any(String) });

    const file = await buildBareCase(db(), c.institution.id, { caseType: 'court_case' });
    await db()
      .insertInto('role_assignments')
      .values({
        user_id: c.judgeB.id,
        role: 'judge',
        grant_kind: 'excluded',
        institution_id: c.institution.id,
        unit_id: null,
        case_id: file.id,
        reason: 'recused',
        valid_from: LONG_AGO,
        valid_until: null,
      })
      .execute();
    const forFile = await get(
      c.clerk.headers,
      `/lookups/judges?courtId=${c.institution.id}&caseId=${file.id}`,
    );
    expect(ids(forFile.body)).toEqual([c.judgeA.id]);
  });

  it('lists staff by role for reassignment', async () => {
    const office = await buildInstitution(db());
    const grant = (role: 'prosecutor' | 'chief_prosecutor') => ({
      role,
      institutionId: office.id,
      validFrom: LONG_AGO,
    });
    const p1 = await buildUser(db(), { grants: [grant('prosecutor')] });
    const p2 = await buildUser(db(), { grants: [grant('prosecutor')] });
    const chief = await signedInUser(db(), { grants: [grant('chief_prosecutor')] });
    const response = await get(
      chief.headers,
      `/lookups/staff?institutionId=${office.id}&role=prosecutor`,
    );
    expect(response.status).toBe(200);
    expect(ids(response.body)).toEqual([p1.id, p2.id].sort());
  });

  it('refuses the unauthenticated, other roles and other institutions', async () => {
    const c = await court();
    const url = `/lookups/judges?courtId=${c.institution.id}`;
    expect((await get({}, url)).status).toBe(401);

    const prosecutor = await signedInUser(db(), {
      grants: [{ role: 'prosecutor', institutionId: c.institution.id, validFrom: LONG_AGO }],
    });
    const refused = await get(prosecutor.headers, url);
    expect(refused.status).toBe(403);
    expect((refused.body.error as { code: string }).code).toBe('FORBIDDEN');

    const other = await buildInstitution(db(), { kind: 'court' });
    const otherClerk = await signedInUser(db(), {
      grants: [{ role: 'court_clerk', institutionId: other.id, validFrom: LONG_AGO }],
    });
    expect((await get(otherClerk.headers, url)).status).toBe(403);
    const staff = `/lookups/staff?institutionId=${c.institution.id}&role=judge`;
    expect((await get(prosecutor.headers, staff)).status).toBe(403);
    expect((await get(c.clerk.headers, staff)).status).toBe(200);

    const denials = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'access.denied')
      .where('actor_user_id', '=', prosecutor.user.id)
      .execute();
    expect(denials.length).toBe(2);
  });

  it('answers 400 naming the field for a bad query', async () => {
    const c = await court();
    const response = await get(c.clerk.headers, '/lookups/judges?courtId=nope');
    expect(response.status).toBe(400);
    const bad = await get(
      c.clerk.headers,
      `/lookups/staff?institutionId=${c.institution.id}&role=emperor`,
    );
    expect(bad.status).toBe(400);
  });
});
