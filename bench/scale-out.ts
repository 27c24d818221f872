/**
 * Scale-out: the same load against one and then two `qadiya serve` processes on one PostgreSQL,
 * both times through the round-robin proxy (proxy.ts), so that the proxy's own cost is in both
 * figures and the ratio shows what the second instance adds.
 */
import type { DatabaseHandle } from '../apps/server/src/db/database';
import type { LoadOptions } from './load';
import { log, measure, stop, track } from './measure';
import { startBenchModule, startQadiya, type ChildServer } from './processes';
import type { ScaleOutResult, ScaleOutRun } from './report';
import type { ScenarioDefinition } from './scenarios';

export const SCALE_OUT_SCENARIOS = ['case_page', 'event_write'];

export async function runScaleOut(
  databaseUrl: string,
  portBase: number,
  first: ChildServer,
  definitions: readonly ScenarioDefinition[],
  loadFor: (definition: ScenarioDefinition, url: string) => LoadOptions,
  database: DatabaseHandle,
): Promise<ScaleOutResult[]> {
  log('Scale-out (1, then 2 servers behind the round-robin proxy):');
  const second = await track(startQadiya('second qadiya serve', databaseUrl, portBase + 2));
  const results: ScaleOutResult[] = [];
  try {
    for (const name of SCALE_OUT_SCENARIOS) {
      const definition = definitions.find((d) => d.name === name);
      if (!definition || definition.skipReason) continue;
      const runs: ScaleOutRun[] = [];
      for (const servers of [[first], [first, second]]) {
        const port = portBase + 30;
        const proxy = await track(
          startBenchModule('proxy.ts', {
            name: 'proxy',
            port,
            readyPath: '/api/v1/health',
            env: {
              ...process.env,
              PORT: String(port),
              TARGETS: servers.map((s) => s.port).join(','),
            },
          }),
        );
        try {
          const label = `${name} via proxy, ${servers.length} server${servers.length > 1 ? 's' : ''}`;
          const measured = await measure(
            label,
            definition.source(),
            loadFor(definition, `http://127.0.0.1:${port}`),
            servers.map((s) => s.pid),
            database,
          );
          runs.push({ servers: servers.length, ...measured });
        } finally {
          await stop(proxy);
        }
      }
      const [one, two] = runs;
      results.push({
        name,
        runs,
        speedup: one && two ? two.result.throughput / one.result.throughput : null,
      });
    }
  } finally {
    await stop(second);
  }
  return results;
}
