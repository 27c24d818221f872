/**
 * Victim protection (issue 6): the names, addresses and phone numbers of a victim of a family
 * protection file, or of a victim whose address was marked confidential, are masked for everyone
 * outside the file's assigned team, everywhere: the case page, person search, person pages,
 * calendars. Initials only. Part of the policy module: this is an access decision, expressed as SQL
 * so that lists are decided in the database.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from './actor';

const VICTIM_ROLES = ['victim', 'complainant'] as const;

/**
 * The persons among `personIds` that the actor must see masked: a victim (or complainant) of a
 * family protection file, or with a confidential address, where the actor is on the team of none
 * of those files.
 */
export async function maskedVictimIds(
  db: Kysely<Database>,
  actor: Actor,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('parties as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select('p.person_id')
    .where('p.person_id', 'in', [...new Set(personIds)])
    .where('p.role', 'in', VICTIM_ROLES)
    .where((eb) =>
      eb.or([eb('c.is_family_protection', '=', true), eb('p.address_confidential', '=', true)]),
    )
    .groupBy('p.person_id')
    .having((eb) =>
      eb.not(
        eb.fn.agg<boolean>('bool_or', [
          eb.exists(
            eb
              .selectFrom('case_assignments as ca')
              .select('ca.id')
              .whereRef('ca.case_id', '=', 'c.id')
              .where('ca.user_id', '=', actor.userId)
              .where('ca.ended_at', 'is', null),
          ),
        ]),
      ),
    )
    .execute();
  return new Set(rows.map((row) => row.person_id));
}

/**
 * The same decision as `maskedVictimIds`, negated, as a SQL condition on a person id: true when
 * the actor sees the person unmasked (not a protected victim, or on the team of one of the files
 * that protect her). Person search keeps only such persons (issue 6, ADR 0017): a masked row that
 * matched the name typed would tell an outsider that this name belongs to a protected victim, and
 * the rank and the reason of the match would say how closely.
 */
export function seenUnmaskedCondition(
  actor: Actor,
  personId: RawBuilder<string>,
  /**
   * The person's `may_be_protected` column, when the query reads the person's row: false says
   * she is no protected victim of any file (kept by triggers, migration 0017), and the check
   * below is skipped. True leaves the decision to the check.
   */
  mayBeProtected?: RawBuilder<boolean>,
) {
  // A scalar subquery, evaluated per candidate row through parties_person_idx: an EXISTS here is
  // turned into a hash of every protected victim in the country (70,000 parties joined to their
  // files, seconds) as soon as the planner expects many candidates. bool_or over no protective
  // party is NULL: she is not protected, so seen.
  const check = sql<SqlBool>`coalesce((
    SELECT bool_or(EXISTS (
      SELECT 1 FROM case_assignments vca
      WHERE vca.case_id = vc.id AND vca.user_id = ${actor.userId} AND vca.ended_at IS NULL))
    FROM parties vp
    JOIN cases vc ON vc.id = vp.case_id
    WHERE vp.person_id = ${personId}
      AND vp.role IN (${sql.join(VICTIM_ROLES.map((role) => sql.lit(role)))})
      AND (vc.is_family_protection OR vp.address_confidential)), true)`;
  // CASE, not OR: PostgreSQL does not promise to evaluate OR's operands in the order written.
  return mayBeProtected === undefined
    ? check
    : sql<SqlBool>`(CASE WHEN ${mayBeProtected} THEN ${check} ELSE true END)`;
}
