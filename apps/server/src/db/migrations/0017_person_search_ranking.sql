-- Person search, a single common name (issue 7; docs/performance.md has the figures).
--
-- A family name such as "الخطيب" is held by some 40,000 persons of a national registry. Every one
-- of them is a whole-word match, so every one scores 1 and the page is the first 50 in name order
-- (family, first, father, grandfather). Migration 0013's GIN index finds them, but it cannot give
-- them in that order: each of the 40,000 rows was read from the heap to be sorted (23,000 blocks,
-- 340-570 ms; 0.9-1.1 s for "محمد"), and each candidate's victim-protection check joined parties
-- to files.
--
-- Two things make it a short index read.

-- 1. The words of every live person's name keys, each with the person's name parts, in the order
--    the search ranks whole-word matches: `WHERE word = $1 ORDER BY … LIMIT 60` reads 60 index
--    entries. Kept by a trigger in the transaction that writes the person; a merged record has no
--    rows (it is not a person any more, the search leaves it out). The order's columns and their
--    NULLS placement are those of `searchPersons` (persons/persons.repository.ts).
CREATE TABLE person_search_words (
  latin               boolean NOT NULL,  -- a word of the Latin key, else of the Arabic key
  word                text NOT NULL CHECK (word <> ''),
  family_name_ar      text,
  first_name_ar       text NOT NULL,
  father_name_ar      text,
  grandfather_name_ar text,
  person_id           uuid NOT NULL REFERENCES persons (id) ON DELETE CASCADE
);
CREATE INDEX person_search_words_rank_idx ON person_search_words (
  latin, word, family_name_ar NULLS LAST, first_name_ar, father_name_ar NULLS LAST,
  grandfather_name_ar NULLS LAST, person_id);
CREATE INDEX person_search_words_person_idx ON person_search_words (person_id);

-- The same words the vocabulary (0013) and the GIN indexes hold: the Arabic key's and the Latin
-- key's, each word once per person and key.
CREATE FUNCTION qadiya_person_search_words(ar_key text, latin_key text)
RETURNS TABLE (latin boolean, word text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT DISTINCT false, w FROM unnest(string_to_array(ar_key, ' ')) AS w WHERE w <> ''
  UNION
  SELECT DISTINCT true, w FROM unnest(string_to_array(latin_key, ' ')) AS w WHERE w <> '';
END;

INSERT INTO person_search_words (
  latin, word, family_name_ar, first_name_ar, father_name_ar, grandfather_name_ar, person_id)
SELECT w.latin, w.word, p.family_name_ar, p.first_name_ar, p.father_name_ar,
       p.grandfather_name_ar, p.id
FROM persons p, LATERAL qadiya_person_search_words(p.name_normalised, p.name_latin_key) AS w
WHERE p.merged_into_id IS NULL;

CREATE FUNCTION persons_search_words() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.name_normalised = OLD.name_normalised
     AND NEW.name_latin_key = OLD.name_latin_key
     AND NEW.first_name_ar = OLD.first_name_ar
     AND NEW.father_name_ar IS NOT DISTINCT FROM OLD.father_name_ar
     AND NEW.grandfather_name_ar IS NOT DISTINCT FROM OLD.grandfather_name_ar
     AND NEW.family_name_ar IS NOT DISTINCT FROM OLD.family_name_ar
     AND NEW.merged_into_id IS NOT DISTINCT FROM OLD.merged_into_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM person_search_words WHERE person_id = NEW.id;
  END IF;
  IF NEW.merged_into_id IS NULL THEN
    INSERT INTO person_search_words (
      latin, word, family_name_ar, first_name_ar, father_name_ar, grandfather_name_ar, person_id)
    SELECT w.latin, w.word, NEW.family_name_ar, NEW.first_name_ar, NEW.father_name_ar,
           NEW.grandfather_name_ar, NEW.id
    FROM qadiya_person_search_words(NEW.name_normalised, NEW.name_latin_key) AS w;
  END IF;
  RETURN NULL;
END
$$;

-- AFTER, so that the keys set by the BEFORE trigger of migration 0006 are the ones read.
CREATE TRIGGER persons_search_words AFTER INSERT OR UPDATE
  ON persons FOR EACH ROW EXECUTE FUNCTION persons_search_words();

-- 2. Whether a person may be a protected victim: a victim or complainant of a family protection
--    file, or one whose address is confidential (policy/victim-protection.ts). Most persons never
--    are, and for them the policy's check per candidate (parties joined to their files, 0.02 ms a
--    row, 20 ms for the thousand rows a capped total counts) is skipped. The flag only lets the
--    check be skipped when it is false; when true, the policy's own check decides, so a flag set
--    too eagerly costs time, never privacy. It is kept by triggers on parties and on the files'
--    family protection class, in the writing transaction.
ALTER TABLE persons ADD COLUMN may_be_protected boolean NOT NULL DEFAULT false;

CREATE FUNCTION qadiya_refresh_may_be_protected(p_person uuid) RETURNS void
LANGUAGE sql AS $$
  UPDATE persons p
  SET may_be_protected = f.flag
  FROM (
    SELECT EXISTS (
      SELECT 1 FROM parties vp JOIN cases vc ON vc.id = vp.case_id
      WHERE vp.person_id = p_person
        AND vp.role IN ('victim', 'complainant')
        AND (vc.is_family_protection OR vp.address_confidential)
    ) AS flag
  ) f
  WHERE p.id = p_person AND p.may_be_protected IS DISTINCT FROM f.flag
$$;

-- Every person at once, set-based: the backfill here, and the data generator after its bulk load
-- (its rows arrive with the triggers below switched off, generator/bulk-load.ts).
CREATE FUNCTION qadiya_refresh_all_may_be_protected() RETURNS void
LANGUAGE sql AS $$
  UPDATE persons p
  SET may_be_protected = NOT p.may_be_protected
  WHERE p.may_be_protected <> EXISTS (
    SELECT 1 FROM parties vp JOIN cases vc ON vc.id = vp.case_id
    WHERE vp.person_id = p.id
      AND vp.role IN ('victim', 'complainant')
      AND (vc.is_family_protection OR vp.address_confidential)
  )
$$;

SELECT qadiya_refresh_all_may_be_protected();

CREATE FUNCTION parties_may_be_protected() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM qadiya_refresh_may_be_protected(OLD.person_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.person_id IS NOT NULL THEN
    PERFORM qadiya_refresh_may_be_protected(NEW.person_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER parties_may_be_protected
  AFTER INSERT OR DELETE OR UPDATE OF person_id, role, address_confidential, case_id
  ON parties FOR EACH ROW EXECUTE FUNCTION parties_may_be_protected();

CREATE FUNCTION cases_may_be_protected() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.is_family_protection IS DISTINCT FROM OLD.is_family_protection THEN
    PERFORM qadiya_refresh_may_be_protected(vp.person_id)
    FROM parties vp
    WHERE vp.case_id = NEW.id AND vp.role IN ('victim', 'complainant');
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER cases_may_be_protected AFTER UPDATE OF is_family_protection
  ON cases FOR EACH ROW EXECUTE FUNCTION cases_may_be_protected();
