/**
 * Blobs as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph; s3rver in the tests). The key
 * is the same content address as on the filesystem, under an optional prefix.
 */
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { blobKey } from './blob-key';
import type { BlobStore } from './blob-store';
import type { StorageSettings } from './documents-config';

type S3Settings = Extract<StorageSettings, { backend: 's3' }>;

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;

  constructor(readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.accessKeyId && settings.secretAccessKey
        ? {
            credentials: {
              accessKeyId: settings.accessKeyId,
              secretAccessKey: settings.secretAccessKey,
            },
          }
        : {}),
      // The SHA-256 content address already proves integrity; optional CRC trailers are not
      // understood by every S3-compatible store.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  keyOf(sha256: string): string {
    return `${this.settings.prefix}${blobKey(sha256)}`;
  }

  async putFile(localPath: string, sha256: string, sizeBytes: number): Promise<void> {
    const existing = await this.head(sha256);
    if (existing !== sizeBytes) {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: this.keyOf(sha256),
          Body: createReadStream(localPath),
          ContentLength: sizeBytes,
          ContentType: 'application/octet-stream',
        }),
      );
    }
    await unlink(localPath);
  }

  async open(sha256: string) {
    try {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
      );
      return {
        stream: response.Body as Readable,
        sizeBytes: response.ContentLength ?? 0,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.head(sha256)) !== null;
  }

  async remove(sha256: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
    );
  }

  private async head(sha256: string): Promise<number | null> {
    try {
      const response = await this.client.send(
        new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
      );
      return response.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' ||
      error.name === 'NotFound' ||
      error.$metadata.httpStatusCode === 404)
  );
}
