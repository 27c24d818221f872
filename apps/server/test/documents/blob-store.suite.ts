/**
 * The behaviour every blob store must have, run against the filesystem backend and the S3
 * backend (s3rver) by blob-store.test.ts: the same tests, two implementations.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/documents/blob-store';
import { checkBlob } from '../../src/documents/verify-blobs';
import { filesUnder, sha256 } from './documents-kit';

export interface BlobStoreHarness {
  store: () => BlobStore;
  /** Replaces a stored blob's bytes behind the store's back (tampering). */
  tamper: (hash: string, bytes: Buffer) => Promise<void>;
}

async function staged(bytes: Buffer): Promise<string> {
  const file = path.join(tmpdir(), `qadiya-blob-${randomUUID()}`);
  await writeFile(file, bytes);
  return file;
}

async function readAll(store: BlobStore, hash: string): Promise<Buffer | null> {
  const blob = await store.open(hash);
  if (!blob) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function describeBlobStore(name: string, harness: BlobStoreHarness): void {
  describe(`blob store: ${name}`, () => {
    it('stores bytes under their hash, moves the staged file in, and reads them back', async () => {
      const bytes = Buffer.from(`evidence ${randomUUID()}`);
      const hash = sha256(bytes);
      const file = await staged(bytes);
      expect(await harness.store().exists(hash)).toBe(false);
      await harness.store().putFile(file, hash, bytes.length);
      expect(await harness.store().exists(hash)).toBe(true);
      expect(await readAll(harness.store(), hash)).toEqual(bytes);
      const blob = await harness.store().open(hash);
      expect(blob?.sizeBytes).toBe(bytes.length);
      blob?.stream.destroy();
      expect(
        await filesUnder(path.dirname(file)).then((f) => f.includes(path.basename(file))),
      ).toBe(false);
    });

    it('keeps one blob for identical bytes stored twice', async () => {
      const bytes = Buffer.from(`same ${randomUUID()}`);
      const hash = sha256(bytes);
      await harness.store().putFile(await staged(bytes), hash, bytes.length);
      await harness.store().putFile(await staged(bytes), hash, bytes.length);
      expect(await readAll(harness.store(), hash)).toEqual(bytes);
    });

    it('answers null for a missing blob, and removing one twice is no error', async () => {
      const bytes = Buffer.from(`gone ${randomUUID()}`);
      const hash = sha256(bytes);
      expect(await harness.store().open(hash)).toBeNull();
      await harness.store().putFile(await staged(bytes), hash, bytes.length);
      await harness.store().remove(hash);
      await harness.store().remove(hash);
      expect(await harness.store().exists(hash)).toBe(false);
      expect((await checkBlob(harness.store(), hash)).status).toBe('missing');
    });

    it('lets verification see altered bytes', async () => {
      const bytes = Buffer.from(`original ${randomUUID()}`);
      const hash = sha256(bytes);
      await harness.store().putFile(await staged(bytes), hash, bytes.length);
      expect(await checkBlob(harness.store(), hash)).toEqual({ status: 'ok', actualSha256: hash });
      const altered = Buffer.from(bytes);
      altered[0] = altered[0]! ^ 0xff;
      await harness.tamper(hash, altered);
      expect(await checkBlob(harness.store(), hash)).toEqual({
        status: 'mismatch',
        actualSha256: sha256(altered),
      });
    });

    it('refuses a key that is not a SHA-256', async () => {
      await expect(harness.store().exists('../../etc/passwd')).rejects.toThrow(/SHA-256/);
    });
  });
}
