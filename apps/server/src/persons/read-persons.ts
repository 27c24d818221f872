import { notFound } from '../http/errors';
import { decide } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import type { Actor } from '../policy/actor';
import type { UseCaseContext } from '../use-case-context';
import { findPersonById, searchPersons, type PersonSearch } from './persons.repository';

/** Whether the reader may see a person's phone and address (case-handling roles only). */
export function canSeeContact(actor: Actor): boolean {
  return decide(actor, 'person.read_contact', { institutionId: null }).allowed;
}

export async function getPerson(ctx: UseCaseContext, id: string) {
  await requireAccess(ctx, 'person.read', { institutionId: null, object: { type: 'person', id } });
  const person = await findPersonById(ctx.db, id);
  if (!person) throw notFound('Person', id);
  return person;
}

/** Looks persons up by part of a name or by national ID (simple matching for now). */
export async function findPersons(ctx: UseCaseContext, filter: PersonSearch) {
  await requireAccess(ctx, 'person.read', { institutionId: null });
  return searchPersons(ctx.db, filter);
}
