import { defineConfig } from 'vitest/config';

// Two projects. `unit`: the domain, the server's API and service tests, and the web app's pure
// logic. One database per test worker (PGlite boots in seconds, so it is shared, not rebuilt per
// test); tests isolate themselves with fresh data, and `isolate: false` keeps that instance alive
// across the files a worker runs. With DATABASE_URL set, every worker shares that server database.
// `e2e`: the browser suite, which starts a real server with the demo data and drives Debian's
// Chromium; it skips itself, saying why, where there is no Chromium.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/test/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
          pool: 'forks',
          isolate: false,
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['apps/server/test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['apps/web/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
