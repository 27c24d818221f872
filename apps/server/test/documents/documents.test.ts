/**
 * Case documents through the API: streamed upload with its SHA-256 and versions, type sniffing
 * and the other refusals (each leaving nothing behind), access through the policy module (an
 * outsider's refusal audited), audited downloads with preview headers, sealed documents, and a
 * missing blob reported on download and by verification.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '../../src/documents/fs-blob-store';
import { auditRows, addToTeam } from '../cases/case-api-kit';
import {
  buildDocumentsApp,
  DOCUMENT_FIELDS,
  fileWithStaff,
  filesUnder,
  samplePdf,
  samplePng,
  send,
  sha256,
  upload,
  type DocumentsTestApp,
} from './documents-kit';

describe('case documents', () => {
  let t: DocumentsTestApp;
  const storeDir = () => path.join(t.dataDir, 'documents');
  const tempDir = () => path.join(t.dataDir, 'tmp', 'uploads');

  beforeAll(async () => {
    t = await buildDocumentsApp({ QADIYA_UPLOAD_MAX_BYTES: String(64 * 1024) });
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
    await rm(t.dataDir, { recursive: true, force: true });
  });

  const pdfPart = (content = samplePdf(), fileName = 'محضر.pdf') => ({
    fileName,
    contentType: 'application/pdf',
    content,
  });

  it('stores an upload under its SHA-256 and keeps every version', async () => {
    const { file, prosecutor } = await fileWithStaff(t);
    const first = samplePdf('first');
    const created = await upload(
      t,
      prosecutor.headers,
      `/cases/${file.id}/documents`,
      DOCUMENT_FIELDS,
      pdfPart(first),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      caseId: file.id,
      documentType: 'police_report',
      title: 'محضر ضبط',
      documentDate: '2026-03-02',
      language: 'ar',
      isSealed: false,
    });
    expect(created.body.versions).toEqual([
      expect.objectContaining({
        version: 1,
        sha256: sha256(first),
        sizeBytes: first.length,
        contentType: 'application/pdf',
        fileName: 'محضر.pdf',
        origin: 'upload',
        isPreviewable: true,
      }),
    ]);
    const blobPath = new FsBlobStore(storeDir()).pathOf(sha256(first));
    expect(blobPath).toContain(
      path.join('sha256', sha256(first).slice(0, 2), sha256(first).slice(2, 4)),
    );
    expect(await filesUnder(storeDir())).toContain(path.relative(storeDir(), blobPath));

    const second = samplePdf('second');
    const next = await upload(
      t,
      prosecutor.headers,
      `/documents/${created.body.id}/versions`,
      {},
      pdfPart(second, 'v2.pdf'),
    );
    expect(next.status).toBe(201);
    expect(
      next.body.versions.map((v: { version: number; sha256: string }) => [v.version, v.sha256]),
    ).toEqual([
      [2, sha256(second)],
      [1, sha256(first)],
    ]);
    const old = await send(
      t,
      prosecutor.headers,
      'GET',
      `/documents/${created.body.id}/versions/1/content`,
    );
    expect(old.status).toBe(200);
    expect(old.raw).toEqual(first);
    const rows = await auditRows(t.handle.db, created.body.id, 'document.version_added');
    expect(rows.map((r) => (r.details as { version: number }).version)).toEqual([1, 2]);
    expect(await filesUnder(tempDir())).toEqual([]);
  });

  it('streams a file larger than the request body limit', async () => {
    const { file, prosecutor } = await fileWithStaff(t);
    const t2 = await buildDocumentsApp({
      QADIYA_UPLOAD_MAX_BYTES: String(8 * 1024 * 1024),
      QADIYA_BODY_LIMIT_BYTES: String(1024 * 1024),
    });
    try {
      const big = Buffer.concat([samplePdf(), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
      const response = await upload(
        t2,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        pdfPart(big),
      );
      expect(response.status).toBe(201);
      expect(response.body.versions[0]).toMatchObject({
        sha256: sha256(big),
        sizeBytes: big.length,
      });
    } finally {
      await t2.app.close();
      await rm(t2.dataDir, { recursive: true, force: true });
    }
  });

  describe('type sniffing and bad input leave nothing behind', () => {
    const nothingStored = async (caseId: string) => {
      const docs = await t.handle.db
        .selectFrom('documents')
        .select('id')
        .where('case_id', '=', caseId)
        .execute();
      expect(docs).toEqual([]);
      expect(await filesUnder(tempDir())).toEqual([]);
    };

    it('takes the type from the bytes: a PNG named .pdf is stored as image/png when declared generically', async () => {
      const { file, prosecutor } = await fileWithStaff(t);
      const response = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        {
          fileName: 'scan.pdf',
          contentType: 'application/octet-stream',
          content: samplePng(),
        },
      );
      expect(response.status).toBe(201);
      expect(response.body.versions[0].contentType).toBe('image/png');
    });

    it('refuses bytes that contradict the declared type', async () => {
      const { file, prosecutor } = await fileWithStaff(t);
      const before = await filesUnder(storeDir());
      const response = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        {
          fileName: 'scan.pdf',
          contentType: 'application/pdf',
          content: Buffer.concat([samplePng(), Buffer.from('distinct')]),
        },
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('FILE_TYPE_MISMATCH');
      expect(response.body.error.details).toMatchObject({
        declaredType: 'application/pdf',
        detectedType: 'image/png',
      });
      await nothingStored(file.id);
      expect(await filesUnder(storeDir())).toEqual(before);
    });

    it('refuses a type that is not allowed (an executable, plain text)', async () => {
      const { file, prosecutor } = await fileWithStaff(t);
      for (const content of [
        Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]),
        Buffer.from('just some text, no magic number'),
      ]) {
        const response = await upload(
          t,
          prosecutor.headers,
          `/cases/${file.id}/documents`,
          DOCUMENT_FIELDS,
          {
            fileName: 'notes.pdf',
            contentType: 'application/octet-stream',
            content,
          },
        );
        expect(response.status).toBe(415);
        expect(response.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
      }
      await nothingStored(file.id);
    });

    it('refuses an empty file, a file over the limit, and a form without a file', async () => {
      const { file, prosecutor } = await fileWithStaff(t);
      const before = await filesUnder(storeDir());
      const empty = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        pdfPart(Buffer.alloc(0)),
      );
      expect([empty.status, empty.body.error.code]).toEqual([400, 'FILE_EMPTY']);
      const big = Buffer.concat([samplePdf(), Buffer.alloc(64 * 1024, 0x20)]);
      const large = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        pdfPart(big),
      );
      expect([large.status, large.body.error.code]).toEqual([413, 'FILE_TOO_LARGE']);
      const none = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        null,
      );
      expect([none.status, none.body.error.details.field]).toEqual([400, 'file']);
      await nothingStored(file.id);
      expect(await filesUnder(storeDir())).toEqual(before);
    });

    it('names the field of bad metadata', async () => {
      const { file, prosecutor } = await fileWithStaff(t);
      const bad = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        { ...DOCUMENT_FIELDS, documentType: 'memo' },
        pdfPart(),
      );
      expect([bad.status, bad.body.error.details.field]).toEqual([400, 'documentType']);
      const date = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        { ...DOCUMENT_FIELDS, documentDate: '2026-02-30' },
        pdfPart(),
      );
      expect([date.status, date.body.error.details.field]).toEqual([400, 'documentDate']);
      const json = await send(t, prosecutor.headers, 'POST', `/cases/${file.id}/documents`, {
        title: 'x',
      });
      expect(json.status).toBe(415);
      await nothingStored(file.id);
    });

    it('leaves nothing when the upload is cut off mid-stream', async () => {
      const { file, prosecutor } = await fileWithStaff(t);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as { port: number };
      const boundary = 'qadiyacut';
      const head =
        Object.entries(DOCUMENT_FIELDS)
          .map(
            ([k, v]) =>
              `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
          )
          .join('') +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
      const { request } = await import('node:http');
      let staging: string[] = [];
      await new Promise<void>((resolve) => {
        const req = request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/cases/${file.id}/documents`,
          headers: {
            ...prosecutor.headers,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(Buffer.byteLength(head) + 50_000),
          },
        });
        req.on('error', () => {
          resolve();
        });
        req.on('response', () => {
          resolve();
        });
        req.write(head);
        req.write(samplePdf());
        req.write(Buffer.alloc(10_000, 0x20));
        // The upload is being staged on disk while the request is still open (streamed, not
        // buffered); then the client goes away.
        void (async () => {
          for (let i = 0; i < 100 && (await filesUnder(tempDir())).length === 0; i++) {
            await new Promise((r) => setTimeout(r, 50));
          }
          staging = await filesUnder(tempDir());
          req.destroy();
          resolve();
        })();
      });
      // Give the server a moment to notice the abort and clean up.
      for (let i = 0; i < 50 && (await filesUnder(tempDir())).length > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(staging).toHaveLength(1);
      await nothingStored(file.id);
    });
  });

  describe('access and audit', () => {
    it('refuses an outsider (403, audited) and lists nothing to them', async () => {
      const { file, prosecutor, outsider } = await fileWithStaff(t);
      const created = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        pdfPart(),
      );
      const list = await send(t, outsider.headers, 'GET', `/cases/${file.id}/documents`);
      expect(list.status).toBe(403);
      const download = await send(
        t,
        outsider.headers,
        'GET',
        `/documents/${created.body.id}/versions/1/content`,
      );
      expect(download.status).toBe(403);
      const refused = await upload(
        t,
        outsider.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        pdfPart(samplePdf('intruder')),
      );
      expect(refused.status).toBe(403);
      const denials = await auditRows(t.handle.db, file.id, 'access.denied');
      expect(denials.filter((r) => r.actor_user_id === outsider.user.id)).toHaveLength(3);
      const downloads = await auditRows(t.handle.db, created.body.id, 'document.downloaded');
      expect(downloads).toEqual([]);
    });

    it('audits every download and serves PDFs and images inline with nosniff', async () => {
      const { file, prosecutor, police } = await fileWithStaff(t);
      const content = samplePdf('inline');
      const created = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        pdfPart(content),
      );
      const inline = await send(
        t,
        police.headers,
        'GET',
        `/documents/${created.body.id}/versions/1/content?disposition=inline`,
      );
      expect(inline.status).toBe(200);
      expect(inline.raw).toEqual(content);
      expect(inline.headers['content-type']).toBe('application/pdf');
      expect(inline.headers['content-disposition']).toMatch(
        /^inline; filename="_+\.pdf"; filename\*=UTF-8''/,
      );
      expect(inline.headers['x-content-type-options']).toBe('nosniff');
      const attachment = await send(
        t,
        prosecutor.headers,
        'GET',
        `/documents/${created.body.id}/versions/1/content`,
      );
      expect(attachment.headers['content-disposition']).toMatch(/^attachment;/);
      const rows = await auditRows(t.handle.db, created.body.id, 'document.downloaded');
      expect(
        rows.map((r) => [
          r.actor_user_id,
          r.outcome,
          (r.details as { disposition: string }).disposition,
        ]),
      ).toEqual([
        [police.user.id, 'success', 'inline'],
        [prosecutor.user.id, 'success', 'attachment'],
      ]);
      expect(rows[0]?.details).toMatchObject({
        caseId: file.id,
        version: 1,
        sha256: sha256(content),
      });
    });

    it('opens a sealed document to the file team only', async () => {
      const { file, prosecutor, chief } = await fileWithStaff(t);
      await addToTeam(t.handle.db, file.id, prosecutor.user.id, 'prosecutor');
      const sealed = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        { ...DOCUMENT_FIELDS, sealed: 'true' },
        pdfPart(samplePdf('sealed')),
      );
      expect(sealed.status).toBe(201);
      expect(sealed.body.isSealed).toBe(true);
      await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        pdfPart(samplePdf('open')),
      );
      // The chief prosecutor opens the file through an institution grant but is not on its team.
      const list = await send(t, chief.headers, 'GET', `/cases/${file.id}/documents`);
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(1);
      expect(list.body.withheldSealed).toBe(1);
      // Nor may he seal: a seal he could not open himself is not offered, and refused.
      expect(list.body.maySeal).toBe(false);
      const refused = await send(
        t,
        chief.headers,
        'GET',
        `/documents/${sealed.body.id}/versions/1/content`,
      );
      expect(refused.status).toBe(403);
      expect((await auditRows(t.handle.db, sealed.body.id, 'access.denied')).length).toBe(1);
      const team = await send(t, prosecutor.headers, 'GET', `/cases/${file.id}/documents`);
      expect(team.body.items).toHaveLength(2);
      expect(team.body.withheldSealed).toBe(0);
      expect(team.body.maySeal).toBe(true);
      // Sealing later: the team prosecutor seals the open document; the chief loses it too.
      const open = team.body.items.find((d: { isSealed: boolean }) => !d.isSealed);
      const seal = await send(t, prosecutor.headers, 'POST', `/documents/${open.id}/seal`, {
        reason: 'أمر النيابة',
      });
      expect([seal.status, seal.body.isSealed]).toEqual([200, true]);
      const after = await send(t, chief.headers, 'GET', `/cases/${file.id}/documents`);
      expect([after.body.items.length, after.body.withheldSealed]).toEqual([0, 2]);
      const chiefSeal = await send(t, chief.headers, 'POST', `/documents/${open.id}/seal`, {
        reason: 'أمر',
      });
      expect(chiefSeal.status).toBe(403);
    });
  });

  describe('a missing blob', () => {
    it('is a clear, audited 409 on download, and verification reports it', async () => {
      const { file, prosecutor } = await fileWithStaff(t);
      const content = samplePdf(`to lose ${Date.now()}`);
      const created = await upload(
        t,
        prosecutor.headers,
        `/cases/${file.id}/documents`,
        DOCUMENT_FIELDS,
        pdfPart(content),
      );
      const intact = await send(
        t,
        prosecutor.headers,
        'POST',
        `/cases/${file.id}/documents/verify`,
      );
      expect([intact.status, intact.body.isIntact, intact.body.checked]).toEqual([200, true, 1]);
      await rm(new FsBlobStore(storeDir()).pathOf(sha256(content)));
      const download = await send(
        t,
        prosecutor.headers,
        'GET',
        `/documents/${created.body.id}/versions/1/content`,
      );
      expect(download.status).toBe(409);
      expect(download.body.error.code).toBe('BLOB_MISSING');
      const rows = await auditRows(t.handle.db, created.body.id, 'document.downloaded');
      expect(rows.map((r) => [r.outcome, (r.details as { error?: string }).error])).toEqual([
        ['failure', 'BLOB_MISSING'],
      ]);
      const report = await send(
        t,
        prosecutor.headers,
        'POST',
        `/cases/${file.id}/documents/verify`,
      );
      expect(report.body.isIntact).toBe(false);
      expect(report.body.items).toEqual([
        expect.objectContaining({ documentId: created.body.id, version: 1, status: 'missing' }),
      ]);
    });
  });
});
