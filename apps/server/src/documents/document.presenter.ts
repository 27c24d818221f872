/** Shapes documents and their versions for the API (never a raw row). */
import type { Selectable } from 'kysely';
import type { DocumentTable, DocumentVersionTable } from './document-tables';
import { isPreviewable } from './content-types';

type DocumentRow = Selectable<DocumentTable>;
type VersionRow = Selectable<DocumentVersionTable>;

export function presentVersion(v: VersionRow) {
  return {
    id: v.id,
    version: v.version,
    sha256: v.sha256,
    sizeBytes: Number(v.size_bytes),
    contentType: v.content_type,
    fileName: v.file_name,
    origin: v.origin,
    template: v.template,
    createdAt: v.created_at.toISOString(),
    isDisposed: v.blob_disposed_at !== null,
    isPreviewable: isPreviewable(v.content_type) && v.blob_disposed_at === null,
  };
}

export function presentDocument(doc: DocumentRow, versions: readonly VersionRow[]) {
  return {
    id: doc.id,
    caseId: doc.case_id,
    documentType: doc.document_type,
    title: doc.title,
    documentDate: doc.document_date,
    author: doc.author,
    language: doc.language,
    isSealed: doc.is_sealed,
    createdAt: doc.created_at.toISOString(),
    disposedAt: doc.disposed_at?.toISOString() ?? null,
    versions: versions.filter((v) => v.document_id === doc.id).map(presentVersion),
  };
}

export type DocumentView = ReturnType<typeof presentDocument>;
