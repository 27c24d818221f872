import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';

/**
 * The only API routes a caller without a session may reach. Open data publishes aggregates only,
 * small cells suppressed (statistics/open-data; tested in performance-open-data.test.ts).
 */
const PUBLIC_ROUTES = new Set([
  'GET /api/v1/health',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/open-data/performance',
]);

describe('every API route except health, login and open data refuses anonymous calls', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('walks every documented /api/v1 route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes.length).toBeGreaterThan(15);
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      if (PUBLIC_ROUTES.has(key)) continue;
      const url = path
        .replace(/\{id\}/g, '6d5f2c1a-0b9e-4f3a-8c7d-1e2f3a4b5c6d')
        .replace(/\{role\}/g, 'judge');
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
      });
      expect({ key, status: response.statusCode }).toEqual({ key, status: 401 });
      expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('also refuses a forged or malformed bearer token', async () => {
    for (const authorization of [
      'Bearer not-a-real-token-but-long-enough',
      'Bearer x',
      'Basic abc',
      'Bearer',
    ]) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/institutions',
        headers: { authorization },
      });
      expect(response.statusCode).toBe(401);
    }
  });
});
