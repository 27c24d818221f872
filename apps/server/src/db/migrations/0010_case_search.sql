-- Case search (issue 7): full-text search over files' titles (cases.summary), the notes and
-- summaries of their events (case_events.payload ->> 'note' / 'summary') and hearing minutes
-- (hearings.minutes), in Arabic and English. See docs/adr/0014-case-search.md.
--
-- A document is indexed twice, with the `arabic` configuration (its Snowball stemmer unifies
-- hamza forms, ta marbuta and common affixes: السرقة / سرقة) and with `english` (Latin text:
-- thefts / theft); a query is parsed with both and either may match. Both configurations ship
-- with PostgreSQL 15 and with embedded PGlite. These functions are the only definition of
-- "document" and "query": the expression indexes below and the server's queries call the same
-- functions, so the planner matches them to the indexes.
--
-- Before the arabic configuration, the article and what is fused with it (ال، بال، كال، فال، وال،
-- لل، ولل) are removed from the start of Arabic words: the stemmer alone stems "المجوهرات" and
-- "مجوهرات" differently, and a search must find one with the other.
CREATE FUNCTION qadiya_search_arabic(body text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(body,
  '(^|[^\u0621-\u065f\u0670])(و?[بكف]?ال|و?لل)(?=[\u0621-\u065f\u0670]{2})', '\1', 'g');

CREATE FUNCTION qadiya_search_document(body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN to_tsvector('arabic'::regconfig, qadiya_search_arabic(coalesce(body, '')))
    || to_tsvector('english'::regconfig, coalesce(body, ''));

-- websearch syntax: words are ANDed, "quoted phrases" and -exclusions work, and no input is a
-- syntax error (metacharacters are only text).
CREATE FUNCTION qadiya_search_query(q text) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN websearch_to_tsquery('arabic'::regconfig, qadiya_search_arabic(q))
    || websearch_to_tsquery('english'::regconfig, q);

-- The text an event contributes: the free-text fields of its payload (a note on most events, the
-- summary of a questioning). Other payload fields are ids, codes and dates.
CREATE FUNCTION qadiya_event_text(payload jsonb) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN coalesce(payload ->> 'note', '') || ' ' || coalesce(payload ->> 'summary', '');

CREATE INDEX cases_summary_search_idx ON cases
  USING gin (qadiya_search_document(summary));
-- The registration event repeats the file's title (the summary it was registered with): the title
-- is searched as the title, under its own field rights, so that event is left out.
CREATE INDEX case_events_text_search_idx ON case_events
  USING gin (qadiya_search_document(qadiya_event_text(payload))) WHERE event_type <> 'registered';
CREATE INDEX hearings_minutes_search_idx ON hearings
  USING gin (qadiya_search_document(minutes));

-- Filters of the search: a reference typed in part (trigram, pg_trgm from migration 0006), the
-- date a file was opened, an offence's charges. (A party's files use parties_person_idx, a
-- user's assignments case_assignments_user_idx, both from migration 0002.)
CREATE INDEX cases_reference_trgm_idx ON cases USING gin (reference gin_trgm_ops);
CREATE INDEX cases_opened_at_idx ON cases (opened_at);
CREATE INDEX charges_offence_idx ON charges (offence_id);
