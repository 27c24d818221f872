-- Duplicate merge in the persons registry (issue 7).
--
-- A chief prosecutor merges a duplicate person record into the surviving one: every party of the
-- duplicate moves to the survivor, and the duplicate is marked merged, never deleted. The merge
-- records exactly which parties moved and what the duplicate held, so that it can be reverted:
-- the revert moves exactly those parties back and restores the duplicate.

-- A merged record points to the record it was merged into. Search leaves merged records out;
-- reading one answers with this pointer.
ALTER TABLE persons ADD COLUMN merged_into_id uuid REFERENCES persons (id);
ALTER TABLE persons ADD CONSTRAINT persons_not_merged_into_itself
  CHECK (merged_into_id IS NULL OR merged_into_id <> id);
-- A merged record holds no national ID: the merge is refused unless the duplicate has none or the
-- survivor's (which the UNIQUE constraint rules out), so no identity number is ever hidden.
ALTER TABLE persons ADD CONSTRAINT persons_merged_without_national_id
  CHECK (merged_into_id IS NULL OR national_id IS NULL);
CREATE INDEX persons_merged_into_idx ON persons (merged_into_id) WHERE merged_into_id IS NOT NULL;

CREATE TABLE person_merges (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survivor_id         uuid NOT NULL REFERENCES persons (id),
  duplicate_id        uuid NOT NULL REFERENCES persons (id),
  -- The duplicate as it was when merged (the presenter's fields), for the record and the auditor.
  duplicate_snapshot  jsonb NOT NULL,
  reason              text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  merged_by           uuid REFERENCES users (id),
  merged_at           timestamptz NOT NULL,
  reverted_by         uuid REFERENCES users (id),
  reverted_at         timestamptz,
  revert_reason       text CHECK (length(revert_reason) BETWEEN 1 AND 2000),
  CHECK (survivor_id <> duplicate_id),
  CHECK ((reverted_at IS NULL) = (revert_reason IS NULL)),
  CHECK (reverted_by IS NULL OR reverted_at IS NOT NULL),
  CHECK (reverted_at IS NULL OR reverted_at >= merged_at)
);
-- A record is merged once at a time: a second merge of it needs the first one reverted.
CREATE UNIQUE INDEX person_merges_one_active ON person_merges (duplicate_id) WHERE reverted_at IS NULL;
CREATE INDEX person_merges_survivor_idx ON person_merges (survivor_id);

-- Exactly the parties a merge moved (and a revert moves back); parties are never deleted.
CREATE TABLE person_merge_parties (
  merge_id  uuid NOT NULL REFERENCES person_merges (id),
  party_id  uuid NOT NULL REFERENCES parties (id),
  PRIMARY KEY (merge_id, party_id)
);
CREATE INDEX person_merge_parties_party_idx ON person_merge_parties (party_id);

-- A merged record takes no new party, whoever writes (add_party, a referral copying parties):
-- its parties belong to the survivor. The person row is locked (FOR KEY SHARE) so that a party
-- written while a merge is running waits for it and then sees the record as merged.
CREATE FUNCTION parties_person_not_merged() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
BEGIN
  SELECT merged_into_id INTO target FROM persons WHERE id = NEW.person_id FOR KEY SHARE;
  IF target IS NOT NULL THEN
    RAISE EXCEPTION 'person % was merged into person %', NEW.person_id, target
      USING ERRCODE = 'check_violation', CONSTRAINT = 'parties_person_not_merged';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER parties_person_not_merged BEFORE INSERT OR UPDATE OF person_id ON parties
  FOR EACH ROW EXECUTE FUNCTION parties_person_not_merged();
