-- Family protection and gender (issue 6; packages/domain/src/justice/family-protection.ts).
--
-- A file is classified as family protection by the server, in the transaction that adds a party or
-- a charge (apps/server/src/cases/juvenile-status.ts reevaluates juvenile and family protection
-- together): never typed in, and restricted as soon as it is one.

-- The relationship of a party to the accused is a closed list: statistics split by it, and the
-- classification reads it. Free text recorded before this migration cannot be mapped safely.
UPDATE parties SET relationship_to_accused = NULL
  WHERE relationship_to_accused NOT IN ('spouse', 'former_spouse', 'fiance', 'parent', 'child',
    'sibling', 'other_relative', 'guardian', 'acquaintance', 'stranger');
ALTER TABLE parties ADD CONSTRAINT parties_relationship_check CHECK (relationship_to_accused IN
  ('spouse', 'former_spouse', 'fiance', 'parent', 'child', 'sibling', 'other_relative', 'guardian',
   'acquaintance', 'stranger'));

-- A victim's address may be confidential even from the accused's lawyer.
ALTER TABLE parties ADD COLUMN address_confidential boolean NOT NULL DEFAULT false;

-- Threats, blackmail and image abuse by a means of communication (the cybercrime decree-law):
-- against a woman, the file is family protection and linked to the cybercrime unit.
ALTER TABLE offences ADD COLUMN links_cybercrime boolean NOT NULL DEFAULT false;
UPDATE offences SET links_cybercrime = true WHERE code IN ('CYB-15', 'CYB-22');

ALTER TABLE cases ADD COLUMN is_family_protection boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN family_protection_reasons text[] NOT NULL DEFAULT '{}'
  CHECK (family_protection_reasons <@ ARRAY['family_relationship', 'gbv_offence',
    'communication_threat_against_woman']::text[]);
ALTER TABLE cases ADD COLUMN links_cybercrime boolean NOT NULL DEFAULT false;
-- The incident's GBVIMS core type (exactly one, by the act) and its context flags (derived).
ALTER TABLE cases ADD COLUMN gbv_type text CHECK (gbv_type IN ('rape', 'sexual_assault',
  'physical_assault', 'forced_marriage', 'denial_of_resources', 'psychological_abuse'));
ALTER TABLE cases ADD COLUMN gbv_intimate_partner boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN gbv_child_victim boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD COLUMN gbv_early_marriage boolean NOT NULL DEFAULT false;
ALTER TABLE cases ADD CHECK (is_family_protection = (cardinality(family_protection_reasons) > 0));
CREATE INDEX cases_family_protection_idx ON cases (institution_id, opened_at) WHERE is_family_protection;
