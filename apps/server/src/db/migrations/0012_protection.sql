-- Victim protection on family protection files (issue 6, items 3–5): risk assessments, referrals
-- to services with the victim's consent, protection measures and their violations
-- (packages/domain/src/justice/risk-questionnaire.ts, victim-services.ts). Each row is written by
-- the action of a prosecution file event and points to that event; the statistics count from
-- these tables.

-- The staff of the services on the national referral pathway (shelter, health, psychosocial…).
ALTER TABLE role_settings DROP CONSTRAINT role_settings_role_check;
ALTER TABLE role_settings ADD CONSTRAINT role_settings_role_check CHECK (role IN ('admin',
  'police_investigator', 'prosecutor', 'chief_prosecutor', 'judge', 'court_clerk',
  'child_protection_counsellor', 'mediator', 'lawyer', 'correction_officer', 'service_provider',
  'analyst', 'auditor'));
ALTER TABLE role_assignments DROP CONSTRAINT role_assignments_role_check;
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_role_check CHECK (role IN ('admin',
  'police_investigator', 'prosecutor', 'chief_prosecutor', 'judge', 'court_clerk',
  'child_protection_counsellor', 'mediator', 'lawyer', 'correction_officer', 'service_provider',
  'analyst', 'auditor'));

-- A violation of a protection measure may open a new file in the same matter, linked to the file
-- whose measure was violated.
ALTER TABLE case_links DROP CONSTRAINT case_links_link_kind_check;
ALTER TABLE case_links ADD CONSTRAINT case_links_link_kind_check
  CHECK (link_kind IN ('referral', 'appeal', 'execution', 'transfer', 'violation'));

-- Every assessment is kept: a re-assessment is a new row, the history of the victim's risk.
CREATE TABLE risk_assessments (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id           uuid NOT NULL REFERENCES cases (id),
  victim_party_id   uuid NOT NULL REFERENCES parties (id),
  assessed_at       timestamptz NOT NULL,
  assessed_by       uuid REFERENCES users (id),
  -- The questionnaire the answers belong to (the default, or a deployment's own).
  questionnaire_id  text NOT NULL CHECK (length(questionnaire_id) BETWEEN 1 AND 60),
  answers           jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
  score             integer NOT NULL CHECK (score >= 0),
  level             text NOT NULL CHECK (level IN ('low', 'medium', 'high', 'severe')),
  event_id          uuid NOT NULL UNIQUE REFERENCES case_events (id)
);
CREATE INDEX risk_assessments_case_idx ON risk_assessments (case_id, assessed_at);
-- The latest level of a victim, for the services' list of referrals.
CREATE INDEX risk_assessments_victim_idx ON risk_assessments (victim_party_id, assessed_at DESC);

CREATE TABLE service_referrals (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id           uuid NOT NULL REFERENCES cases (id),
  victim_party_id   uuid NOT NULL REFERENCES parties (id),
  service           text NOT NULL
                      CHECK (service IN ('health', 'shelter', 'social', 'psychosocial', 'legal_aid')),
  -- The receiving service: an institution of the social services kind (checked by the action).
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  status            text NOT NULL DEFAULT 'sent'
                      CHECK (status IN ('sent', 'accepted', 'declined', 'closed')),
  consent           text NOT NULL CHECK (consent IN ('given', 'override')),
  override_reason   text CHECK (length(override_reason) BETWEEN 1 AND 4000),
  note              text CHECK (length(note) BETWEEN 1 AND 4000),
  sent_at           timestamptz NOT NULL,
  sent_by           uuid REFERENCES users (id),
  event_id          uuid NOT NULL UNIQUE REFERENCES case_events (id),
  -- The service's answer (accepted or declined), then its closing once the work is done.
  responded_at      timestamptz,
  responded_by      uuid REFERENCES users (id),
  feedback          text CHECK (length(feedback) BETWEEN 1 AND 4000),
  closed_at         timestamptz,
  closed_by         uuid REFERENCES users (id),
  closing_feedback  text CHECK (length(closing_feedback) BETWEEN 1 AND 4000),
  version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  -- A consent override is a chief prosecutor's written decision.
  CHECK ((consent = 'override') = (override_reason IS NOT NULL)),
  CHECK ((status = 'sent') = (responded_at IS NULL)),
  CHECK ((responded_at IS NULL) = (responded_by IS NULL)),
  CHECK (status <> 'declined' OR feedback IS NOT NULL),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
  CHECK ((closed_at IS NULL) = (closing_feedback IS NULL)),
  CHECK (responded_at IS NULL OR responded_at >= sent_at),
  CHECK (closed_at IS NULL OR closed_at >= responded_at)
);
CREATE INDEX service_referrals_case_idx ON service_referrals (case_id, sent_at);
-- A service's list: its institution's referrals, newest first, by status.
CREATE INDEX service_referrals_institution_idx
  ON service_referrals (institution_id, status, sent_at DESC);

-- Time alone expires a measure (status active or violated with expires_at passed is expired); the
-- status column records what was decided and what happened: issued, violated, revoked.
CREATE TABLE protection_measures (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id             uuid NOT NULL REFERENCES cases (id),
  kind                text NOT NULL CHECK (kind IN ('no_contact', 'stay_away', 'temporary_custody')),
  protected_party_id  uuid NOT NULL REFERENCES parties (id),
  against_party_id    uuid NOT NULL REFERENCES parties (id),
  authority           text NOT NULL CHECK (authority IN ('prosecution', 'court')),
  conditions          text NOT NULL CHECK (length(conditions) BETWEEN 1 AND 8000),
  issued_at           timestamptz NOT NULL,
  issued_by           uuid REFERENCES users (id),
  expires_at          timestamptz NOT NULL,
  status              text NOT NULL DEFAULT 'active'
                        CHECK (status IN ('active', 'expired', 'revoked', 'violated')),
  event_id            uuid NOT NULL UNIQUE REFERENCES case_events (id),
  revoked_at          timestamptz,
  revoked_by          uuid REFERENCES users (id),
  revoke_reason       text CHECK (length(revoke_reason) BETWEEN 1 AND 4000),
  CHECK (protected_party_id <> against_party_id),
  CHECK (expires_at > issued_at),
  CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)),
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL)),
  CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL)
);
CREATE INDEX protection_measures_case_idx ON protection_measures (case_id, issued_at);
CREATE INDEX protection_measures_expiry_idx ON protection_measures (expires_at)
  WHERE status IN ('active', 'violated');

CREATE TABLE protection_measure_violations (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure_id   uuid NOT NULL REFERENCES protection_measures (id),
  case_id      uuid NOT NULL REFERENCES cases (id),
  occurred_at  timestamptz NOT NULL,
  description  text NOT NULL CHECK (length(description) BETWEEN 1 AND 8000),
  recorded_at  timestamptz NOT NULL,
  recorded_by  uuid REFERENCES users (id),
  event_id     uuid NOT NULL UNIQUE REFERENCES case_events (id),
  -- The file opened for the violation, in the same matter, linked by case_links 'violation'.
  new_case_id  uuid UNIQUE REFERENCES cases (id),
  -- A minute's grace for the clocks of the devices it was typed on.
  CHECK (occurred_at <= recorded_at + interval '1 minute'),
  CHECK (new_case_id IS NULL OR new_case_id <> case_id)
);
CREATE INDEX protection_measure_violations_measure_idx
  ON protection_measure_violations (measure_id, occurred_at);
CREATE INDEX protection_measure_violations_case_idx ON protection_measure_violations (case_id);
