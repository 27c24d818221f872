/**
 * The SQL the server issues to open a case page and to fire an event, statement for statement, as
 * Kysely compiles it (captured from the running server; see sql-capture.ts). The bare baseline
 * server runs exactly these; the run checks they still match what the server sends, so a change
 * to the server's queries shows up as a drift warning instead of a silently unfair ratio.
 */
import {
  DummyDriver,
  Kysely,
  type Compilable,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { sessionWithUserQuery } from '../apps/server/src/auth/sessions.repository';
import { caseFactsQuery } from '../apps/server/src/cases/case-facts.repository';
import type { Database } from '../apps/server/src/db/schema';

export const CASE_BY_ID = 'select * from "cases" where "id" = $1';
export const TEAM_ROLES =
  'select "role" from "case_assignments" where "case_id" = $1 and "user_id" = $2 and "ended_at" is null';

/** The parts of the case page, fetched in parallel (read-cases.ts, loadCaseParts). */
export const CASE_PARTS = {
  team: 'select "ca"."user_id", "ca"."role", "ca"."is_lead", "ca"."assigned_at", "u"."display_name_ar", "u"."display_name_en" from "case_assignments" as "ca" inner join "users" as "u" on "u"."id" = "ca"."user_id" where "ca"."case_id" = $1 and "ca"."ended_at" is null',
  parties:
    'select "p"."id", "p"."person_id", "p"."role", "p"."relationship_to_accused", "p"."age_at_offence", "p"."age_status", "p"."address_confidential", "pe"."first_name_ar", "pe"."father_name_ar", "pe"."grandfather_name_ar", "pe"."family_name_ar", "pe"."name_latin", "pe"."sex", "pe"."date_of_birth" from "parties" as "p" inner join "persons" as "pe" on "pe"."id" = "p"."person_id" where "p"."case_id" = $1 order by "p"."added_at"',
  charges:
    'select "ch"."id", "ch"."party_id", "ch"."disposition", "ch"."custodial_months", "ch"."fine_amount", "ch"."incident_date", "o"."code" as "offence_code", "o"."title_ar", "o"."title_en", "o"."offence_class", "o"."law_ar", "o"."article" from "charges" as "ch" inner join "offences" as "o" on "o"."id" = "ch"."offence_id" where "ch"."case_id" = $1 order by "ch"."created_at"',
  detentions: 'select * from "detentions" where "case_id" = $1 order by "arrested_at"',
  orders:
    'select "o".* from "detention_orders" as "o" inner join "detentions" as "d" on "d"."id" = "o"."detention_id" where "d"."case_id" = $1 order by "o"."issued_at"',
  hearings: 'select * from "hearings" where "case_id" = $1 order by "starts_at"',
  judges:
    'select "hj"."hearing_id", "hj"."judge_id", "u"."display_name_ar", "u"."display_name_en" from "hearing_judges" as "hj" inner join "hearings" as "h" on "h"."id" = "hj"."hearing_id" inner join "users" as "u" on "u"."id" = "hj"."judge_id" where "h"."case_id" = $1',
  deadlines:
    'select * from "deadlines" where "case_id" = $1 and "completed_at" is null order by "due_at"',
} as const;
export const INSTITUTION_HEADER =
  'select "id", "code", "name_ar", "name_en", "kind" from "institutions" where "id" = $1';

/** The other files of the matter (read-cases.ts, visibleMatterFiles). */
export const MATTER_FILES =
  'select "c"."id", "c"."case_type", "c"."state", "c"."reference", "c"."intake_status", "c"."institution_id", "c"."unit_id", "c"."confidentiality", "i"."name_ar", "i"."name_en", "c"."opened_at" from "cases" as "c" inner join "institutions" as "i" on "i"."id" = "c"."institution_id" where "c"."matter_id" = $1 and "c"."id" <> $2 order by "c"."opened_at"';

/** The juvenile parts (juvenile-page.ts). `in` lists get one placeholder per value. */
export const JUVENILE_MATTER_FILES =
  'select "id", "mediation_status", "updated_at" from "cases" where "matter_id" = $1';
export const juvenileEvents = (files: number, types: number) =>
  `select "case_id", "event_type", "occurred_at", "payload" from "case_events" where "case_id" in (${placeholders(1, files)}) and "event_type" in (${placeholders(files + 1, types)}) order by "seq"`;
export const juvenileReports = (files: number) =>
  `select "r".*, "u"."display_name_ar", "u"."display_name_en" from "social_research_reports" as "r" inner join "users" as "u" on "u"."id" = "r"."counsellor_user_id" where "r"."case_id" in (${placeholders(1, files)}) order by "r"."instructed_at"`;
export const ACCUSED_OF_UNKNOWN_AGE =
  'select "id" from "parties" where "case_id" = $1 and "role" = $2 and "age_status" = $3';
/** The mediation and juvenile override events the page shows, in the server's order. */
export const JUVENILE_PAGE_EVENT_TYPES = [
  'offer_mediation',
  'decline_mediation',
  'refer_to_mediation',
  'record_mediation_agreement',
  'record_mediation_failure',
  'record_mediation_fulfilled',
  'record_mediation_breach',
  'override_age_verification',
  'override_social_report',
  'override_mediation_block',
];

/** The victim protection parts, fetched in parallel (protection-page.ts). */
export const PROTECTION_PARTS = {
  assessments:
    'select "r".*, "u"."display_name_ar", "u"."display_name_en" from "risk_assessments" as "r" inner join "case_events" as "e" on "e"."id" = "r"."event_id" left join "users" as "u" on "u"."id" = "r"."assessed_by" where "r"."case_id" = $1 order by "e"."seq" desc',
  referrals:
    'select "s".*, "i"."code" as "institution_code", "i"."name_ar" as "institution_name_ar", "i"."name_en" as "institution_name_en", "u"."display_name_ar", "u"."display_name_en" from "service_referrals" as "s" inner join "case_events" as "e" on "e"."id" = "s"."event_id" inner join "institutions" as "i" on "i"."id" = "s"."institution_id" left join "users" as "u" on "u"."id" = "s"."sent_by" where "s"."case_id" = $1 order by "e"."seq" desc',
  measures:
    'select "m".* from "protection_measures" as "m" inner join "case_events" as "e" on "e"."id" = "m"."event_id" where "m"."case_id" = $1 order by "e"."seq" desc',
  violations:
    'select "v".*, "c"."reference" as "new_case_reference" from "protection_measure_violations" as "v" inner join "case_events" as "e" on "e"."id" = "v"."event_id" left join "cases" as "c" on "c"."id" = "v"."new_case_id" where "v"."case_id" = $1 order by "v"."occurred_at", "e"."seq"',
} as const;
/** Whether the reader is on the file's team (policy/victim-protection.ts, isOnTeam). */
export const IS_ON_TEAM =
  'select "id" from "case_assignments" where "case_id" = $1 and "user_id" = $2 and "ended_at" is null';

/** Firing an event: the transaction (fire-event.ts, cases.repository.ts, audit-log.ts). */
export const LOCK_CASE = 'select * from "cases" where "id" = $1 for update';
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * A statement the server builds with Kysely, compiled once here (no connection is made) with
 * stand-in values; `parameters` puts the request's values where the stand-ins were, by identity.
 * The baseline then sends the server's exact text without building anything per request.
 */
export function serverStatement(build: (db: Kysely<Database>) => Compilable): {
  sql: string;
  parameters: (values: Map<unknown, unknown>) => unknown[];
} {
  const compiled = build(compiler).compile();
  return {
    sql: compiled.sql,
    parameters: (values) =>
      compiled.parameters.map((value) => (values.has(value) ? values.get(value) : value)),
  };
}

/** Stand-ins for `serverStatement`: unique objects, so no real value can be taken for one. */
export const STAND_IN = {
  caseId: '\u0000case',
  matterId: '\u0000matter',
  tokenHash: '\u0000token',
  now: new Date(0),
} as const;

/** Authentication (auth/sessions.repository.ts): the session, its user and assignments at once. */
export const SESSION_WITH_USER = serverStatement((db) =>
  sessionWithUserQuery(db, STAND_IN.tokenHash, STAND_IN.now),
);

/**
 * The workflow's facts in one statement (cases/case-facts.repository.ts). Two texts: for a file
 * with its own mediation status, and for one that takes its matter's.
 */
export const caseFactsStatement = (hasOwnMediationStatus: boolean) =>
  serverStatement((db) =>
    caseFactsQuery(db, {
      id: STAND_IN.caseId,
      matter_id: STAND_IN.matterId,
      mediation_status: hasOwnMediationStatus ? 'offered' : null,
    }),
  );

export const INSERT_EVENT =
  'insert into "case_events" ("id", "case_id", "seq", "event_type", "actor_user_id", "on_behalf_of_id", "occurred_at", "workflow_version", "payload", "state_before", "state_after", "request_id") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning "id"';
export const UPDATE_CASE =
  'update "cases" set "state" = $1, "version" = $2, "updated_at" = $3 where "id" = $4 and "version" = $5 returning *';
// The audit write is audit/audit-log.ts's RECORD_AUDIT_SQL itself, imported by the baseline.

function placeholders(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}

/**
 * Statements that are not part of a request's work: the session's last-seen time, written at most
 * every 30 seconds by whichever request comes then (auth/authenticate.ts).
 */
export const INCIDENTAL_STATEMENTS = /^update "sessions" set "last_seen_at"/;

/** Statement text with the values of `in (…)` lists folded, for comparing two captures. */
export function statementShape(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\$\d+(, \$\d+)*/g, '$n');
}
