/**
 * Keeps `npm run bench` honest without running a benchmark: every scenario sends six requests
 * from two clients against the real app (in-process, on a database of its own) and must
 * answer without an error; the tables and the target checks are built from those results; and
 * the pure helpers (pgbench literals, capture filtering, name variants, options) do what the
 * harness relies on. The load figures themselves mean nothing here.
 */
import { measureStatisticLatencies } from '../../../../bench/statistics-latency';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSql } from '../../../../bench/baselines';
import { withoutOutboxPolls } from '../../../../bench/capture';
import { formatCpu, readCpuMs } from '../../../../bench/cpu-meter';
import { prepareFixtures, type Fixtures } from '../../../../bench/fixtures';
import { runLoad } from '../../../../bench/load';
import { caseQueries, personQueries, seededRandom } from '../../../../bench/name-variants';
import { parseOptions } from '../../../../bench/options';
import { inlineStatement, sqlLiteral } from '../../../../bench/pgbench';
import {
  checkTargets,
  formatTable,
  renderReport,
  type BenchResults,
  type ScenarioResult,
} from '../../../../bench/report';
import { scenarios, type Sessions } from '../../../../bench/scenarios';
import { ApiClient } from '../../../../bench/api';
import { buildTestApp, type TestApp } from '../support/app';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { buildInstitution } from '../support/factories';

describe('the benchmark harness on a tiny run', () => {
  let database: IsolatedDatabase;
  let test: TestApp;
  let baseUrl: string;
  let fixtures: Fixtures;
  let sessions: Sessions;

  beforeAll(async () => {
    database = await isolatedTestDatabase();
    test = await buildTestApp({ handle: database.handle });
    // The bench users are created on the real clock; the app's clock must be past their grants'
    // start, and stays still for the few seconds of the run.
    test.clock.set(new Date(Date.now() + 5 * 60_000));
    await test.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(test.app.server.address() as AddressInfo).port}`;
    const office = await buildInstitution(database.handle.db, { kind: 'prosecution_office' });
    fixtures = await prepareFixtures(database.handle.db, test.config, baseUrl, {
      institutionCode: office.code,
      caseload: 0,
      minWritableFiles: 4,
      sampleSize: 20,
      seed: 1,
    });
    const token = async (username: string) =>
      (await ApiClient.signIn(baseUrl, username, fixtures.password)).bearer;
    sessions = {
      prosecutor: await token('bench.prosecutor'),
      chief: await token('bench.chief'),
      analyst: await token('bench.analyst'),
    };
  }, 120_000);

  afterAll(async () => {
    await test.app.close();
    await database.dispose();
  });

  it('runs every scenario without an error, and reports it', async () => {
    expect(fixtures.writableFiles.length).toBeGreaterThanOrEqual(4);
    expect(fixtures.personQueries.length).toBeGreaterThan(0);
    const readVersions = async (ids: readonly string[]) => {
      const rows = await database.handle.db
        .selectFrom('cases')
        .select(['id', 'version'])
        .where('id', 'in', [...ids])
        .execute();
      return new Map(rows.map((r) => [r.id, r.version]));
    };
    const definitions = scenarios({ fixtures, sessions, readVersions, hasCaseSearch: true });
    expect(definitions.map((d) => d.name)).toEqual([
      'case_page',
      'event_write',
      'event_write_minimal',
      'register_file',
      'work_queue',
      'person_search',
      'case_search',
      'person_search_1_client',
      'case_search_1_client',
      'stat_juvenile_indicators',
      'stat_family_protection',
      'stat_performance',
      'stat_performance_split',
      'login',
    ]);
    const results: ScenarioResult[] = [];
    for (const definition of definitions) {
      const result = await runLoad(definition.source(), {
        url: baseUrl,
        connections: 2,
        durationSeconds: 1,
        amount: 6,
        warmupSeconds: 0,
        timeoutSeconds: 20,
        sampleIntervalMs: 50,
      });
      expect({
        scenario: definition.name,
        errors: result.errors,
        samples: result.errorSamples,
      }).toEqual({ scenario: definition.name, errors: 0, samples: [] });
      expect({ scenario: definition.name, requests: result.requests }).toEqual({
        scenario: definition.name,
        requests: 6,
      });
      results.push({
        name: definition.name,
        title: definition.title,
        connections: 2,
        peakRssBytes: null,
        loadAverage: 0,
        waits: [],
        ...result,
      });
    }
    // Issue 8's timing, one request per statistic, as the run does after its scenarios.
    const statisticLatencies = await measureStatisticLatencies(
      new ApiClient(baseUrl, sessions.analyst),
      fixtures.statisticsPeriod,
      1,
    );
    expect(statisticLatencies.filter((l) => l.measure !== null)).toHaveLength(16);
    const partial = { scenarios: results, baselines: [], scaleOut: [], statisticLatencies };
    const report: BenchResults = {
      startedAt: '',
      finishedAt: '',
      command: 'test',
      machine: {},
      settings: { connections: 2, durationSeconds: 1, warmupSeconds: 0 },
      institution: fixtures.institution,
      data: fixtures.data,
      ...partial,
      sqlDrift: [],
      plans: [],
      aborted: null,
      server: { peakRssBytes: null },
      targets: checkTargets(partial),
    };
    const text = renderReport(report);
    for (const definition of definitions) expect(text).toContain(definition.name);
    expect(report.targets.find((t) => t.target.startsWith('no error'))?.isMet).toBe(true);
    expect(text).toContain('workload, split');
    expect(report.targets.find((t) => t.target.includes('(issue 8)'))?.measured).toMatch(
      /^slowest /,
    );
    // The events target names both ways of writing them.
    expect(report.targets.find((t) => t.target.startsWith('event writes'))?.measured).toMatch(
      /\(event_write\), .*\(event_write_minimal\)/,
    );
    // Without baselines there is no ratio to judge.
    expect(report.targets[0]?.isMet).toBeNull();
  }, 60_000);
});

describe('the harness helpers', () => {
  it('formats a table with numbers aligned to the right', () => {
    expect(
      formatTable(
        ['name', 'req/s'],
        [
          ['a', '1.5'],
          ['bb', '12.0'],
        ],
      ).split('\n'),
    ).toEqual(['name  req/s', '----  -----', 'a       1.5', 'bb     12.0']);
  });

  it("reads a process's CPU time from /proc, and prints it per request", () => {
    const before = readCpuMs(process.pid);
    expect(before).toBeGreaterThan(0);
    const until = Date.now() + 60;
    let spin = 0;
    while (Date.now() < until) spin += 1;
    expect(spin).toBeGreaterThan(0);
    expect(readCpuMs(process.pid)).toBeGreaterThan(before ?? Infinity);
    expect(readCpuMs(2 ** 30)).toBeNull();
    expect(formatCpu({ serverMs: 2.345, databaseMs: 0.5 })).toBe('2.35 + 0.50');
    expect(formatCpu({ serverMs: 1, databaseMs: null })).toBe('1.00 + ?');
    expect(formatCpu(null)).toBe('–');
  });

  it('writes pgbench literals that pgbench cannot mistake for its :variables', () => {
    expect(sqlLiteral("عبد الله's 10:30 \\ x")).toBe("E'عبد الله''s 10\\x3a30 \\\\ x'");
    expect(sqlLiteral(null)).toBe('NULL');
    // An array parameter (case search's words) in PostgreSQL's array text, quotes escaped.
    expect(sqlLiteral(['بيان', 'a"b'])).toBe(String.raw`E'{"بيان","a\\"b"}'`);
    expect(sqlLiteral(50)).toBe("E'50'");
    expect(
      inlineStatement({
        backend: 1,
        text: 'select *\n  from "cases" where "id" = $1 and "n" = $10 limit $2',
        values: ['a', 5, 3, 4, 5, 6, 7, 8, 9, 'ten'],
      }),
    ).toBe(`select * from "cases" where "id" = E'a' and "n" = E'ten' limit E'5'`);
    // A comment would swallow the rest of the line the statement is put on; one inside quotes stays.
    expect(
      inlineStatement({
        backend: 1,
        text: "with x as (\n  -- why: a comment\n  select '--kept' as y\n) select * from x",
        values: [],
      }),
    ).toBe("with x as ( select '--kept' as y ) select * from x");
  });

  it("drops the outbox worker's polls from a captured request", () => {
    const statement = (backend: number, text: string) => ({ backend, text, values: [] });
    const captured = [
      statement(1, 'select * from "cases" where "id" = $1'),
      statement(2, 'begin'),
      statement(2, 'select "id" from "outbox" where "delivered_at" is null'),
      statement(2, 'commit'),
      statement(3, 'begin'),
    ];
    expect(withoutOutboxPolls(captured).map((s) => s.text)).toEqual([
      'select * from "cases" where "id" = $1',
    ]);
    expect(compareSql('x', captured.slice(0, 1), captured.slice(0, 1)).onlyInServer).toEqual([]);
  });

  it('makes the same search queries from the same seed, in other spellings', () => {
    const person = {
      firstNameAr: 'عبد الله',
      fatherNameAr: 'أحمد',
      grandfatherNameAr: 'يوسف',
      familyNameAr: 'الخطيب',
      nameLatin: 'Abdallah Ahmad Yousef al-Khatib',
    };
    const queries = personQueries([person], 30, 5);
    expect(queries).toEqual(personQueries([person], 30, 5));
    for (const q of queries) expect(q.length).toBeGreaterThanOrEqual(2);
    expect(queries.some((q) => q !== 'عبد الله الخطيب')).toBe(true);
    expect(caseQueries(['سرقة هاتف محمول من محل تجاري'], 5, 1).every(Boolean)).toBe(true);
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it('reads the command line, refusing what it does not know', () => {
    expect(parseOptions(['--duration', '5', '--only', 'case_page,login'])).toMatchObject({
      durationSeconds: 5,
      only: ['case_page', 'login'],
    });
    expect(parseOptions(['--connections', '0'])).toEqual({
      error: '--connections must be a whole number from 1 to 1000',
    });
    expect(parseOptions(['--fast'])).toEqual({ error: 'unknown option --fast' });
  });
});
