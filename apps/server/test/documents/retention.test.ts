/**
 * Retention: documents of closed files become due after the schedule's days for their type, and
 * disposal is a chief prosecutor's recorded, audited decision that removes the bytes and keeps
 * the metadata and the hashes; never a silent delete.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/documents/fs-blob-store';
import { addToTeam, auditRows } from '../cases/case-api-kit';
import {
  buildDocumentsApp,
  DOCUMENT_FIELDS,
  fileWithStaff,
  samplePdf,
  send,
  sha256,
  upload,
  type DocumentsTestApp,
} from './documents-kit';

describe('retention of documents of closed files', () => {
  let t: DocumentsTestApp;
  const store = () => new FsBlobStore(path.join(t.dataDir, 'documents'));

  beforeAll(async () => {
    t = await buildDocumentsApp({ QADIYA_DOCUMENT_RETENTION: 'default:365,judgment:never' });
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
    await rm(t.dataDir, { recursive: true, force: true });
  });

  async function closedFileWithDocuments(closedDaysAgo: number) {
    const staff = await fileWithStaff(t);
    await addToTeam(t.handle.db, staff.file.id, staff.prosecutor.user.id, 'prosecutor');
    const pdf = (type: string, text: string) =>
      upload(
        t,
        staff.prosecutor.headers,
        `/cases/${staff.file.id}/documents`,
        { ...DOCUMENT_FIELDS, documentType: type },
        { fileName: `${type}.pdf`, contentType: 'application/pdf', content: samplePdf(text) },
      ).then((r) => r.body as { id: string; versions: { sha256: string }[] });
    const report = await pdf('police_report', `report ${staff.file.id}`);
    const judgment = await pdf('judgment', `judgment ${staff.file.id}`);
    await t.handle.db
      .updateTable('cases')
      .set({
        is_disposed: true,
        disposed_at: new Date(t.clock.now().getTime() - closedDaysAgo * 86_400_000),
      })
      .where('id', '=', staff.file.id)
      .execute();
    return { ...staff, report, judgment };
  }

  it('lists due documents to chief prosecutors, except types kept for good', async () => {
    const { chief, prosecutor, report, judgment } = await closedFileWithDocuments(400);
    const due = await send(t, chief.headers, 'GET', '/documents/retention-due?limit=500');
    expect(due.status).toBe(200);
    const ids = due.body.items.map((i: { documentId: string }) => i.documentId);
    expect(ids).toContain(report.id);
    expect(ids).not.toContain(judgment.id);
    const refused = await send(t, prosecutor.headers, 'GET', '/documents/retention-due');
    expect(refused.status).toBe(403);
  });

  it('disposes of a due document on a recorded decision: bytes gone, metadata and hash kept', async () => {
    const { chief, prosecutor, report, judgment, file } = await closedFileWithDocuments(400);
    const hash = report.versions[0]!.sha256;
    expect(await store().exists(hash)).toBe(true);
    const byProsecutor = await send(
      t,
      prosecutor.headers,
      'POST',
      `/documents/${report.id}/dispose`,
      {
        decisionReference: 'قرار إتلاف 3/2026',
        reason: 'انتهاء مدة الحفظ',
      },
    );
    expect(byProsecutor.status).toBe(403);
    const notDue = await send(t, chief.headers, 'POST', `/documents/${judgment.id}/dispose`, {
      decisionReference: 'قرار إتلاف 3/2026',
      reason: 'انتهاء مدة الحفظ',
    });
    expect([notDue.status, notDue.body.error.code]).toEqual([409, 'RETENTION_NOT_DUE']);

    const disposed = await send(t, chief.headers, 'POST', `/documents/${report.id}/dispose`, {
      decisionReference: 'قرار إتلاف 3/2026',
      reason: 'انتهاء مدة الحفظ',
    });
    expect(disposed.status).toBe(200);
    expect(disposed.body.disposedAt).not.toBeNull();
    expect(disposed.body.versions).toEqual([
      expect.objectContaining({ sha256: hash, isDisposed: true }),
    ]);
    expect(await store().exists(hash)).toBe(false);
    const row = await t.handle.db
      .selectFrom('document_disposals')
      .selectAll()
      .where('document_id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ decision_reference: 'قرار إتلاف 3/2026', retention_days: 365 });
    const audit = await auditRows(t.handle.db, report.id, 'document.disposed');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({
      caseId: file.id,
      versions: [{ version: 1, sha256: hash }],
    });
    const download = await send(
      t,
      prosecutor.headers,
      'GET',
      `/documents/${report.id}/versions/1/content`,
    );
    expect([download.status, download.body.error.code]).toEqual([410, 'DOCUMENT_DISPOSED']);
    const twice = await send(t, chief.headers, 'POST', `/documents/${report.id}/dispose`, {
      decisionReference: 'x',
      reason: 'y',
    });
    expect(twice.status).toBe(410);
    await expect(
      t.handle.db.deleteFrom('document_disposals').where('document_id', '=', report.id).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps a blob that another live document shares, and refuses files closed too recently', async () => {
    const recent = await closedFileWithDocuments(10);
    const notYet = await send(
      t,
      recent.chief.headers,
      'POST',
      `/documents/${recent.report.id}/dispose`,
      {
        decisionReference: 'x',
        reason: 'y',
      },
    );
    expect([notYet.status, notYet.body.error.code]).toEqual([409, 'RETENTION_NOT_DUE']);

    const old = await closedFileWithDocuments(400);
    const shared = samplePdf(`shared ${old.file.id}`);
    const copy = await upload(
      t,
      old.prosecutor.headers,
      `/documents/${old.report.id}/versions`,
      {},
      { fileName: 'v2.pdf', contentType: 'application/pdf', content: shared },
    );
    expect(copy.status).toBe(201);
    await upload(
      t,
      recent.prosecutor.headers,
      `/cases/${recent.file.id}/documents`,
      DOCUMENT_FIELDS,
      { fileName: 'same.pdf', contentType: 'application/pdf', content: shared },
    );
    const disposed = await send(
      t,
      old.chief.headers,
      'POST',
      `/documents/${old.report.id}/dispose`,
      {
        decisionReference: 'قرار 4/2026',
        reason: 'انتهاء مدة الحفظ',
      },
    );
    expect(disposed.status).toBe(200);
    expect(await store().exists(sha256(shared))).toBe(true);
    expect(await store().exists(old.report.versions[0]!.sha256)).toBe(false);
  });
});
