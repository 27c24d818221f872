-- Documents and evidence (issue 10): case documents with versions whose bytes live in a
-- content-addressed blob store (filesystem or S3, docs/adr/0018-document-storage.md), the evidence
-- register with the SHA-256 of each digital evidence file, the append-only chain of custody, and
-- the recorded disposal of documents under the retention schedule.

-- One document of a file: its metadata. The bytes are in its versions.
CREATE TABLE documents (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES cases (id),
  document_type   text NOT NULL CHECK (document_type IN ('complaint', 'police_report', 'statement',
                    'social_research_report', 'medical_report', 'indictment', 'minutes',
                    'judgment', 'summons', 'detention_order', 'detention_extension_request',
                    'other')),
  title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  document_date   date,
  author          text CHECK (length(author) BETWEEN 1 AND 200),
  language        text NOT NULL CHECK (language IN ('ar', 'en', 'fr', 'other')),
  -- A document inherits its file's confidentiality; sealed restricts it further to the file's
  -- team (and specific grants for the file), whatever the file's level.
  is_sealed       boolean NOT NULL DEFAULT false,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  -- Set when the retention schedule's disposal removed every version's bytes.
  disposed_at     timestamptz
);
CREATE INDEX documents_case_idx ON documents (case_id, created_at);

-- Every version is kept. The hash names the blob (sha256/ab/cd/<hash>); identical bytes share it.
CREATE TABLE document_versions (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id     uuid NOT NULL REFERENCES documents (id),
  version         integer NOT NULL CHECK (version >= 1),
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes      bigint NOT NULL CHECK (size_bytes > 0),
  content_type    text NOT NULL,
  file_name       text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  origin          text NOT NULL CHECK (origin IN ('upload', 'generated')),
  template        text,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL,
  -- The bytes were removed by a recorded disposal (document_disposals); metadata and hash stay.
  blob_disposed_at timestamptz,
  UNIQUE (document_id, version),
  CHECK (origin = 'generated' OR template IS NULL)
);
CREATE INDEX document_versions_sha_idx ON document_versions (sha256);

-- A recorded disposal under the retention schedule: who decided, on which decision, when.
CREATE TABLE document_disposals (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id         uuid NOT NULL UNIQUE REFERENCES documents (id),
  decided_by          uuid REFERENCES users (id),
  decided_by_username text NOT NULL,
  decision_reference  text NOT NULL CHECK (length(decision_reference) BETWEEN 1 AND 200),
  reason              text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  retention_days      integer NOT NULL CHECK (retention_days >= 0),
  disposed_at         timestamptz NOT NULL
);

-- The evidence register of a file: seized objects and digital evidence.
CREATE TABLE evidence_items (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id             uuid NOT NULL REFERENCES cases (id),
  item_number         integer NOT NULL CHECK (item_number >= 1),
  kind                text NOT NULL CHECK (kind IN ('physical', 'digital')),
  item                text NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
  description         text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  seized_by           text NOT NULL CHECK (length(seized_by) BETWEEN 1 AND 200),
  seized_at           timestamptz NOT NULL,
  seized_place        text NOT NULL CHECK (length(seized_place) BETWEEN 1 AND 300),
  storage_location    text NOT NULL CHECK (length(storage_location) BETWEEN 1 AND 300),
  -- The current holder, kept equal to the last custody transfer's recipient.
  current_holder      text NOT NULL CHECK (length(current_holder) BETWEEN 1 AND 200),
  status              text NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'disposed', 'returned')),
  disposition_at      timestamptz,
  disposition_decision text CHECK (length(disposition_decision) BETWEEN 1 AND 200),
  disposition_note    text CHECK (length(disposition_note) BETWEEN 1 AND 2000),
  returned_to         text CHECK (length(returned_to) BETWEEN 1 AND 200),
  disposition_by      uuid REFERENCES users (id),
  created_by          uuid REFERENCES users (id),
  created_at          timestamptz NOT NULL,
  UNIQUE (case_id, item_number),
  CHECK ((status = 'held') = (disposition_at IS NULL)),
  CHECK ((status = 'held') = (disposition_decision IS NULL)),
  CHECK ((status = 'returned') = (returned_to IS NOT NULL))
);

-- The files (images, exports) of a digital evidence item, with the hash computed on upload.
CREATE TABLE evidence_files (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  evidence_id     uuid NOT NULL REFERENCES evidence_items (id),
  sha256          text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes      bigint NOT NULL CHECK (size_bytes > 0),
  content_type    text NOT NULL,
  file_name       text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  added_by        uuid REFERENCES users (id),
  added_at        timestamptz NOT NULL
);
CREATE INDEX evidence_files_item_idx ON evidence_files (evidence_id, added_at);
CREATE INDEX evidence_files_sha_idx ON evidence_files (sha256);

-- The chain of custody: transfers only ever appended (the first one is the seizure itself).
CREATE TABLE custody_events (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  evidence_id     uuid NOT NULL REFERENCES evidence_items (id),
  seq             integer NOT NULL CHECK (seq >= 1),
  from_holder     text CHECK (length(from_holder) BETWEEN 1 AND 200),
  to_holder       text NOT NULL CHECK (length(to_holder) BETWEEN 1 AND 200),
  occurred_at     timestamptz NOT NULL,
  purpose         text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  recorded_by     uuid REFERENCES users (id),
  recorded_by_username text NOT NULL,
  recorded_at     timestamptz NOT NULL,
  UNIQUE (evidence_id, seq),
  CHECK ((seq = 1) = (from_holder IS NULL))
);

CREATE FUNCTION custody_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER custody_events_append_only BEFORE UPDATE OR DELETE ON custody_events
  FOR EACH ROW EXECUTE FUNCTION custody_forbid_change();
CREATE TRIGGER custody_events_no_truncate BEFORE TRUNCATE ON custody_events
  FOR EACH STATEMENT EXECUTE FUNCTION custody_forbid_change();
-- A hash recorded for evidence, or a disposal, is never rewritten either.
CREATE TRIGGER evidence_files_append_only BEFORE UPDATE OR DELETE ON evidence_files
  FOR EACH ROW EXECUTE FUNCTION custody_forbid_change();
CREATE TRIGGER document_disposals_append_only BEFORE UPDATE OR DELETE ON document_disposals
  FOR EACH ROW EXECUTE FUNCTION custody_forbid_change();

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qadiya_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON custody_events, evidence_files, document_disposals
      FROM qadiya_app;
  END IF;
END $$;
