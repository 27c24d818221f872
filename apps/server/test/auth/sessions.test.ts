import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSessionToken } from '../../src/auth/session-token';
import type { TestApp } from '../support/app';
import { bearer, buildUser, loginAs, TEST_PASSWORD } from '../support/factories';
import {
  accountOf,
  auditRowsOf,
  buildAuthTestApp,
  getMe,
  postLogin,
  sessionCookieOf,
} from './auth-helpers';

describe('session lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildAuthTestApp();
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('expires after 30 minutes without activity, and activity keeps it alive', async () => {
    const user = await buildUser(t.handle.db);
    const token = await loginAs(t.app, user.username);
    for (let i = 0; i < 4; i += 1) {
      t.clock.advanceMinutes(29);
      expect((await getMe(t.app, bearer(token))).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(31);
    const expired = await getMe(t.app, bearer(token));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('ends after 12 hours however active the user is', async () => {
    const user = await buildUser(t.handle.db);
    const token = await loginAs(t.app, user.username);
    // 28 × 25 minutes = 11 h 40 min of steady work.
    for (let i = 0; i < 28; i += 1) {
      t.clock.advanceMinutes(25);
      expect((await getMe(t.app, bearer(token))).statusCode, `step ${i}`).toBe(200);
    }
    t.clock.advanceMinutes(19);
    expect((await getMe(t.app, bearer(token))).statusCode).toBe(200);
    t.clock.advanceMinutes(1);
    const expired = await getMe(t.app, bearer(token));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
  });
});

describe('POST /auth/logout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildAuthTestApp();
  });
  afterAll(async () => {
    await t.app.close();
  });

  const logout = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });

  it('revokes the session, clears the cookie and records the logout', async () => {
    const user = await buildUser(t.handle.db);
    const token = await loginAs(t.app, user.username);
    const other = await loginAs(t.app, user.username);
    const response = await logout({ cookie: `qadiya_session=${token}` });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const cookie = sessionCookieOf(response);
    expect(cookie?.value).toBe('');
    expect(cookie?.expires?.getTime()).toBeLessThan(Date.now());

    const after = await getMe(t.app, bearer(token));
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    // Only the presented session ends.
    expect((await getMe(t.app, bearer(other))).statusCode).toBe(200);

    const session = await t.handle.db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', hashSessionToken(token))
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({ revoke_reason: 'logout', revoked_at: t.clock.now() });
    const rows = await auditRowsOf(t.handle.db, user.id);
    expect(rows.at(-1)).toMatchObject({
      action: 'auth.logout',
      outcome: 'success',
      object_type: 'session',
      object_id: session.id,
    });
  });

  it('still clears the cookie when there is no session or it has expired', async () => {
    expect((await logout({})).statusCode).toBe(204);
    const user = await buildUser(t.handle.db);
    const token = await loginAs(t.app, user.username);
    t.clock.advanceMinutes(31);
    const response = await logout(bearer(token));
    expect(response.statusCode).toBe(204);
    expect(sessionCookieOf(response)?.value).toBe('');
    expect((await auditRowsOf(t.handle.db, user.id)).map((row) => row.action)).toEqual([
      'auth.login',
    ]);
  });
});

describe('POST /auth/password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildAuthTestApp();
  });
  afterAll(async () => {
    await t.app.close();
  });

  const change = (token: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: bearer(token), payload });

  it('sets the new password, revokes every session and issues a new one', async () => {
    const user = await buildUser(t.handle.db);
    const first = await loginAs(t.app, user.username);
    const second = await loginAs(t.app, user.username);
    t.clock.advanceMinutes(1);
    const newPassword = 'olive-tree-by-the-river';
    const response = await change(first, { currentPassword: TEST_PASSWORD, newPassword });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ token: string; user: { id: string } }>();
    expect(body.user.id).toBe(user.id);
    expect(sessionCookieOf(response)?.value).toBe(body.token);
    expect(response.headers['cache-control']).toBe('no-store');

    for (const old of [first, second]) {
      expect((await getMe(t.app, bearer(old))).statusCode).toBe(401);
    }
    expect((await getMe(t.app, bearer(body.token))).statusCode).toBe(200);
    const revoked = await t.handle.db
      .selectFrom('sessions')
      .select('revoke_reason')
      .where('token_hash', 'in', [hashSessionToken(first), hashSessionToken(second)])
      .execute();
    expect(revoked).toEqual([
      { revoke_reason: 'password_changed' },
      { revoke_reason: 'password_changed' },
    ]);

    const old = await postLogin(t.app, { username: user.username, password: TEST_PASSWORD });
    expect(old.statusCode).toBe(401);
    expect(
      (await postLogin(t.app, { username: user.username, password: newPassword })).statusCode,
    ).toBe(200);
    expect((await accountOf(t.handle.db, user.id)).password_changed_at).toEqual(t.clock.now());

    const audit = (await auditRowsOf(t.handle.db, user.id)).find(
      (row) => row.action === 'auth.password_changed',
    );
    expect(audit).toMatchObject({ outcome: 'success', details: { sessionsRevoked: 2 } });
  });

  it('refuses a wrong current password with 403 and records it', async () => {
    const user = await buildUser(t.handle.db);
    const token = await loginAs(t.app, user.username);
    const response = await change(token, {
      currentPassword: 'not-the-password',
      newPassword: 'olive-tree-by-the-river',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect((await getMe(t.app, bearer(token))).statusCode).toBe(200);
    expect((await auditRowsOf(t.handle.db, user.id)).at(-1)).toMatchObject({
      action: 'auth.password_changed',
      outcome: 'failure',
      details: { reason: 'bad_password' },
    });
  });

  it('refuses a weak new password with a 400 naming newPassword', async () => {
    const user = await buildUser(t.handle.db);
    const token = await loginAs(t.app, user.username);
    for (const newPassword of ['short', `my-${user.username}-pass`, TEST_PASSWORD]) {
      const response = await change(token, { currentPassword: TEST_PASSWORD, newPassword });
      expect(response.statusCode, newPassword).toBe(400);
      expect(response.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [expect.objectContaining({ field: 'newPassword' })] },
      });
    }
    const missing = await change(token, { newPassword: 'olive-tree-by-the-river' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0].field).toBe('currentPassword');
    expect((await getMe(t.app, bearer(token))).statusCode).toBe(200);
  });
});
