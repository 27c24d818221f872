/** The rules every write to a person shares: field mapping and date-of-birth checks. */
import { localDateString } from '@qadiya/domain';
import type { Updateable } from 'kysely';
import type { PersonTable } from '../db/schema';
import { AppError } from '../http/errors';
import { invalidField } from '../http/validation';
import type { UseCaseContext } from '../use-case-context';
import type { RegisterPersonBody } from './persons.schemas';

export type PersonFields = Partial<Omit<RegisterPersonBody, 'firstNameAr'>> & {
  firstNameAr?: string | undefined;
};

const COLUMNS = {
  firstNameAr: 'first_name_ar',
  fatherNameAr: 'father_name_ar',
  grandfatherNameAr: 'grandfather_name_ar',
  familyNameAr: 'family_name_ar',
  nameLatin: 'name_latin',
  nationalId: 'national_id',
  sex: 'sex',
  dateOfBirth: 'date_of_birth',
  nationality: 'nationality',
  phone: 'phone',
  address: 'address',
} as const satisfies Record<keyof PersonFields, keyof PersonTable>;

/** The columns for the fields that were sent (undefined = not sent; null = clear it). */
export function personColumns(input: PersonFields): Updateable<PersonTable> {
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = input[field as keyof PersonFields];
    if (value !== undefined) columns[column] = typeof value === 'string' ? value.trim() : value;
  }
  return columns;
}

const EARLIEST_BIRTH = '1900-01-01';

/**
 * A date of birth must be a real calendar date, not before 1900 and not after today in the
 * courts' time zone. It decides who is a juvenile, so a wrong one is refused, not stored.
 */
export function checkDateOfBirth(ctx: UseCaseContext, dateOfBirth: string | null | undefined) {
  if (dateOfBirth === undefined || dateOfBirth === null) return;
  const parsed = new Date(`${dateOfBirth}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== dateOfBirth) {
    throw invalidField('dateOfBirth', 'is not a calendar date');
  }
  if (dateOfBirth < EARLIEST_BIRTH)
    throw invalidField('dateOfBirth', `is before ${EARLIEST_BIRTH}`);
  const today = localDateString(ctx.clock.now(), ctx.config.timeZone);
  if (dateOfBirth > today) throw invalidField('dateOfBirth', 'is in the future');
}

export function duplicateNationalId(personId: string): AppError {
  return new AppError('ALREADY_EXISTS', 'A person with this national ID is already registered', {
    field: 'nationalId',
    personId,
  });
}

/** A unique-constraint violation raised by PostgreSQL (the race that the pre-check cannot see). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}
