/** Queries of the documents tables. No access decisions here: callers pass what the actor may see. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { DocumentLanguage, DocumentOrigin, DocumentType } from '@qadiya/domain';

type Db = Kysely<Database> | Transaction<Database>;

export function findDocument(db: Db, id: string) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockDocument(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The documents of a file with sealed ones left out in SQL unless the actor may see them. */
export function listCaseDocuments(db: Db, caseId: string, includeSealed: boolean) {
  let query = db
    .selectFrom('documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id');
  if (!includeSealed) query = query.where('is_sealed', '=', false);
  return query.execute();
}

export async function countSealed(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_id', '=', caseId)
    .where('is_sealed', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function versionsOf(db: Db, documentIds: readonly string[]) {
  if (documentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', 'in', documentIds)
    .orderBy('document_id')
    .orderBy('version', 'desc')
    .execute();
}

export function findVersion(db: Db, documentId: string, version: number) {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export interface NewDocument {
  caseId: string;
  documentType: DocumentType;
  title: string;
  documentDate: string | null;
  author: string | null;
  language: DocumentLanguage;
  isSealed: boolean;
  createdBy: string | null;
  createdAt: Date;
}

export function insertDocument(trx: Transaction<Database>, doc: NewDocument) {
  return trx
    .insertInto('documents')
    .values({
      case_id: doc.caseId,
      document_type: doc.documentType,
      title: doc.title,
      document_date: doc.documentDate,
      author: doc.author,
      language: doc.language,
      is_sealed: doc.isSealed,
      created_by: doc.createdBy,
      created_at: doc.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface NewVersion {
  documentId: string;
  sha256: string;
  sizeBytes: number;
  contentType: string;
  fileName: string;
  origin: DocumentOrigin;
  template: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** Appends the next version; the caller holds the document's row lock, so numbers never clash. */
export async function insertNextVersion(trx: Transaction<Database>, v: NewVersion) {
  const last = await trx
    .selectFrom('document_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('document_id', '=', v.documentId)
    .executeTakeFirst();
  return trx
    .insertInto('document_versions')
    .values({
      document_id: v.documentId,
      version: (last?.max ?? 0) + 1,
      sha256: v.sha256,
      size_bytes: v.sizeBytes,
      content_type: v.contentType,
      file_name: v.fileName,
      origin: v.origin,
      template: v.template,
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Whether any live record (a version not disposed, an evidence file) still needs the blob. */
export async function isBlobReferenced(db: Db, sha256: string): Promise<boolean> {
  const version = await db
    .selectFrom('document_versions')
    .select('id')
    .where('sha256', '=', sha256)
    .where('blob_disposed_at', 'is', null)
    .executeTakeFirst();
  if (version) return true;
  const evidence = await db
    .selectFrom('evidence_files')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return evidence !== undefined;
}
