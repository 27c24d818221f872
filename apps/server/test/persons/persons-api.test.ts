import type { Role } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildInstitution, signedInUser, uniqueSuffix } from '../support/factories';

// Two days ahead of the real time at 09:00 UTC, so grants made "now" are already valid.
const NOW = new Date(Date.now() + 2 * 86_400_000);
NOW.setUTCHours(9, 0, 0, 0);
const TODAY = NOW.toISOString().slice(0, 10);
const TOMORROW = new Date(NOW.getTime() + 86_400_000).toISOString().slice(0, 10);

/** A fresh, unused nine-digit national ID. */
function nationalId(): string {
  return String(Math.floor(100_000_000 + Math.random() * 899_999_999));
}

describe('persons registry API', () => {
  let t: TestApp;
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let court: Awaited<ReturnType<typeof buildInstitution>>;
  const users: Partial<Record<Role | 'nationalAdmin', Record<string, string>>> = {};

  const as = (key: keyof typeof users) => users[key]!;
  const call = (
    headers: Record<string, string>,
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.handle.db;
    t.clock.set(NOW);
    office = await buildInstitution(db, { units: ['general'] });
    court = await buildInstitution(db, { kind: 'court' });
    const atOffice: Role[] = [
      'prosecutor',
      'chief_prosecutor',
      'police_investigator',
      'child_protection_counsellor',
      'mediator',
      'correction_officer',
      'lawyer',
      'admin',
    ];
    const signIn = async (role: Role, institutionId: string | null) =>
      (await signedInUser(db, { institutionId, grants: [{ role, institutionId }] }, NOW)).headers;
    for (const role of atOffice) users[role] = await signIn(role, office.id);
    users.judge = await signIn('judge', court.id);
    users.court_clerk = await signIn('court_clerk', court.id);
    users.analyst = await signIn('analyst', null);
    users.auditor = await signIn('auditor', null);
    users.nationalAdmin = await signIn('admin', null);
  });
  afterAll(async () => {
    await t.app.close();
  });

  const register = (headers: Record<string, string>, body: object = {}) =>
    call(headers, 'POST', '/persons', {
      firstNameAr: 'أحمد',
      fatherNameAr: 'محمود',
      grandfatherNameAr: 'سالم',
      familyNameAr: `الخطيب${uniqueSuffix()}`,
      ...body,
    });

  it('registers a person and presents the four-part name', async () => {
    const id = nationalId();
    const response = await register(as('prosecutor'), {
      nameLatin: 'Ahmad Mahmoud Salem al-Khatib',
      nationalId: id,
      sex: 'male',
      dateOfBirth: '1990-04-17',
      nationality: 'PS',
      phone: '+970 59 123 4567',
      address: 'رام الله، البيرة',
    });
    expect(response.statusCode).toBe(201);
    const person = response.json();
    expect(person).toMatchObject({
      nationalId: id,
      firstNameAr: 'أحمد',
      sex: 'male',
      dateOfBirth: '1990-04-17',
      phone: '+970 59 123 4567',
      address: 'رام الله، البيرة',
      version: 1,
    });
    expect(person.fullNameAr).toBe(`أحمد محمود سالم ${person.familyNameAr}`);

    const audit = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.created')
      .where('object_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(audit.outcome).toBe('success');
    expect(audit.institution_id).toBe(office.id);
  });

  it('composes the full name from the parts present', async () => {
    const response = await call(as('police_investigator'), 'POST', '/persons', {
      firstNameAr: '  مريم ',
      familyNameAr: 'عودة',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      firstNameAr: 'مريم',
      fatherNameAr: null,
      fullNameAr: 'مريم عودة',
      nationalId: null,
    });
  });

  it('lets every case-handling role register, at any institution, and refuses the others', async () => {
    for (const role of [
      'prosecutor',
      'chief_prosecutor',
      'police_investigator',
      'judge',
      'court_clerk',
    ] as const) {
      const response = await register(as(role));
      expect({ role, status: response.statusCode }).toEqual({ role, status: 201 });
    }
    for (const role of [
      'child_protection_counsellor',
      'mediator',
      'correction_officer',
      'lawyer',
      'admin',
      'nationalAdmin',
      'analyst',
      'auditor',
    ] as const) {
      const response = await register(as(role));
      expect({ role, status: response.statusCode }).toEqual({ role, status: 403 });
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a second registration of a national ID with the existing person id', async () => {
    const id = nationalId();
    const first = await register(as('prosecutor'), { nationalId: id });
    expect(first.statusCode).toBe(201);
    const second = await register(as('judge'), { nationalId: id, firstNameAr: 'خالد' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { personId: first.json().id, field: 'nationalId' },
    });
  });

  it('keeps one record when the same national ID is registered twice at once', async () => {
    const id = nationalId();
    const [a, b] = await Promise.all([
      register(as('prosecutor'), { nationalId: id }),
      register(as('judge'), { nationalId: id }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([201, 409]);
    const created = a.statusCode === 201 ? a : b;
    const refused = a.statusCode === 201 ? b : a;
    expect(refused.json().error.details.personId).toBe(created.json().id);
  });

  it('names the field of every invalid value', async () => {
    const cases: [object, string][] = [
      [{ firstNameAr: '' }, 'firstNameAr'],
      [{ firstNameAr: '   ' }, 'firstNameAr'],
      [{ nationalId: '12345' }, 'nationalId'],
      [{ nationalId: '12345678X' }, 'nationalId'],
      [{ sex: 'other' }, 'sex'],
      [{ dateOfBirth: '17/04/1990' }, 'dateOfBirth'],
      [{ dateOfBirth: TOMORROW }, 'dateOfBirth'],
      [{ dateOfBirth: '1850-01-01' }, 'dateOfBirth'],
      [{ phone: 'call me' }, 'phone'],
      [{ unexpected: true }, 'unexpected'],
    ];
    for (const [body, field] of cases) {
      const response = await register(as('prosecutor'), body);
      expect({ body, status: response.statusCode }).toEqual({ body, status: 400 });
      const error = response.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.issues[0].field).toBe(field);
    }
    const missing = await call(as('prosecutor'), 'POST', '/persons', { familyNameAr: 'عودة' });
    expect(missing.json().error.details.issues[0].field).toBe('firstNameAr');
  });

  it('accepts a birth today in the courts time zone, and refuses tomorrow', async () => {
    // 22:30 UTC is already the next day in Hebron (UTC+2 or +3).
    const lateEvening = new Date(`${TODAY}T22:30:00Z`);
    const clerk = await signedInUser(
      t.handle.db,
      { institutionId: court.id, grants: [{ role: 'court_clerk', institutionId: court.id }] },
      lateEvening,
    );
    t.clock.set(lateEvening);
    try {
      expect((await register(clerk.headers, { dateOfBirth: TOMORROW })).statusCode).toBe(201);
    } finally {
      t.clock.set(NOW);
    }
    const early = await register(as('prosecutor'), { dateOfBirth: TOMORROW });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0]).toMatchObject({
      field: 'dateOfBirth',
      problem: 'is in the future',
    });
  });

  it('reads a person, and shows contact details to case-handling roles only', async () => {
    const created = (
      await register(as('prosecutor'), { phone: '0599000000', address: 'نابلس' })
    ).json();
    const byJudge = await call(as('judge'), 'GET', `/persons/${created.id}`);
    expect(byJudge.statusCode).toBe(200);
    expect(byJudge.json()).toMatchObject({ id: created.id, phone: '0599000000', address: 'نابلس' });

    for (const role of ['child_protection_counsellor', 'mediator', 'correction_officer'] as const) {
      const response = await call(as(role), 'GET', `/persons/${created.id}`);
      expect({ role, status: response.statusCode }).toEqual({ role, status: 200 });
      const body = response.json();
      expect(body.fullNameAr).toBe(created.fullNameAr);
      expect(body).not.toHaveProperty('phone');
      expect(body).not.toHaveProperty('address');
    }
    for (const role of ['analyst', 'auditor', 'lawyer', 'admin', 'nationalAdmin'] as const) {
      const response = await call(as(role), 'GET', `/persons/${created.id}`);
      expect({ role, status: response.statusCode }).toEqual({ role, status: 403 });
    }
    const missing = await call(as('judge'), 'GET', '/persons/6d5f2c1a-0b9e-4f3a-8c7d-1e2f3a4b5c6d');
    expect(missing.statusCode).toBe(404);
    const badId = await call(as('judge'), 'GET', '/persons/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.details.issues[0].field).toBe('id');
  });

  it('finds persons by part of a name or national ID, ordered by family name', async () => {
    const tag = uniqueSuffix();
    const id = nationalId();
    for (const [first, family] of [
      ['سامي', `ياسين${tag}`],
      ['ليلى', `بركات${tag}`],
      ['عمر', `${tag}أبو علي`],
    ]) {
      await call(as('prosecutor'), 'POST', '/persons', {
        firstNameAr: first,
        familyNameAr: family,
        ...(first === 'ليلى' ? { nationalId: id } : {}),
      });
    }
    const found = await call(as('court_clerk'), 'GET', `/persons?q=${encodeURIComponent(tag)}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().total).toBe(3);
    expect(found.json().items.map((p: { familyNameAr: string }) => p.familyNameAr)).toEqual(
      [`${tag}أبو علي`, `بركات${tag}`, `ياسين${tag}`].sort(),
    );

    const byId = await call(as('mediator'), 'GET', `/persons?nationalId=${id}`);
    expect(byId.json()).toMatchObject({ total: 1, items: [{ firstNameAr: 'ليلى' }] });
    expect(byId.json().items[0]).not.toHaveProperty('phone');

    const paged = await call(as('court_clerk'), 'GET', `/persons?q=${tag}&limit=1&offset=1`);
    expect(paged.json().items).toHaveLength(1);
    expect(paged.json().total).toBe(3);

    const wildcard = await call(as('court_clerk'), 'GET', `/persons?q=${encodeURIComponent('%')}`);
    expect(wildcard.statusCode).toBe(200);

    expect((await call(as('analyst'), 'GET', `/persons?q=${tag}`)).statusCode).toBe(403);
    expect((await call(as('auditor'), 'GET', '/persons')).statusCode).toBe(403);
    const badQuery = await call(as('judge'), 'GET', '/persons?nationalId=12');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.details.issues[0].field).toBe('nationalId');
  });

  it('corrects a person at the right version and audits a corrected date of birth', async () => {
    const created = (
      await register(as('prosecutor'), { dateOfBirth: '2010-01-01', sex: 'male' })
    ).json();
    const stale = { version: created.version };

    const corrected = await call(as('court_clerk'), 'PATCH', `/persons/${created.id}`, {
      version: created.version,
      dateOfBirth: '2008-01-01',
      fatherNameAr: 'يوسف',
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({
      version: 2,
      dateOfBirth: '2008-01-01',
      fatherNameAr: 'يوسف',
      sex: 'male',
    });
    expect(corrected.json().fullNameAr).toContain('يوسف');

    const audit = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.updated')
      .where('object_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      changes: ['dateOfBirth', 'fatherNameAr'],
      version: 2,
      dateOfBirth: { before: '2010-01-01', after: '2008-01-01' },
    });
    expect(audit.details).not.toHaveProperty('sex');

    const conflict = await call(as('judge'), 'PATCH', `/persons/${created.id}`, {
      ...stale,
      familyNameAr: 'قديم',
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({
      code: 'STALE_VERSION',
      details: { currentVersion: 2 },
    });

    const cleared = await call(as('judge'), 'PATCH', `/persons/${created.id}`, {
      version: 2,
      fatherNameAr: null,
    });
    expect(cleared.json()).toMatchObject({ version: 3, fatherNameAr: null });
  });

  it('refuses corrections from other roles, bad values and a national ID held by someone else', async () => {
    const taken = nationalId();
    const holder = (await register(as('prosecutor'), { nationalId: taken })).json();
    const person = (await register(as('prosecutor'))).json();
    for (const role of [
      'mediator',
      'child_protection_counsellor',
      'analyst',
      'auditor',
      'admin',
    ] as const) {
      const response = await call(as(role), 'PATCH', `/persons/${person.id}`, {
        version: 1,
        familyNameAr: 'x',
      });
      expect({ role, status: response.statusCode }).toEqual({ role, status: 403 });
    }
    const duplicate = await call(as('judge'), 'PATCH', `/persons/${person.id}`, {
      version: 1,
      nationalId: taken,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({
      code: 'ALREADY_EXISTS',
      details: { personId: holder.id },
    });
    const future = await call(as('judge'), 'PATCH', `/persons/${person.id}`, {
      version: 1,
      dateOfBirth: TOMORROW,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.issues[0].field).toBe('dateOfBirth');
    const noVersion = await call(as('judge'), 'PATCH', `/persons/${person.id}`, { sex: 'female' });
    expect(noVersion.json().error.details.issues[0].field).toBe('version');
    const missing = await call(
      as('judge'),
      'PATCH',
      '/persons/6d5f2c1a-0b9e-4f3a-8c7d-1e2f3a4b5c6d',
      {
        version: 1,
      },
    );
    expect(missing.statusCode).toBe(404);
    // Keeping one's own national ID is not a conflict.
    const same = await call(as('judge'), 'PATCH', `/persons/${holder.id}`, {
      version: 1,
      nationalId: taken,
      sex: 'female',
    });
    expect(same.statusCode).toBe(200);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'person.updated')
      .where('object_id', '=', holder.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ sex: { before: null, after: 'female' } });
  });

  it('audits a refused registration', async () => {
    const before = await t.handle.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'access.denied')
      .executeTakeFirstOrThrow();
    expect((await register(as('analyst'))).statusCode).toBe(403);
    const after = await t.handle.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'access.denied')
      .executeTakeFirstOrThrow();
    expect(after.n).toBeGreaterThan(before.n);
  });
});
