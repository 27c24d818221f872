/**
 * `qadiya serve`: opens the database, migrates it, seeds the demo on an empty embedded database,
 * and serves the API (and the web app) until SIGINT/SIGTERM, then drains requests and closes.
 */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { openMigratedDatabase } from './runtime';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const handle = await openMigratedDatabase(config, { asRuntimeRole: true });
  const app = await buildApp({
    db: handle.db,
    clock: systemClock,
    config,
    databaseKind: handle.kind,
  });
  closeWithGrace({ delay: 10_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await handle.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  app.log.info(
    { database: handle.kind, location: handle.location },
    `Qadiya is listening on ${url}`,
  );
}
