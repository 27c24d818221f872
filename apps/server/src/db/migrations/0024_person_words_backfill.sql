-- The words of persons written while their triggers were switched off, set-based (issue 9).
--
-- Two AFTER triggers keep a person's words: persons_name_vocabulary (migration 0013, the name
-- vocabulary that spelling suggestions read) and persons_search_words (migration 0017, the rows
-- person search reads in rank order). Row by row they cost a plpgsql call and several index
-- insertions per person: on a million generated persons, most of the load's time. The data
-- generator switches them off for its bulk load (generator/bulk-load.ts) and calls this once
-- after it, in the same transaction, as it does with qadiya_refresh_all_may_be_protected.
--
-- The persons it fills are those without any search words: a person the triggers saw always has
-- some (every name has a first name), unless merged into another, and a merged person has none by
-- design and is left so. The statements are the triggers' own, over every such person at once.
CREATE FUNCTION qadiya_add_missing_person_words() RETURNS void
LANGUAGE sql AS $$
  INSERT INTO person_name_words (word)
  SELECT DISTINCT w
  FROM persons p,
    LATERAL unnest(string_to_array(p.name_normalised, ' ') || string_to_array(p.name_latin_key, ' ')) AS w
  WHERE w <> ''
    AND NOT EXISTS (SELECT 1 FROM person_search_words s WHERE s.person_id = p.id)
  ON CONFLICT (word) DO NOTHING;

  INSERT INTO person_search_words (
    latin, word, family_name_ar, first_name_ar, father_name_ar, grandfather_name_ar, person_id)
  SELECT w.latin, w.word, p.family_name_ar, p.first_name_ar, p.father_name_ar,
         p.grandfather_name_ar, p.id
  FROM persons p, LATERAL qadiya_person_search_words(p.name_normalised, p.name_latin_key) AS w
  WHERE p.merged_into_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM person_search_words s WHERE s.person_id = p.id);
$$;
