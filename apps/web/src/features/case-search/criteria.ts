/**
 * The case-search form's criteria: read from and written to the address (so a search can be
 * bookmarked and the back button returns to it), checked before a request, turned into the query
 * of `GET /cases/search`, and the server's 400s mapped back to the field that caused them.
 */
import { ApiError, type QueryValue } from '../../api/client';

export const CRITERIA = [
  'q',
  'number',
  'partyName',
  'caseType',
  'state',
  'institutionId',
  'offenceId',
  'openedFrom',
  'openedTo',
  'mine',
] as const;

export type Criterion = (typeof CRITERIA)[number];
export type Criteria = Record<Criterion, string>;

/** The fields a problem can be shown next to. */
export type ProblemField = 'q' | 'number' | 'partyName' | 'openedFrom' | 'openedTo';
export type Problem =
  'empty' | 'tooShort' | 'tooLong' | 'commonWords' | 'partyName' | 'date' | 'range' | 'number';
export type Problems = Partial<Record<ProblemField, Problem>>;

/** The server's limit on `q`; a longer query is refused here, without a request. */
export const MAX_QUERY = 200;
/** A file number: the serial and year (774/2026) or the serial alone. */
const FILE_NUMBER = /^[0-9]{1,9}(\/[0-9]{4})?$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export function readCriteria(params: URLSearchParams): Criteria {
  return Object.fromEntries(
    CRITERIA.map((name) => [name, (params.get(name) ?? '').trim()]),
  ) as Criteria;
}

export function writeCriteria(criteria: Partial<Criteria>): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of CRITERIA) {
    const value = criteria[name]?.trim() ?? '';
    if (value !== '') params.set(name, value);
  }
  return params;
}

export function hasCriterion(criteria: Criteria): boolean {
  return CRITERIA.some((name) => criteria[name] !== '');
}

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** What can be told before asking the server. */
export function localProblems(criteria: Criteria): Problems {
  const problems: Problems = {};
  if (criteria.q.length > MAX_QUERY) problems.q = 'tooLong';
  if (criteria.openedFrom !== '' && !isCalendarDate(criteria.openedFrom)) {
    problems.openedFrom = 'date';
  }
  if (criteria.openedTo !== '' && !isCalendarDate(criteria.openedTo)) problems.openedTo = 'date';
  if (
    !problems.openedFrom &&
    !problems.openedTo &&
    criteria.openedFrom !== '' &&
    criteria.openedTo !== '' &&
    criteria.openedFrom > criteria.openedTo
  ) {
    problems.openedTo = 'range';
  }
  return problems;
}

/**
 * The query of `GET /cases/search`. One box takes a file number or a reference: digits with an
 * optional year are a number, anything else part of a reference. "Mine" is the user's own id as
 * the assignee.
 */
export function apiQuery(criteria: Criteria, userId: string): Record<string, QueryValue> {
  const number = criteria.number;
  return {
    q: criteria.q || undefined,
    number: FILE_NUMBER.test(number) ? number : undefined,
    reference: number !== '' && !FILE_NUMBER.test(number) ? number : undefined,
    partyName: criteria.partyName || undefined,
    caseType: criteria.caseType || undefined,
    state: criteria.state || undefined,
    institutionId: criteria.institutionId || undefined,
    offenceId: criteria.offenceId || undefined,
    openedFrom: criteria.openedFrom || undefined,
    openedTo: criteria.openedTo || undefined,
    assigneeId: criteria.mine === '1' ? userId : undefined,
  };
}

/** A 400 of the server, next to the field it names, in words the user can act on. */
export function serverProblems(error: unknown): Problems {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const problems: Problems = {};
  for (const [field, problem] of Object.entries(error.fieldProblems)) {
    if (field === 'q') {
      problems.q = /too long|more than/i.test(problem)
        ? 'tooLong'
        : /too short|fewer than/i.test(problem)
          ? 'tooShort'
          : /very common words/i.test(problem)
            ? 'commonWords'
            : 'empty';
    } else if (field === 'number' || field === 'reference') {
      problems.number = 'number';
    } else if (field === 'partyName') {
      problems.partyName = 'partyName';
    } else if (field === 'openedFrom') {
      problems.openedFrom = 'date';
    } else if (field === 'openedTo') {
      problems.openedTo = /before/i.test(problem) ? 'range' : 'date';
    }
  }
  return problems;
}

/** An excerpt marked by the server (`<mark>`…`</mark>`), cut into plain and marked parts. */
export function excerptParts(text: string): { text: string; marked: boolean }[] {
  return text
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('<mark>') && part.endsWith('</mark>')
        ? { text: part.slice('<mark>'.length, -'</mark>'.length), marked: true }
        : { text: part, marked: false },
    );
}
