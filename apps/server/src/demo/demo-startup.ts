/**
 * Demo mode at start-up (`QADIYA_DEMO`, on by default without DATABASE_URL): an empty database
 * gets the demo organisation and accounts, then a few demo files made through the use cases; a
 * database that already has data is left alone.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import { loadConfig, type Config } from '../config';
import type { Database } from '../db/schema';
import { hasDemoData } from './demo-logins';
import { seedDemo } from './seed-demo';
import { seedDemoFiles } from './seed-demo-files';

export interface DemoStartup {
  /** The demo accounts exist in this database (seeded now or at an earlier start). */
  isDemo: boolean;
  isSeededNow: boolean;
}

export async function prepareDemoAtStartup(
  db: Kysely<Database>,
  clock: Clock,
  config: Config = loadConfig(),
): Promise<DemoStartup> {
  const result = await seedDemo(db, {
    origin: { requestId: null, sourceIp: null, occurredAt: clock.now() },
    actor: { userId: null, username: 'system:startup' },
  });
  if (result.isSeeded) {
    // Only the start-up that seeded the organisation, into an empty database, adds the files.
    await seedDemoFiles({ db, clock, config });
    return { isDemo: true, isSeededNow: true };
  }
  return { isDemo: await hasDemoData(db), isSeededNow: false };
}
