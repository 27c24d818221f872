import { arabicNameKey, latinNameKey, nameKeyWords } from '@qadiya/domain';
import { AppError, notFound } from '../http/errors';
import { decide } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import type { Actor } from '../policy/actor';
import type { UseCaseContext } from '../use-case-context';
import { findActiveMergeOfDuplicate, findMergesOfPerson } from './person-merges.repository';
import { findPersonById, searchPersons, type PersonSearch } from './persons.repository';

/** Whether the reader may see a person's phone and address (case-handling roles only). */
export function canSeeContact(actor: Actor): boolean {
  return decide(actor, 'person.read_contact', { institutionId: null }).allowed;
}

/**
 * One person. A merged record is still read (its files moved to the survivor): it comes with the
 * merge in force, whose survivor it points to.
 */
export async function getPerson(ctx: UseCaseContext, id: string) {
  await requireAccess(ctx, 'person.read', { institutionId: null, object: { type: 'person', id } });
  const person = await findPersonById(ctx.db, id);
  if (!person) throw notFound('Person', id);
  const activeMerge = person.merged_into_id
    ? await findActiveMergeOfDuplicate(ctx.db, person.id)
    : undefined;
  return { person, activeMerge };
}

/** The merges a person took part in (as survivor or duplicate), for those who may merge. */
export async function listPersonMerges(ctx: UseCaseContext, id: string) {
  await requireAccess(ctx, 'person.merge', { institutionId: null, object: { type: 'person', id } });
  const person = await findPersonById(ctx.db, id);
  if (!person) throw notFound('Person', id);
  return findMergesOfPerson(ctx.db, id);
}

export interface FindPersonsInput {
  q?: string | undefined;
  nationalId?: string | undefined;
  dob?: string | undefined;
  birthYear?: number | undefined;
  limit: number;
  offset: number;
}

/** More words than this in one query are ignored (a four-part name and a Latin one fit). */
const MAX_QUERY_WORDS = 8;
const INVISIBLE_OR_SPACE = /[\s\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

/**
 * Person search: by any part of the four-part Arabic name or of the Latin name, whatever the
 * spelling (the domain's name keys), by national ID (exact first, then IDs starting with the digits
 * typed or differing by a digit), and by date or year of birth. At least one criterion is needed:
 * a search that would list the whole registry is refused, as are a query of one letter (it would
 * match most of the registry) and one with nothing but spaces or invisible characters. A query of
 * symbols only (`%`, `_`, quotes) cannot match a name: it finds nobody, without a query.
 */
export async function findPersons(ctx: UseCaseContext, input: FindPersonsInput) {
  await requireAccess(ctx, 'person.read', { institutionId: null });
  const search: PersonSearch = {
    arabicWords: [],
    latinWords: [],
    nationalId: input.nationalId,
    dateOfBirth: input.dob,
    birthYear: input.birthYear,
    limit: input.limit,
    offset: input.offset,
    reader: ctx.actor,
  };
  if (input.q !== undefined) {
    if (input.q.replace(INVISIBLE_OR_SPACE, '') === '') {
      throw invalidQuery('q', 'is empty: type part of a name, a national ID or a date of birth');
    }
    const arabicKey = arabicNameKey(input.q);
    const letters = arabicKey.replace(/ /g, '').length;
    if (letters === 0) return { rows: [], total: 0, totalIsLowerBound: false };
    const arabicWords = nameKeyWords(arabicKey).filter((word) => word.length >= 2);
    if (letters < 2 || arabicWords.length === 0) {
      throw invalidQuery('q', 'is too short: type at least two letters or digits of a word');
    }
    if (/^[0-9]{4,9}$/.test(arabicKey)) search.nationalIdDigits = arabicKey;
    search.arabicWords = arabicWords.slice(0, MAX_QUERY_WORDS);
    if (/[a-z]/i.test(input.q)) {
      search.latinWords = nameKeyWords(latinNameKey(input.q))
        .filter((word) => word.length >= 2)
        .slice(0, MAX_QUERY_WORDS);
    }
  } else if (!input.nationalId && !input.dob && input.birthYear === undefined) {
    throw invalidQuery('q', 'is missing: give q, nationalId, dob or birthYear');
  }
  return searchPersons(ctx.db, search);
}

function invalidQuery(field: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `Invalid querystring field "${field}": ${problem}`, {
    issues: [{ field, in: 'querystring', problem }],
  });
}
