/**
 * The blob store behind documents and evidence: bytes named by their SHA-256
 * (`sha256/ab/cd/<hash>`), on a filesystem folder or in an S3-compatible bucket. Both backends
 * implement this one interface and pass the same test suite (test/documents/blob-store.suite.ts).
 * Blobs only ever arrive whole: an upload is staged and hashed in a local temporary file first
 * (stage-upload.ts) and moved in once it passed every check.
 */
import type { Readable } from 'node:stream';
import type { StorageSettings } from './documents-config';
export { blobKey } from './blob-key';
import { FsBlobStore } from './fs-blob-store';
import { S3BlobStore } from './s3-blob-store';

export interface BlobStore {
  readonly kind: 'fs' | 's3';
  /**
   * Moves a staged local file into the store under its hash and removes the local file. When a
   * blob of that hash and size is already there (identical bytes), it is kept.
   */
  putFile(localPath: string, sha256: string, sizeBytes: number): Promise<void>;
  /** A stream of the blob's bytes, or null when the blob is missing. */
  open(sha256: string): Promise<{ stream: Readable; sizeBytes: number } | null>;
  exists(sha256: string): Promise<boolean>;
  /** Removes the blob; removing a missing blob is not an error. */
  remove(sha256: string): Promise<void>;
}

const stores = new WeakMap<StorageSettings, BlobStore>();

/** One store per configuration (the S3 client keeps its connections). */
export function blobStoreFor(settings: StorageSettings): BlobStore {
  let store = stores.get(settings);
  if (!store) {
    store = settings.backend === 'fs' ? new FsBlobStore(settings.dir) : new S3BlobStore(settings);
    stores.set(settings, store);
  }
  return store;
}
