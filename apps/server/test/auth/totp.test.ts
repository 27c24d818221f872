import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app';
import { bearer, buildUser, loginAs, TEST_PASSWORD } from '../support/factories';
import {
  accountOf,
  auditRowsOf,
  buildAuthTestApp,
  getMe,
  postLogin,
  sessionCookieOf,
  totpCodeAt,
  wrongTotpCode,
} from './auth-helpers';

interface Setup {
  secret: string;
  otpauthUrl: string;
}

describe('TOTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildAuthTestApp();
  });
  afterAll(async () => {
    await t.app.close();
  });

  const setup = (token: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp/setup', headers: bearer(token) });
  const confirm = (token: string, code: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/totp/confirm',
      headers: bearer(token),
      payload: { code },
    });
  const remove = (token: string, payload: object) =>
    t.app.inject({
      method: 'DELETE',
      url: '/api/v1/auth/mfa/totp',
      headers: bearer(token),
      payload,
    });

  /** A user with TOTP enabled through the API; returns the user, secret and a full token. */
  async function enrolledUser() {
    const user = await buildUser(t.handle.db);
    const token = await loginAs(t.app, user.username);
    const { secret } = (await setup(token)).json<Setup>();
    const confirmed = await confirm(token, totpCodeAt(secret, t.clock.now()));
    expect(confirmed.statusCode).toBe(200);
    return { user, secret, token: confirmed.json<{ token: string }>().token };
  }

  it('enrols: setup gives a pending secret, confirm enables it and renews the session', async () => {
    const user = await buildUser(t.handle.db);
    const token = await loginAs(t.app, user.username);
    const other = await loginAs(t.app, user.username);

    const started = await setup(token);
    expect(started.statusCode).toBe(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const { secret, otpauthUrl } = started.json<Setup>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(otpauthUrl).toContain('issuer=Qadiya');
    expect(otpauthUrl).toContain(encodeURIComponent(user.username));
    expect(await accountOf(t.handle.db, user.id)).toMatchObject({
      totp_pending_secret: secret,
      totp_secret: null,
      totp_enabled_at: null,
    });
    expect((await getMe(t.app, bearer(token))).json().totpEnabled).toBe(false);

    const wrong = await confirm(token, wrongTotpCode(secret, t.clock.now()));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ field: 'code' })] },
    });

    const confirmed = await confirm(token, totpCodeAt(secret, t.clock.now()));
    expect(confirmed.statusCode).toBe(200);
    const body = confirmed.json<{ token: string; user: { totpEnabled: boolean } }>();
    expect(body.user.totpEnabled).toBe(true);
    expect(sessionCookieOf(confirmed)?.value).toBe(body.token);
    expect(confirmed.body).not.toContain(secret);
    expect(await accountOf(t.handle.db, user.id)).toMatchObject({
      totp_pending_secret: null,
      totp_secret: secret,
      totp_enabled_at: t.clock.now(),
    });
    // Every earlier session was revoked; the new token works.
    expect((await getMe(t.app, bearer(token))).statusCode).toBe(401);
    expect((await getMe(t.app, bearer(other))).statusCode).toBe(401);
    expect((await getMe(t.app, bearer(body.token))).statusCode).toBe(200);

    const again = await setup(body.token);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('MFA_ALREADY_ENABLED');
    const reconfirm = await confirm(body.token, totpCodeAt(secret, t.clock.now()));
    expect(reconfirm.json().error.code).toBe('MFA_ALREADY_ENABLED');

    const actions = (await auditRowsOf(t.handle.db, user.id)).map((row) => [
      row.action,
      row.outcome,
    ]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['auth.mfa_enrolment_started', 'success'],
        ['auth.mfa_enabled', 'failure'],
        ['auth.mfa_enabled', 'success'],
      ]),
    );
  });

  it('refuses to confirm when no enrolment was started', async () => {
    const user = await buildUser(t.handle.db);
    const token = await loginAs(t.app, user.username);
    const response = await confirm(token, '123456');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('MFA_NOT_PENDING');
  });

  it('asks for the code after the password, and counts a wrong code as a failed logon', async () => {
    const { user, secret } = await enrolledUser();

    const noCode = await postLogin(t.app, { username: user.username, password: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('MFA_REQUIRED');
    expect(sessionCookieOf(noCode)).toBeUndefined();
    // A wrong password never learns that a code is due.
    const wrongPassword = await postLogin(t.app, {
      username: user.username,
      password: 'not-the-password',
    });
    expect(wrongPassword.json().error.code).toBe('INVALID_CREDENTIALS');

    const wrongCode = await postLogin(t.app, {
      username: user.username,
      password: TEST_PASSWORD,
      totpCode: wrongTotpCode(secret, t.clock.now()),
    });
    expect(wrongCode.statusCode).toBe(401);
    expect(wrongCode.json()).toEqual(wrongPassword.json());
    expect((await accountOf(t.handle.db, user.id)).failed_login_count).toBe(2);

    const good = await postLogin(t.app, {
      username: user.username,
      password: TEST_PASSWORD,
      totpCode: totpCodeAt(secret, t.clock.now()),
    });
    expect(good.statusCode).toBe(200);
    expect(good.json().user.totpEnabled).toBe(true);

    const reasons = (await auditRowsOf(t.handle.db, user.id))
      .filter((row) => row.action === 'auth.login')
      .slice(-4)
      .map((row) => [row.outcome, row.details.reason ?? row.details.secondFactor]);
    expect(reasons).toEqual([
      ['failure', 'totp_missing'],
      ['failure', 'bad_password'],
      ['failure', 'bad_totp'],
      ['success', 'totp'],
    ]);
  });

  it('accepts a code one time step away, not two', async () => {
    const { user, secret } = await enrolledUser();
    const at = (seconds: number) => new Date(t.clock.now().getTime() + seconds * 1000);
    for (const [offset, status] of [
      [-30, 200],
      [30, 200],
      [-90, 401],
      [90, 401],
    ] as const) {
      const code = totpCodeAt(secret, at(offset));
      // Codes of different steps can coincide by chance; then the check says nothing.
      if (status === 401 && [-30, 0, 30].some((s) => totpCodeAt(secret, at(s)) === code)) continue;
      const response = await postLogin(t.app, {
        username: user.username,
        password: TEST_PASSWORD,
        totpCode: code,
      });
      expect(response.statusCode, `offset ${offset}s`).toBe(status);
    }
  });

  it('refuses a code that was already used to sign in, and accepts the next one', async () => {
    const { user, secret } = await enrolledUser();
    const now = t.clock.now();
    const login = (code: string) =>
      postLogin(t.app, { username: user.username, password: TEST_PASSWORD, totpCode: code });
    const code = totpCodeAt(secret, now);
    expect((await login(code)).statusCode).toBe(200);
    const replay = await login(code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    // An earlier step's code is no better than the same one.
    const earlier = totpCodeAt(secret, new Date(now.getTime() - 30_000));
    if (earlier !== code) expect((await login(earlier)).statusCode).toBe(401);
    t.clock.advanceMinutes(0.5);
    expect((await login(totpCodeAt(secret, t.clock.now()))).statusCode).toBe(200);
    expect((await accountOf(t.handle.db, user.id)).failed_login_count).toBe(0);
  });

  it('removes TOTP only with the password and a current code, revoking other sessions', async () => {
    const { user, secret, token } = await enrolledUser();
    const other = (
      await postLogin(t.app, {
        username: user.username,
        password: TEST_PASSWORD,
        totpCode: totpCodeAt(secret, t.clock.now()),
      })
    ).json<{ token: string }>().token;

    const badPassword = await remove(token, {
      password: 'not-the-password',
      code: totpCodeAt(secret, t.clock.now()),
    });
    expect(badPassword.statusCode).toBe(403);
    const badCode = await remove(token, {
      password: TEST_PASSWORD,
      code: wrongTotpCode(secret, t.clock.now()),
    });
    expect(badCode.statusCode).toBe(403);
    const missing = await remove(token, { password: TEST_PASSWORD });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0].field).toBe('code');

    const removed = await remove(token, {
      password: TEST_PASSWORD,
      code: totpCodeAt(secret, t.clock.now()),
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().totpEnabled).toBe(false);
    expect(await accountOf(t.handle.db, user.id)).toMatchObject({
      totp_secret: null,
      totp_enabled_at: null,
    });
    expect((await getMe(t.app, bearer(token))).statusCode).toBe(200);
    expect((await getMe(t.app, bearer(other))).statusCode).toBe(401);
    expect(
      (await postLogin(t.app, { username: user.username, password: TEST_PASSWORD })).statusCode,
    ).toBe(200);

    const again = await remove(token, { password: TEST_PASSWORD, code: '123456' });
    expect(again.statusCode).toBe(409);
    expect((await auditRowsOf(t.handle.db, user.id)).map((row) => row.action)).toContain(
      'auth.mfa_disabled',
    );
  });
});
