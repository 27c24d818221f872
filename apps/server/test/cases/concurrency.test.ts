import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildInstitution, signedInUser } from '../support/factories';

describe('files under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('numbers 200 files registered in parallel uniquely and without gaps', async () => {
    const police = await buildInstitution(t.handle.db, { kind: 'police_unit' });
    const officer = await signedInUser(t.handle.db, {
      institutionId: police.id,
      grants: [{ role: 'police_investigator', institutionId: police.id }],
    });
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/cases',
          headers: officer.headers,
          payload: {
            caseType: 'police_report',
            institutionId: police.id,
            summary: `بلاغ رقم ${i}`,
          },
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const serials = responses
      .map((r) => Number(r.json<{ number: string }>().number.split('/')[0]))
      .sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const references = new Set(responses.map((r) => r.json<{ reference: string }>().reference));
    expect(references.size).toBe(200);
    expect([...references][0]).toMatch(new RegExp(`^${police.code}/PR/\\d+/\\d{4}$`));
  });

  it('lets exactly one of 20 parallel clients fire the same event at one version', async () => {
    const police = await buildInstitution(t.handle.db, { kind: 'police_unit' });
    const officer = await signedInUser(t.handle.db, {
      institutionId: police.id,
      grants: [{ role: 'police_investigator', institutionId: police.id }],
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: officer.headers,
      payload: { caseType: 'police_report', institutionId: police.id },
    });
    const id = created.json<{ id: string }>().id;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${id}/events`,
          headers: officer.headers,
          payload: { event: 'start_evidence_gathering', version: 1, payload: {} },
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json()).toMatchObject({
        error: { code: 'STALE_VERSION', details: { currentVersion: 2 } },
      });
    }
    const events = await t.handle.db
      .selectFrom('case_events')
      .select('seq')
      .where('case_id', '=', id)
      .execute();
    expect(events.map((e) => e.seq).sort()).toEqual([1, 2]);
  });
});
