/**
 * A 400 of `GET /persons` in words the user can act on: the known problems of the query (empty,
 * too short, too long) and of the year of birth get a sentence in the user's language; others
 * keep the server's message.
 */
import { ApiError } from '../../api/client';

export type SearchProblem = 'empty' | 'tooShort' | 'tooLong' | 'birthYear';

export function searchProblem(error: unknown): SearchProblem | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const problems = error.fieldProblems;
  const query = problems.q;
  if (query !== undefined) {
    if (/empty|missing/i.test(query)) return 'empty';
    if (/too short|fewer than/i.test(query)) return 'tooShort';
    if (/too long|more than/i.test(query)) return 'tooLong';
  }
  if (problems.birthYear !== undefined) return 'birthYear';
  return null;
}

/** A year of birth typed in the form, or null when it is not one the server accepts. */
export function parseBirthYear(value: string): number | null {
  const year = Number(value.trim());
  return /^[0-9]{4}$/.test(value.trim()) && year >= 1900 && year <= 2100 ? year : null;
}
