import { AppError } from './errors';

/** A 400 naming one field, in the same shape as schema validation errors. */
export function invalidField(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid body field "${field}": ${problem}`, {
    issues: [{ field, in: 'body', problem }],
  });
}
