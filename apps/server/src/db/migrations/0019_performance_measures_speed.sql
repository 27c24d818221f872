-- The performance measures within 500 ms for the whole country over a year (issue 8, ADR 0020).
-- Four measures still did per-unit work at every request, on the benchmark database (500,000
-- files; 200,000 units disposed of and 204,000 opened in a year):
-- - time to disposition looked up each disposed unit's suspended spans (200,000 index lookups)
--   and sorted them all for a median that no table shows: 0.7-0.9 s;
-- - trial date certainty looked up each disposed unit's hearings twice (first held, settings
--   before it): 0.5-0.8 s;
-- - workload looked up the first lead of each incoming unit's file (204,000 lookups), then sorted
--   the 323,000 counted rows by name before grouping them: 0.9-1.5 s;
-- - attrition found the first file of each period matter (77,000 matters, their cases) and looked
--   up each report's charges in the other files of its matter, twice: 1.1-1.5 s.
-- Those facts depend on the unit and its file (its matter for attrition), not on the request: they
-- are now columns of `performance_units`, computed by the one definition of a unit (the view
-- `performance_unit_facts`, new columns at the end) and kept by the same triggers, in the same
-- transaction, plus new ones on hearings, lead assignments and an institution's kind, and a
-- matter-wide refresh for the facts that cross files.

ALTER TABLE performance_units
  -- Time to disposition: days from the file's opening to the unit's disposal less the days its
  -- file spent suspended before the disposal (null while pending). Numeric, the very expression
  -- the measure computed, so that sums and comparisons with the standards are unchanged.
  ADD COLUMN disposal_days numeric,
  -- Trial date certainty: the file's first hearing held (null: none), and its trial settings, the
  -- hearings not cancelled up to and including it.
  ADD COLUMN first_held_at timestamptz,
  ADD COLUMN trial_settings integer,
  -- Workload: the file's first lead of a measured role (WORKLOAD_ROLES), who counts its incoming,
  -- and its lead at the unit's disposal, who counts its disposal (null: none of those roles).
  ADD COLUMN first_lead_user uuid,
  ADD COLUMN first_lead_role text,
  ADD COLUMN disposal_lead_user uuid,
  ADD COLUMN disposal_lead_role text,
  -- Attrition: the unit is in the first file of its matter at a police unit or prosecution office
  -- (`reported`), or the first such file of its matter in its own institution (`reported_here`,
  -- for a one-institution scope); its person is indicted / convicted on a charge in any file of
  -- the matter (not returned).
  ADD COLUMN reported boolean,
  ADD COLUMN reported_here boolean,
  ADD COLUMN indicted boolean,
  ADD COLUMN convicted boolean;

-- The attrition facts of a unit, which depend on the other files of its matter: a view of their
-- own, so that refreshing a matter's units computes these and nothing else.
CREATE VIEW performance_unit_milestones AS
SELECT c.id AS case_id, p.id AS accused_party, c.matter_id,
       coalesce(c.id = ff.first_file, false) AS reported,
       coalesce(c.id = ff.first_here, false) AS reported_here,
       coalesce(ms.indicted, false) AS indicted,
       coalesce(ms.convicted, false) AS convicted
FROM cases c
JOIN parties p ON p.case_id = c.id AND p.role = 'accused'
LEFT JOIN LATERAL (
  -- The first file of the matter at a police unit or prosecution office, and the first such file
  -- of the matter in this file's institution (one read of the matter's files for both).
  SELECT (array_agg(c2.id ORDER BY c2.opened_at, c2.id))[1] AS first_file,
         (array_agg(c2.id ORDER BY c2.opened_at, c2.id)
            FILTER (WHERE c2.institution_id = c.institution_id))[1] AS first_here
  FROM cases c2 JOIN institutions i2 ON i2.id = c2.institution_id
  WHERE c2.matter_id = c.matter_id AND c2.intake_status <> 'returned'
    AND i2.kind IN ('police_unit', 'prosecution_office')
) ff ON true
LEFT JOIN LATERAL (
  -- The person's charges as the accused in any file of the matter that was not returned.
  SELECT bool_or(x.disposition IN ('indicted', 'convicted', 'acquitted', 'dismissed')) AS indicted,
         bool_or(x.disposition = 'convicted') AS convicted
  FROM parties p2
  JOIN cases c2 ON c2.id = p2.case_id
  JOIN charges x ON x.case_id = p2.case_id AND x.party_id = p2.id
  WHERE p2.person_id = p.person_id AND p2.role = 'accused'
    AND c2.matter_id = c.matter_id AND c2.intake_status <> 'returned'
) ms ON true
WHERE c.intake_status <> 'returned';

-- The definition, with the new columns at the end (CREATE OR REPLACE VIEW may only append). The
-- suspended days come from the stored spans (`performance_suspensions`), which the tests compare
-- with their own definition, `performance_suspension_facts`: the rebuild fills them first, and a
-- change of spans refreshes the file's units (below).
CREATE OR REPLACE VIEW performance_unit_facts AS
SELECT c.id AS case_id, p.id AS accused_party, c.matter_id, c.case_type, c.institution_id,
       c.unit_id, p.person_id, c.opened_at,
       least(c.disposed_at, ch.done_at) AS disposed_at,
       coalesce(ch.offence_class, 'none') AS offence_class,
       v.id AS victim_party,
       c.confidentiality, c.is_juvenile, c.is_family_protection,
       ap.sex AS accused_sex, p.age_at_offence AS accused_age,
       v.sex AS victim_sex, v.age_at_offence AS victim_age,
       v.relationship_to_accused AS relationship,
       CASE WHEN least(c.disposed_at, ch.done_at) IS NOT NULL THEN
         greatest(0, extract(epoch from (least(c.disposed_at, ch.done_at) - c.opened_at)) / 86400
           - coalesce((
               SELECT sum(extract(epoch from (least(coalesce(s.ended_at, 'infinity'::timestamptz),
                        least(c.disposed_at, ch.done_at)) - s.started_at)))
               FROM performance_suspensions s
               WHERE s.case_id = c.id AND s.started_at < least(c.disposed_at, ch.done_at)
             ), 0) / 86400)
       END AS disposal_days,
       tr.held_at AS first_held_at,
       tr.settings AS trial_settings,
       fl.user_id AS first_lead_user,
       fl.role AS first_lead_role,
       m.reported, m.reported_here, m.indicted, m.convicted,
       dl.user_id AS disposal_lead_user,
       dl.role AS disposal_lead_role
FROM cases c
JOIN parties p ON p.case_id = c.id AND p.role = 'accused'
JOIN persons ap ON ap.id = p.person_id
LEFT JOIN LATERAL (
  SELECT pv.id, pv.age_at_offence, pv.relationship_to_accused, vp.sex
  FROM parties pv JOIN persons vp ON vp.id = pv.person_id
  WHERE pv.case_id = c.id AND pv.role IN ('victim', 'complainant')
  ORDER BY (pv.role = 'victim') DESC, pv.added_at, pv.id LIMIT 1
) v ON true
LEFT JOIN LATERAL (
  SELECT CASE WHEN count(*) > 0 AND NOT bool_or(x.disposition = 'pending')
              THEN max(x.disposed_at) END AS done_at,
         (ARRAY['contravention', 'misdemeanour', 'felony'])[max(
           CASE o.offence_class WHEN 'contravention' THEN 1 WHEN 'misdemeanour' THEN 2
                                WHEN 'felony' THEN 3 END)] AS offence_class
  FROM charges x JOIN offences o ON o.id = x.offence_id
  WHERE x.case_id = c.id AND x.party_id = p.id
) ch ON true
LEFT JOIN LATERAL (
  SELECT h.held_at,
         CASE WHEN h.held_at IS NOT NULL THEN
           (SELECT count(*) FROM hearings s
            WHERE s.case_id = c.id AND s.status <> 'cancelled' AND s.starts_at <= h.held_at)::int
         END AS settings
  FROM (SELECT min(h.starts_at) AS held_at FROM hearings h
        WHERE h.case_id = c.id AND h.status = 'held') h
) tr ON true
LEFT JOIN LATERAL (
  -- The roles are WORKLOAD_ROLES of statistics/performance-definitions.ts.
  SELECT a.user_id, a.role FROM case_assignments a
  WHERE a.case_id = c.id AND a.is_lead AND a.role IN ('prosecutor', 'chief_prosecutor', 'judge')
  ORDER BY a.assigned_at, a.id LIMIT 1
) fl ON true
LEFT JOIN LATERAL (
  -- The lead at the disposal: assigned by then and not ended by then. A file has one lead at a
  -- time (one open lead, case_assignments_one_lead; a reassignment ends the previous lead when
  -- the next begins); were two to overlap, the later one counts.
  SELECT a.user_id, a.role FROM case_assignments a
  WHERE a.case_id = c.id AND a.is_lead AND a.role IN ('prosecutor', 'chief_prosecutor', 'judge')
    AND a.assigned_at <= least(c.disposed_at, ch.done_at)
    AND (a.ended_at IS NULL OR a.ended_at > least(c.disposed_at, ch.done_at))
  ORDER BY a.assigned_at DESC, a.id LIMIT 1
) dl ON true
JOIN performance_unit_milestones m ON m.case_id = c.id AND m.accused_party = p.id
WHERE c.intake_status <> 'returned';

-- Refreshing a file's rows: the same as migration 0016 with the new columns, and then the facts
-- of its matter's other units that depend on this file (attrition: which file came first, who
-- was indicted or convicted where).
CREATE OR REPLACE FUNCTION performance_refresh_case(p_case uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_matter uuid;
BEGIN
  -- Writers of one file take turns here, and each statement below then sees what the previous
  -- writer committed (read committed), so two concurrent writes cannot leave a stale row.
  SELECT matter_id INTO v_matter FROM cases WHERE id = p_case FOR NO KEY UPDATE;
  -- Writers of one matter take turns too: the matter refresh below writes other files' rows.
  -- (No key share lock is blocked: inserting a file of the matter still proceeds.)
  PERFORM 1 FROM matters WHERE id = v_matter FOR NO KEY UPDATE;
  DELETE FROM performance_units WHERE case_id = p_case;
  INSERT INTO performance_units (case_id, accused_party, matter_id, case_type, institution_id,
    unit_id, person_id, opened_at, disposed_at, offence_class, victim_party, confidentiality,
    is_juvenile, is_family_protection, accused_sex, accused_age, victim_sex, victim_age,
    relationship, disposal_days, first_held_at, trial_settings, first_lead_user,
    first_lead_role, reported, reported_here, indicted, convicted, disposal_lead_user,
    disposal_lead_role)
  SELECT case_id, accused_party, matter_id, case_type, institution_id, unit_id, person_id,
    opened_at, disposed_at, offence_class, victim_party, confidentiality, is_juvenile,
    is_family_protection, accused_sex, accused_age, victim_sex, victim_age, relationship,
    disposal_days, first_held_at, trial_settings, first_lead_user, first_lead_role, reported,
    reported_here, indicted, convicted, disposal_lead_user, disposal_lead_role
  FROM performance_unit_facts WHERE case_id = p_case
  -- Belt and braces: a row a concurrent writer committed is replaced, never a failed write.
  ON CONFLICT (case_id, accused_party) DO UPDATE SET
    matter_id = EXCLUDED.matter_id, case_type = EXCLUDED.case_type,
    institution_id = EXCLUDED.institution_id, unit_id = EXCLUDED.unit_id,
    person_id = EXCLUDED.person_id, opened_at = EXCLUDED.opened_at,
    disposed_at = EXCLUDED.disposed_at, offence_class = EXCLUDED.offence_class,
    victim_party = EXCLUDED.victim_party, confidentiality = EXCLUDED.confidentiality,
    is_juvenile = EXCLUDED.is_juvenile, is_family_protection = EXCLUDED.is_family_protection,
    accused_sex = EXCLUDED.accused_sex, accused_age = EXCLUDED.accused_age,
    victim_sex = EXCLUDED.victim_sex, victim_age = EXCLUDED.victim_age,
    relationship = EXCLUDED.relationship, disposal_days = EXCLUDED.disposal_days,
    first_held_at = EXCLUDED.first_held_at, trial_settings = EXCLUDED.trial_settings,
    first_lead_user = EXCLUDED.first_lead_user, first_lead_role = EXCLUDED.first_lead_role,
    reported = EXCLUDED.reported, reported_here = EXCLUDED.reported_here,
    indicted = EXCLUDED.indicted, convicted = EXCLUDED.convicted,
    disposal_lead_user = EXCLUDED.disposal_lead_user,
    disposal_lead_role = EXCLUDED.disposal_lead_role;
  PERFORM performance_refresh_matter(v_matter);
END
$$;

-- The attrition facts of every unit of a matter, from the definition; only rows that change are
-- written (usually none: a handful of rows read by the matter's and the person's indexes).
CREATE FUNCTION performance_refresh_matter(p_matter uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_matter IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM matters WHERE id = p_matter FOR NO KEY UPDATE;
  UPDATE performance_units u
  SET reported = f.reported, reported_here = f.reported_here,
      indicted = f.indicted, convicted = f.convicted
  FROM performance_unit_milestones f
  WHERE u.matter_id = p_matter AND f.matter_id = p_matter
    AND f.case_id = u.case_id AND f.accused_party = u.accused_party
    AND (u.reported, u.reported_here, u.indicted, u.convicted)
        IS DISTINCT FROM (f.reported, f.reported_here, f.indicted, f.convicted);
END
$$;

-- New spans change the suspended days of the file's disposed units.
CREATE OR REPLACE FUNCTION performance_refresh_suspensions(p_case uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM cases WHERE id = p_case FOR NO KEY UPDATE;
  DELETE FROM performance_suspensions WHERE case_id = p_case;
  INSERT INTO performance_suspensions (case_id, seq, started_at, ended_at)
  SELECT case_id, seq, started_at, ended_at FROM performance_suspension_facts WHERE case_id = p_case
  ON CONFLICT (case_id, seq) DO UPDATE SET
    started_at = EXCLUDED.started_at, ended_at = EXCLUDED.ended_at;
  PERFORM performance_refresh_case(p_case);
END
$$;

-- The spans first: the units' suspended days are read from them.
CREATE OR REPLACE FUNCTION performance_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE performance_units, performance_suspensions;
  INSERT INTO performance_suspensions (case_id, seq, started_at, ended_at)
  SELECT case_id, seq, started_at, ended_at FROM performance_suspension_facts;
  ANALYZE performance_suspensions;
  INSERT INTO performance_units (case_id, accused_party, matter_id, case_type, institution_id,
    unit_id, person_id, opened_at, disposed_at, offence_class, victim_party, confidentiality,
    is_juvenile, is_family_protection, accused_sex, accused_age, victim_sex, victim_age,
    relationship, disposal_days, first_held_at, trial_settings, first_lead_user,
    first_lead_role, reported, reported_here, indicted, convicted, disposal_lead_user,
    disposal_lead_role)
  SELECT case_id, accused_party, matter_id, case_type, institution_id, unit_id, person_id,
    opened_at, disposed_at, offence_class, victim_party, confidentiality, is_juvenile,
    is_family_protection, accused_sex, accused_age, victim_sex, victim_age, relationship,
    disposal_days, first_held_at, trial_settings, first_lead_user, first_lead_role, reported,
    reported_here, indicted, convicted, disposal_lead_user, disposal_lead_role
  FROM performance_unit_facts;
  ANALYZE performance_units;
END
$$;

-- A file moved to another matter, or deleted: its old matter's attrition facts.
CREATE OR REPLACE FUNCTION performance_cases_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM performance_units WHERE case_id = OLD.id;
    DELETE FROM performance_suspensions WHERE case_id = OLD.id;
    PERFORM performance_refresh_matter(OLD.matter_id);
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' OR NEW.intake_status IS DISTINCT FROM OLD.intake_status
     OR NEW.matter_id IS DISTINCT FROM OLD.matter_id
     OR NEW.case_type IS DISTINCT FROM OLD.case_type
     OR NEW.institution_id IS DISTINCT FROM OLD.institution_id
     OR NEW.unit_id IS DISTINCT FROM OLD.unit_id
     OR NEW.opened_at IS DISTINCT FROM OLD.opened_at
     OR NEW.disposed_at IS DISTINCT FROM OLD.disposed_at
     OR NEW.confidentiality IS DISTINCT FROM OLD.confidentiality
     OR NEW.is_juvenile IS DISTINCT FROM OLD.is_juvenile
     OR NEW.is_family_protection IS DISTINCT FROM OLD.is_family_protection THEN
    PERFORM performance_refresh_case(NEW.id);
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.matter_id IS DISTINCT FROM OLD.matter_id THEN
    PERFORM performance_refresh_matter(OLD.matter_id);
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.case_type IS DISTINCT FROM OLD.case_type THEN
    PERFORM performance_refresh_suspensions(NEW.id);
  END IF;
  RETURN NULL;
END
$$;

-- Hearings decide trial date certainty: a hearing scheduled, held, adjourned, cancelled, moved.
CREATE FUNCTION performance_hearings_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.case_id = OLD.case_id AND NEW.status = OLD.status
     AND NEW.starts_at = OLD.starts_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM performance_refresh_case(OLD.case_id);
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id <> OLD.case_id) THEN
    PERFORM performance_refresh_case(NEW.case_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER performance_hearings_changed AFTER INSERT OR UPDATE OR DELETE
  ON hearings FOR EACH ROW EXECUTE FUNCTION performance_hearings_changed();

-- Lead assignments decide who counts a file's incoming and disposed units (the end of a lead
-- too: who led the file at a disposal).
CREATE FUNCTION performance_assignments_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.case_id = OLD.case_id AND NEW.user_id = OLD.user_id
     AND NEW.role = OLD.role AND NEW.is_lead = OLD.is_lead
     AND NEW.assigned_at = OLD.assigned_at
     AND NEW.ended_at IS NOT DISTINCT FROM OLD.ended_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.is_lead THEN
    PERFORM performance_refresh_case(OLD.case_id);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.is_lead
     AND (TG_OP = 'INSERT' OR NEW.case_id <> OLD.case_id OR NOT OLD.is_lead) THEN
    PERFORM performance_refresh_case(NEW.case_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER performance_assignments_changed AFTER INSERT OR UPDATE OR DELETE
  ON case_assignments FOR EACH ROW EXECUTE FUNCTION performance_assignments_changed();

-- An institution's kind decides whether its files are reports (attrition): rare, a whole
-- institution's files.
CREATE FUNCTION performance_institutions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_matter uuid;
BEGIN
  IF NEW.kind IS DISTINCT FROM OLD.kind THEN
    FOR v_matter IN SELECT DISTINCT matter_id FROM cases WHERE institution_id = NEW.id LOOP
      PERFORM performance_refresh_matter(v_matter);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER performance_institutions_changed AFTER UPDATE
  ON institutions FOR EACH ROW EXECUTE FUNCTION performance_institutions_changed();

SELECT performance_rebuild();
