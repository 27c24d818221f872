/**
 * Runtime configuration, read once from the environment. Every setting has a safe default so that
 * `npm start` works on a fresh machine; docs/operations.md lists them all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_JUVENILE_DETENTION_RULES,
  DEFAULT_JUVENILE_TIME_STANDARD,
  DEFAULT_PROTECTION_ORDER_TIME_STANDARD,
  DEFAULT_RISK_QUESTIONNAIRE,
  detentionRulesProblems,
  isRole,
  riskQuestionnaireProblems,
  type RiskQuestionnaire,
  type DetentionRules,
  type Role,
  type TimeStandardStep,
} from '@qadiya/domain';
import { loadDocumentsConfig, type DocumentsConfig } from './documents/documents-config';

/** DESIGN.md's model time standards (issue 8): felony 75% / 90 d, 90% / 180 d, 98% / 365 d. */
export const DEFAULT_FELONY_TIME_STANDARD: readonly TimeStandardStep[] = [
  { days: 90, targetPercent: 75 },
  { days: 180, targetPercent: 90 },
  { days: 365, targetPercent: 98 },
];
/** Misdemeanour: 75% / 60 d, 90% / 90 d, 98% / 180 d. */
export const DEFAULT_MISDEMEANOUR_TIME_STANDARD: readonly TimeStandardStep[] = [
  { days: 60, targetPercent: 75 },
  { days: 90, targetPercent: 90 },
  { days: 180, targetPercent: 98 },
];

export interface Config {
  port: number;
  host: string;
  /** postgres:// URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The built web app (apps/web/dist), served at `/`; the API alone when it is absent. */
  webDir: string;
  /** Database role the server switches to on a PostgreSQL server (cannot alter audit rows). */
  databaseRuntimeRole: string;
  /**
   * Name parameterised statements so each server connection plans them once (on by default;
   * off behind a pooler that cannot keep a connection's prepared statements).
   */
  databasePreparedStatements: boolean;
  logLevel: string;
  /** Where the courts are: decides the numbering year and working-day deadlines. */
  timeZone: string;
  /** Seed the demo data into an empty embedded database at start-up. */
  seedDemo: boolean;
  /** Detention limits for juveniles (shorter than the adults' table of Law 3/2001). */
  juvenileDetentionRules: DetentionRules;
  /**
   * The juvenile time standard: the share of detained children whose case is disposed of within
   * each number of days from the arrest (juvenile indicators). Days increase step by step.
   */
  juvenileTimeStandard: readonly TimeStandardStep[];
  /**
   * The DV protection orders time standard (family protection dashboard): the share of protection
   * measures issued within each number of days from the complaint.
   */
  protectionOrderTimeStandard: readonly TimeStandardStep[];
  /**
   * Statistics shown to anyone outside the family protection unit replace every count below this
   * (and any count that would reveal one) by null, so that no victim can be identified.
   */
  smallCellThreshold: number;
  /**
   * The court performance time standards (issue 8; CourTools 3 and 4): the share of units of
   * count disposed of within each number of days, excluding suspended time, by offence class.
   * Contraventions and units without a charge use the misdemeanour standard.
   */
  felonyTimeStandard: readonly TimeStandardStep[];
  misdemeanourTimeStandard: readonly TimeStandardStep[];
  /** The family violence risk questionnaire: the domain's default or a deployment's JSON file. */
  riskQuestionnaire: RiskQuestionnaire;
  /** Documents and evidence: blob storage (fs or S3), upload limits, retention (issue 10). */
  documents: DocumentsConfig;
  auth: {
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
    maxFailedLogins: number;
    lockoutMinutes: number;
    /** Login attempts per source address per minute, before the 429 rate limit. */
    loginRateLimitPerMinute: number;
    /** Roles that must use TOTP; also editable per role through the admin API. */
    mfaRequiredRoles: Role[];
    /** Send the session cookie only over HTTPS. On by default outside demo mode. */
    secureCookies: boolean;
    totpIssuer: string;
  };
  http: {
    bodyLimitBytes: number;
    /** Trust X-Forwarded-For from a reverse proxy (set when behind nginx/HAProxy). */
    trustProxy: boolean;
  };
}

type Env = Record<string, string | undefined>;

const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  const seedDemo = env.QADIYA_DEMO ? env.QADIYA_DEMO === 'true' : databaseUrl === undefined;
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.QADIYA_DATA_DIR ?? 'data'),
    webDir: path.resolve(env.QADIYA_WEB_DIR ?? DEFAULT_WEB_DIR),
    databaseRuntimeRole: env.QADIYA_DB_RUNTIME_ROLE ?? 'qadiya_app',
    databasePreparedStatements: booleanSetting(env, 'QADIYA_DB_PREPARED_STATEMENTS', true),
    logLevel: env.LOG_LEVEL ?? 'info',
    timeZone: timeZone(env.QADIYA_TIME_ZONE ?? 'Asia/Hebron'),
    seedDemo,
    juvenileDetentionRules: juvenileDetentionRules(env.QADIYA_JUVENILE_DETENTION_RULES),
    juvenileTimeStandard: timeStandard(
      'QADIYA_JUVENILE_TIME_STANDARD',
      env.QADIYA_JUVENILE_TIME_STANDARD,
      DEFAULT_JUVENILE_TIME_STANDARD,
    ),
    protectionOrderTimeStandard: timeStandard(
      'QADIYA_PROTECTION_ORDER_TIME_STANDARD',
      env.QADIYA_PROTECTION_ORDER_TIME_STANDARD,
      DEFAULT_PROTECTION_ORDER_TIME_STANDARD,
    ),
    smallCellThreshold: integer(env, 'QADIYA_SMALL_CELL_THRESHOLD', 5, 2, 100),
    felonyTimeStandard: timeStandard(
      'QADIYA_FELONY_TIME_STANDARD',
      env.QADIYA_FELONY_TIME_STANDARD,
      DEFAULT_FELONY_TIME_STANDARD,
    ),
    misdemeanourTimeStandard: timeStandard(
      'QADIYA_MISDEMEANOUR_TIME_STANDARD',
      env.QADIYA_MISDEMEANOUR_TIME_STANDARD,
      DEFAULT_MISDEMEANOUR_TIME_STANDARD,
    ),
    riskQuestionnaire: riskQuestionnaire(nonEmpty(env.QADIYA_RISK_QUESTIONNAIRE)),
    documents: loadDocumentsConfig(env, path.resolve(env.QADIYA_DATA_DIR ?? 'data')),
    auth: {
      sessionIdleMinutes: integer(env, 'QADIYA_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      sessionAbsoluteHours: integer(env, 'QADIYA_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
      maxFailedLogins: integer(env, 'QADIYA_MAX_FAILED_LOGINS', 5, 1, 100),
      lockoutMinutes: integer(env, 'QADIYA_LOCKOUT_MINUTES', 10, 1, 24 * 60),
      loginRateLimitPerMinute: integer(env, 'QADIYA_LOGIN_RATE_LIMIT', 30, 1, 10_000),
      mfaRequiredRoles: roles(env.QADIYA_MFA_REQUIRED_ROLES),
      secureCookies: env.QADIYA_SECURE_COOKIES ? env.QADIYA_SECURE_COOKIES === 'true' : !seedDemo,
      totpIssuer: env.QADIYA_TOTP_ISSUER ?? 'Qadiya',
    },
    http: {
      bodyLimitBytes: integer(env, 'QADIYA_BODY_LIMIT_BYTES', 1_048_576, 1024, 1_073_741_824),
      trustProxy: env.QADIYA_TRUST_PROXY === 'true',
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

/** `true` or `false`; anything else is refused by name rather than read as one of them. */
function booleanSetting(env: Env, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name]?.trim());
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new Error(`${name} must be "true" or "false", got "${raw}"`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function timeZone(name: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    throw new Error(`QADIYA_TIME_ZONE: unknown time zone "${name}"`);
  }
  return name;
}

/**
 * `days:percent` steps separated by commas, e.g. `30:75,45:90,90:98` (75% within 30 days …).
 * Days strictly increase and targets never decrease: a later step is a looser limit.
 */
function timeStandard(
  name: string,
  raw: string | undefined,
  fallback: readonly TimeStandardStep[],
): readonly TimeStandardStep[] {
  if (raw === undefined || raw.trim() === '') return fallback;
  const example = fallback.map((step) => `${step.days}:${step.targetPercent}`).join(',');
  const fail = (problem: string) =>
    new Error(
      `${name}: ${problem}; expected steps "days:percent" separated by ` +
        `commas, e.g. "${example}", got "${raw}"`,
    );
  const steps = raw.split(',').map((item) => {
    const match = /^\s*(\d{1,4}):(\d{1,3}(?:\.\d+)?)\s*$/.exec(item);
    if (!match) throw fail(`"${item.trim()}" is not a step`);
    const step = { days: Number(match[1]), targetPercent: Number(match[2]) };
    if (step.days < 1 || step.days > 3650) throw fail(`days must be 1–3650, not ${step.days}`);
    if (step.targetPercent <= 0 || step.targetPercent > 100) {
      throw fail(`a target must be above 0 and at most 100 percent, not ${step.targetPercent}`);
    }
    return step;
  });
  if (steps.length > 10) throw fail('at most 10 steps');
  steps.forEach((step, index) => {
    const previous = steps[index - 1];
    if (previous && step.days <= previous.days) throw fail('days must increase from step to step');
    if (previous && step.targetPercent < previous.targetPercent) {
      throw fail('targets must not decrease from step to step');
    }
  });
  return steps;
}

function roles(raw: string | undefined): Role[] {
  if (!raw) return [];
  return raw.split(',').map((item) => {
    const role = item.trim();
    if (!isRole(role)) throw new Error(`QADIYA_MFA_REQUIRED_ROLES: unknown role "${role}"`);
    return role;
  });
}

/**
 * QADIYA_JUVENILE_DETENTION_RULES, e.g. `police:24,prosecution:24,court:10/30,months:3`: police and
 * prosecution hours (per order = in all), court days per order / in all, overall months.
 */
function juvenileDetentionRules(raw: string | undefined): DetentionRules {
  if (!raw) return DEFAULT_JUVENILE_DETENTION_RULES;
  const name = 'QADIYA_JUVENILE_DETENTION_RULES';
  const values = new Map(
    raw.split(',').map((item) => {
      const [key, value] = item.split(':').map((part) => part.trim());
      if (!key || !value) throw new Error(`${name}: "${item}" is not key:value`);
      return [key, value];
    }),
  );
  const known = ['police', 'prosecution', 'court', 'months'];
  const unknown = [...values.keys()].filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new Error(`${name}: unknown key(s) ${unknown.join(', ')}`);
  const base = DEFAULT_JUVENILE_DETENTION_RULES;
  const hours = (key: 'police' | 'prosecution') => {
    const value = values.has(key) ? Number(values.get(key)) : base.authorities[key].maxPerOrder;
    return { unit: 'hours' as const, maxPerOrder: value, maxCumulative: value };
  };
  const [perOrder, total] = (values.get('court') ?? '').split('/');
  const court = values.has('court')
    ? { unit: 'days' as const, maxPerOrder: Number(perOrder), maxCumulative: Number(total) }
    : base.authorities.court;
  const rules: DetentionRules = {
    authorities: { police: hours('police'), prosecution: hours('prosecution'), court },
    maxTotalMonths: values.has('months') ? Number(values.get('months')) : base.maxTotalMonths,
  };
  const problems = detentionRulesProblems(rules);
  if (problems.length > 0) throw new Error(`${name}: ${problems.join('; ')}`);
  return rules;
}

/** QADIYA_RISK_QUESTIONNAIRE: the path of a JSON questionnaire replacing the default, checked now. */
function riskQuestionnaire(file: string | undefined): RiskQuestionnaire {
  if (!file) return DEFAULT_RISK_QUESTIONNAIRE;
  const name = 'QADIYA_RISK_QUESTIONNAIRE';
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path.resolve(file), 'utf8'));
  } catch (error) {
    throw new Error(`${name}: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  const problems = riskQuestionnaireProblems(value);
  if (problems.length > 0) throw new Error(`${name}: ${file}: ${problems.join('; ')}`);
  return value as RiskQuestionnaire;
}
