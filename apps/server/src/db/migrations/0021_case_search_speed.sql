-- Case search speed (issue 7, cases/search-cases.ts, ADR 0014). A query matching more documents
-- than the search ranks (a common word) lists the files the user may open newest first: each
-- institution where the user holds a grant is walked in the order of its files' opening dates,
-- and every file is kept when one of its documents matches. The walk reads this index; the global
-- index on opening dates (migration 0010) made it pass over every other institution's files,
-- 17 of 18 at the busiest office.
CREATE INDEX IF NOT EXISTS cases_institution_opened_idx ON cases (institution_id, opened_at);
