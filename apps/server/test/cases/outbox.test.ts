/**
 * The hand-over between institutions survives a crash: a referral travels through the outbox, a
 * delivery that fails half-way leaves nothing behind and is retried after a backoff, a message
 * delivered twice creates one file, and concurrent workers deliver each message once.
 *
 * These tests count every message in the outbox, so they run on a database of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFER_TOPIC } from '../../src/cases/case-effects';
import { OUTBOX_HANDLERS } from '../../src/outbox/handlers';
import { backoffMs, deliverDueMessages, type OutboxHandler } from '../../src/outbox/outbox-worker';
import { buildTestApp, type TestApp } from '../support/app';
import { buildPerson, caseApi, type CaseApi } from '../support/cases';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { buildInstitution, signedInUser } from '../support/factories';
import { LONG_AGO } from './case-api-kit';

describe('the outbox hand-over', () => {
  let iso: IsolatedDatabase;
  let t: TestApp;
  let api: CaseApi;
  let police: Awaited<ReturnType<typeof buildInstitution>>;
  let office: Awaited<ReturnType<typeof buildInstitution>>;
  let investigator: Awaited<ReturnType<typeof signedInUser>>;

  beforeAll(async () => {
    iso = await isolatedTestDatabase();
    t = await buildTestApp({ handle: iso.handle });
    api = caseApi(t.app);
    const db = t.handle.db;
    police = await buildInstitution(db, { kind: 'police_unit' });
    office = await buildInstitution(db, { kind: 'prosecution_office', units: ['general'] });
    investigator = await signedInUser(db, {
      institutionId: police.id,
      grants: [{ role: 'police_investigator', institutionId: police.id, validFrom: LONG_AGO }],
    });
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
    await iso.dispose();
  });

  /** A police report referred to the office: its outbox message is written, not yet delivered. */
  async function referReport(): Promise<string> {
    const report = await api.register(investigator.headers, {
      caseType: 'police_report',
      institutionId: police.id,
    });
    expect(report.status).toBe(201);
    const id = report.body.id as string;
    const accused = await buildPerson(t.handle.db);
    await api.fire(investigator.headers, id, 'add_party', {
      personId: accused.id,
      role: 'accused',
    });
    await api.fire(investigator.headers, id, 'start_evidence_gathering', {});
    const referred = await api.fire(investigator.headers, id, 'refer_to_prosecution', {
      prosecutionOfficeId: office.id,
    });
    expect(referred.body.state).toBe('referred');
    return id;
  }

  const messagesFrom = (caseId: string) =>
    t.handle.db
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', REFER_TOPIC)
      .execute()
      .then((rows) => rows.filter((row) => row.payload.fromCaseId === caseId));

  /** What the receiving side holds for a sender file: files, links, events, audit rows. */
  async function receivedFrom(caseId: string) {
    const db = t.handle.db;
    const files = await db
      .selectFrom('cases')
      .selectAll()
      .where('referred_from_id', '=', caseId)
      .execute();
    const ids = files.map((f) => f.id);
    const none = ['00000000-0000-0000-0000-000000000000'];
    const [links, events, audits, parties, tasks] = await Promise.all([
      db.selectFrom('case_links').selectAll().where('from_case_id', '=', caseId).execute(),
      db
        .selectFrom('case_events')
        .selectAll()
        .where('case_id', 'in', ids.length > 0 ? ids : none)
        .execute(),
      db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'case.received')
        .where('object_id', 'in', ids.length > 0 ? ids : none)
        .execute(),
      db
        .selectFrom('parties')
        .selectAll()
        .where('case_id', 'in', ids.length > 0 ? ids : none)
        .execute(),
      db
        .selectFrom('deadlines')
        .selectAll()
        .where('case_id', 'in', ids.length > 0 ? ids : none)
        .execute(),
    ]);
    return { files, links, events, audits, parties, tasks };
  }

  async function pendingCount(): Promise<number> {
    const rows = await t.handle.db
      .selectFrom('outbox')
      .select('id')
      .where('delivered_at', 'is', null)
      .execute();
    return rows.length;
  }

  it('rolls back a delivery that crashes half-way and retries it after the backoff', async () => {
    const reportId = await referReport();
    const [message] = await messagesFrom(reportId);
    expect(message).toMatchObject({ attempts: 0, delivered_at: null, last_error: null });

    // The real handler runs, then the "process" dies before the commit.
    const realRefer = OUTBOX_HANDLERS[REFER_TOPIC]!;
    let crashes = 1;
    let calls = 0;
    const crashing: Record<string, OutboxHandler> = {
      ...OUTBOX_HANDLERS,
      [REFER_TOPIC]: async (trx, msg, services) => {
        calls += 1;
        await realRefer(trx, msg, services);
        // The receiving file exists inside the transaction, then the crash undoes it.
        const inside = await trx
          .selectFrom('cases')
          .select('id')
          .where('created_by_message', '=', msg.id)
          .execute();
        expect(inside).toHaveLength(1);
        if (crashes > 0) {
          crashes -= 1;
          throw new Error('simulated crash after the receiving file was written');
        }
      },
    };

    expect(await deliverDueMessages(t.app.services, crashing)).toEqual({
      delivered: 0,
      failed: 1,
    });
    expect(calls).toBe(1);
    const afterCrash = await receivedFrom(reportId);
    expect(afterCrash).toEqual({
      files: [],
      links: [],
      events: [],
      audits: [],
      parties: [],
      tasks: [],
    });
    const [rescheduled] = await messagesFrom(reportId);
    expect(rescheduled).toMatchObject({
      attempts: 1,
      delivered_at: null,
      last_error: 'simulated crash after the receiving file was written',
    });
    expect(rescheduled!.available_at.getTime()).toBe(t.clock.now().getTime() + backoffMs(1));

    // Not due yet: nothing happens.
    expect(await deliverDueMessages(t.app.services, crashing)).toEqual({
      delivered: 0,
      failed: 0,
    });
    expect(calls).toBe(1);

    // Past the backoff, the second attempt goes through: exactly one file.
    t.clock.advanceMinutes(1);
    expect(await deliverDueMessages(t.app.services, crashing)).toEqual({
      delivered: 1,
      failed: 0,
    });
    expect(calls).toBe(2);
    const received = await receivedFrom(reportId);
    expect(received.files).toHaveLength(1);
    expect(received.files[0]).toMatchObject({
      case_type: 'prosecution_file',
      institution_id: office.id,
      intake_status: 'pending',
      created_by_message: message!.id,
      version: 1,
    });
    expect(received.links).toMatchObject([{ to_case_id: received.files[0]!.id }]);
    expect(received.events.map((e) => e.event_type)).toEqual(['received']);
    expect(received.audits).toHaveLength(1);
    expect(received.parties.map((p) => p.role)).toEqual(['accused']);
    expect(received.tasks.map((d) => d.name)).toEqual(['accept_referral']);
    const [done] = await messagesFrom(reportId);
    expect(done).toMatchObject({ attempts: 1 });
    expect(done!.delivered_at).not.toBeNull();
    expect(await deliverDueMessages(t.app.services, OUTBOX_HANDLERS)).toEqual({
      delivered: 0,
      failed: 0,
    });
  });

  it('creates no second file when a delivered message is delivered again', async () => {
    const reportId = await referReport();
    expect(await deliverDueMessages(t.app.services, OUTBOX_HANDLERS)).toEqual({
      delivered: 1,
      failed: 0,
    });
    const first = await receivedFrom(reportId);
    expect(first.files).toHaveLength(1);

    // As if the worker died after the handler committed but the delivery mark was lost.
    const [message] = await messagesFrom(reportId);
    await t.handle.db
      .updateTable('outbox')
      .set({ delivered_at: null })
      .where('id', '=', message!.id)
      .execute();
    expect(await deliverDueMessages(t.app.services, OUTBOX_HANDLERS)).toEqual({
      delivered: 1,
      failed: 0,
    });
    expect(await receivedFrom(reportId)).toEqual(first);
    const [again] = await messagesFrom(reportId);
    expect(again!.delivered_at).not.toBeNull();
  });

  it('delivers each message once when several workers run at the same time', async () => {
    const reports: string[] = [];
    for (let i = 0; i < 8; i++) reports.push(await referReport());
    expect(await pendingCount()).toBe(8);
    const handled: string[] = [];
    const counting: Record<string, OutboxHandler> = {
      ...OUTBOX_HANDLERS,
      [REFER_TOPIC]: async (trx, message, services) => {
        handled.push(message.id);
        await OUTBOX_HANDLERS[REFER_TOPIC]!(trx, message, services);
      },
    };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => deliverDueMessages(t.app.services, counting)),
    );
    expect(results.reduce((sum, r) => sum + r.delivered, 0)).toBe(8);
    expect(results.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    // No message was even handed to two handlers: the row lock keeps the workers apart.
    expect(new Set(handled).size).toBe(8);
    expect(handled).toHaveLength(8);
    for (const reportId of reports) {
      const received = await receivedFrom(reportId);
      expect(received.files).toHaveLength(1);
      expect(received.links).toHaveLength(1);
    }
    expect(await pendingCount()).toBe(0);
  });
});
