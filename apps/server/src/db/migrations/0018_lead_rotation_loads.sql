-- Equal rotation of new files, without counting every file at each registration (issue 9;
-- docs/performance.md, "Registration").
--
-- A new file goes to the holder of the lead role with the fewest files of its type in the
-- institution, ties to whoever waited longest (cases/case-assignment.ts, `pickByRotation`). It
-- used to count, at each registration and under the numbering lock that makes numbers gap-free,
-- every lead assignment of the institution's files of that type: 37,000 files at the busiest
-- office, about 260 ms, during which every other registration of the register waited.
--
-- The counts are kept here instead, one row per (institution, case type, user), by a trigger in
-- the transaction that assigns the lead. They count what the query counted: every lead
-- assignment ever made on the institution's files of the type, ended ones included (a file that
-- changed lead counted for both), and the time of the latest. Lead assignments are only ever
-- inserted and ended (`ended_at`), never deleted or moved to another file, and a file keeps its
-- institution and case type, so an insert is the only change to follow.
CREATE TABLE lead_rotation_loads (
  institution_id uuid NOT NULL,
  case_type      text NOT NULL,
  user_id        uuid NOT NULL,
  files          integer NOT NULL CHECK (files > 0),
  last_assigned  timestamptz NOT NULL,
  PRIMARY KEY (institution_id, case_type, user_id)
);

-- Every count at once, from the assignments: the backfill here, and the data generator after its
-- bulk load (its rows arrive with the trigger below switched off, generator/bulk-load.ts).
CREATE FUNCTION qadiya_rebuild_lead_rotation_loads() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM lead_rotation_loads;
  INSERT INTO lead_rotation_loads (institution_id, case_type, user_id, files, last_assigned)
  SELECT c.institution_id, c.case_type, ca.user_id, count(*), max(ca.assigned_at)
  FROM case_assignments ca
  JOIN cases c ON c.id = ca.case_id
  WHERE ca.is_lead
  GROUP BY c.institution_id, c.case_type, ca.user_id;
$$;

SELECT qadiya_rebuild_lead_rotation_loads();

CREATE FUNCTION case_assignments_rotation_load() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lead_rotation_loads (institution_id, case_type, user_id, files, last_assigned)
  SELECT c.institution_id, c.case_type, NEW.user_id, 1, NEW.assigned_at
  FROM cases c
  WHERE c.id = NEW.case_id
  ON CONFLICT (institution_id, case_type, user_id) DO UPDATE
    SET files = lead_rotation_loads.files + 1,
        last_assigned = greatest(lead_rotation_loads.last_assigned, EXCLUDED.last_assigned);
  RETURN NULL;
END
$$;

CREATE TRIGGER case_assignments_rotation_load AFTER INSERT ON case_assignments
  FOR EACH ROW WHEN (NEW.is_lead) EXECUTE FUNCTION case_assignments_rotation_load();
