/**
 * Person search and protected victims (issue 6, ADR 0017): a victim of a family protection file is
 * masked for readers outside the file's team, and a masked row in the results would still tell an
 * outsider that the name typed belongs to a protected victim, and how well it matched. So for such
 * a reader she is not a result at all, by name, national ID or date of birth, and she does not
 * count in the total; a member of the file's team finds her as anyone else.
 */
import type { Role } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Headers } from '../cases/case-api-kit';
import { buildTestApp, type TestApp } from '../support/app';
import { caseApi, type CaseApi } from '../support/cases';
import { buildInstitution, signedInUser, uniqueSuffix } from '../support/factories';

type User = Awaited<ReturnType<typeof signedInUser>>;

/** Arabic letters only, so that the family name is one whole, unique word. */
function arabicSuffix(): string {
  const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
  return Array.from(uniqueSuffix(), (c) => letters[parseInt(c, 16)] ?? 'ب').join('');
}

interface Hit {
  id: string;
  isMasked: boolean;
  fullNameAr: string;
  match: { by: string; score: number; kind: string };
}

describe('person search never reveals that a protected victim matched', () => {
  let t: TestApp;
  let api: CaseApi;
  let prosecutor: User;
  let chief: User;
  let outsider: User;
  let caseId: string;
  let victim: { id: string; family: string; nationalId: string };
  let neighbour: { id: string };

  beforeAll(async () => {
    t = await buildTestApp();
    api = caseApi(t.app);
    const db = t.handle.db;
    const office = await buildInstitution(db, {
      kind: 'prosecution_office',
      units: ['general', 'family_protection'],
    });
    const at = (role: Role, unitId?: string) =>
      signedInUser(db, {
        institutionId: office.id,
        grants: [{ role, institutionId: office.id, ...(unitId ? { unitId } : {}) }],
      });
    prosecutor = await at('prosecutor');
    chief = await at('chief_prosecutor');
    outsider = await at('prosecutor', office.units[0]!.id);

    const registered = await api.register(chief.headers, {
      caseType: 'prosecution_file',
      institutionId: office.id,
      summary: `شكوى عنف أسري ${uniqueSuffix()}`,
      incidentDate: '2026-10-01',
    });
    expect(registered.status).toBe(201);
    caseId = registered.body.id as string;
    await fireOk(chief.headers, 'reassign', { userId: prosecutor.user.id, reason: 'حماية الأسرة' });
    await fireOk(prosecutor.headers, 'open_investigation');

    const family = `ال${arabicSuffix()}`;
    const nationalId = String(Math.floor(400_000_000 + Math.random() * 99_999_999));
    const person = (first: string, sex: 'female' | 'male', id: string | null) =>
      db
        .insertInto('persons')
        .values({
          first_name_ar: first,
          father_name_ar: 'خليل',
          grandfather_name_ar: 'سالم',
          family_name_ar: family,
          national_id: id,
          sex,
          date_of_birth: '1994-03-09',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const accused = await person('سامر', 'male', null);
    const her = await person('ريم', 'female', nationalId);
    // Same family name, no file: found by everyone, so the search itself works for the outsider.
    neighbour = await person('هالة', 'female', null);
    await fireOk(prosecutor.headers, 'add_party', { personId: accused.id, role: 'accused' });
    await fireOk(prosecutor.headers, 'add_party', {
      personId: her.id,
      role: 'victim',
      relationshipToAccused: 'spouse',
    });
    victim = { id: her.id, family, nationalId };
    expect((await api.get(prosecutor.headers, caseId)).body.isFamilyProtection).toBe(true);
  });
  afterAll(async () => {
    await t.app.close();
  });

  async function fireOk(headers: Headers, event: string, payload: object = {}) {
    const response = await api.fire(headers, caseId, event, payload);
    expect({
      event,
      status: response.status,
      body: response.status === 200 ? null : response.body,
    }).toEqual({ event, status: 200, body: null });
  }

  async function search(user: User, query: string) {
    const response = await call(t, user.headers, 'GET', `/persons?${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: Hit[]; total: number };
  }

  it('an outsider searching her full name, family name, ID or birth date does not learn she matched', async () => {
    for (const query of [
      `q=${encodeURIComponent(`ريم خليل ${victim.family}`)}`,
      `q=${encodeURIComponent(victim.family)}`,
      `q=${encodeURIComponent(`ريم ${victim.family.slice(2)}`)}`,
      `q=${victim.nationalId}`,
      `nationalId=${victim.nationalId}`,
      `q=${encodeURIComponent(victim.family)}&dob=1994-03-09`,
    ]) {
      for (const reader of [outsider, chief]) {
        const page = await search(reader, query);
        expect({ query, ids: page.items.map((hit) => hit.id) }).not.toEqual(
          expect.objectContaining({ ids: expect.arrayContaining([victim.id]) }),
        );
        // No masked row either, and the total does not count her.
        expect(page.items.filter((hit) => hit.isMasked)).toEqual([]);
        expect(page.total).toBe(page.items.length);
      }
    }
    // The search itself works: the relative of the same family name with no file is found.
    const family = await search(outsider, `q=${encodeURIComponent(victim.family)}`);
    expect(family.items.map((hit) => hit.id)).toContain(neighbour.id);
  });

  it('a member of the file’s team finds her by name, unmasked, with the reason of the match', async () => {
    const page = await search(prosecutor, `q=${encodeURIComponent(`ريم ${victim.family}`)}`);
    const hit = page.items.find((item) => item.id === victim.id);
    expect(hit).toMatchObject({
      isMasked: false,
      match: { by: 'name', score: 1, kind: 'exact' },
    });
    expect(hit?.fullNameAr).toContain('ريم');
    const byId = await search(prosecutor, `q=${victim.nationalId}`);
    expect(byId.items[0]).toMatchObject({ id: victim.id, match: { by: 'national_id' } });
  });
});
