import { defineConfig } from 'vitest/config';

// One database per test worker (PGlite boots in seconds, so it is shared, not rebuilt per test);
// tests isolate themselves with fresh data. `isolate: false` keeps that instance alive across
// the files a worker runs. With DATABASE_URL set, every worker shares that server database.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
    pool: 'forks',
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    globalSetup: ['apps/server/test/support/global-setup.ts'],
  },
});
