/**
 * The one error type of the API. Every failure a client can cause has a documented code here, and
 * its HTTP status is decided here and nowhere else. The response shape is always
 * `{ error: { code, message, details } }`.
 */
export const ERROR_STATUS = {
  // 400: the request itself is malformed.
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_REFERENCE: 400,
  // Dates that contradict each other (juvenile age rules): a birth after the offence, an offence
  // after the judgment.
  BIRTH_AFTER_OFFENCE: 400,
  OFFENCE_AFTER_JUDGMENT: 400,
  // A generated legal document needs data the file lacks (details.missing: charges, minutes…).
  DOCUMENT_DATA_MISSING: 400,
  // Uploaded files (documents, evidence): empty, bytes unlike the declared type, a hash other than
  // the one recorded at seizure.
  FILE_EMPTY: 400,
  FILE_TYPE_MISMATCH: 400,
  HASH_MISMATCH: 400,
  // 401: who are you?
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  MFA_REQUIRED: 401,
  SESSION_EXPIRED: 401,
  // 403: we know who you are, and the answer is no.
  FORBIDDEN: 403,
  ACCOUNT_LOCKED: 403,
  ACCOUNT_DISABLED: 403,
  MFA_ENROLMENT_REQUIRED: 403,
  SELF_GRANT_FORBIDDEN: 403,
  // 404
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  // 409: conflicts with the current state.
  CONFLICT: 409,
  STALE_VERSION: 409,
  ALREADY_EXISTS: 409,
  MFA_ALREADY_ENABLED: 409,
  MFA_NOT_PENDING: 409,
  EVENT_NOT_ALLOWED: 409,
  CASE_NOT_ACCEPTED: 409,
  NOT_IN_INBOX: 409,
  // A stored document or evidence file whose bytes are no longer in the blob store.
  BLOB_MISSING: 409,
  RETENTION_NOT_DUE: 409,
  EVIDENCE_NOT_HELD: 409,
  // 410: removed on purpose by a recorded disposal (retention schedule).
  DOCUMENT_DISPOSED: 410,
  ROLE_NOT_PERMITTED: 403,
  // 413, 415, 429
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  RATE_LIMITED: 429,
  // 500/503: our fault, never the user's input.
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A rule of a case type refused the request (a guard, or a rule an action enforces). Its code is
 * the rule's own, e.g. `HEARING_IN_PAST`, declared next to the rule in the domain package.
 */
export type RuleCode = string & { readonly __rule?: never };

export class AppError extends Error {
  readonly code: ErrorCode | RuleCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode | RuleCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return Object.hasOwn(ERROR_STATUS, this.code) ? ERROR_STATUS[this.code as ErrorCode] : 409;
  }
}

/** A broken business rule: 409, coded with the rule's code, with the message in both languages. */
export function ruleViolation(
  code: string,
  message: { ar: string; en: string },
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(code, message.en, { rule: code, messageAr: message.ar, ...details });
}

export interface ErrorBody {
  error: { code: ErrorCode | RuleCode; message: string; details: Record<string, unknown> };
}

export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details } };
}

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} ${id} was not found`, { id });

export const staleVersion = (what: string, currentVersion: number): AppError =>
  new AppError('STALE_VERSION', `${what} was changed by someone else; reload and try again`, {
    currentVersion,
  });
