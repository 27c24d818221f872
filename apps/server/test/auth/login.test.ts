import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSuccessfulLogin } from '../../src/auth/accounts.repository';
import { hashSessionToken } from '../../src/auth/session-token';
import { buildTestApp, type TestApp } from '../support/app';
import {
  bearer,
  buildInstitution,
  buildUser,
  TEST_PASSWORD,
  uniqueSuffix,
} from '../support/factories';
import {
  accountOf,
  auditRowsOf,
  buildAuthTestApp,
  getMe,
  postLogin,
  sessionCookieOf,
} from './auth-helpers';

describe('POST /auth/login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildAuthTestApp();
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('returns a token and an HttpOnly, SameSite=Strict cookie, and both authenticate', async () => {
    const user = await buildUser(t.handle.db);
    const response = await postLogin(
      t.app,
      { username: user.username, password: TEST_PASSWORD },
      { 'user-agent': 'vitest-browser/1.0' },
    );
    expect(response.statusCode).toBe(200);
    const body = response.json<{ token: string; mfaEnrolmentRequired: boolean }>();
    expect(body).toMatchObject({ token: expect.any(String), mfaEnrolmentRequired: false });
    expect(response.headers['cache-control']).toBe('no-store');

    const cookie = sessionCookieOf(response);
    expect(cookie).toMatchObject({
      value: body.token,
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    expect(cookie?.secure).toBeFalsy();

    const byCookie = await getMe(t.app, { cookie: `qadiya_session=${body.token}` });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.json()).toMatchObject({ id: user.id, username: user.username });
    const byBearer = await getMe(t.app, bearer(body.token));
    expect(byBearer.statusCode).toBe(200);
    expect(byBearer.json()).toEqual(byCookie.json());
  });

  it('stores the session with the clock, lifetime and client, and records the logon', async () => {
    const user = await buildUser(t.handle.db);
    const now = t.clock.now();
    const response = await postLogin(
      t.app,
      { username: user.username, password: TEST_PASSWORD },
      { 'user-agent': 'Mozilla/5.0 (qadiya test)' },
    );
    const { token } = response.json<{ token: string }>();
    const session = await t.handle.db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', hashSessionToken(token))
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({
      user_id: user.id,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + 12 * 3_600_000),
      is_mfa_enrolment_only: false,
      revoked_at: null,
      source_ip: '127.0.0.1',
      user_agent: 'Mozilla/5.0 (qadiya test)',
    });
    expect(session.token_hash).not.toBe(token);
    expect((await accountOf(t.handle.db, user.id)).last_login_at).toEqual(now);

    const rows = await auditRowsOf(t.handle.db, user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'auth.login',
      outcome: 'success',
      actor_username: user.username,
      object_type: 'user',
      object_id: user.id,
      source_ip: '127.0.0.1',
      details: { sessionId: session.id, secondFactor: 'none', mfaEnrolmentOnly: false },
    });
  });

  it('presents names, institution and the assignments in force, and never a secret', async () => {
    const office = await buildInstitution(t.handle.db, { units: ['juvenile'] });
    const unit = office.units[0]!;
    const until = new Date(Date.now() + 30 * 86_400_000);
    const user = await buildUser(t.handle.db, {
      institutionId: office.id,
      grants: [
        { role: 'prosecutor', institutionId: office.id, unitId: unit.id, validUntil: until },
        // Expired: not in force, so not presented.
        {
          role: 'court_clerk',
          institutionId: office.id,
          validFrom: new Date(Date.now() - 2 * 86_400_000),
          validUntil: new Date(Date.now() - 86_400_000),
        },
      ],
    });
    const response = await postLogin(t.app, { username: user.username, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    const { user: presented } = response.json();
    expect(presented).toEqual({
      id: user.id,
      username: user.username,
      displayNameAr: user.display_name_ar,
      displayNameEn: user.display_name_en,
      institutionId: office.id,
      totpEnabled: false,
      mfaRequired: expect.any(Boolean),
      assignments: [
        {
          id: expect.any(String),
          role: 'prosecutor',
          grantKind: 'standard',
          institutionId: office.id,
          unitId: unit.id,
          caseId: null,
          validUntil: until.toISOString(),
        },
      ],
    });
    expect(response.body).not.toMatch(/scrypt|password|secret|failed/i);
  });

  it('accepts the username in any case and with surrounding spaces', async () => {
    const user = await buildUser(t.handle.db);
    const response = await postLogin(t.app, {
      username: ` ${user.username.toUpperCase()} `,
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
  });

  it('answers an unknown user and a wrong password with the same 401 body', async () => {
    const user = await buildUser(t.handle.db);
    const unknownName = `nobody.${uniqueSuffix()}`;
    const unknown = await postLogin(t.app, { username: unknownName, password: TEST_PASSWORD });
    const wrong = await postLogin(t.app, { username: user.username, password: 'not-the-password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: expect.any(String), details: {} },
    });
    expect(sessionCookieOf(unknown)).toBeUndefined();

    const unknownRows = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_username', '=', unknownName)
      .execute();
    expect(unknownRows).toEqual([
      expect.objectContaining({
        action: 'auth.login',
        outcome: 'failure',
        actor_user_id: null,
        details: { reason: 'unknown_user' },
      }),
    ]);
    expect(await auditRowsOf(t.handle.db, user.id)).toEqual([
      expect.objectContaining({
        action: 'auth.login',
        outcome: 'failure',
        details: { reason: 'bad_password', failedLoginCount: 1 },
      }),
    ]);
  });

  it('reveals a disabled account only to someone who knows the password', async () => {
    const user = await buildUser(t.handle.db);
    await t.handle.db
      .updateTable('users')
      .set({ is_active: false })
      .where('id', '=', user.id)
      .execute();
    const wrong = await postLogin(t.app, { username: user.username, password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    const right = await postLogin(t.app, { username: user.username, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(403);
    expect(right.json().error.code).toBe('ACCOUNT_DISABLED');
    expect(sessionCookieOf(right)).toBeUndefined();
    const rows = await auditRowsOf(t.handle.db, user.id);
    expect(rows.map((row) => row.details)).toEqual([
      { reason: 'bad_password', failedLoginCount: 1 },
      { reason: 'disabled' },
    ]);
    const sessions = await t.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toEqual([]);
  });

  it('opens no session when the password changed after it was checked', async () => {
    const user = await buildUser(t.handle.db);
    const now = t.clock.now();
    const stale = await t.handle.db
      .transaction()
      .execute((trx) => recordSuccessfulLogin(trx, user.id, now, 'scrypt$stale'));
    expect(stale).toBe(false);
    const current = await t.handle.db
      .transaction()
      .execute((trx) => recordSuccessfulLogin(trx, user.id, now, user.password_hash));
    expect(current).toBe(true);
  });

  it('answers malformed JSON and bad fields with a 400 naming the field', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');

    const cases: [unknown, string][] = [
      [{ username: 'someone' }, 'password'],
      [{ password: 'x' }, 'username'],
      [{ username: 'someone', password: 'x', role: 'admin' }, 'role'],
      [{ username: 'someone', password: 'x', totpCode: '12ab56' }, 'totpCode'],
      [{ username: 'x'.repeat(65), password: 'x' }, 'username'],
      [{ username: 'someone', password: '' }, 'password'],
    ];
    for (const [payload, field] of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: payload as object,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ field, in: 'body' })] },
      });
    }
  });

  it('describes the auth routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags: string[]; summary: string; responses: object }>>;
    }>();
    const login = doc.paths['/api/v1/auth/login']!.post!;
    expect(login.tags).toEqual(['auth']);
    expect(login.summary).toBeTruthy();
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '401', '429']));
    for (const path of [
      '/api/v1/auth/logout',
      '/api/v1/auth/me',
      '/api/v1/auth/password',
      '/api/v1/auth/mfa/totp/setup',
      '/api/v1/auth/mfa/totp/confirm',
      '/api/v1/auth/mfa/totp',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

describe('the session cookie', () => {
  it('is Secure when secure cookies are configured', async () => {
    const t = await buildTestApp({ env: { QADIYA_SECURE_COOKIES: 'true' } });
    try {
      const user = await buildUser(t.handle.db);
      const response = await postLogin(t.app, { username: user.username, password: TEST_PASSWORD });
      expect(sessionCookieOf(response)?.secure).toBe(true);
    } finally {
      await t.app.close();
    }
  });
});

describe('private auth routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildAuthTestApp();
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('refuse a caller without a valid session', async () => {
    const routes = [
      { method: 'GET', url: '/api/v1/auth/me' },
      { method: 'POST', url: '/api/v1/auth/password' },
      { method: 'POST', url: '/api/v1/auth/mfa/totp/setup' },
      { method: 'POST', url: '/api/v1/auth/mfa/totp/confirm' },
      { method: 'DELETE', url: '/api/v1/auth/mfa/totp' },
    ] as const;
    for (const route of routes) {
      for (const headers of [
        {},
        bearer('x'.repeat(43)),
        { cookie: 'qadiya_session=forged-forged-forged-forged' },
      ]) {
        const response = await t.app.inject({ ...route, headers });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
        expect(response.json().error.code).toBe('UNAUTHENTICATED');
      }
    }
  });
});
