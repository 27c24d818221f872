/**
 * TOTP (RFC 6238) with the settings every authenticator app understands: SHA-1, 6 digits, 30 s.
 * A code is accepted one time step either side of now, to forgive clock drift and slow typing.
 */
import { Secret, TOTP } from 'otpauth';

const DIGITS = 6;
const PERIOD_SECONDS = 30;
const WINDOW_STEPS = 1;
const SECRET_BYTES = 20;

/** A fresh random secret, base32-encoded as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The `otpauth://` URL that an authenticator app reads (usually from a QR code). */
export function totpUrl(secret: string, issuer: string, accountName: string): string {
  return new TOTP({
    issuer,
    label: accountName,
    secret: Secret.fromBase32(secret),
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

/** Whether `code` is valid for `secret` at `now`, within ±1 time step. */
export function isTotpCodeValid(secret: string, code: string, now: Date): boolean {
  return totpStepOf(secret, code, now) !== null;
}

/** The time step `code` belongs to (within ±1 step of `now`), or null when it is not valid. */
export function totpStepOf(secret: string, code: string, now: Date): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    digits: DIGITS,
    period: PERIOD_SECONDS,
    timestamp: now.getTime(),
    window: WINDOW_STEPS,
  });
  return delta === null ? null : Math.floor(now.getTime() / (PERIOD_SECONDS * 1000)) + delta;
}
