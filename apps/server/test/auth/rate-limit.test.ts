import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildUser, TEST_PASSWORD } from '../support/factories';

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { QADIYA_LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const login = (username: string, remoteAddress: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: 'not-the-password' },
      remoteAddress,
    });

  it('answers 429 in the error shape once an address exceeds its attempts per minute', async () => {
    const user = await buildUser(t.handle.db);
    for (let i = 0; i < 3; i += 1) {
      expect((await login(user.username, '10.1.1.1')).statusCode).toBe(401);
    }
    const limited = await login(user.username, '10.1.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.any(String), details: {} },
    });
    expect(limited.headers['retry-after']).toBeDefined();

    // Another address is not affected, and a refused request is not a counted failure.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
      remoteAddress: '10.2.2.2',
    });
    expect(other.statusCode).toBe(200);
  });
});
