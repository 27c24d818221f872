/** Blobs as files under a folder (by default `<data folder>/documents`). */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { blobKey } from './blob-key';
import type { BlobStore } from './blob-store';

export class FsBlobStore implements BlobStore {
  readonly kind = 'fs' as const;

  constructor(readonly dir: string) {}

  /** The absolute path of a blob (operations and tests only; callers use the interface). */
  pathOf(sha256: string): string {
    return path.join(this.dir, ...blobKey(sha256).split('/'));
  }

  async putFile(localPath: string, sha256: string, sizeBytes: number): Promise<void> {
    const target = this.pathOf(sha256);
    const existing = await sizeOf(target);
    if (existing === sizeBytes) {
      await unlink(localPath);
      return;
    }
    await mkdir(path.dirname(target), { recursive: true });
    try {
      // Atomic on one filesystem: readers see no blob or the whole blob.
      await rename(localPath, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      const partial = `${target}.${randomUUID()}.partial`;
      try {
        await copyFile(localPath, partial);
        await rename(partial, target);
      } finally {
        await rm(partial, { force: true });
        await unlink(localPath);
      }
    }
  }

  async open(sha256: string) {
    const target = this.pathOf(sha256);
    const sizeBytes = await sizeOf(target);
    if (sizeBytes === null) return null;
    return { stream: createReadStream(target), sizeBytes };
  }

  async exists(sha256: string): Promise<boolean> {
    return (await sizeOf(this.pathOf(sha256))) !== null;
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
