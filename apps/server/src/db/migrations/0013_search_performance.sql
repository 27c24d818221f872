-- Search and the slow paths, measured on 1,000,000 persons and 500,000 files (issues 7 and 9;
-- docs/performance.md has the figures before and after).

-- 1. Indexes found missing by `npm run bench`. Every case page and every event read these tables
--    by file, and without an index by file each read was a scan of the whole table:
--
--    * detentions by case_id: the page's detentions and detention orders, and the facts every
--      event is decided on. The unique index detentions_one_open covers open detentions only, so
--      the planner could not use it for a file's detentions (83,000 rows: 35-65 ms a read, 0.05 ms
--      with this index).
--    * a file's current team (case_assignments by case_id, then user): the team on the case page,
--      the reader's own roles on the file, asked by the policy on every read and write, and the
--      policy's list condition (a correlated EXISTS per file, policy/case-access.ts). The existing
--      indexes lead with the user, or cover the lead only (577,000 rows: 48 ms a read, 0.05 ms).
CREATE INDEX detentions_case_idx ON detentions (case_id);
CREATE INDEX case_assignments_case_idx ON case_assignments (case_id, user_id) WHERE ended_at IS NULL;

-- 2. Person search by whole name words (persons/persons.repository.ts). The trigram indexes of
--    migration 0006 find a word inside a name, but a common name ("خليل") visits some 40,000
--    entries of each of its trigrams and every candidate row is re-checked. Instead, the words a
--    query word may stand for (itself, names starting with or containing it, names a typo away)
--    are looked up in the vocabulary of name words, a few thousand rows, and the persons holding
--    one of them are read from a GIN index of their name keys' words.
--
--    The vocabulary only grows: a word no longer used by anyone stands for nobody, which costs
--    nothing. It is filled by a trigger, in the transaction that writes the person.
CREATE TABLE person_name_words (
  word text PRIMARY KEY CHECK (word <> '')
);
CREATE INDEX person_name_words_trgm_idx ON person_name_words USING gin (word gin_trgm_ops);

INSERT INTO person_name_words (word)
SELECT DISTINCT w
FROM persons,
  LATERAL unnest(string_to_array(name_normalised, ' ') || string_to_array(name_latin_key, ' ')) AS w
WHERE w <> '';

CREATE FUNCTION persons_name_vocabulary() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.name_normalised = OLD.name_normalised
     AND NEW.name_latin_key = OLD.name_latin_key THEN
    RETURN NULL;
  END IF;
  INSERT INTO person_name_words (word)
  SELECT DISTINCT w
  FROM unnest(string_to_array(NEW.name_normalised, ' ') || string_to_array(NEW.name_latin_key, ' ')) AS w
  WHERE w <> ''
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END
$$;

-- Not `UPDATE OF name_normalised`: the keys are set by the BEFORE trigger of migration 0006, and
-- UPDATE OF only sees the columns an UPDATE statement names.
CREATE TRIGGER persons_name_vocabulary AFTER INSERT OR UPDATE
  ON persons FOR EACH ROW EXECUTE FUNCTION persons_name_vocabulary();

-- The queries write the same expressions, so the planner matches them to these indexes.
CREATE INDEX persons_name_words_idx ON persons USING gin (string_to_array(name_normalised, ' '));
CREATE INDEX persons_name_latin_words_idx ON persons USING gin (string_to_array(name_latin_key, ' '));

-- 3. Case search (cases/search-cases.ts, ADR 0014). The expression indexes of migration 0010 find
--    the documents, but ranking re-parsed every matching document (both configurations, the
--    regular expression) across the whole country before the rows were narrowed to the files the
--    user may open: 36,500 titles for a common word, 620 ms, for 692 visible files.
--
--    Every searchable text (a file's title, the free text of an event, hearing minutes) now has its
--    parsed document stored here with the file's institution, written by triggers in the same
--    transaction as the text. A GIN index on (institution, document) (btree_gin) finds the matches
--    inside the institutions where the user holds grants directly; files reached through the team
--    or a specific grant are found by file. The policy's own condition is still applied to every
--    candidate; the index only narrows what is ranked.
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE case_search_documents (
  source_id      uuid NOT NULL,
  field          text NOT NULL CHECK (field IN ('title', 'event_note', 'hearing_minutes')),
  case_id        uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  institution_id uuid NOT NULL,
  document       tsvector NOT NULL,
  PRIMARY KEY (source_id, field)
);
CREATE INDEX case_search_documents_case_idx ON case_search_documents (case_id);

-- Only texts with words are kept: an empty document matches nothing.
INSERT INTO case_search_documents (source_id, field, case_id, institution_id, document)
SELECT id, 'title', id, institution_id, qadiya_search_document(summary)
FROM cases
WHERE summary IS NOT NULL AND length(qadiya_search_document(summary)) > 0;

-- The registration event repeats the file's title: the title is searched as the title, under its
-- own field rights (as in migration 0010).
INSERT INTO case_search_documents (source_id, field, case_id, institution_id, document)
SELECT d.id, 'event_note', d.case_id, c.institution_id, d.document
FROM (
  SELECT e.id, e.case_id, qadiya_search_document(qadiya_event_text(e.payload)) AS document
  FROM case_events e
  WHERE e.event_type <> 'registered'
    AND (e.payload ? 'note' OR e.payload ? 'summary')
) d
JOIN cases c ON c.id = d.case_id
WHERE length(d.document) > 0;

INSERT INTO case_search_documents (source_id, field, case_id, institution_id, document)
SELECT h.id, 'hearing_minutes', h.case_id, c.institution_id, qadiya_search_document(h.minutes)
FROM hearings h
JOIN cases c ON c.id = h.case_id
WHERE h.minutes IS NOT NULL AND length(qadiya_search_document(h.minutes)) > 0;

CREATE INDEX case_search_documents_search_idx ON case_search_documents
  USING gin (institution_id, document);

-- One function keeps a source's document current: written, replaced, or removed when the text has
-- no words left.
CREATE FUNCTION qadiya_put_search_document(
  p_source uuid, p_field text, p_case uuid, p_institution uuid, p_document tsvector
) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_document IS NULL OR length(p_document) = 0 THEN
    DELETE FROM case_search_documents WHERE source_id = p_source AND field = p_field;
  ELSE
    INSERT INTO case_search_documents (source_id, field, case_id, institution_id, document)
    VALUES (p_source, p_field, p_case, p_institution, p_document)
    ON CONFLICT (source_id, field) DO UPDATE
      SET case_id = EXCLUDED.case_id, institution_id = EXCLUDED.institution_id,
          document = EXCLUDED.document;
  END IF;
END
$$;

CREATE FUNCTION cases_search_document() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM qadiya_put_search_document(NEW.id, 'title', NEW.id, NEW.institution_id,
    qadiya_search_document(NEW.summary));
  IF TG_OP = 'UPDATE' AND NEW.institution_id IS DISTINCT FROM OLD.institution_id THEN
    UPDATE case_search_documents SET institution_id = NEW.institution_id WHERE case_id = NEW.id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER cases_search_document AFTER INSERT OR UPDATE OF summary, institution_id
  ON cases FOR EACH ROW EXECUTE FUNCTION cases_search_document();

CREATE FUNCTION case_events_search_document() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM case_search_documents WHERE source_id = OLD.id AND field = 'event_note';
    RETURN NULL;
  END IF;
  IF NEW.event_type = 'registered' THEN
    DELETE FROM case_search_documents WHERE source_id = NEW.id AND field = 'event_note';
  ELSE
    PERFORM qadiya_put_search_document(NEW.id, 'event_note', NEW.case_id,
      (SELECT institution_id FROM cases WHERE id = NEW.case_id),
      qadiya_search_document(qadiya_event_text(NEW.payload)));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER case_events_search_document AFTER INSERT OR DELETE OR UPDATE OF payload, event_type
  ON case_events FOR EACH ROW EXECUTE FUNCTION case_events_search_document();

CREATE FUNCTION hearings_search_document() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM case_search_documents WHERE source_id = OLD.id AND field = 'hearing_minutes';
    RETURN NULL;
  END IF;
  PERFORM qadiya_put_search_document(NEW.id, 'hearing_minutes', NEW.case_id,
    (SELECT institution_id FROM cases WHERE id = NEW.case_id), qadiya_search_document(NEW.minutes));
  RETURN NULL;
END
$$;

CREATE TRIGGER hearings_search_document AFTER INSERT OR DELETE OR UPDATE OF minutes
  ON hearings FOR EACH ROW EXECUTE FUNCTION hearings_search_document();
