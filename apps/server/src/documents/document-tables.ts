/** Kysely types of the documents and evidence tables (migration 0014), included in db/schema.ts. */
import type { ColumnType, Generated } from 'kysely';
import type { DocumentLanguage, DocumentOrigin, DocumentType } from '@qadiya/domain';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint comes back as a string from PostgreSQL; numbers are written. */
type BigIntColumn = ColumnType<string | number, number, number>;

export interface DocumentTable {
  id: Generated<string>;
  case_id: string;
  document_type: DocumentType;
  title: string;
  document_date: ColumnType<string | null, string | null, string | null>;
  author: string | null;
  language: DocumentLanguage;
  is_sealed: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  disposed_at: Timestamp | null;
}

export interface DocumentVersionTable {
  id: Generated<string>;
  document_id: string;
  version: number;
  sha256: string;
  size_bytes: BigIntColumn;
  content_type: string;
  file_name: string;
  origin: DocumentOrigin;
  template: string | null;
  created_by: string | null;
  created_at: Timestamp;
  blob_disposed_at: Timestamp | null;
}

export interface DocumentDisposalTable {
  id: Generated<string>;
  document_id: string;
  decided_by: string | null;
  decided_by_username: string;
  decision_reference: string;
  reason: string;
  retention_days: number;
  disposed_at: Timestamp;
}

export type EvidenceKind = 'physical' | 'digital';
export type EvidenceStatus = 'held' | 'disposed' | 'returned';

export interface EvidenceItemTable {
  id: Generated<string>;
  case_id: string;
  item_number: number;
  kind: EvidenceKind;
  item: string;
  description: string;
  seized_by: string;
  seized_at: Timestamp;
  seized_place: string;
  storage_location: string;
  current_holder: string;
  status: Generated<EvidenceStatus>;
  disposition_at: Timestamp | null;
  disposition_decision: string | null;
  disposition_note: string | null;
  returned_to: string | null;
  disposition_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface EvidenceFileTable {
  id: Generated<string>;
  evidence_id: string;
  sha256: string;
  size_bytes: BigIntColumn;
  content_type: string;
  file_name: string;
  added_by: string | null;
  added_at: Timestamp;
}

export interface CustodyEventTable {
  id: Generated<string>;
  evidence_id: string;
  seq: number;
  from_holder: string | null;
  to_holder: string;
  occurred_at: Timestamp;
  purpose: string;
  recorded_by: string | null;
  recorded_by_username: string;
  recorded_at: Timestamp;
}

export interface DocumentsTables {
  documents: DocumentTable;
  document_versions: DocumentVersionTable;
  document_disposals: DocumentDisposalTable;
  evidence_items: EvidenceItemTable;
  evidence_files: EvidenceFileTable;
  custody_events: CustodyEventTable;
}
