-- Juvenile justice (Decree-Law 4/2016 on Juvenile Protection; issue 5).
--
-- Age is derived, never typed: the server computes each party's age at the offence date from the
-- person's date of birth (packages/domain/src/justice/juvenile.ts) whenever a party or charge is
-- added or a date of birth is corrected, and stores the result here so that lists, routing and the
-- juvenile indicators can filter on it in SQL.

-- Each party's age in whole years on the offence date (NULL when the birth or offence date is
-- unknown), and what that age means for criminal responsibility.
ALTER TABLE parties ADD COLUMN age_at_offence smallint CHECK (age_at_offence BETWEEN 0 AND 130);
ALTER TABLE parties ADD COLUMN age_status text NOT NULL DEFAULT 'unknown'
  CHECK (age_status IN ('under_age', 'juvenile', 'adult', 'unknown'));
ALTER TABLE parties ADD CHECK (
  (age_at_offence IS NULL) = (age_status = 'unknown')
  AND (age_status <> 'under_age' OR age_at_offence < 12)
  AND (age_status <> 'juvenile' OR age_at_offence BETWEEN 12 AND 17)
  AND (age_status <> 'adult' OR age_at_offence >= 18));

-- A juvenile file has an accused who was a child (under 18) at the offence. It is restricted
-- (Art. 9) and routed to the juvenile unit; the flag never clears the confidentiality by itself.
ALTER TABLE cases ADD COLUMN is_juvenile boolean NOT NULL DEFAULT false;
CREATE INDEX cases_juvenile_idx ON cases (institution_id, opened_at) WHERE is_juvenile;

-- Where the file stands on mediation (Art. 23). Courts ask exactly this, so it is a column.
ALTER TABLE cases ADD COLUMN mediation_status text
  CHECK (mediation_status IN ('offered', 'declined', 'in_mediation', 'agreed', 'fulfilled', 'failed'));

-- A charge closed by a fulfilled mediation agreement is diverted, not dropped: the juvenile
-- indicators count diversion separately.
ALTER TABLE charges DROP CONSTRAINT charges_disposition_check;
ALTER TABLE charges ADD CONSTRAINT charges_disposition_check CHECK (disposition IN ('pending',
  'dropped', 'indicted', 'convicted', 'acquitted', 'dismissed', 'diverted'));

-- Detention of a juvenile: a last resort with a recorded justification, never in a facility for
-- adults. `is_juvenile` is fixed at the arrest, from the party's age at the offence.
ALTER TABLE detentions ADD COLUMN facility text
  CHECK (facility IN ('police_custody', 'juvenile_centre', 'adult_centre'));
ALTER TABLE detentions ADD COLUMN is_juvenile boolean NOT NULL DEFAULT false;
ALTER TABLE detentions ADD COLUMN last_resort_justification text
  CHECK (length(last_resort_justification) BETWEEN 1 AND 4000);
ALTER TABLE detentions ADD CHECK (NOT is_juvenile OR last_resort_justification IS NOT NULL);
ALTER TABLE detentions ADD CHECK (NOT is_juvenile OR facility IS DISTINCT FROM 'adult_centre');

-- The child protection counsellor's social research report (تقرير البحث الاجتماعي): instructed by
-- the juvenile prosecutor with a deadline, then submitted by the counsellor as a structured record.
CREATE TABLE social_research_reports (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id              uuid NOT NULL REFERENCES cases (id),
  counsellor_user_id   uuid NOT NULL REFERENCES users (id),
  instructed_by        uuid REFERENCES users (id),
  instructed_at        timestamptz NOT NULL,
  instruction_event    uuid NOT NULL REFERENCES case_events (id),
  due_at               timestamptz NOT NULL,
  submitted_at         timestamptz,
  submission_event     uuid REFERENCES case_events (id),
  family_situation     text CHECK (length(family_situation) <= 8000),
  education            text CHECK (length(education) <= 8000),
  health               text CHECK (length(health) <= 8000),
  circumstances        text CHECK (length(circumstances) <= 8000),
  recommendation       text CHECK (recommendation IN ('mediation', 'reprimand',
                         'hand_over_to_guardian', 'vocational_training', 'specific_obligations',
                         'judicial_probation', 'care_institution', 'treatment', 'no_measure')),
  recommendation_note  text CHECK (length(recommendation_note) <= 8000),
  CHECK ((submitted_at IS NULL) = (recommendation IS NULL)),
  CHECK ((submitted_at IS NULL) = (submission_event IS NULL))
);
CREATE INDEX social_research_reports_case_idx ON social_research_reports (case_id);
-- One open instruction per counsellor and file: a second one is a new report, after the first.
CREATE UNIQUE INDEX social_research_reports_one_open
  ON social_research_reports (case_id, counsellor_user_id) WHERE submitted_at IS NULL;
