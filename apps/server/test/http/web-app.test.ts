/**
 * The server serves the built web app from the API's origin: the app for `/` and for any deep link,
 * long-cached hashed assets, and still the JSON error shape for unknown API routes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';

const INDEX = '<!doctype html><html lang="ar" dir="rtl"><body><div id="root"></div></body></html>';

describe('serving the web app', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), 'qadiya-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), INDEX);
    writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), 'console.log(1);');
    t = await buildTestApp({ env: { QADIYA_WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers / with the app, never cached, under the security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.body).toBe(INDEX);
  });

  it('answers a deep link with the app, which routes on the client', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/cases/4b0c1c52-0000-4000-8000-000000000000',
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the JSON error shape for unknown API routes and for non-GET requests', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
    const post = await t.app.inject({ method: 'POST', url: '/cases', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('serves the API alone when the app is not built', async () => {
    const apiOnly = await buildTestApp({ env: { QADIYA_WEB_DIR: path.join(webDir, 'missing') } });
    try {
      const response = await apiOnly.app.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
    } finally {
      await apiOnly.app.close();
    }
  });
});
