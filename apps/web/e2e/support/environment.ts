/**
 * Whether the browser suite can run here, and why not. It needs Debian's Chromium; it starts its
 * own server on a fresh embedded database with the demo data, so it runs in the PGlite pass of
 * `npm test` and skips the PostgreSQL pass (the API suite covers the server on PostgreSQL).
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.QADIYA_CHROMIUM ?? '/usr/bin/chromium';

export function browserSuiteSkipReason(): string | null {
  if (!existsSync(CHROMIUM_PATH)) {
    // CI installs Chromium and sets this: there, a missing browser is a failure, not a skip.
    if (process.env.QADIYA_REQUIRE_BROWSER === 'true') {
      throw new Error(`QADIYA_REQUIRE_BROWSER is set but there is no Chromium at ${CHROMIUM_PATH}`);
    }
    return `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set QADIYA_CHROMIUM)`;
  }
  if (process.env.DATABASE_URL && process.env.QADIYA_E2E_ON_SERVER_PASS !== 'true') {
    return 'DATABASE_URL is set: the browser suite runs in the embedded-database pass';
  }
  return null;
}
