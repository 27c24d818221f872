-- Qadiya case lifecycle: persons, offences, matters and files, events, parties, charges,
-- detention, hearings, deadlines, institution calendars and the transactional outbox.

-- Working-day calendars: each institution's weekend days (ISO: 1 = Monday … 7 = Sunday) and
-- holidays (national when institution_id is NULL).
ALTER TABLE institutions ADD COLUMN weekend_days smallint[] NOT NULL DEFAULT '{5,6}'
  CHECK (weekend_days <@ '{1,2,3,4,5,6,7}'::smallint[]);

CREATE TABLE holidays (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id  uuid REFERENCES institutions (id),
  holiday_date    date NOT NULL,
  name_ar         text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en         text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200)
);
CREATE UNIQUE INDEX holidays_unique ON holidays (coalesce(institution_id, '00000000-0000-0000-0000-000000000000'::uuid), holiday_date);

-- The offence catalogue: law, article, class, ICCS-style category and whether it is GBV-related.
CREATE TABLE offences (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code            text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_.-]{2,40}$'),
  law_ar          text NOT NULL,
  law_en          text NOT NULL,
  article         text NOT NULL,
  title_ar        text NOT NULL,
  title_en        text NOT NULL,
  offence_class   text NOT NULL CHECK (offence_class IN ('felony', 'misdemeanour', 'contravention')),
  iccs_category   text NOT NULL CHECK (iccs_category ~ '^0[1-9]|1[01]'),
  is_gbv_related  boolean NOT NULL DEFAULT false,
  is_active       boolean NOT NULL DEFAULT true
);

-- One registry record per real person, reused across files.
CREATE TABLE persons (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  national_id          text UNIQUE CHECK (national_id ~ '^[0-9]{9}$'),
  first_name_ar        text NOT NULL CHECK (length(first_name_ar) BETWEEN 1 AND 100),
  father_name_ar       text CHECK (length(father_name_ar) <= 100),
  grandfather_name_ar  text CHECK (length(grandfather_name_ar) <= 100),
  family_name_ar       text CHECK (length(family_name_ar) <= 100),
  name_latin           text CHECK (length(name_latin) <= 300),
  sex                  text CHECK (sex IN ('female', 'male')),
  date_of_birth        date,
  nationality          text CHECK (length(nationality) <= 60),
  phone                text CHECK (length(phone) <= 40),
  address              text CHECK (length(address) <= 500),
  created_by           uuid REFERENCES users (id),
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX persons_family_name_idx ON persons (family_name_ar, first_name_ar);

-- A matter groups the files of one incident across institutions.
CREATE TABLE matters (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  incident_date  date,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- A file of one institution. Files created by a referral wait in the receiver's inbox
-- (intake_status = 'pending', no number yet) until accepted (numbered, assigned) or returned.
CREATE TABLE cases (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id           uuid NOT NULL REFERENCES matters (id),
  case_type           text NOT NULL CHECK (case_type ~ '^[a-z][a-z_]{2,40}$'),
  workflow_version    integer NOT NULL CHECK (workflow_version >= 1),
  institution_id      uuid NOT NULL REFERENCES institutions (id),
  unit_id             uuid,
  state               text NOT NULL,
  version             integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  intake_status       text NOT NULL CHECK (intake_status IN ('pending', 'accepted', 'returned')),
  serial              integer CHECK (serial >= 1),
  year                integer CHECK (year BETWEEN 1990 AND 2200),
  reference           text UNIQUE,
  confidentiality     text NOT NULL DEFAULT 'normal' CHECK (confidentiality IN ('normal', 'restricted', 'sealed')),
  summary             text CHECK (length(summary) <= 8000),
  incident_date       date,
  referred_from_id    uuid REFERENCES cases (id),
  -- The outbox message that created this file: a redelivered message finds it and stops.
  created_by_message  uuid UNIQUE,
  return_reason       text,
  is_disposed         boolean NOT NULL DEFAULT false,
  opened_at           timestamptz NOT NULL,
  disposed_at         timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (unit_id, institution_id) REFERENCES institution_units (id, institution_id),
  UNIQUE (institution_id, case_type, year, serial),
  CHECK ((intake_status = 'accepted') = (serial IS NOT NULL)),
  CHECK ((serial IS NULL) = (year IS NULL) AND (serial IS NULL) = (reference IS NULL)),
  CHECK ((intake_status = 'returned') = (return_reason IS NOT NULL))
);
CREATE INDEX cases_institution_idx ON cases (institution_id, case_type, state);
CREATE INDEX cases_matter_idx ON cases (matter_id);
CREATE INDEX cases_intake_idx ON cases (institution_id) WHERE intake_status = 'pending';

ALTER TABLE role_assignments ADD FOREIGN KEY (case_id) REFERENCES cases (id);

-- Gap-free serials: the counter row is locked and incremented in the registering transaction,
-- so a rolled-back registration gives its number back.
CREATE TABLE case_number_counters (
  institution_id  uuid NOT NULL REFERENCES institutions (id),
  case_type       text NOT NULL,
  year            integer NOT NULL,
  last_serial     integer NOT NULL DEFAULT 0 CHECK (last_serial >= 0),
  PRIMARY KEY (institution_id, case_type, year)
);

-- Events are the only way a file changes. Append-only; seq = the file's version after the event.
CREATE TABLE case_events (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id            uuid NOT NULL REFERENCES cases (id),
  seq                integer NOT NULL CHECK (seq >= 1),
  event_type         text NOT NULL,
  actor_user_id      uuid REFERENCES users (id),
  on_behalf_of_id    uuid REFERENCES users (id),
  occurred_at        timestamptz NOT NULL,
  workflow_version   integer NOT NULL,
  payload            jsonb NOT NULL DEFAULT '{}'::jsonb,
  state_before       text,
  state_after        text NOT NULL,
  request_id         text,
  UNIQUE (case_id, seq)
);
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION audit_log_forbid_change();

CREATE TABLE case_links (
  from_case_id  uuid NOT NULL REFERENCES cases (id),
  to_case_id    uuid NOT NULL REFERENCES cases (id),
  link_kind     text NOT NULL CHECK (link_kind IN ('referral', 'appeal', 'execution', 'transfer')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (from_case_id, to_case_id),
  CHECK (from_case_id <> to_case_id)
);
CREATE INDEX case_links_to_idx ON case_links (to_case_id);

-- The team of a file: the lead prosecutor or judge, and anyone assigned to work on it.
CREATE TABLE case_assignments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id      uuid NOT NULL REFERENCES cases (id),
  user_id      uuid NOT NULL REFERENCES users (id),
  role         text NOT NULL,
  is_lead      boolean NOT NULL DEFAULT false,
  assigned_at  timestamptz NOT NULL,
  assigned_by  uuid REFERENCES users (id),
  reason       text,
  ended_at     timestamptz,
  end_reason   text
);
CREATE UNIQUE INDEX case_assignments_one_lead ON case_assignments (case_id) WHERE is_lead AND ended_at IS NULL;
CREATE INDEX case_assignments_user_idx ON case_assignments (user_id) WHERE ended_at IS NULL;

CREATE TABLE parties (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id                   uuid NOT NULL REFERENCES cases (id),
  person_id                 uuid NOT NULL REFERENCES persons (id),
  role                      text NOT NULL CHECK (role IN ('accused', 'victim', 'complainant', 'witness',
                              'guardian', 'lawyer', 'counsellor')),
  relationship_to_accused   text,
  added_at                  timestamptz NOT NULL,
  UNIQUE (case_id, person_id, role)
);
CREATE INDEX parties_person_idx ON parties (person_id);

CREATE TABLE charges (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id           uuid NOT NULL REFERENCES cases (id),
  party_id          uuid NOT NULL REFERENCES parties (id),
  offence_id        uuid NOT NULL REFERENCES offences (id),
  incident_date     date,
  -- The charge this one continues in the previous file of the matter (prosecution → court).
  source_charge_id  uuid REFERENCES charges (id),
  disposition       text NOT NULL DEFAULT 'pending' CHECK (disposition IN ('pending', 'dropped', 'indicted',
                      'convicted', 'acquitted', 'dismissed')),
  custodial_months  integer CHECK (custodial_months >= 0),
  fine_amount       numeric(14, 2) CHECK (fine_amount >= 0),
  disposed_at       timestamptz,
  created_at        timestamptz NOT NULL
);
CREATE INDEX charges_case_idx ON charges (case_id);

CREATE TABLE detentions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id      uuid NOT NULL REFERENCES cases (id),
  party_id     uuid NOT NULL REFERENCES parties (id),
  arrested_at  timestamptz NOT NULL,
  place        text,
  released_at  timestamptz,
  release_reason text,
  CHECK (released_at IS NULL OR released_at >= arrested_at)
);
CREATE UNIQUE INDEX detentions_one_open ON detentions (case_id, party_id) WHERE released_at IS NULL;

CREATE TABLE detention_orders (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  detention_id  uuid NOT NULL REFERENCES detentions (id),
  authority     text NOT NULL CHECK (authority IN ('police', 'prosecution', 'court')),
  issued_by     uuid REFERENCES users (id),
  issued_at     timestamptz NOT NULL,
  starts_at     timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  reason        text NOT NULL,
  CHECK (expires_at > starts_at)
);
CREATE INDEX detention_orders_detention_idx ON detention_orders (detention_id, expires_at);

CREATE TABLE hearings (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id            uuid NOT NULL REFERENCES cases (id),
  court_id           uuid NOT NULL REFERENCES institutions (id),
  room               text NOT NULL,
  starts_at          timestamptz NOT NULL,
  ends_at            timestamptz NOT NULL,
  status             text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'adjourned', 'cancelled')),
  minutes            text,
  adjourn_reason     text,
  next_hearing_id    uuid REFERENCES hearings (id),
  summoned_party_ids uuid[] NOT NULL DEFAULT '{}',
  created_at         timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX hearings_court_time_idx ON hearings (court_id, starts_at);
CREATE INDEX hearings_case_idx ON hearings (case_id);

CREATE TABLE hearing_judges (
  hearing_id  uuid NOT NULL REFERENCES hearings (id),
  judge_id    uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (hearing_id, judge_id)
);
CREATE INDEX hearing_judges_judge_idx ON hearing_judges (judge_id);

-- Deadlines and tasks, created by events from the case type's effects and counted in working days.
CREATE TABLE deadlines (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id           uuid NOT NULL REFERENCES cases (id),
  name              text NOT NULL,
  title_ar          text NOT NULL,
  title_en          text NOT NULL,
  kind              text NOT NULL DEFAULT 'deadline' CHECK (kind IN ('deadline', 'detention', 'hearing', 'task')),
  priority          text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal')),
  due_at            timestamptz NOT NULL,
  assignee_user_id  uuid REFERENCES users (id),
  assignee_role     text,
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  created_by_event  uuid REFERENCES case_events (id),
  -- What the deadline is about: a detention order, a hearing.
  subject_id        uuid,
  completed_at      timestamptz,
  created_at        timestamptz NOT NULL,
  CHECK (assignee_user_id IS NOT NULL OR assignee_role IS NOT NULL)
);
CREATE INDEX deadlines_open_user_idx ON deadlines (assignee_user_id, due_at) WHERE completed_at IS NULL;
CREATE INDEX deadlines_open_role_idx ON deadlines (institution_id, assignee_role, due_at) WHERE completed_at IS NULL;
CREATE INDEX deadlines_case_idx ON deadlines (case_id) WHERE completed_at IS NULL;

-- Transactional outbox: written in the same transaction as the change, delivered by a worker with
-- retries. A message is delivered at least once; receivers are idempotent by message id.
CREATE TABLE outbox (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  topic         text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  available_at  timestamptz NOT NULL,
  attempts      integer NOT NULL DEFAULT 0,
  delivered_at  timestamptz,
  last_error    text
);
CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE delivered_at IS NULL;
