/**
 * The files of one person, for the person page: every file in which the person is a party and
 * that the reader may open, with the person's role(s) in each. Which files are listed is decided
 * in SQL by the policy's own condition (`visibleCasesCondition`), so a file of another institution,
 * a restricted file outside the reader's grants or a file they are recused from is simply absent.
 * A file whose case type hides its parties from the reader's roles (field rights) is left out too:
 * listing it would reveal what the file itself does not show them. The files not listed are
 * counted ("N restricted files") for the roles the policy tells, never a juvenile or sealed one.
 */
import type { OffenceClass } from '@qadiya/domain';
import { canReadField } from '../cases/case.presenter';
import { definitionOf } from '../cases/fire-event';
import { notFound } from '../http/errors';
import { accessSubjectOf, decideCaseAccess } from '../policy/case-access';
import { decide } from '../policy/policy';
import { requireAccess } from '../policy/require-access';
import type { UseCaseContext } from '../use-case-context';
import {
  countHiddenCasesOfPerson,
  findPersonById,
  findVisibleCasesOfPerson,
  offenceClassesByParty,
  teamRolesByCase,
  type PersonCaseRow,
} from './persons.repository';

/** More files than this for one person is not a page to read; the newest are shown. */
export const PERSON_CASES_LIMIT = 500;

export interface PersonCaseEntry {
  file: PersonCaseRow;
  parties: { id: string; role: PersonCaseRow['party_role']; offenceClasses: OffenceClass[] }[];
}

export async function listPersonCases(ctx: UseCaseContext, personId: string) {
  // The policy first (before any read), so a refused caller cannot probe for ids.
  await requireAccess(ctx, 'person.read', {
    institutionId: null,
    object: { type: 'person', id: personId },
  });
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw notFound('Person', personId);

  const rows = await findVisibleCasesOfPerson(ctx.db, ctx.actor, personId, PERSON_CASES_LIMIT);
  const caseIds = [...new Set(rows.map((row) => row.id))];
  const [teamRoles, classes] = await Promise.all([
    teamRolesByCase(ctx.db, ctx.actor.userId, caseIds),
    offenceClassesByParty(
      ctx.db,
      rows.filter((row) => row.party_role === 'accused').map((row) => row.party_id),
    ),
  ]);

  const entries = new Map<string, PersonCaseEntry>();
  // Files the reader may open but whose parties their roles may not read: not listed, so counted
  // with the restricted ones (unless juvenile or sealed, like those).
  const unlisted = new Set<string>();
  for (const row of rows) {
    if (unlisted.has(row.id)) continue;
    let entry = entries.get(row.id);
    if (!entry) {
      const decision = decideCaseAccess(
        ctx.actor,
        accessSubjectOf(row),
        teamRoles.get(row.id) ?? [],
      );
      // The SQL condition already agrees with the decision; field rights are the extra step.
      if (!decision.allowed || !canReadField(definitionOf(row), 'parties', decision.roles)) {
        if (!row.is_juvenile && row.confidentiality !== 'sealed') unlisted.add(row.id);
        continue;
      }
      entry = { file: row, parties: [] };
      entries.set(row.id, entry);
    }
    entry.parties.push({
      id: row.party_id,
      role: row.party_role,
      offenceClasses: classes.get(row.party_id) ?? [],
    });
  }
  return {
    person,
    entries: [...entries.values()],
    restrictedCount: await restrictedCount(ctx, personId, unlisted.size),
  };
}

/**
 * "N restricted files": the person's files the reader may not see, told only to the roles the
 * policy allows (the police, the prosecution, the courts); null for the others, who are told
 * nothing. Juvenile and sealed files are never counted.
 */
async function restrictedCount(ctx: UseCaseContext, personId: string, unlisted: number) {
  if (!decide(ctx.actor, 'person.count_restricted_files', { institutionId: null }).allowed) {
    return null;
  }
  return (await countHiddenCasesOfPerson(ctx.db, ctx.actor, personId)) + unlisted;
}
