import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'qadiya_session';

/** 256 random bits, URL-safe. Only its SHA-256 is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token from `Authorization: Bearer …` or, failing that, the session cookie. */
export function tokenFromRequest(
  authorization: string | undefined,
  cookie: string | undefined,
): string | null {
  if (authorization) {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(authorization.trim());
    return match?.[1] ?? null;
  }
  return cookie && /^[A-Za-z0-9_-]{20,200}$/.test(cookie) ? cookie : null;
}
