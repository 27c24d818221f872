/**
 * Reading a multipart upload without buffering it: the form fields must come before the file part
 * (the web app sends them first), so that the fields are known while the file still streams.
 * Registered in an encapsulated scope (documents.routes.ts, evidence.routes.ts), so the rest of the
 * API keeps accepting JSON only.
 */
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { FastifyTypebox } from '../http/fastify-types';
import { AppError } from '../http/errors';

export async function registerMultipart(scope: FastifyTypebox, maxUploadBytes: number) {
  await scope.register(multipart, {
    // One byte above the limit: stage-upload.ts counts bytes itself and answers FILE_TOO_LARGE.
    limits: { fileSize: maxUploadBytes + 1, files: 1, fields: 20, fieldSize: 8_000, parts: 25 },
  });
}

export interface Upload {
  fields: Record<string, string>;
  fileName: string;
  declaredType: string;
  stream: Readable;
}

export function fieldError(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body field "${field}": ${problem}`, {
    field,
    issues: [{ field, in: 'body', problem }],
  });
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data');
  }
  const part = await request.file();
  if (!part) throw fieldError('file', 'a file part is required');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const entry = Array.isArray(value) ? value[0] : value;
    if (entry?.type === 'field' && typeof entry.value === 'string') fields[name] = entry.value;
  }
  return {
    fields,
    fileName: part.filename,
    declaredType: part.mimetype,
    stream: part.file,
  };
}

/** Text fields of a form: trimmed, empty = absent. */
export function optionalField(fields: Record<string, string>, name: string): string | null {
  const value = fields[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

export function requiredField(fields: Record<string, string>, name: string): string {
  const value = optionalField(fields, name);
  if (value === null) throw fieldError(name, 'is required');
  return value;
}
