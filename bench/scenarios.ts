/**
 * The scenarios of `npm run bench`: what a user does most, each as a stream of requests over many
 * different files, names and words, so the database cannot answer from one hot row.
 */
import type { WritableFile } from './fixture-files';
import type { Fixtures } from './fixtures';
import type { LoadSource, RequestSpec } from './load';
import { seededRandom } from './name-variants';

export interface Sessions {
  prosecutor: string;
  chief: string;
  analyst: string;
}

export interface ScenarioDefinition {
  name: string;
  title: string;
  /** Clients for this scenario; by default the run's (32). Heavy aggregates use fewer. */
  connections?: number;
  /** Seconds a single request may take before it counts as an error. */
  timeoutSeconds?: number;
  /** Why the scenario cannot run on this server (e.g. an endpoint that does not exist yet). */
  skipReason?: string;
  source(): LoadSource;
}

const json = (token: string | null): Record<string, string> => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Cycles through a list from a random start, so concurrent runs do not walk in step. */
function cycle<T>(items: readonly T[], seed: number): () => T {
  if (items.length === 0) throw new Error('nothing to cycle through');
  let i = Math.floor(seededRandom(seed)() * items.length);
  return () => {
    i = (i + 1) % items.length;
    return items[i] as T;
  };
}

/** `pathOf` lets the bare baseline server take the same stream on its own route. */
export function casePageSource(
  fileIds: readonly string[],
  token: string,
  pathOf: (id: string) => string = (id) => `/api/v1/cases/${id}`,
): LoadSource {
  const nextFile = cycle(fileIds, 1);
  return { next: () => ({ method: 'GET', path: pathOf(nextFile()), headers: bearer(token) }) };
}

/** The questioning summary every write records (Arabic, like the prosecutors' own). */
export const QUESTIONING_SUMMARY =
  'أفاد الطرف بأنه كان في مكان الحادث وقت وقوعه، وأنكر علمه بالفاعل، وقدّم أسماء شهود.';

/** The current versions of some files, read from the database. */
export type VersionReader = (ids: readonly string[]) => Promise<Map<string, number>>;

/**
 * Firing `question` on files under investigation: each request carries the version of the file
 * the client last saw. No two requests in flight touch the same file, so a 409 is a real error.
 * `pathOf` lets the bare baseline server take the same stream on its own route.
 */
export function eventWriteSource(
  files: WritableFile[],
  token: string,
  options: {
    pathOf?: (file: WritableFile) => string;
    readVersions?: VersionReader;
    /** Ask for the file's header instead of its page (Prefer: return=minimal, RFC 7240). */
    minimal?: boolean;
  } = {},
): LoadSource {
  const pathOf = options.pathOf ?? ((file: WritableFile) => `/api/v1/cases/${file.id}/events`);
  const busy = new Set<number>();
  let next = 0;
  return {
    next(): RequestSpec {
      let index = next;
      for (let tries = 0; busy.has(index) && tries < files.length; tries++) {
        index = (index + 1) % files.length;
      }
      next = (index + 1) % files.length;
      busy.add(index);
      const file = files[index] as WritableFile;
      return {
        method: 'POST',
        path: pathOf(file),
        headers: options.minimal ? { ...json(token), prefer: 'return=minimal' } : json(token),
        body: JSON.stringify({
          event: 'question',
          version: file.version,
          payload: { partyId: file.partyId, summary: QUESTIONING_SUMMARY },
        }),
        state: index,
      };
    },
    onResponse(status, body, state) {
      if (typeof state !== 'number') return;
      busy.delete(state);
      const file = files[state];
      if (!file) return;
      if (status === 200) file.version += 1;
      else if (status === 409) {
        // Someone else moved the file on: take its version and carry on.
        const current = /"currentVersion":(\d+)/.exec(body)?.[1];
        if (current) file.version = Number(current);
      }
    },
    async settle() {
      const abandoned = [...busy].flatMap((i) => (files[i] ? [files[i]] : []));
      busy.clear();
      if (abandoned.length === 0 || !options.readVersions) return;
      // The server may still be finishing them: read until two reads agree.
      const ids = abandoned.map((f) => f.id);
      let versions = await options.readVersions(ids);
      for (let attempt = 0; attempt < 40; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const again = await options.readVersions(ids);
        const isStable = ids.every((id) => again.get(id) === versions.get(id));
        versions = again;
        if (isStable) break;
      }
      for (const file of abandoned) file.version = versions.get(file.id) ?? file.version;
    },
  };
}

export function registerSource(institutionId: string, token: string): LoadSource {
  const today = new Date().toISOString().slice(0, 10);
  const body = JSON.stringify({
    caseType: 'prosecution_file',
    institutionId,
    summary: 'شكوى سرقة مركبة من أمام منزل المشتكي ليلاً',
    incidentDate: today,
  });
  return { next: () => ({ method: 'POST', path: '/api/v1/cases', headers: json(token), body }) };
}

function queryStringSource(path: string, param: string, values: readonly string[], token: string) {
  const nextValue = cycle(values, 7);
  return {
    next: (): RequestSpec => ({
      method: 'GET',
      path: `${path}?${param}=${encodeURIComponent(nextValue())}`,
      headers: bearer(token),
    }),
  };
}

export interface ScenarioInput {
  fixtures: Fixtures;
  sessions: Sessions;
  readVersions: VersionReader;
  /** Whether the server has case search (GET /cases/search); checked before the run. */
  hasCaseSearch: boolean;
}

/** Each statistic of the API, as the national analyst asks for the last twelve months. */
const statistics = [
  [
    'stat_juvenile_indicators',
    '/api/v1/statistics/juvenile-indicators',
    'Statistic: juvenile justice indicators (national, 12 months)',
  ],
  [
    'stat_family_protection',
    '/api/v1/statistics/family-protection',
    'Statistic: family protection dashboard (national, 12 months)',
  ],
  [
    'stat_performance',
    '/api/v1/statistics/performance',
    'Statistic: every performance measure (national, 12 months)',
  ],
  [
    'stat_performance_split',
    '/api/v1/statistics/performance?splitBy=accusedSex,victimAgeBand',
    'Statistic: every performance measure split by accused sex and victim age (national, 12 months)',
  ],
] as const;

export function scenarios({
  fixtures,
  sessions,
  readVersions,
  hasCaseSearch,
}: ScenarioInput): ScenarioDefinition[] {
  const { institution, statisticsPeriod } = fixtures;
  return [
    {
      name: 'case_page',
      title: 'Open a case page (all its parts)',
      source: () => casePageSource(fixtures.readFiles, sessions.prosecutor),
    },
    {
      name: 'event_write',
      title: 'Fire an event (questioning, with audit)',
      source: () => eventWriteSource(fixtures.writableFiles, sessions.prosecutor, { readVersions }),
    },
    {
      // What an integration or a bulk import sends: the event, without the page in the answer.
      name: 'event_write_minimal',
      title: 'Fire an event, answered by the header alone (Prefer: return=minimal)',
      source: () =>
        eventWriteSource(fixtures.writableFiles, sessions.prosecutor, {
          readVersions,
          minimal: true,
        }),
    },
    {
      name: 'register_file',
      title: 'Register a file',
      source: () => registerSource(institution.id, sessions.prosecutor),
    },
    {
      name: 'work_queue',
      title: 'Work queue',
      source: () => ({
        next: () => ({
          method: 'GET',
          path: '/api/v1/work-queue',
          headers: bearer(sessions.prosecutor),
        }),
      }),
    },
    // Issue 7's search targets are latencies a user sees: each search is also run by one client
    // at a time, besides the 32 clients that show what the server sustains.
    ...([32, 1] as const).flatMap((clients): ScenarioDefinition[] => {
      const suffix = clients === 1 ? '_1_client' : '';
      const apart = clients === 1 ? ', one client at a time' : '';
      return [
        {
          name: `person_search${suffix}`,
          title: `Person search (Arabic name variants${apart})`,
          ...(clients === 1 ? { connections: 1 } : {}),
          source: () =>
            queryStringSource('/api/v1/persons', 'q', fixtures.personQueries, sessions.prosecutor),
        },
        {
          name: `case_search${suffix}`,
          title: `Case search (full text${apart})`,
          ...(clients === 1 ? { connections: 1 } : {}),
          ...(hasCaseSearch
            ? {}
            : { skipReason: 'GET /api/v1/cases/search is not on this server' }),
          source: () =>
            queryStringSource(
              '/api/v1/cases/search',
              'q',
              fixtures.caseQueries,
              sessions.prosecutor,
            ),
        },
      ];
    }),
    ...statistics.map(([name, path, title]): ScenarioDefinition => ({
      name,
      title,
      connections: 8,
      timeoutSeconds: 60,
      source: () => ({
        next: () => ({
          method: 'GET',
          path: `${path}${path.includes('?') ? '&' : '?'}from=${statisticsPeriod.from}&to=${statisticsPeriod.to}`,
          headers: bearer(sessions.analyst),
        }),
      }),
    })),
    {
      name: 'login',
      title: 'Login (scrypt password check, session, audit)',
      // scrypt is CPU-bound by design (ADR 0004): more clients than cores only queue.
      connections: 8,
      timeoutSeconds: 30,
      source: () => {
        const nextUser = cycle(['bench.prosecutor', 'bench.chief', 'bench.analyst'], 3);
        return {
          next: () => ({
            method: 'POST',
            path: '/api/v1/auth/login',
            headers: json(null),
            body: JSON.stringify({ username: nextUser(), password: fixtures.password }),
          }),
        };
      },
    },
  ];
}
