import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { parseBirthYear, searchProblem } from './problems';

function invalid(field: string, problem: string) {
  return new ApiError(400, {
    code: 'VALIDATION_FAILED',
    message: `Invalid querystring field "${field}": ${problem}`,
    details: { issues: [{ field, in: 'querystring', problem }] },
  });
}

describe('searchProblem', () => {
  it('names the known problems of a search', () => {
    expect(searchProblem(invalid('q', 'is too short: type at least two letters'))).toBe('tooShort');
    expect(searchProblem(invalid('q', 'is empty: type part of a name'))).toBe('empty');
    expect(searchProblem(invalid('q', 'must NOT have more than 100 characters'))).toBe('tooLong');
    expect(searchProblem(invalid('birthYear', 'must be >= 1900'))).toBe('birthYear');
  });
  it('leaves other errors to the server message', () => {
    expect(searchProblem(invalid('limit', 'must be integer'))).toBeNull();
    expect(searchProblem(new Error('boom'))).toBeNull();
  });
});

describe('parseBirthYear', () => {
  it('accepts four-digit years in range only', () => {
    expect(parseBirthYear('1990')).toBe(1990);
    expect(parseBirthYear(' 2001 ')).toBe(2001);
    expect(parseBirthYear('1899')).toBeNull();
    expect(parseBirthYear('19a0')).toBeNull();
    expect(parseBirthYear('')).toBeNull();
  });
});
