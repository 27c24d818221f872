/**
 * `qadiya serve`: opens the database, migrates it, seeds the demo on an empty embedded database,
 * and serves the API (and the web app) until SIGINT/SIGTERM, then drains requests and closes.
 */
import { mkdirSync } from 'node:fs';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { systemClock } from './clock';
import { loadConfig, type Config } from './config';
import { prepareDemoAtStartup } from './demo/demo-startup';
import { startupBanner } from './demo/demo-logins';
import { OUTBOX_HANDLERS } from './outbox/handlers';
import { startOutboxWorker } from './outbox/outbox-worker';
import { acquireDataDirLock } from './db/data-dir-lock';
import { openMigratedDatabase, pgliteDataDir } from './runtime';

function lockEmbeddedDataDir(config: Config): () => void {
  const dir = pgliteDataDir(config);
  mkdirSync(dir, { recursive: true });
  return acquireDataDirLock(dir);
}

export async function serve(): Promise<void> {
  const config = loadConfig();
  const releaseDataDir = config.databaseUrl ? () => undefined : lockEmbeddedDataDir(config);
  const handle = await openMigratedDatabase(config, { asRuntimeRole: true });
  const demo = config.seedDemo ? await prepareDemoAtStartup(handle.db, systemClock) : null;
  const app = await buildApp({
    db: handle.db,
    clock: systemClock,
    config,
    databaseKind: handle.kind,
  });
  // Hand-overs between institutions travel through the outbox; every instance runs a worker.
  const stopOutbox = startOutboxWorker(app.services, OUTBOX_HANDLERS, {
    intervalMs: 1000,
    log: (error) => {
      app.log.error({ err: error }, 'outbox delivery failed');
    },
  });
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await stopOutbox();
    await handle.close();
    releaseDataDir();
  });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  app.log.info(
    { database: handle.kind, location: handle.location },
    `Qadiya is listening on ${url}`,
  );
  if (demo?.isSeededNow) app.log.info('demo data seeded into the empty database');
  // For the person who just typed `npm start`: plain text, not a JSON log line.
  process.stdout.write(startupBanner(url, demo?.isDemo ?? false));
}
