-- The audit chain, version 2: an audit row and the chain head move in one statement (issue 9;
-- docs/performance.md, "1,000 events a second"; audit/audit-chain.ts has both formulas).
--
-- Every audited change takes the chain head's row lock, which keeps seq gap-free and each row
-- chained to the one committed before it. The server used to read the head, compute the hash,
-- insert the row and update the head: three round trips under the lock, then the commit, while
-- every other writer waited. Now the server hashes the row's content before it takes the lock,
-- and one statement (audit/audit-log.ts, RECORD_AUDIT_SQL) moves the head and links the new row
-- with PostgreSQL's own sha256(), so the lock is held for that statement and the commit.
--
-- Rows already written keep their hash and their formula (chain_version 1); verification
-- (`qadiya audit verify`) recomputes each row by the formula it names. Changing a row's
-- chain_version changes the hash verification expects, so it is as evident as any other change.
ALTER TABLE audit_log
  ADD COLUMN chain_version smallint NOT NULL DEFAULT 1 CHECK (chain_version IN (1, 2));

-- The hash the last row chains to. An UPDATE's RETURNING gives the new values only; the one
-- statement sets this column to the head's old hash so that it can hand it to the inserted row.
-- Verification does not read it: the rows carry their own prev_hash.
ALTER TABLE audit_chain_head ADD COLUMN last_prev_hash text;
