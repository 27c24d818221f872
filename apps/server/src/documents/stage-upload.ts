/**
 * Staging an upload: the bytes stream into a temporary file while a SHA-256 and a byte count are
 * computed on the way (never the whole file in memory), then the type is sniffed from the bytes.
 * Anything wrong — too large, empty, interrupted, a type not allowed, bytes that contradict the
 * declared type — removes the temporary file before the error leaves, so nothing partial remains.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../http/errors';
import { declaredTypeMatches } from './content-types';
import type { DocumentsConfig } from './documents-config';

export interface StagedUpload {
  path: string;
  sha256: string;
  sizeBytes: number;
  contentType: string;
  /** Removes the temporary file (after a failure later on); harmless once it has been moved. */
  discard(): Promise<void>;
}

export interface StageOptions {
  /** The content type the client declared (multipart part header), if any. */
  declaredType?: string | null;
  /**
   * Digital evidence is kept whatever it is (disk images, phone extractions): the allowed list
   * does not apply, and an unknown type is stored as application/octet-stream.
   */
  anyType?: boolean;
}

export async function stageUpload(
  config: DocumentsConfig,
  source: Readable | Uint8Array,
  options: StageOptions = {},
): Promise<StagedUpload> {
  await mkdir(config.tempDir, { recursive: true });
  const file = path.join(config.tempDir, `${randomUUID()}.upload`);
  const discard = () => rm(file, { force: true });
  try {
    const { sha256, sizeBytes } = await writeHashing(source, file, config.maxUploadBytes);
    if (sizeBytes === 0) throw new AppError('FILE_EMPTY', 'The file is empty');
    const sniffed = (await fileTypeFromFile(file))?.mime ?? null;
    if (options.anyType) {
      return {
        path: file,
        sha256,
        sizeBytes,
        contentType: sniffed ?? 'application/octet-stream',
        discard,
      };
    }
    if (sniffed === null || !config.allowedTypes.includes(sniffed)) {
      throw new AppError('FILE_TYPE_NOT_ALLOWED', 'This type of file is not accepted', {
        detectedType: sniffed,
        allowedTypes: config.allowedTypes,
      });
    }
    if (options.declaredType && !declaredTypeMatches(options.declaredType, sniffed)) {
      throw new AppError(
        'FILE_TYPE_MISMATCH',
        `The file's content (${sniffed}) does not match its declared type (${options.declaredType})`,
        { declaredType: options.declaredType, detectedType: sniffed },
      );
    }
    return { path: file, sha256, sizeBytes, contentType: sniffed, discard };
  } catch (error) {
    await discard();
    throw error;
  }
}

async function writeHashing(
  source: Readable | Uint8Array,
  file: string,
  maxBytes: number,
): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sizeBytes += chunk.length;
      if (sizeBytes > maxBytes) {
        callback(tooLarge(maxBytes));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  const input =
    source instanceof Uint8Array
      ? Readable.from([Buffer.from(source.buffer, source.byteOffset, source.byteLength)])
      : source;
  let sourceFailed = false;
  if (!(source instanceof Uint8Array)) source.once('error', () => (sourceFailed = true));
  try {
    await pipeline(input, meter, createWriteStream(file, { flags: 'wx' }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    // @fastify/multipart's own limit (set just above ours) ends in the same answer.
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    // A malformed or cut-off request body is the client's problem, not a server fault.
    if (sourceFailed) {
      throw new AppError('VALIDATION_FAILED', 'The upload was malformed or interrupted', {
        field: 'file',
      });
    }
    throw error;
  }
  if ((source as Readable & { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
  return { sha256: hash.digest('hex'), sizeBytes };
}

const tooLarge = (maxBytes: number) =>
  new AppError('FILE_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`, {
    maxBytes,
  });
