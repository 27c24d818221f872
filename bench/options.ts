/** The command line of `npm run bench -- [options]`. */
import type { FixtureOptions } from './fixtures';

export interface BenchOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Scenario names to run; all when empty. */
  only: string[];
  baselines: boolean;
  scaleOut: boolean;
  out: string;
  /** A single request slower than this (seconds) makes its scenario too slow to load. */
  requestTimeoutSeconds: number;
  /** Folder for a CPU profile of the measured server (node --cpu-prof), written when it stops. */
  profileDir: string | null;
  /** Ports used: base+1 and base+2 (servers), +10/+20/+21 (baselines, capture), +30 (proxy). */
  portBase: number;
  fixtures: FixtureOptions;
}

export const USAGE = `Usage: DATABASE_URL=postgres://… npm run bench -- [options]

  --connections N     concurrent clients per scenario (default 32)
  --duration S        seconds measured per run (default 20)
  --warmup S          seconds of unmeasured load before each run (default 3)
  --only a,b          only these scenarios: case_page, event_write, event_write_minimal,
                      register_file, work_queue,
                      person_search, case_search, person_search_1_client,
                      case_search_1_client, stat_juvenile_indicators, stat_family_protection,
                      stat_performance, stat_performance_split,
                      login
  --request-timeout S a scenario whose single request takes longer is reported as too slow and
                      not put under load (default 60)
  --no-baselines      skip the bare node:http + pg server and pgbench
  --no-scale-out      skip the 1 and 2 server runs behind the proxy
  --institution CODE  prosecution office to work on (default: the one with most open files)
  --sample N          files, names and words sampled for the scenarios (default 2000)
  --caseload N        files handed to the bench prosecutor, for the work queue (default 150)
  --min-writable N    files under investigation to write to, registered if missing (default 200)
  --port-base N       first of the local ports used (default 18100)
  --seed N            seed of the samples (default 1)
  --profile DIR       write a CPU profile of the measured server to DIR (node --cpu-prof);
                      summarise it with: npx tsx bench/profile-summary.ts DIR/*.cpuprofile
  --out FILE          results file (default bench-results.json)
`;

type Parsed = BenchOptions | { help: true } | { error: string };

export function parseOptions(argv: readonly string[]): Parsed {
  const options: BenchOptions = {
    connections: 32,
    durationSeconds: 20,
    warmupSeconds: 3,
    only: [],
    baselines: true,
    scaleOut: true,
    out: 'bench-results.json',
    profileDir: null,
    requestTimeoutSeconds: 60,
    portBase: 18100,
    fixtures: { caseload: 150, minWritableFiles: 200, sampleSize: 2000, seed: 1 },
  };
  const args = [...argv];
  const take = (flag: string): string => {
    const value = args.shift();
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    return value;
  };
  const whole = (flag: string, min: number, max: number): number => {
    const value = Number(take(flag));
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`${flag} must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
  try {
    while (args.length > 0) {
      const flag = args.shift() ?? '';
      switch (flag) {
        case '--help':
        case '-h':
          return { help: true };
        case '--connections':
          options.connections = whole(flag, 1, 1000);
          break;
        case '--duration':
          options.durationSeconds = whole(flag, 1, 3600);
          break;
        case '--warmup':
          options.warmupSeconds = whole(flag, 0, 600);
          break;
        case '--only':
          options.only = take(flag)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          break;
        case '--no-baselines':
          options.baselines = false;
          break;
        case '--no-scale-out':
          options.scaleOut = false;
          break;
        case '--institution':
          options.fixtures.institutionCode = take(flag);
          break;
        case '--sample':
          options.fixtures.sampleSize = whole(flag, 10, 100_000);
          break;
        case '--caseload':
          options.fixtures.caseload = whole(flag, 0, 100_000);
          break;
        case '--min-writable':
          options.fixtures.minWritableFiles = whole(flag, 2, 100_000);
          break;
        case '--port-base':
          options.portBase = whole(flag, 1024, 65_000);
          break;
        case '--seed':
          options.fixtures.seed = whole(flag, 0, 2 ** 31);
          break;
        case '--request-timeout':
          options.requestTimeoutSeconds = whole(flag, 1, 3600);
          break;
        case '--profile':
          options.profileDir = take(flag);
          break;
        case '--out':
          options.out = take(flag);
          break;
        default:
          throw new Error(`unknown option ${flag}`);
      }
    }
  } catch (error) {
    return { error: (error as Error).message };
  }
  return options;
}
