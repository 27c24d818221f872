-- The workload measure (statistics/performance.repository.ts) counts, per prosecutor and judge,
-- the units that came in and were disposed of in the period under each person's lead (migration
-- 0019 stores both leads in performance_units) and the pending units they lead at its end. For the
-- whole country over a year, the two counts read every unit (a sequential scan, about 100 ms each).
-- These indexes give each an index-only scan of just what it reads: national workload over twelve
-- months 550 -> 360 ms on the benchmark (docs/performance.md, "Statistics"). The pending count
-- still hashes every lead assignment (about 200 ms): the lead at the end of a chosen period cannot
-- be stored in advance.
CREATE INDEX IF NOT EXISTS performance_units_incoming_lead_idx ON performance_units (opened_at)
  INCLUDE (first_lead_user, first_lead_role) WHERE first_lead_user IS NOT NULL;
CREATE INDEX IF NOT EXISTS performance_units_disposal_lead_idx ON performance_units (disposed_at)
  INCLUDE (disposal_lead_user, disposal_lead_role) WHERE disposal_lead_user IS NOT NULL;
