/** Recomputing the SHA-256 of stored blobs: the shared check of documents and evidence. */
import { createHash } from 'node:crypto';
import type { BlobStore } from './blob-store';

export type BlobCheck = 'ok' | 'mismatch' | 'missing';

export async function checkBlob(
  store: BlobStore,
  sha256: string,
): Promise<{ status: BlobCheck; actualSha256: string | null }> {
  const blob = await store.open(sha256);
  if (!blob) return { status: 'missing', actualSha256: null };
  const hash = createHash('sha256');
  for await (const chunk of blob.stream) hash.update(chunk as Buffer);
  const actual = hash.digest('hex');
  return { status: actual === sha256 ? 'ok' : 'mismatch', actualSha256: actual };
}
