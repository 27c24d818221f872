-- The audit chain, version 2: rows are chained at commit (issue 9; docs/performance.md,
-- "1,000 events a second"; audit/audit-chain.ts has both formulas).
--
-- Every audited change takes the chain head's row lock, which keeps seq gap-free and each row
-- chained to the one committed before it, and holds it until its transaction ends. The server used
-- to read the head, compute the hash, insert the row and move the head: three round trips under
-- the lock, then the commit, each waiting for a Node event loop busy with other requests, while
-- every other writer waited for the lock.
--
-- Now the server hashes the row's content (the content hash) before anything is locked and
-- inserts it into audit_pending, with the change it records. At COMMIT a deferred trigger takes the
-- head's lock, numbers the row, links it with PostgreSQL's own sha256() and moves it into
-- audit_log; the lock is released when the commit completes. It is held inside the commit, for
-- no round trip to the server at all. A transaction that rolls back leaves nothing, as before.
--
-- Rows already written keep their hash and their formula (chain_version 1); verification
-- (`qadiya audit verify`) recomputes each row by the formula it names. Changing a row's
-- chain_version changes the hash verification expects, so it is as evident as any other change.
ALTER TABLE audit_log
  ADD COLUMN chain_version smallint NOT NULL DEFAULT 1 CHECK (chain_version IN (1, 2));

-- Audit rows waiting for their transaction's commit. Always empty outside a transaction: each row
-- is moved into audit_log by the trigger below at commit, or disappears with a rollback. Unlogged,
-- since nothing in it outlives its transaction (what is kept is the audit_log row, which is
-- logged).
CREATE UNLOGGED TABLE audit_pending (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- SHA-256 over the canonical content (audit/audit-chain.ts, computeContentHash).
  content_hash    text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  occurred_at     timestamptz NOT NULL,
  actor_user_id   uuid,
  actor_username  text,
  action          text NOT NULL,
  object_type     text,
  object_id       text,
  institution_id  uuid,
  outcome         text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  request_id      text,
  source_ip       text,
  details         jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- Chains one pending row: the head's lock, the next seq, hash = sha256(prev:seq:content hash) in
-- lower-case hexadecimal (computeLinkHash in audit-chain.ts is the same formula), the audit_log row.
-- Under READ COMMITTED the locking read waits for the previous holder's commit and then sees the
-- head it left, so concurrent writers (in one server or several) chain one after another. Rows of
-- one transaction are chained in the order they were recorded (deferred triggers fire in order).
CREATE FUNCTION audit_chain_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev_seq  bigint;
  prev_hash text;
  next_hash text;
BEGIN
  SELECT last_seq, last_hash INTO prev_seq, prev_hash FROM audit_chain_head WHERE id FOR UPDATE;
  next_hash := encode(sha256(convert_to(
    prev_hash || ':' || (prev_seq + 1)::text || ':' || NEW.content_hash, 'UTF8')), 'hex');
  UPDATE audit_chain_head SET last_seq = prev_seq + 1, last_hash = next_hash WHERE id;
  INSERT INTO audit_log (seq, occurred_at, actor_user_id, actor_username, action, object_type,
                         object_id, institution_id, outcome, request_id, source_ip, details,
                         prev_hash, hash, chain_version)
  VALUES (prev_seq + 1, NEW.occurred_at, NEW.actor_user_id, NEW.actor_username, NEW.action,
          NEW.object_type, NEW.object_id, NEW.institution_id, NEW.outcome, NEW.request_id,
          NEW.source_ip, NEW.details, prev_hash, next_hash, 2);
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER audit_pending_chain_at_commit AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_chain_append();

-- The runtime role records audit rows through audit_pending (the default privileges of 0001 would
-- grant the same; stated here so the table's purpose is plain).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qadiya_app') THEN
    GRANT SELECT, INSERT, DELETE ON audit_pending TO qadiya_app;
  END IF;
END $$;
