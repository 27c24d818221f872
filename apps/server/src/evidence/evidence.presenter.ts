/** Shapes the evidence register for the API. */
import type { Selectable } from 'kysely';
import type {
  CustodyEventTable,
  EvidenceFileTable,
  EvidenceItemTable,
} from '../documents/document-tables';

type Item = Selectable<EvidenceItemTable>;
type File = Selectable<EvidenceFileTable>;
type Custody = Selectable<CustodyEventTable>;

export function presentEvidenceFile(f: File) {
  return {
    id: f.id,
    sha256: f.sha256,
    sizeBytes: Number(f.size_bytes),
    contentType: f.content_type,
    fileName: f.file_name,
    addedAt: f.added_at.toISOString(),
  };
}

export function presentCustody(c: Custody) {
  return {
    seq: c.seq,
    fromHolder: c.from_holder,
    toHolder: c.to_holder,
    occurredAt: c.occurred_at.toISOString(),
    purpose: c.purpose,
    recordedBy: c.recorded_by_username,
    recordedAt: c.recorded_at.toISOString(),
  };
}

export function presentEvidence(item: Item, files: readonly File[], custody: readonly Custody[]) {
  return {
    id: item.id,
    caseId: item.case_id,
    itemNumber: item.item_number,
    kind: item.kind,
    item: item.item,
    description: item.description,
    seizedBy: item.seized_by,
    seizedAt: item.seized_at.toISOString(),
    seizedPlace: item.seized_place,
    storageLocation: item.storage_location,
    currentHolder: item.current_holder,
    status: item.status,
    disposition:
      item.status === 'held'
        ? null
        : {
            at: item.disposition_at?.toISOString() ?? null,
            decisionReference: item.disposition_decision,
            note: item.disposition_note,
            returnedTo: item.returned_to,
          },
    files: files.filter((f) => f.evidence_id === item.id).map(presentEvidenceFile),
    custody: custody.filter((c) => c.evidence_id === item.id).map(presentCustody),
  };
}

export type EvidenceView = ReturnType<typeof presentEvidence>;
