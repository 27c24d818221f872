/**
 * The documents API on the S3 backend (s3rver in process): upload, versions, download,
 * verification and a tampered object, the same calls as on the filesystem.
 */
import { mkdtemp, rm } from 'node:fs/promises';

import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobStoreFor } from '../../src/documents/blob-store';
import { S3BlobStore } from '../../src/documents/s3-blob-store';
import {
  buildDocumentsApp,
  DOCUMENT_FIELDS,
  fileWithStaff,
  filesUnder,
  samplePdf,
  send,
  sha256,
  upload,
  type DocumentsTestApp,
} from './documents-kit';

describe('case documents on the S3 backend', () => {
  let t: DocumentsTestApp;
  let s3Dir = '';
  let s3rver: S3rver;

  beforeAll(async () => {
    s3Dir = await mkdtemp(path.join(tmpdir(), 'qadiya-s3rver-'));
    s3rver = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: 'qadiya-docs', configs: [] }],
    });
    const { port } = await s3rver.run();
    t = await buildDocumentsApp({
      QADIYA_STORAGE_BACKEND: 's3',
      QADIYA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      QADIYA_S3_BUCKET: 'qadiya-docs',
      QADIYA_S3_ACCESS_KEY_ID: 'S3RVER',
      QADIYA_S3_SECRET_ACCESS_KEY: 'S3RVER',
      QADIYA_S3_PREFIX: 'qadiya',
    });
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
    await s3rver.close();
    await rm(t.dataDir, { recursive: true, force: true });
    await rm(s3Dir, { recursive: true, force: true });
  });

  it('uploads, versions, downloads and verifies through S3, and sees a tampered object', async () => {
    const { file, prosecutor } = await fileWithStaff(t);
    const store = blobStoreFor(t.config.documents.storage);
    if (!(store instanceof S3BlobStore)) throw new Error('expected the S3 store');
    expect(store.kind).toBe('s3');
    const first = samplePdf(`s3 first ${file.id}`);
    const created = await upload(
      t,
      prosecutor.headers,
      `/cases/${file.id}/documents`,
      DOCUMENT_FIELDS,
      {
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        content: first,
      },
    );
    expect(created.status).toBe(201);
    expect(store.keyOf(sha256(first))).toMatch(/^qadiya\/sha256\/[0-9a-f]{2}\/[0-9a-f]{2}\//);
    const second = samplePdf(`s3 second ${file.id}`);
    const next = await upload(
      t,
      prosecutor.headers,
      `/documents/${created.body.id}/versions`,
      {},
      {
        fileName: 'b.pdf',
        contentType: 'application/pdf',
        content: second,
      },
    );
    expect(next.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const download = await send(
      t,
      prosecutor.headers,
      'GET',
      `/documents/${created.body.id}/versions/1/content`,
    );
    expect(download.raw).toEqual(first);
    // Nothing stays on the local disk: the staged upload moved into the bucket.
    expect(await filesUnder(path.join(t.dataDir, 'tmp', 'uploads'))).toEqual([]);
    expect(await filesUnder(path.join(t.dataDir, 'documents'))).toEqual([]);

    await store.client.send(
      new PutObjectCommand({
        Bucket: 'qadiya-docs',
        Key: store.keyOf(sha256(second)),
        Body: Buffer.from('altered'),
        ContentLength: 7,
      }),
    );
    const report = await send(t, prosecutor.headers, 'POST', `/cases/${file.id}/documents/verify`);
    expect(report.body.isIntact).toBe(false);
    expect(
      report.body.items.map((i: { version: number; status: string }) => [i.version, i.status]),
    ).toEqual([
      [2, 'mismatch'],
      [1, 'ok'],
    ]);
  });

  it('refuses an oversized or mistyped upload without leaving an object', async () => {
    const { file, prosecutor } = await fileWithStaff(t);
    const store = blobStoreFor(t.config.documents.storage);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const mismatch = await upload(
      t,
      prosecutor.headers,
      `/cases/${file.id}/documents`,
      DOCUMENT_FIELDS,
      {
        fileName: 'x.pdf',
        contentType: 'application/pdf',
        content: Buffer.concat([png, Buffer.from(file.id)]),
      },
    );
    expect(mismatch.status).toBe(400);
    expect(await store.exists(sha256(Buffer.concat([png, Buffer.from(file.id)])))).toBe(false);
  });
});
