-- The performance measures' unit summary table (issue 8, ADR 0020). The measures counted units
-- computed from the records at every request (the unit's disposal from its charges, its offence
-- class, its principal victim, its suspended time from the event history): 0.2-4 s for one office,
-- 8-46 s for the country. The facts of each unit are now kept in a table, written by triggers in
-- the transaction that changes them, so a measure is an index range scan and a group by.
--
-- ONE definition of a unit: the view performance_unit_facts below is the SQL the measures used to
-- compute at every request. The triggers refresh a file's rows from it, the backfill fills the table
-- from it, and the tests compare the table with it after generated histories.

-- 1. The states whose time does not count (`isSuspended` in the domain's case types). SQL needs
--    them to derive the suspended spans; the domain stays the authority: a test compares this table
--    with CASE_TYPES, so a case type that gains a suspended state fails the tests until a migration
--    adds the row.
CREATE TABLE performance_suspended_states (
  case_type text NOT NULL,
  state     text NOT NULL,
  PRIMARY KEY (case_type, state)
);
INSERT INTO performance_suspended_states (case_type, state) VALUES
  ('prosecution_file', 'in_mediation'),
  ('prosecution_file', 'mediation_agreed');

-- 2. The definition of a unit: one accused party in a file that was not returned to its sender,
--    - incoming when its file is opened;
--    - disposed of at the earlier of its file's disposal (`cases.disposed_at`) and the disposal of
--      the last of its charges in the file when none is pending;
--    - with the offence class of its most serious charge ('none' without a charge);
--    - with its file's principal victim (the shared `principalVictimOf` of statistics/dimensions.ts:
--      the first recorded victim, a complainant only when the file names no victim);
--    - with the facts the standard dimensions split on (statistics/dimensions.ts): the sex and age
--      at the offence of the accused and of the principal victim, and the victim's relationship;
--    - with the file's institution, unit, case type, matter and classes, which the measures filter on.
CREATE VIEW performance_unit_facts AS
SELECT c.id AS case_id, p.id AS accused_party, c.matter_id, c.case_type, c.institution_id,
       c.unit_id, p.person_id, c.opened_at,
       least(c.disposed_at, ch.done_at) AS disposed_at,
       coalesce(ch.offence_class, 'none') AS offence_class,
       v.id AS victim_party,
       c.confidentiality, c.is_juvenile, c.is_family_protection,
       ap.sex AS accused_sex, p.age_at_offence AS accused_age,
       v.sex AS victim_sex, v.age_at_offence AS victim_age,
       v.relationship_to_accused AS relationship
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
WHERE c.intake_status <> 'returned';

-- Suspended time: each event that put the file in a suspended state of its case type opens a span
-- that the file's next event closes (ended_at null: still suspended).
CREATE VIEW performance_suspension_facts AS
SELECT e.case_id, e.seq, e.occurred_at AS started_at,
       (SELECT n.occurred_at FROM case_events n
        WHERE n.case_id = e.case_id AND n.seq > e.seq ORDER BY n.seq LIMIT 1) AS ended_at
FROM case_events e
JOIN cases c ON c.id = e.case_id
JOIN performance_suspended_states s ON s.case_type = c.case_type AND s.state = e.state_after;

-- 3. The tables. No foreign keys: the rows are a copy the triggers keep, removed with their file.
CREATE TABLE performance_units (
  case_id              uuid NOT NULL,
  accused_party        uuid NOT NULL,
  matter_id            uuid NOT NULL,
  case_type            text NOT NULL,
  institution_id       uuid NOT NULL,
  unit_id              uuid,
  person_id            uuid NOT NULL,
  opened_at            timestamptz NOT NULL,
  disposed_at          timestamptz,
  offence_class        text NOT NULL,
  victim_party         uuid,
  confidentiality      text NOT NULL,
  is_juvenile          boolean NOT NULL,
  is_family_protection boolean NOT NULL,
  accused_sex          text,
  accused_age          smallint,
  victim_sex           text,
  victim_age           smallint,
  relationship         text,
  PRIMARY KEY (case_id, accused_party)
);

CREATE TABLE performance_suspensions (
  case_id    uuid NOT NULL,
  seq        integer NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at   timestamptz,
  PRIMARY KEY (case_id, seq)
);

-- 4. Filling a file's rows from the definition; also the backfill (null: every file).
CREATE FUNCTION performance_refresh_case(p_case uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- Writers of one file take turns here, and each statement below then sees what the previous
  -- writer committed (read committed), so two concurrent writes cannot leave a stale row.
  PERFORM 1 FROM cases WHERE id = p_case FOR NO KEY UPDATE;
  DELETE FROM performance_units WHERE case_id = p_case;
  INSERT INTO performance_units (case_id, accused_party, matter_id, case_type, institution_id,
    unit_id, person_id, opened_at, disposed_at, offence_class, victim_party, confidentiality,
    is_juvenile, is_family_protection, accused_sex, accused_age, victim_sex, victim_age,
    relationship)
  SELECT case_id, accused_party, matter_id, case_type, institution_id, unit_id, person_id,
    opened_at, disposed_at, offence_class, victim_party, confidentiality, is_juvenile,
    is_family_protection, accused_sex, accused_age, victim_sex, victim_age, relationship
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
    relationship = EXCLUDED.relationship;
END
$$;

CREATE FUNCTION performance_refresh_suspensions(p_case uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM cases WHERE id = p_case FOR NO KEY UPDATE;
  DELETE FROM performance_suspensions WHERE case_id = p_case;
  INSERT INTO performance_suspensions (case_id, seq, started_at, ended_at)
  SELECT case_id, seq, started_at, ended_at FROM performance_suspension_facts WHERE case_id = p_case
  ON CONFLICT (case_id, seq) DO UPDATE SET
    started_at = EXCLUDED.started_at, ended_at = EXCLUDED.ended_at;
END
$$;

-- The whole table at once (the backfill, and the data generator after its bulk load, which loads
-- with the triggers below switched off).
CREATE FUNCTION performance_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE performance_units, performance_suspensions;
  INSERT INTO performance_units (case_id, accused_party, matter_id, case_type, institution_id,
    unit_id, person_id, opened_at, disposed_at, offence_class, victim_party, confidentiality,
    is_juvenile, is_family_protection, accused_sex, accused_age, victim_sex, victim_age,
    relationship)
  SELECT case_id, accused_party, matter_id, case_type, institution_id, unit_id, person_id,
    opened_at, disposed_at, offence_class, victim_party, confidentiality, is_juvenile,
    is_family_protection, accused_sex, accused_age, victim_sex, victim_age, relationship
  FROM performance_unit_facts;
  INSERT INTO performance_suspensions (case_id, seq, started_at, ended_at)
  SELECT case_id, seq, started_at, ended_at FROM performance_suspension_facts;
  ANALYZE performance_units;
  ANALYZE performance_suspensions;
END
$$;

SELECT performance_rebuild();

-- The measures read ranges of opening and disposal dates, in some institutions or the whole
-- country; pending at an instant is "opened before, not disposed of by then".
CREATE INDEX performance_units_opened_idx ON performance_units (institution_id, opened_at);
CREATE INDEX performance_units_disposed_idx ON performance_units (institution_id, disposed_at)
  WHERE disposed_at IS NOT NULL;
CREATE INDEX performance_units_pending_idx ON performance_units (institution_id, opened_at)
  WHERE disposed_at IS NULL;
CREATE INDEX performance_units_national_opened_idx ON performance_units (opened_at);
CREATE INDEX performance_units_national_disposed_idx ON performance_units (disposed_at)
  WHERE disposed_at IS NOT NULL;
CREATE INDEX performance_units_national_pending_idx ON performance_units (opened_at)
  WHERE disposed_at IS NULL;
CREATE INDEX performance_units_matter_idx ON performance_units (matter_id, person_id);

-- 5. The triggers: every write that changes a unit's facts refreshes its file's rows, in the same
--    transaction (a file has a handful of parties: a few index lookups). Writes through the
--    application, the CLI, person merges and reclassification all go through these tables, so no
--    write path can forget the summary.
CREATE FUNCTION performance_cases_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM performance_units WHERE case_id = OLD.id;
    DELETE FROM performance_suspensions WHERE case_id = OLD.id;
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
  IF TG_OP = 'UPDATE' AND NEW.case_type IS DISTINCT FROM OLD.case_type THEN
    PERFORM performance_refresh_suspensions(NEW.id);
  END IF;
  RETURN NULL;
END
$$;

-- Not `UPDATE OF ...`: UPDATE OF only sees the columns an UPDATE statement names, not those set by
-- BEFORE triggers; the function compares the rows instead.
CREATE TRIGGER performance_cases_changed AFTER INSERT OR UPDATE OR DELETE
  ON cases FOR EACH ROW EXECUTE FUNCTION performance_cases_changed();

-- Accused parties are the units; victims and complainants decide the principal victim.
CREATE FUNCTION performance_parties_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.case_id = OLD.case_id AND NEW.role = OLD.role
     AND NEW.person_id = OLD.person_id AND NEW.added_at = OLD.added_at
     AND NEW.age_at_offence IS NOT DISTINCT FROM OLD.age_at_offence
     AND NEW.relationship_to_accused IS NOT DISTINCT FROM OLD.relationship_to_accused THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.role IN ('accused', 'victim', 'complainant') THEN
    PERFORM performance_refresh_case(OLD.case_id);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.role IN ('accused', 'victim', 'complainant')
     AND (TG_OP = 'INSERT' OR NEW.case_id <> OLD.case_id OR OLD.role NOT IN ('accused', 'victim', 'complainant')) THEN
    PERFORM performance_refresh_case(NEW.case_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER performance_parties_changed AFTER INSERT OR UPDATE OR DELETE
  ON parties FOR EACH ROW EXECUTE FUNCTION performance_parties_changed();

-- A charge's disposition decides its unit's disposal; its offence, the unit's class.
CREATE FUNCTION performance_charges_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.case_id = OLD.case_id AND NEW.party_id = OLD.party_id
     AND NEW.offence_id = OLD.offence_id AND NEW.disposition = OLD.disposition
     AND NEW.disposed_at IS NOT DISTINCT FROM OLD.disposed_at THEN
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

CREATE TRIGGER performance_charges_changed AFTER INSERT OR UPDATE OR DELETE
  ON charges FOR EACH ROW EXECUTE FUNCTION performance_charges_changed();

-- A reclassified offence changes the class of every unit charged with it (rare: a catalogue edit).
CREATE FUNCTION performance_offences_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_case uuid;
BEGIN
  IF NEW.offence_class IS DISTINCT FROM OLD.offence_class THEN
    FOR v_case IN SELECT DISTINCT case_id FROM charges WHERE offence_id = NEW.id LOOP
      PERFORM performance_refresh_case(v_case);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER performance_offences_changed AFTER UPDATE
  ON offences FOR EACH ROW EXECUTE FUNCTION performance_offences_changed();

-- A person's sex is a dimension of every unit where they are the accused or the principal victim.
CREATE FUNCTION performance_persons_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_case uuid;
BEGIN
  IF NEW.sex IS DISTINCT FROM OLD.sex THEN
    FOR v_case IN SELECT DISTINCT case_id FROM parties
                  WHERE person_id = NEW.id AND role IN ('accused', 'victim', 'complainant') LOOP
      PERFORM performance_refresh_case(v_case);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER performance_persons_changed AFTER UPDATE
  ON persons FOR EACH ROW EXECUTE FUNCTION performance_persons_changed();

-- Events are appended (case_events refuses updates and deletes): a new event opens a suspended
-- span when it enters a suspended state, and closes the file's open span if there is one.
CREATE FUNCTION performance_events_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM performance_suspensions s
             WHERE s.case_id = NEW.case_id AND s.ended_at IS NULL)
     OR EXISTS (SELECT 1 FROM cases c
                JOIN performance_suspended_states s ON s.case_type = c.case_type
                WHERE c.id = NEW.case_id AND s.state = NEW.state_after) THEN
    PERFORM performance_refresh_suspensions(NEW.case_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER performance_events_added AFTER INSERT
  ON case_events FOR EACH ROW EXECUTE FUNCTION performance_events_added();

-- 6. The workload measure reads the leads of the files it counts, by file, and whether a person
--    leads a file of the scope, by person (the existing indexes cover current assignments only).
CREATE INDEX case_assignments_lead_case_idx ON case_assignments (case_id, assigned_at) WHERE is_lead;
CREATE INDEX case_assignments_lead_user_idx ON case_assignments (user_id) WHERE is_lead;
-- Deadlines overdue at an instant: still open (the open indexes of migration 0002), or completed
-- after it.
CREATE INDEX deadlines_completed_idx ON deadlines (completed_at) WHERE assignee_user_id IS NOT NULL;
