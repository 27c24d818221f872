/**
 * Maps every failure to the one error shape. Validation and parsing problems become 400s naming
 * the field; database constraint violations that slip past a use case become 4xx, never 500; only
 * genuine faults are 500, and those are logged with the request id.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorBody, type ErrorCode } from './errors';
import type { WebApp } from './web-app';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export function registerErrorHandling(app: FastifyInstance, webApp: WebApp | null = null): void {
  app.setErrorHandler((rawError: FastifyError, request, reply) => {
    const error = toAppError(rawError);
    if (error.status >= 500) {
      request.log.error({ err: rawError }, 'request failed');
    } else {
      request.log.info({ code: error.code, status: error.status }, error.message);
    }
    return reply.status(error.status).send(errorBody(error));
  });

  app.setNotFoundHandler((request, reply) => {
    if (webApp?.serveIndex(request, reply)) return reply;
    const error = new AppError('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url}`);
    return reply.status(404).send(errorBody(error));
  });
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) return validationError(error.validation, error.validationContext);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON', `The request body is not valid JSON: ${error.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json');
    default:
      break;
  }
  if (error.statusCode === 429)
    return new AppError('RATE_LIMITED', 'Too many requests; wait a minute and try again');
  const fromDatabase = databaseError(error);
  if (fromDatabase) return fromDatabase;
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(statusCode4xx(error.statusCode), error.message);
  }
  return new AppError('INTERNAL', 'An internal error occurred; it has been logged');
}

function validationError(issues: readonly AjvIssue[], context: string | undefined): AppError {
  const details = issues.map((issue) => {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = issue.params.missingProperty;
    const extra = issue.params.additionalProperty;
    const field = [
      base,
      typeof missing === 'string' ? missing : typeof extra === 'string' ? extra : '',
    ]
      .filter(Boolean)
      .join('.');
    return {
      field: field || '(root)',
      in: context ?? 'body',
      problem: issue.message ?? issue.keyword,
    };
  });
  const first = details[0];
  const message = first
    ? `Invalid ${first.in} field "${first.field}": ${first.problem}`
    : 'The request is invalid';
  return new AppError('VALIDATION_FAILED', message, { issues: details });
}

/** PostgreSQL SQLSTATEs that mean "the input conflicts with the data", not "the server broke". */
function databaseError(error: {
  code?: string;
  constraint?: string;
  detail?: string;
}): AppError | null {
  const details = { constraint: error.constraint ?? null };
  switch (error.code) {
    case '23505':
      return new AppError(
        'ALREADY_EXISTS',
        'A record with the same unique value already exists',
        details,
      );
    case '23503':
      return new AppError(
        'INVALID_REFERENCE',
        'The request refers to a record that does not exist',
        details,
      );
    case '23514':
    case '23502':
      return new AppError('VALIDATION_FAILED', 'The request breaks a data rule', details);
    case '22P02':
    case '22007':
    case '22008':
    case '22001':
      return new AppError('VALIDATION_FAILED', 'A value has the wrong format', details);
    // A NUL character (U+0000) in text or JSON: PostgreSQL cannot store it.
    case '22021':
    case '22P05':
      return new AppError(
        'VALIDATION_FAILED',
        'A text value contains a character that cannot be stored (such as NUL)',
        details,
      );
    case '40001':
    case '40P01':
      return new AppError(
        'CONFLICT',
        'A concurrent change conflicted with this one; try again',
        details,
      );
    default:
      return null;
  }
}

function statusCode4xx(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return 'VALIDATION_FAILED';
}
