/**
 * The evidence register through the API: seizure, digital evidence files with their SHA-256, the
 * chain of custody (append-only in the database), verification that detects an altered evidence
 * file and a missing one, and disposal or return on a decision.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/documents/fs-blob-store';
import { auditRows } from '../cases/case-api-kit';
import {
  buildDocumentsApp,
  fileWithStaff,
  filesUnder,
  send,
  sha256,
  upload,
  type DocumentsTestApp,
} from '../documents/documents-kit';

const SEIZURE = {
  kind: 'digital',
  item: 'هاتف محمول',
  description: 'هاتف سامسونج أسود، شاشة مكسورة',
  seizedBy: 'الملازم سامر خليل',
  seizedAt: '2026-03-01T10:00:00.000Z',
  seizedPlace: 'منزل المشتبه به، رام الله',
  storageLocation: 'خزنة المضبوطات 3',
};

describe('evidence register and chain of custody', () => {
  let t: DocumentsTestApp;
  const store = () => new FsBlobStore(path.join(t.dataDir, 'documents'));

  beforeAll(async () => {
    t = await buildDocumentsApp();
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
    await rm(t.dataDir, { recursive: true, force: true });
  });

  async function seized(kind: 'digital' | 'physical' = 'digital') {
    const staff = await fileWithStaff(t);
    const item = await send(t, staff.police.headers, 'POST', `/cases/${staff.file.id}/evidence`, {
      ...SEIZURE,
      kind,
    });
    expect(item.status).toBe(201);
    return { ...staff, item: item.body };
  }

  it('registers a seizure as the first link of the chain of custody', async () => {
    const { item, file, police } = await seized();
    expect(item).toMatchObject({
      itemNumber: 1,
      kind: 'digital',
      currentHolder: SEIZURE.seizedBy,
      status: 'held',
      custody: [{ seq: 1, fromHolder: null, toHolder: SEIZURE.seizedBy, purpose: 'seizure' }],
    });
    const second = await send(t, police.headers, 'POST', `/cases/${file.id}/evidence`, {
      ...SEIZURE,
      kind: 'physical',
      item: 'سكين',
    });
    expect(second.body.itemNumber).toBe(2);
    const future = await send(t, police.headers, 'POST', `/cases/${file.id}/evidence`, {
      ...SEIZURE,
      seizedAt: '2099-01-01T00:00:00.000Z',
    });
    expect([future.status, future.body.error.code]).toEqual([409, 'SEIZURE_IN_FUTURE']);
    const bad = await send(t, police.headers, 'POST', `/cases/${file.id}/evidence`, {
      ...SEIZURE,
      kind: 'vehicle',
    });
    expect(bad.status).toBe(400);
  });

  it('appends transfers from the current holder, in order, and the database refuses changes', async () => {
    const { item, prosecutor } = await seized();
    const transfer = await send(t, prosecutor.headers, 'POST', `/evidence/${item.id}/custody`, {
      toHolder: 'مختبر الأدلة الرقمية',
      occurredAt: '2026-03-02T09:00:00.000Z',
      purpose: 'فحص جنائي رقمي',
      storageLocation: 'المختبر الجنائي',
    });
    expect(transfer.status).toBe(201);
    expect(
      transfer.body.custody.map((c: { seq: number; fromHolder: string | null }) => [
        c.seq,
        c.fromHolder,
      ]),
    ).toEqual([
      [1, null],
      [2, SEIZURE.seizedBy],
    ]);
    expect(transfer.body).toMatchObject({
      currentHolder: 'مختبر الأدلة الرقمية',
      storageLocation: 'المختبر الجنائي',
    });
    const stale = await send(t, prosecutor.headers, 'POST', `/evidence/${item.id}/custody`, {
      fromHolder: SEIZURE.seizedBy,
      toHolder: 'x',
      occurredAt: '2026-03-03T09:00:00.000Z',
      purpose: 'y',
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CUSTODY_HOLDER_MISMATCH']);
    const early = await send(t, prosecutor.headers, 'POST', `/evidence/${item.id}/custody`, {
      toHolder: 'x',
      occurredAt: '2026-03-01T11:00:00.000Z',
      purpose: 'y',
    });
    expect([early.status, early.body.error.code]).toEqual([409, 'CUSTODY_OUT_OF_ORDER']);
    const db = t.handle.db;
    await expect(
      db
        .updateTable('custody_events')
        .set({ purpose: 'rewritten' })
        .where('evidence_id', '=', item.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.deleteFrom('custody_events').where('evidence_id', '=', item.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE custody_events`.execute(db)).rejects.toThrow(/append-only/);
    expect((await auditRows(db, item.id, 'evidence.custody_transferred')).length).toBe(1);
  });

  it('stores digital evidence with its hash, checks a declared hash, and audits downloads', async () => {
    const { item, police, prosecutor } = await seized();
    const image = Buffer.concat([
      Buffer.from('EVF\x09\x0d\x0a\xff\x00'),
      Buffer.from(`image ${item.id}`),
    ]);
    const wrong = await upload(
      t,
      police.headers,
      `/evidence/${item.id}/files`,
      { declaredSha256: 'a'.repeat(64) },
      {
        fileName: 'phone.E01',
        contentType: 'application/octet-stream',
        content: image,
      },
    );
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'HASH_MISMATCH']);
    expect(await store().exists(sha256(image))).toBe(false);
    const added = await upload(
      t,
      police.headers,
      `/evidence/${item.id}/files`,
      { declaredSha256: sha256(image) },
      {
        fileName: 'phone.E01',
        contentType: 'application/octet-stream',
        content: image,
      },
    );
    expect(added.status).toBe(201);
    expect(added.body.files).toEqual([
      expect.objectContaining({
        sha256: sha256(image),
        sizeBytes: image.length,
        fileName: 'phone.E01',
      }),
    ]);
    const download = await send(
      t,
      prosecutor.headers,
      'GET',
      `/evidence-files/${added.body.files[0].id}/content`,
    );
    expect(download.status).toBe(200);
    expect(download.raw).toEqual(image);
    expect(download.headers['x-content-sha256']).toBe(sha256(image));
    const rows = await auditRows(t.handle.db, item.id, 'evidence.file_downloaded');
    expect(rows.map((r) => r.actor_user_id)).toEqual([prosecutor.user.id]);
    expect(await filesUnder(path.join(t.dataDir, 'tmp', 'uploads'))).toEqual([]);
  });

  it('verification detects a tampered evidence file and a missing one', async () => {
    const { item, file, police, prosecutor } = await seized();
    const first = Buffer.from(`first image ${item.id}`);
    const second = Buffer.from(`second image ${item.id}`);
    for (const [name, content] of [
      ['a.img', first],
      ['b.img', second],
    ] as const) {
      const r = await upload(
        t,
        police.headers,
        `/evidence/${item.id}/files`,
        {},
        {
          fileName: name,
          contentType: 'application/octet-stream',
          content,
        },
      );
      expect(r.status).toBe(201);
    }
    const intact = await send(t, prosecutor.headers, 'POST', `/cases/${file.id}/evidence/verify`);
    expect([intact.body.checked, intact.body.isIntact]).toEqual([2, true]);

    const tampered = Buffer.from(first);
    tampered[0] = tampered[0]! ^ 0x01;
    await writeFile(store().pathOf(sha256(first)), tampered);
    await rm(store().pathOf(sha256(second)));
    const report = await send(t, prosecutor.headers, 'POST', `/cases/${file.id}/evidence/verify`);
    expect(report.status).toBe(200);
    expect(report.body.isIntact).toBe(false);
    expect(
      report.body.items.map(
        (i: { fileName: string; status: string; actualSha256: string | null }) => [
          i.fileName,
          i.status,
          i.actualSha256,
        ],
      ),
    ).toEqual([
      ['a.img', 'mismatch', sha256(tampered)],
      ['b.img', 'missing', null],
    ]);
    const audit = await auditRows(t.handle.db, file.id, 'evidence.verified');
    expect(audit.map((r) => r.outcome)).toEqual(['success', 'failure']);
    expect((audit[1]?.details as { problems: unknown[] }).problems).toHaveLength(2);
  });

  it('disposes of or returns an item on a decision, by a decision-maker only', async () => {
    const { item, police, prosecutor, outsider } = await seized('physical');
    const byPolice = await send(t, police.headers, 'POST', `/evidence/${item.id}/disposition`, {
      disposition: 'returned',
      decisionReference: 'قرار 12/2026',
      returnedTo: 'المالك',
    });
    expect(byPolice.status).toBe(403);
    const byOutsider = await send(t, outsider.headers, 'POST', `/evidence/${item.id}/disposition`, {
      disposition: 'disposed',
      decisionReference: 'x',
    });
    expect(byOutsider.status).toBe(403);
    const missingRecipient = await send(
      t,
      prosecutor.headers,
      'POST',
      `/evidence/${item.id}/disposition`,
      {
        disposition: 'returned',
        decisionReference: 'قرار 12/2026',
      },
    );
    expect([missingRecipient.status, missingRecipient.body.error.details.field]).toEqual([
      400,
      'returnedTo',
    ]);
    const returned = await send(t, prosecutor.headers, 'POST', `/evidence/${item.id}/disposition`, {
      disposition: 'returned',
      decisionReference: 'قرار 12/2026',
      returnedTo: 'المالك أحمد',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      currentHolder: 'المالك أحمد',
      disposition: { decisionReference: 'قرار 12/2026', returnedTo: 'المالك أحمد' },
    });
    expect(returned.body.custody.at(-1)).toMatchObject({
      toHolder: 'المالك أحمد',
      purpose: 'return: قرار 12/2026',
    });
    const again = await send(t, prosecutor.headers, 'POST', `/evidence/${item.id}/custody`, {
      toHolder: 'x',
      occurredAt: t.clock.now().toISOString(),
      purpose: 'y',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'EVIDENCE_NOT_HELD']);
    expect((await auditRows(t.handle.db, item.id, 'evidence.disposition')).length).toBe(1);
  });

  it('shows the register to the file only', async () => {
    const { file, prosecutor, outsider } = await seized();
    const list = await send(t, prosecutor.headers, 'GET', `/cases/${file.id}/evidence`);
    expect([list.status, list.body.items.length]).toEqual([200, 1]);
    const refused = await send(t, outsider.headers, 'GET', `/cases/${file.id}/evidence`);
    expect(refused.status).toBe(403);
  });
});
