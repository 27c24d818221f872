/** Helpers shared by the auth tests. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { Database } from '../../src/db/schema';
import { buildTestApp, type TestApp } from '../support/app';

/**
 * A test app whose login rate limit is out of the way: every injected request comes from
 * 127.0.0.1, and these tests sign in far more than 30 times a minute.
 */
export function buildAuthTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return buildTestApp({ env: { QADIYA_LOGIN_RATE_LIMIT: '10000', ...env } });
}

export interface LoginAttempt {
  username: string;
  password: string;
  totpCode?: string;
}

export function postLogin(
  app: FastifyInstance,
  body: LoginAttempt,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, headers });
}

export function getMe(
  app: FastifyInstance,
  headers: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
}

/** The code an authenticator app would show at `at`. */
export function totpCodeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

/** A well-formed code that is not valid at `at`, one time step either side. */
export function wrongTotpCode(secret: string, at: Date): string {
  const valid = new Set(
    [-30_000, 0, 30_000].map((offset) => totpCodeAt(secret, new Date(at.getTime() + offset))),
  );
  return ['000000', '111111', '222222', '333333'].find((code) => !valid.has(code))!;
}

export async function auditRowsOf(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('actor_user_id', '=', userId)
    .orderBy('seq')
    .execute();
}

export async function accountOf(db: Kysely<Database>, userId: string) {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

/** The value of the session cookie a response sets, with its attributes. */
export function sessionCookieOf(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === 'qadiya_session');
}
