/**
 * Delivers outbox messages. Each message is handled in its own transaction that also marks it
 * delivered, so a crash before commit leaves it pending (delivered again later) and a crash after
 * commit leaves it done: the effect happens exactly once as far as the database can tell, and
 * handlers are idempotent by message id besides. Failures are retried with exponential backoff.
 * Any number of server instances may run the worker: `FOR UPDATE SKIP LOCKED` shares the work.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from '../use-case-context';

export interface OutboxMessage {
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export type OutboxHandler = (
  trx: Transaction<Database>,
  message: OutboxMessage,
  services: Services,
) => Promise<void>;

const MAX_BACKOFF_MS = 15 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 20));
}

/**
 * Delivers up to `limit` due messages, one transaction each. Returns how many were delivered and
 * how many failed (and were rescheduled).
 */
export async function deliverDueMessages(
  services: Services,
  handlers: Readonly<Record<string, OutboxHandler>>,
  limit = 50,
): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (let i = 0; i < limit; i += 1) {
    const outcome = await deliverOne(services, handlers);
    if (outcome === 'none') break;
    if (outcome === 'delivered') delivered += 1;
    else failed += 1;
  }
  return { delivered, failed };
}

async function deliverOne(
  services: Services,
  handlers: Readonly<Record<string, OutboxHandler>>,
): Promise<'none' | 'delivered' | 'failed'> {
  const { db, clock } = services;
  let claimed: OutboxMessage | null = null;
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('outbox')
        .select(['id', 'topic', 'payload', 'attempts'])
        .where('delivered_at', 'is', null)
        .where('available_at', '<=', clock.now())
        .orderBy('available_at')
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return 'none';
      claimed = row;
      const handler = handlers[row.topic];
      if (!handler) throw new Error(`no handler for outbox topic ${row.topic}`);
      await handler(trx, row, services);
      await trx
        .updateTable('outbox')
        .set({ delivered_at: clock.now() })
        .where('id', '=', row.id)
        .execute();
      return 'delivered';
    });
  } catch (error) {
    const message = claimed as OutboxMessage | null;
    if (!message) throw error;
    await reschedule(
      db,
      message,
      String(error instanceof Error ? error.message : error),
      clock.now(),
    );
    return 'failed';
  }
}

async function reschedule(
  db: Kysely<Database>,
  message: OutboxMessage,
  error: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      attempts: message.attempts + 1,
      last_error: error.slice(0, 2000),
      available_at: new Date(now.getTime() + backoffMs(message.attempts + 1)),
    })
    .where('id', '=', message.id)
    .where('delivered_at', 'is', null)
    .execute();
}

/** Runs delivery every `intervalMs` until stopped; errors are logged, never fatal. */
export function startOutboxWorker(
  services: Services,
  handlers: Readonly<Record<string, OutboxHandler>>,
  options: { intervalMs: number; log: (error: unknown) => void },
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running
      .then(() => (stopped ? undefined : deliverDueMessages(services, handlers)))
      .catch(options.log);
  }, options.intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
