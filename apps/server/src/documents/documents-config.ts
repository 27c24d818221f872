/**
 * The documents settings (read by config.ts): where blobs live (a folder under the data folder, or
 * an S3-compatible bucket), the upload limits, and the retention schedule for closed files.
 * docs/operations.md lists the variables; docs/adr/0018-document-storage.md explains the choices.
 */
import path from 'node:path';
import { DOCUMENT_TYPES, isDocumentType, type DocumentType } from '@qadiya/domain';

export type StorageSettings =
  | { backend: 'fs'; dir: string }
  | {
      backend: 's3';
      bucket: string;
      region: string;
      /** For MinIO, Ceph, s3rver…; absent for AWS itself. */
      endpoint: string | undefined;
      /** Credentials; absent = the SDK's default chain (instance role, AWS_* variables). */
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
      /** A key prefix inside the bucket, e.g. `qadiya/`. */
      prefix: string;
    };

/** Days after a file is closed before a document's bytes may be disposed of; null = never. */
export interface RetentionSchedule {
  defaultDays: number | null;
  byType: Partial<Record<DocumentType, number | null>>;
}

export interface DocumentsConfig {
  storage: StorageSettings;
  /** Uploads are streamed here (hashed and sniffed) before they move into the store. */
  tempDir: string;
  maxUploadBytes: number;
  /** Content types (as sniffed from the bytes) accepted for documents and evidence. */
  allowedTypes: readonly string[];
  retention: RetentionSchedule;
}

export const DEFAULT_ALLOWED_TYPES: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'image/webp',
  'image/gif',
  'image/heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/rtf',
  // Legacy Word/Excel/PowerPoint files are OLE compound files; the bytes cannot tell which.
  'application/x-cfb',
];

/** Ten years after closing by default; judgments and indictments are kept for good. */
export const DEFAULT_RETENTION: RetentionSchedule = {
  defaultDays: 3650,
  byType: { judgment: null, indictment: null },
};

type Env = Record<string, string | undefined>;

export function loadDocumentsConfig(env: Env, dataDir: string): DocumentsConfig {
  const backend = env.QADIYA_STORAGE_BACKEND ?? 'fs';
  if (backend !== 'fs' && backend !== 's3') {
    throw new Error(`QADIYA_STORAGE_BACKEND must be fs or s3, got "${backend}"`);
  }
  return {
    storage: backend === 'fs' ? fsSettings(env, dataDir) : s3Settings(env),
    tempDir: path.resolve(env.QADIYA_UPLOAD_TEMP_DIR ?? path.join(dataDir, 'tmp', 'uploads')),
    maxUploadBytes: maxBytes(env.QADIYA_UPLOAD_MAX_BYTES),
    allowedTypes: allowedTypes(env.QADIYA_UPLOAD_ALLOWED_TYPES),
    retention: retention(env.QADIYA_DOCUMENT_RETENTION),
  };
}

function fsSettings(env: Env, dataDir: string): StorageSettings {
  return {
    backend: 'fs',
    dir: path.resolve(env.QADIYA_STORAGE_DIR ?? path.join(dataDir, 'documents')),
  };
}

function s3Settings(env: Env): StorageSettings {
  const bucket = env.QADIYA_S3_BUCKET?.trim();
  if (!bucket) throw new Error('QADIYA_S3_BUCKET is required when QADIYA_STORAGE_BACKEND=s3');
  const endpoint = env.QADIYA_S3_ENDPOINT?.trim() || undefined;
  const accessKeyId = env.QADIYA_S3_ACCESS_KEY_ID?.trim() || undefined;
  const secretAccessKey = env.QADIYA_S3_SECRET_ACCESS_KEY?.trim() || undefined;
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new Error('QADIYA_S3_ACCESS_KEY_ID and QADIYA_S3_SECRET_ACCESS_KEY go together');
  }
  const prefix = env.QADIYA_S3_PREFIX?.trim() ?? '';
  return {
    backend: 's3',
    bucket,
    region: env.QADIYA_S3_REGION?.trim() || 'us-east-1',
    endpoint,
    accessKeyId,
    secretAccessKey,
    // Path-style addressing is what self-hosted stores (MinIO, s3rver) expect.
    forcePathStyle: env.QADIYA_S3_FORCE_PATH_STYLE
      ? env.QADIYA_S3_FORCE_PATH_STYLE === 'true'
      : endpoint !== undefined,
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
  };
}

function maxBytes(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 100 * 1024 * 1024;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 10 * 1024 ** 3) {
    throw new Error(`QADIYA_UPLOAD_MAX_BYTES must be a whole number of bytes up to 10 GiB`);
  }
  return value;
}

function allowedTypes(raw: string | undefined): readonly string[] {
  if (raw === undefined || raw.trim() === '') return DEFAULT_ALLOWED_TYPES;
  const types = raw.split(',').map((item) => item.trim().toLowerCase());
  const bad = types.find((type) => !/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type));
  if (bad !== undefined) {
    throw new Error(`QADIYA_UPLOAD_ALLOWED_TYPES: "${bad}" is not a content type`);
  }
  return types;
}

/** `default:3650,judgment:never,minutes:7300`: days after the file is closed, or never. */
function retention(raw: string | undefined): RetentionSchedule {
  if (raw === undefined || raw.trim() === '') return DEFAULT_RETENTION;
  const name = 'QADIYA_DOCUMENT_RETENTION';
  const schedule: RetentionSchedule = { defaultDays: DEFAULT_RETENTION.defaultDays, byType: {} };
  for (const item of raw.split(',')) {
    const [key, value] = item.split(':').map((part) => part.trim());
    if (!key || !value) throw new Error(`${name}: "${item}" is not type:days`);
    if (key !== 'default' && !isDocumentType(key)) {
      throw new Error(`${name}: unknown document type "${key}" (${DOCUMENT_TYPES.join(', ')})`);
    }
    const days = value === 'never' ? null : Number(value);
    if (days !== null && (!Number.isInteger(days) || days < 0 || days > 36_500)) {
      throw new Error(`${name}: "${value}" must be a number of days (0–36500) or never`);
    }
    if (key === 'default') schedule.defaultDays = days;
    else schedule.byType[key] = days;
  }
  return schedule;
}

/** The retention period of a document type under the schedule (null = kept for good). */
export function retentionDaysFor(schedule: RetentionSchedule, type: DocumentType): number | null {
  const days = schedule.byType[type];
  return days === undefined ? schedule.defaultDays : days;
}
