import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app';
import { buildUser, TEST_PASSWORD } from '../support/factories';
import { accountOf, auditRowsOf, buildAuthTestApp, postLogin } from './auth-helpers';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain';

const WRONG = 'not-the-password';

describe('failed logons and lockout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildAuthTestApp();
  });
  afterAll(async () => {
    await t.app.close();
  });

  const attempt = (username: string, password: string) =>
    postLogin(t.app, { username, password }).then((response) => ({
      status: response.statusCode,
      code:
        response.statusCode === 200
          ? 'OK'
          : response.json<{ error: { code: string } }>().error.code,
    }));

  it('locks the account at the 5th failure for 10 minutes, even against the right password', async () => {
    const user = await buildUser(t.handle.db);
    for (let i = 1; i <= 4; i += 1) {
      expect(await attempt(user.username, WRONG)).toEqual({
        status: 401,
        code: 'INVALID_CREDENTIALS',
      });
    }
    const lockedAt = t.clock.now();
    const fifth = await postLogin(t.app, { username: user.username, password: WRONG });
    expect(fifth.statusCode).toBe(403);
    expect(fifth.json()).toEqual({
      error: {
        code: 'ACCOUNT_LOCKED',
        message: expect.any(String),
        details: { lockedUntil: new Date(lockedAt.getTime() + 10 * 60_000).toISOString() },
      },
    });
    expect(await accountOf(t.handle.db, user.id)).toMatchObject({
      failed_login_count: 5,
      locked_until: new Date(lockedAt.getTime() + 10 * 60_000),
    });

    expect(await attempt(user.username, TEST_PASSWORD)).toEqual({
      status: 403,
      code: 'ACCOUNT_LOCKED',
    });
    t.clock.advanceMinutes(9);
    expect(await attempt(user.username, TEST_PASSWORD)).toEqual({
      status: 403,
      code: 'ACCOUNT_LOCKED',
    });
    t.clock.advanceMinutes(1);
    expect(await attempt(user.username, TEST_PASSWORD)).toEqual({ status: 200, code: 'OK' });
    expect(await accountOf(t.handle.db, user.id)).toMatchObject({
      failed_login_count: 0,
      locked_until: null,
    });

    const rows = await auditRowsOf(t.handle.db, user.id);
    expect(rows.map((row) => [row.action, row.outcome, row.details.reason ?? null])).toEqual([
      ['auth.login', 'failure', 'bad_password'],
      ['auth.login', 'failure', 'bad_password'],
      ['auth.login', 'failure', 'bad_password'],
      ['auth.login', 'failure', 'bad_password'],
      ['auth.login', 'failure', 'bad_password'],
      ['auth.lockout', 'success', null],
      ['auth.login', 'failure', 'locked'],
      ['auth.login', 'failure', 'locked'],
      ['auth.login', 'success', null],
    ]);
    expect(rows[5]!.details).toEqual({
      failedLoginCount: 5,
      lockedUntil: new Date(lockedAt.getTime() + 10 * 60_000).toISOString(),
    });
  });

  it('does not count attempts made while locked', async () => {
    const user = await buildUser(t.handle.db);
    for (let i = 0; i < 5; i += 1) await attempt(user.username, WRONG);
    const lockedUntil = (await accountOf(t.handle.db, user.id)).locked_until;
    t.clock.advanceMinutes(5);
    expect(await attempt(user.username, WRONG)).toEqual({ status: 403, code: 'ACCOUNT_LOCKED' });
    expect(await accountOf(t.handle.db, user.id)).toMatchObject({
      failed_login_count: 5,
      locked_until: lockedUntil,
    });
  });

  it('starts counting afresh when a lock has expired', async () => {
    const user = await buildUser(t.handle.db);
    for (let i = 0; i < 5; i += 1) await attempt(user.username, WRONG);
    t.clock.advanceMinutes(10);
    expect(await attempt(user.username, WRONG)).toEqual({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    });
    expect(await accountOf(t.handle.db, user.id)).toMatchObject({
      failed_login_count: 1,
      locked_until: null,
    });
  });

  it('resets the counter on a successful logon', async () => {
    const user = await buildUser(t.handle.db);
    for (let i = 0; i < 4; i += 1) await attempt(user.username, WRONG);
    expect((await accountOf(t.handle.db, user.id)).failed_login_count).toBe(4);
    expect(await attempt(user.username, TEST_PASSWORD)).toEqual({ status: 200, code: 'OK' });
    expect((await accountOf(t.handle.db, user.id)).failed_login_count).toBe(0);
    for (let i = 0; i < 4; i += 1) {
      expect(await attempt(user.username, WRONG)).toEqual({
        status: 401,
        code: 'INVALID_CREDENTIALS',
      });
    }
    expect(await attempt(user.username, TEST_PASSWORD)).toEqual({ status: 200, code: 'OK' });
  });

  it('loses no count and keeps the audit chain valid under 10 concurrent failures', async () => {
    const user = await buildUser(t.handle.db);
    const now = t.clock.now();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => attempt(user.username, WRONG)),
    );
    // Four failures are answered as such; the fifth locks the account and the rest find it locked.
    const tally = (code: string) => results.filter((result) => result.code === code).length;
    expect(tally('INVALID_CREDENTIALS')).toBe(4);
    expect(tally('ACCOUNT_LOCKED')).toBe(6);
    expect(await accountOf(t.handle.db, user.id)).toMatchObject({
      failed_login_count: 5,
      locked_until: new Date(now.getTime() + 10 * 60_000),
    });

    const rows = await auditRowsOf(t.handle.db, user.id);
    const logins = rows.filter((row) => row.action === 'auth.login');
    expect(logins).toHaveLength(10);
    expect(logins.every((row) => row.outcome === 'failure')).toBe(true);
    const counted = logins
      .map((row) => row.details.failedLoginCount)
      .filter((count) => count !== undefined);
    expect(counted).toEqual([1, 2, 3, 4, 5]);
    expect(rows.filter((row) => row.action === 'auth.lockout')).toHaveLength(1);

    const chain = await verifyAuditChain(t.handle.db);
    expect(chain.problem).toBeNull();
    expect(chain.isValid).toBe(true);
  });

  it('keeps counter, lock and audit in agreement when a correct password races failures', async () => {
    const user = await buildUser(t.handle.db);
    await Promise.all([
      ...Array.from({ length: 8 }, () => attempt(user.username, WRONG)),
      attempt(user.username, TEST_PASSWORD),
    ]);
    const account = await accountOf(t.handle.db, user.id);
    const rows = await auditRowsOf(t.handle.db, user.id);
    const successAt = rows.findIndex(
      (row) => row.outcome === 'success' && row.action === 'auth.login',
    );
    const lockoutAt = rows.findIndex((row) => row.action === 'auth.lockout');
    // A success is never recorded after the lock, and the audit tells the counter's story.
    if (successAt >= 0 && lockoutAt >= 0) expect(successAt).toBeLessThan(lockoutAt);
    const countedSinceSuccess = rows
      .slice(successAt + 1)
      .filter((row) => row.action === 'auth.login')
      .map((row) => row.details.failedLoginCount)
      .filter((count) => count !== undefined);
    expect(countedSinceSuccess).toEqual(
      Array.from({ length: countedSinceSuccess.length }, (_, i) => i + 1),
    );
    expect(account.failed_login_count).toBe(countedSinceSuccess.length);
    expect(account.locked_until !== null).toBe(lockoutAt >= 0);
    const sessions = await t.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toHaveLength(successAt >= 0 ? 1 : 0);
    expect((await verifyAuditChain(t.handle.db)).isValid).toBe(true);
  });
});
