-- The juvenile justice indicators (statistics/juvenile-indicators.repository.ts and
-- juvenile-durations.repository.ts) all start from the children accused: parties with role
-- 'accused' and age_status 'juvenile'. On the benchmark they are 33,085 of 1,503,023 parties (2%),
-- and every indicator read all the parties to find them (a sequential scan, 80–200 ms each, seven
-- times per dashboard). This index holds just them, with the columns the indicators read, so each
-- finds them with an index-only scan (docs/performance.md, "Statistics").
CREATE INDEX IF NOT EXISTS parties_juvenile_accused_idx ON parties (case_id)
  INCLUDE (id, person_id, age_at_offence)
  WHERE role = 'accused' AND age_status = 'juvenile';
