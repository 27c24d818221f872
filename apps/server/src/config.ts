/**
 * Runtime configuration, read once from the environment. Every setting has a safe default so that
 * `npm start` works on a fresh machine; docs/operations.md lists them all.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRole, type Role } from '@qadiya/domain';

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
  logLevel: string;
  /** Where the courts are: decides the numbering year and working-day deadlines. */
  timeZone: string;
  /** Seed the demo data into an empty embedded database at start-up. */
  seedDemo: boolean;
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
    logLevel: env.LOG_LEVEL ?? 'info',
    timeZone: timeZone(env.QADIYA_TIME_ZONE ?? 'Asia/Hebron'),
    seedDemo,
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

function roles(raw: string | undefined): Role[] {
  if (!raw) return [];
  return raw.split(',').map((item) => {
    const role = item.trim();
    if (!isRole(role)) throw new Error(`QADIYA_MFA_REQUIRED_ROLES: unknown role "${role}"`);
    return role;
  });
}
