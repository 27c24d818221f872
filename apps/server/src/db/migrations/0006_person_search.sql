-- Person search (issue 7, first part): search keys for Arabic and Latin names, trigram indexes.
--
-- The keys are computed in the database, by functions that mirror step by step the domain's
-- arabicNameKey and latinNameKey (packages/domain/src/persons/arabic-names.ts); a test asserts
-- that both sides agree on every spelling variant of the test table. A trigger keeps the keys of
-- every row current, whoever writes it. Changing the normalisation means a new migration that
-- replaces these functions and recomputes the columns. See docs/adr/0012-arabic-name-search.md.
--
-- pg_trgm is a trusted extension (PostgreSQL 13 and later): the database owner may create it
-- without superuser rights. Embedded PGlite loads it when the database is opened.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- arabicNameKey: NFKC; invisible/bidi characters, tashkeel and tatweel removed; letters unified
-- (alef forms, hamza on waw/ya, alef maqsura, ta marbuta, lone hamza dropped, Persian ya/kaf,
-- A-Z, Arabic-Indic digits); other characters separate words; "عبد X", "ابو X", "X الله" joined;
-- the article dropped from the start of each word.
CREATE FUNCTION qadiya_name_ar_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(
  regexp_replace(
  regexp_replace(
  regexp_replace(
  regexp_replace(
    btrim(
      regexp_replace(
        translate(
          regexp_replace(
            regexp_replace(
              regexp_replace(normalize(name, NFKC),
                '[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]', '', 'g'),
              '[\u064b-\u065f\u0670]', '', 'g'),
            '\u0640', '', 'g'),
          'أإآٱؤئىةیکABCDEFGHIJKLMNOPQRSTUVWXYZ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹ء',
          'ااااوييهيكabcdefghijklmnopqrstuvwxyz01234567890123456789'),
        '[^0-9a-z\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+', ' ', 'g')),
    '(^| )(عبد|ابو) ', '\1\2', 'g'),
    ' الله( |$)', 'الله\1', 'g'),
    '(^| )ال ', '\1', 'g'),
    '(^| )ال(?=[^ ]{2})', '\1', 'g'));

-- latinNameKey: a consonant skeleton of a transliteration (Mohammad, Muhammad, Mohamed → mhmd).
CREATE FUNCTION qadiya_name_latin_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(
  regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
  regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
  regexp_replace(regexp_replace(regexp_replace(
    btrim(
      regexp_replace(
        lower(
          regexp_replace(
            regexp_replace(normalize(name, NFKD), '[\u0300-\u036f]', '', 'g'),
            '[''`\u00b4\u02bb-\u02bf\u2018\u2019]', '', 'g')),
        '[^a-z0-9]+', ' ', 'g')),
    '(^| )(al|el|ul) ', '\1', 'g'),
    '(^| )abd[aeiou]?l?( |$)', '\1abd\2', 'g'),
    '(^| )abd ', '\1abd', 'g'),
    '(^| )abd[aeiou]l', '\1abd', 'g'),
    'ph', 'f', 'g'),
    'ch', 'sh', 'g'),
    '[cq]', 'k', 'g'),
    'ee', 'i', 'g'),
    'o[ou]', 'u', 'g'),
    '([aeiou])h( |$)', '\1\2', 'g'),
    '(^| )[aeiou]', '\1a', 'g'),
    '([a-z])[aeiouy]+', '\1', 'g'),
    '([a-z])\1+', '\1', 'g'));

ALTER TABLE persons
  ADD COLUMN name_normalised text NOT NULL DEFAULT '',
  ADD COLUMN name_latin_key text NOT NULL DEFAULT '';

UPDATE persons SET
  name_normalised = qadiya_name_ar_key(
    concat_ws(' ', first_name_ar, father_name_ar, grandfather_name_ar, family_name_ar)),
  name_latin_key = coalesce(qadiya_name_latin_key(name_latin), '');

CREATE FUNCTION persons_name_keys() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.name_normalised := qadiya_name_ar_key(
    concat_ws(' ', NEW.first_name_ar, NEW.father_name_ar, NEW.grandfather_name_ar, NEW.family_name_ar));
  NEW.name_latin_key := coalesce(qadiya_name_latin_key(NEW.name_latin), '');
  RETURN NEW;
END
$$;

CREATE TRIGGER persons_name_keys BEFORE INSERT OR UPDATE ON persons
  FOR EACH ROW EXECUTE FUNCTION persons_name_keys();

-- Name search: trigram GIN indexes serve LIKE '%…%', the word-similarity operator <% and %.
CREATE INDEX persons_name_normalised_trgm_idx ON persons USING gin (name_normalised gin_trgm_ops);
CREATE INDEX persons_name_latin_key_trgm_idx ON persons USING gin (name_latin_key gin_trgm_ops);
-- National IDs: exact matches use the index of the UNIQUE constraint (0002_cases.sql); IDs starting
-- with the digits typed (LIKE '4012%') and IDs a digit off (%) use this trigram index.
CREATE INDEX persons_national_id_trgm_idx ON persons USING gin (national_id gin_trgm_ops);
-- Date and year of birth (a year is a range on this index).
CREATE INDEX persons_date_of_birth_idx ON persons (date_of_birth);
