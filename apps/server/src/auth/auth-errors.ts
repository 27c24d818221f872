/** The errors the auth use cases share, so that their wording cannot drift apart. */
import { AppError } from '../http/errors';

// One message for an unknown user, a wrong password and a wrong code, so the answer never tells
// which of them was wrong.
const INVALID_CREDENTIALS_MESSAGE = 'Sign-in failed: the username, password or code is incorrect';

export function invalidCredentials(): AppError {
  return new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
}

export function accountLocked(lockedUntil: Date | null): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    'This account is locked after too many failed sign-in attempts; try again later or ask an administrator',
    lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {},
  );
}
