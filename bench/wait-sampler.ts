/**
 * A wait profile of the database during a load: four times a second, what each connection of this
 * run's servers is doing (running, waiting for a lock, for I/O, or idle in an open transaction while
 * the server process prepares its next statement). It shows where a scenario's time goes without
 * attaching a profiler to PostgreSQL: many connections on `Lock:transactionid` mean requests queue
 * behind one row lock, many `idle in transaction` mean the database waits for Node.
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from '../apps/server/src/db/database';
import { BENCH_APPLICATION_NAME } from './processes';

export interface WaitShare {
  /** `running`, `idle in transaction`, or the wait event (`Lock:transactionid`, `IO:DataFileRead`…). */
  state: string;
  /** Average number of connections in that state. */
  connections: number;
}

export class WaitSampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private isSampling = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly handle: DatabaseHandle,
    intervalMs = 250,
  ) {
    this.timer = setInterval(() => {
      void this.sample();
    }, intervalMs);
  }

  private async sample(): Promise<void> {
    if (this.isSampling) return;
    this.isSampling = true;
    try {
      const { rows } = await sql<{ state: string; n: number }>`
        SELECT CASE
                 WHEN state = 'idle in transaction' THEN 'idle in transaction'
                 WHEN wait_event_type IS NULL THEN 'running'
                 ELSE wait_event_type || ':' || wait_event
               END AS state,
               count(*)::int AS n
        FROM pg_stat_activity
        WHERE application_name = ${BENCH_APPLICATION_NAME} AND backend_type = 'client backend'
          AND state IN ('active', 'idle in transaction')
        GROUP BY 1`.execute(this.handle.db);
      this.samples++;
      for (const row of rows) this.counts.set(row.state, (this.counts.get(row.state) ?? 0) + row.n);
    } catch {
      // A sample lost to a busy database is not worth failing the run for.
    } finally {
      this.isSampling = false;
    }
  }

  stop(): WaitShare[] {
    clearInterval(this.timer);
    if (this.samples === 0) return [];
    return [...this.counts]
      .map(([state, n]) => ({ state, connections: Math.round((n / this.samples) * 10) / 10 }))
      .sort((a, b) => b.connections - a.connections)
      .slice(0, 6);
  }
}
