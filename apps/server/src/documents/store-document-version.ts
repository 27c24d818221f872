/**
 * Stores new content as a document version: version 1 of a new document, or version n+1 of an
 * existing one (older versions are kept). Uploads and generated documents (legal-documents/) both
 * come through here. Call it outside any open transaction: it authorises first, and a refusal is
 * audited in a transaction of its own.
 */
import type { Readable } from 'node:stream';
import { recordAudit } from '../audit/audit-log';
import { actorUserIdForFk } from '../policy/actor';
import { AppError, notFound } from '../http/errors';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { blobStoreFor } from './blob-store';
import { openFile, requireSealedAccess } from './document-access';
import {
  DOCUMENT_LANGUAGES,
  isDocumentType,
  type DocumentLanguage,
  type DocumentType,
} from '@qadiya/domain';
import {
  findDocument,
  insertDocument,
  insertNextVersion,
  lockDocument,
} from './documents.repository';
import { fieldError } from './multipart-upload';
import { stageUpload } from './stage-upload';

export interface NewDocumentMetadata {
  documentType: DocumentType;
  title: string;
  /** YYYY-MM-DD: the date on the document. */
  documentDate: string | null;
  author: string | null;
  language: DocumentLanguage;
  sealed: boolean;
}

export interface StoreDocumentVersionInput {
  caseId: string;
  /** Present: a new version of this document of the file. Absent: a new document (metadata). */
  documentId?: string;
  metadata?: NewDocumentMetadata;
  fileName: string;
  content: Readable | Uint8Array;
  origin: 'upload' | 'generated';
  template?: string | null;
  /** The content type the client declared; checked against the bytes (uploads). */
  declaredType?: string | null;
}

export interface StoredDocumentVersion {
  documentId: string;
  versionId: string;
  version: number;
  sha256: string;
  sizeBytes: number;
  contentType: string;
}

export async function storeDocumentVersion(
  ctx: UseCaseContext,
  input: StoreDocumentVersionInput,
): Promise<StoredDocumentVersion> {
  const access = await openFile(ctx, input.caseId, 'act');
  if (input.documentId !== undefined) {
    const existing = await findDocument(ctx.db, input.documentId);
    if (!existing || existing.case_id !== input.caseId) {
      throw notFound('Document', input.documentId);
    }
    if (existing.is_sealed) {
      await requireSealedAccess(ctx, access, { type: 'document', id: existing.id });
    }
    if (existing.disposed_at !== null) throw disposed(existing.id);
  } else {
    if (!input.metadata) {
      throw new AppError('VALIDATION_FAILED', 'A new document needs its metadata', {
        field: 'metadata',
      });
    }
    checkMetadata(input.metadata);
    // Sealing needs the right to open sealed documents, or its author would be locked out.
    if (input.metadata.sealed) {
      await requireSealedAccess(ctx, access, { type: 'case', id: access.file.id });
    }
  }
  const fileName = cleanFileName(input.fileName);
  const staged = await stageUpload(ctx.config.documents, input.content, {
    declaredType: input.declaredType ?? null,
  });
  try {
    await blobStoreFor(ctx.config.documents.storage).putFile(
      staged.path,
      staged.sha256,
      staged.sizeBytes,
    );
  } finally {
    await staged.discard();
  }
  const now = ctx.clock.now();
  const createdBy = actorUserIdForFk(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    let documentId = input.documentId;
    if (documentId === undefined) {
      const meta = input.metadata as NewDocumentMetadata;
      const row = await insertDocument(trx, {
        caseId: access.file.id,
        documentType: meta.documentType,
        title: meta.title,
        documentDate: meta.documentDate,
        author: meta.author,
        language: meta.language,
        isSealed: meta.sealed,
        createdBy,
        createdAt: now,
      });
      documentId = row.id;
    } else {
      const locked = await lockDocument(trx, documentId);
      if (!locked) throw notFound('Document', documentId);
      if (locked.disposed_at !== null) throw disposed(documentId);
    }
    const version = await insertNextVersion(trx, {
      documentId,
      sha256: staged.sha256,
      sizeBytes: staged.sizeBytes,
      contentType: staged.contentType,
      fileName,
      origin: input.origin,
      template: input.origin === 'generated' ? (input.template ?? null) : null,
      createdBy,
      createdAt: now,
    });
    await recordAudit(trx, ctx.origin, {
      action: 'document.version_added',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'document', id: documentId },
      institutionId: access.file.institution_id,
      details: {
        caseId: access.file.id,
        version: version.version,
        sha256: staged.sha256,
        sizeBytes: staged.sizeBytes,
        contentType: staged.contentType,
        origin: input.origin,
        template: version.template,
      },
    });
    return {
      documentId,
      versionId: version.id,
      version: version.version,
      sha256: staged.sha256,
      sizeBytes: staged.sizeBytes,
      contentType: staged.contentType,
    };
  });
}

/** The rules of the route schema, for callers that are not routes (generated documents). */
function checkMetadata(meta: NewDocumentMetadata): void {
  const fail = fieldError;
  if (!isDocumentType(meta.documentType)) throw fail('documentType', 'unknown document type');
  if (!(DOCUMENT_LANGUAGES as readonly string[]).includes(meta.language)) {
    throw fail('language', 'unknown language');
  }
  const title = meta.title.trim();
  if (title.length < 1 || title.length > 300) throw fail('title', '1–300 characters');
  if (meta.author !== null && (meta.author.trim().length < 1 || meta.author.length > 200)) {
    throw fail('author', '1–200 characters');
  }
  if (meta.documentDate !== null && !isCalendarDate(meta.documentDate)) {
    throw fail('documentDate', 'a date as YYYY-MM-DD');
  }
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const disposed = (id: string) =>
  new AppError('DOCUMENT_DISPOSED', 'This document was disposed of under the retention schedule', {
    id,
  });

/** The name kept for downloads: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? 'document' : clean.slice(0, 255);
}
