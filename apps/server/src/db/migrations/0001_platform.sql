-- Qadiya platform: organisations, accounts, sessions and the tamper-evident audit log.
-- Migrations are never edited after they land: add a new numbered file instead.

-- The application's runtime role. The server switches to it (SET ROLE) on a PostgreSQL server,
-- so that the process serving requests cannot UPDATE or DELETE audit rows, whatever it is tricked
-- into doing. Creating it needs CREATEROLE; without that, the migration continues and the
-- BEFORE UPDATE/DELETE trigger below is the only guard (docs/operations.md explains).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qadiya_app') THEN
    CREATE ROLE qadiya_app NOLOGIN;
  END IF;
  EXECUTE format('GRANT qadiya_app TO %I', current_user);
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'qadiya: cannot create role qadiya_app; audit rows are guarded by trigger only';
END $$;

CREATE TABLE regions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
  kind        text NOT NULL CHECK (kind IN ('governorate', 'district')),
  parent_id   uuid REFERENCES regions (id),
  name_ar     text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  CHECK ((kind = 'governorate') = (parent_id IS NULL))
);

CREATE TABLE institutions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code         text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
  kind         text NOT NULL CHECK (kind IN ('police_unit', 'prosecution_office', 'court',
                 'correction_centre', 'social_services', 'bar_association')),
  court_level  text CHECK (court_level IN ('magistrate', 'first_instance', 'appeal', 'cassation',
                 'juvenile', 'grand_felonies')),
  region_id    uuid REFERENCES regions (id),
  name_ar      text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en      text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  is_active    boolean NOT NULL DEFAULT true,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  -- Every court has a level and nothing else has one.
  CHECK ((kind = 'court') = (court_level IS NOT NULL))
);
CREATE INDEX institutions_region_idx ON institutions (region_id);

CREATE TABLE institution_units (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id  uuid NOT NULL REFERENCES institutions (id),
  kind            text NOT NULL CHECK (kind IN ('general', 'juvenile', 'family_protection', 'cybercrime')),
  name_ar         text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en         text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  is_active       boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (institution_id, kind),
  -- Lets role_assignments reference (unit, institution) so a unit always belongs to the grant's institution.
  UNIQUE (id, institution_id)
);

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username             text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name_ar      text NOT NULL CHECK (length(display_name_ar) BETWEEN 1 AND 200),
  display_name_en      text NOT NULL CHECK (length(display_name_en) BETWEEN 1 AND 200),
  email                text CHECK (email IS NULL OR length(email) <= 320),
  sex                  text CHECK (sex IN ('female', 'male')),
  institution_id       uuid REFERENCES institutions (id),
  password_hash        text NOT NULL,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  is_active            boolean NOT NULL DEFAULT true,
  failed_login_count   integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
  locked_until         timestamptz,
  totp_secret          text,
  totp_enabled_at      timestamptz,
  totp_pending_secret  text,
  last_login_at        timestamptz,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((totp_enabled_at IS NULL) OR (totp_secret IS NOT NULL))
);
CREATE UNIQUE INDEX users_username_key ON users (username);
CREATE INDEX users_institution_idx ON users (institution_id);

-- Per-role settings an administrator can change (for now: whether the role requires TOTP).
CREATE TABLE role_settings (
  role          text PRIMARY KEY CHECK (role IN ('admin', 'police_investigator', 'prosecutor',
                  'chief_prosecutor', 'judge', 'court_clerk', 'child_protection_counsellor', 'mediator',
                  'lawyer', 'correction_officer', 'analyst', 'auditor')),
  requires_mfa  boolean NOT NULL DEFAULT false,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_assignments (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id         uuid NOT NULL REFERENCES users (id),
  role            text NOT NULL CHECK (role IN ('admin', 'police_investigator', 'prosecutor',
                    'chief_prosecutor', 'judge', 'court_clerk', 'child_protection_counsellor', 'mediator',
                    'lawyer', 'correction_officer', 'analyst', 'auditor')),
  grant_kind      text NOT NULL CHECK (grant_kind IN ('standard', 'specific', 'excluded', 'break_glass')),
  -- NULL institution = national scope, allowed only for admin, auditor and analyst.
  institution_id  uuid REFERENCES institutions (id),
  unit_id         uuid,
  -- The case a specific or excluded grant is about. The case tables come later; the FK is added then.
  case_id         uuid,
  reason          text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 2000),
  valid_from      timestamptz NOT NULL DEFAULT now(),
  valid_until     timestamptz,
  granted_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  revoked_by      uuid REFERENCES users (id),
  revoke_reason   text,
  FOREIGN KEY (unit_id, institution_id) REFERENCES institution_units (id, institution_id),
  CHECK (valid_until IS NULL OR valid_until > valid_from),
  CHECK (institution_id IS NOT NULL OR (role IN ('admin', 'auditor', 'analyst') AND grant_kind = 'standard' AND unit_id IS NULL)),
  CHECK ((grant_kind IN ('specific', 'excluded')) = (case_id IS NOT NULL) OR grant_kind = 'break_glass'),
  CHECK (grant_kind <> 'break_glass' OR (reason IS NOT NULL AND valid_until IS NOT NULL)),
  CHECK (grant_kind <> 'excluded' OR reason IS NOT NULL),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX role_assignments_user_idx ON role_assignments (user_id) WHERE revoked_at IS NULL;
CREATE INDEX role_assignments_institution_idx ON role_assignments (institution_id, role) WHERE revoked_at IS NULL;
CREATE INDEX role_assignments_case_idx ON role_assignments (case_id) WHERE case_id IS NOT NULL;

-- Sessions live in the database so any number of stateless server instances can share them.
-- Only the SHA-256 of the bearer token is stored: a stolen backup holds no usable session.
CREATE TABLE sessions (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash             text NOT NULL UNIQUE,
  user_id                uuid NOT NULL REFERENCES users (id),
  created_at             timestamptz NOT NULL,
  last_seen_at           timestamptz NOT NULL,
  expires_at             timestamptz NOT NULL,
  -- A session opened by a user whose role requires MFA but who has not enrolled yet may only enrol.
  is_mfa_enrolment_only  boolean NOT NULL DEFAULT false,
  revoked_at             timestamptz,
  revoke_reason          text CHECK (revoke_reason IN ('logout', 'password_changed', 'account_disabled',
                           'mfa_changed', 'admin')),
  source_ip              text,
  user_agent             text,
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

-- Append-only, hash-chained audit log. Each row's hash covers its content and the previous row's
-- hash; seq is gap-free (assigned under the audit_chain_head row lock, not from a sequence), so an
-- altered, deleted or inserted row breaks the chain and `qadiya audit verify` names it.
CREATE TABLE audit_log (
  seq             bigint PRIMARY KEY CHECK (seq >= 1),
  occurred_at     timestamptz NOT NULL,
  actor_user_id   uuid,
  actor_username  text,
  action          text NOT NULL,
  object_type     text,
  object_id       text,
  institution_id  uuid,
  outcome         text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  request_id      text,
  source_ip       text,
  details         jsonb NOT NULL DEFAULT '{}'::jsonb,
  prev_hash       text NOT NULL,
  hash            text NOT NULL UNIQUE
);
CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, seq);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id, seq);
CREATE INDEX audit_log_institution_idx ON audit_log (institution_id, seq);

CREATE TABLE audit_chain_head (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_seq  bigint NOT NULL,
  last_hash text NOT NULL
);
-- The genesis hash: 64 zeros. The first audit row chains to it.
INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (true, 0, repeat('0', 64));

CREATE FUNCTION audit_log_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_forbid_change();

-- Runtime privileges: everything the server needs, except changing or removing audit rows.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qadiya_app') THEN
    GRANT USAGE ON SCHEMA public TO qadiya_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO qadiya_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO qadiya_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO qadiya_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO qadiya_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM qadiya_app;
    REVOKE DELETE, TRUNCATE ON audit_chain_head FROM qadiya_app;
  END IF;
END $$;
