/**
 * Helpers for the documents and evidence tests: sample files whose bytes are what they claim,
 * multipart bodies built by hand (fields first, then the file), and the test app on a data folder
 * of its own so that the blob store and the upload temp folder can be inspected.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@qadiya/domain';
import { buildTestApp, type TestApp } from '../support/app';
import type { ApiResponse } from '../support/cases';
import { buildBareCase, buildInstitution, signedInUser } from '../support/factories';

/** A small but well-formed PDF. */
export function samplePdf(text = 'Qadiya test document'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      `2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\n` +
      `trailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** A 1×1 PNG. */
export const samplePng = (): Buffer =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

export interface FilePart {
  name?: string;
  fileName: string;
  contentType: string;
  content: Buffer;
}

export function multipart(fields: Record<string, string>, file: FilePart | null) {
  const boundary = `----qadiya${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? 'file'}"; ` +
          `filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const DOCUMENT_FIELDS = {
  documentType: 'police_report',
  title: 'محضر ضبط',
  language: 'ar',
  documentDate: '2026-03-02',
  author: 'الملازم سامر',
};

export interface DocumentsTestApp extends TestApp {
  dataDir: string;
}

export async function buildDocumentsApp(env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qadiya-docs-'));
  const t = await buildTestApp({ env: { QADIYA_DATA_DIR: dataDir, ...env } });
  return { ...t, dataDir } satisfies DocumentsTestApp;
}

/** Every file under a folder (recursively), relative; [] when the folder does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** An institution with a normal file, a prosecutor there, and an outsider elsewhere. */
export async function fileWithStaff(t: TestApp, confidentiality: 'normal' | 'sealed' = 'normal') {
  const db = t.handle.db;
  const institution = await buildInstitution(db);
  const elsewhere = await buildInstitution(db);
  const file = await buildBareCase(db, institution.id, { confidentiality });
  const grant = (role: Role, institutionId: string) => ({
    role,
    institutionId,
    validFrom: new Date('2020-01-01T00:00:00Z'),
  });
  const prosecutor = await signedInUser(db, { grants: [grant('prosecutor', institution.id)] });
  const chief = await signedInUser(db, { grants: [grant('chief_prosecutor', institution.id)] });
  const police = await signedInUser(db, {
    grants: [grant('police_investigator', institution.id)],
  });
  const outsider = await signedInUser(db, { grants: [grant('prosecutor', elsewhere.id)] });
  return { institution, file, prosecutor, chief, police, outsider };
}

export async function send(
  t: TestApp,
  headers: Record<string, string>,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
): Promise<ApiResponse & { headers: Record<string, unknown>; raw: Buffer }> {
  const response = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  const isJson = String(response.headers['content-type'] ?? '').includes('application/json');
  return {
    status: response.statusCode,
    body: isJson ? response.json() : null,
    headers: response.headers,
    raw: response.rawPayload,
  };
}

export async function upload(
  t: TestApp,
  headers: Record<string, string>,
  url: string,
  fields: Record<string, string>,
  file: FilePart | null,
) {
  const body = multipart(fields, file);
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  return { status: response.statusCode, body: response.json() };
}
