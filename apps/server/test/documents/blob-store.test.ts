/**
 * One blob store suite, two backends: the filesystem folder and an S3-compatible bucket, served in
 * process by s3rver.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';

import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';
import { FsBlobStore } from '../../src/documents/fs-blob-store';
import { S3BlobStore } from '../../src/documents/s3-blob-store';
import { describeBlobStore } from './blob-store.suite';

let fsDir = '';
let fsStore: FsBlobStore;
let s3Dir = '';
let s3rver: S3rver;
let s3Store: S3BlobStore;

beforeAll(async () => {
  fsDir = await mkdtemp(path.join(tmpdir(), 'qadiya-fs-store-'));
  fsStore = new FsBlobStore(fsDir);
  s3Dir = await mkdtemp(path.join(tmpdir(), 'qadiya-s3rver-'));
  s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: 'qadiya-test', configs: [] }],
  });
  const address = await s3rver.run();
  s3Store = new S3BlobStore({
    backend: 's3',
    bucket: 'qadiya-test',
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'qadiya/',
  });
});

afterAll(async () => {
  s3Store?.client.destroy();
  await s3rver?.close();
  await rm(fsDir, { recursive: true, force: true });
  await rm(s3Dir, { recursive: true, force: true });
});

describeBlobStore('filesystem', {
  store: () => fsStore,
  tamper: (hash, bytes) => writeFile(fsStore.pathOf(hash), bytes),
});

describeBlobStore('S3 (s3rver)', {
  store: () => s3Store,
  tamper: async (hash, bytes) => {
    await s3Store.client.send(
      new PutObjectCommand({
        Bucket: 'qadiya-test',
        Key: s3Store.keyOf(hash),
        Body: bytes,
        ContentLength: bytes.length,
      }),
    );
  },
});
