/**
 * How many statements the busiest requests send to PostgreSQL (issue 9): the case page and an
 * event are what prosecutors and clerks do all day, and each round trip costs the database and the
 * server on a small machine. The budget is counted, not timed: a change that adds a query to
 * these paths fails here instead of showing up weeks later as a slower benchmark.
 *
 * Counted: every statement run through Kysely, built or raw (a plugin's transformResult sees each
 * result), not the BEGIN and COMMIT the driver sends itself.
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { sharedTestDatabase } from '../support/database';
import { buildBareCase, buildInstitution, signedInUser } from '../support/factories';
import { addToTeam, auditRows, call, LONG_AGO, type Headers } from './case-api-kit';

class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count += 1;
    return Promise.resolve(args.result);
  }
}

describe('statements per request', () => {
  let t: TestApp;
  const counter = new StatementCounter();
  let headers: Headers;
  let institutionId: string;
  let userId: string;

  beforeAll(async () => {
    const shared = await sharedTestDatabase();
    t = await buildTestApp({ handle: { ...shared, db: shared.db.withPlugin(counter) } });
    const institution = await buildInstitution(t.handle.db);
    institutionId = institution.id;
    const user = await signedInUser(t.handle.db, {
      grants: [{ role: 'prosecutor', institutionId, validFrom: LONG_AGO }],
    });
    headers = user.headers;
    userId = user.user.id;
    // The session's last-seen time is written at most every 30 seconds: let the first request
    // write it, so the counted requests are the steady state.
    await call(t, headers, 'GET', '/cases?limit=1');
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
  });

  async function statementsOf(request: () => Promise<{ status: number }>, status = 200) {
    const before = counter.count;
    const response = await request();
    expect(response.status).toBe(status);
    return counter.count - before;
  }

  it('opens a case page in three: the session, the file with the reader team roles, the page', async () => {
    const file = await buildBareCase(t.handle.db, institutionId);
    await addToTeam(t.handle.db, file.id, userId, 'prosecutor', { isLead: true });
    expect(await statementsOf(() => call(t, headers, 'GET', `/cases/${file.id}`))).toBe(3);
  });

  it('adds the audit row, and only that, when the file is restricted', async () => {
    const file = await buildBareCase(t.handle.db, institutionId, { confidentiality: 'restricted' });
    await addToTeam(t.handle.db, file.id, userId, 'prosecutor', { isLead: true });
    expect(await statementsOf(() => call(t, headers, 'GET', `/cases/${file.id}`))).toBe(4);
    expect(await auditRows(t.handle.db, file.id, 'access.restricted_read')).toHaveLength(1);
  });

  it('fires an event in five, the page of the changed file included, without reading it again', async () => {
    const file = await buildBareCase(t.handle.db, institutionId);
    await addToTeam(t.handle.db, file.id, userId, 'prosecutor', { isLead: true });
    let answer: unknown;
    const statements = await statementsOf(async () => {
      const response = await call(t, headers, 'POST', `/cases/${file.id}/events`, {
        event: 'open_investigation',
        version: 1,
        payload: {},
      });
      answer = response.body;
      return response;
    });
    // Session; the file with the actor's team roles, locked; facts; the change (the file's new
    // state, the audit row, the event, and the team roles after it: may the actor still open
    // it?); the page. BEGIN and COMMIT are not counted.
    expect(statements).toBe(5);
    // The answer is the page as a reader opening the file now gets it, field for field.
    const page = await call(t, headers, 'GET', `/cases/${file.id}`);
    expect(page.body).toMatchObject({ state: 'under_investigation', version: 2 });
    expect(answer).toEqual(page.body);
  });

  /** Opens the investigation of a new file (version 1) with the given Prefer header. */
  async function fireWithPrefer(caseId: string, prefer: string) {
    const before = counter.count;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/events`,
      headers: { ...headers, prefer },
      payload: { event: 'open_investigation', version: 1, payload: {} },
    });
    return { response, statements: counter.count - before };
  }

  it('answers with the header and the event id alone, in four, when the client prefers return=minimal', async () => {
    const file = await buildBareCase(t.handle.db, institutionId);
    await addToTeam(t.handle.db, file.id, userId, 'prosecutor', { isLead: true });
    const { response, statements } = await fireWithPrefer(
      file.id,
      'respond-async, return=minimal; charset=utf-8',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['preference-applied']).toBe('return=minimal');
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      id: file.id,
      state: 'under_investigation',
      version: 2,
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(body).not.toHaveProperty('parties');
    // Session; the file with the actor's team roles, locked; facts; the change.
    expect(statements).toBe(4);
    const [event] = await t.handle.db
      .selectFrom('case_events')
      .select(['id', 'event_type'])
      .where('case_id', '=', file.id)
      .execute();
    expect(event).toEqual({ id: body.eventId, event_type: 'open_investigation' });
  });

  it('answers with the page for any other preference, and says it applied none', async () => {
    const file = await buildBareCase(t.handle.db, institutionId);
    await addToTeam(t.handle.db, file.id, userId, 'prosecutor', { isLead: true });
    const { response } = await fireWithPrefer(file.id, 'return=representation');
    expect(response.statusCode).toBe(200);
    expect(response.headers['preference-applied']).toBeUndefined();
    expect(response.json()).toMatchObject({ state: 'under_investigation', parties: [] });
  });
});
