/**
 * Builds the real application on the worker's test database, with a clock the test controls.
 * Use `inject` (no network) for API tests.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { ManualClock } from '../../src/clock';
import { loadConfig, type Config } from '../../src/config';
import type { DatabaseHandle } from '../../src/db/database';
import { sharedTestDatabase } from './database';

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  clock: ManualClock;
  config: Config;
}

export async function buildTestApp(
  options: { env?: Record<string, string>; handle?: DatabaseHandle } = {},
): Promise<TestApp> {
  const handle = options.handle ?? (await sharedTestDatabase());
  const config = loadConfig({
    QADIYA_DEMO: 'false',
    QADIYA_SECURE_COOKIES: 'false',
    ...options.env,
  });
  const clock = new ManualClock();
  const app = await buildApp({
    db: handle.db,
    clock,
    config,
    databaseKind: handle.kind,
    logger: false,
  });
  await app.ready();
  return { app, handle, clock, config };
}
