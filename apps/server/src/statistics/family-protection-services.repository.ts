/**
 * The SQL of the family protection dashboard's victim protection figures (docs/measures.md,
 * section 2): referrals to services by service and status, protection measures issued and
 * violated, and the time from the complaint to a protection measure against the standard. They
 * count the referrals and measures recorded on the family protection files of the scope (files
 * of an institution are those it keeps; returned files never count), one row per category of the
 * requested dimension. No row names a person.
 */
import { sql, type Kysely } from 'kysely';
import type { TimeStandardStep } from '@qadiya/domain';
import type { Database } from '../db/schema';
import { dimensionValue, joinDimensionParties, principalAccusedOf } from './dimensions';
import type { FamilyScope } from './family-protection.repository';
import { inInstitutions } from './indicator-sql';

type Db = Kysely<Database>;

/** The family protection files of the scope, as a condition on `cases` aliased `c`. */
const familyFilesOf = (scope: FamilyScope) =>
  sql`c.is_family_protection and c.intake_status <> 'returned'
    and ${inInstitutions('c.institution_id', scope.institutionIds)}`;

export interface ReferralRow {
  category: string;
  service: string;
  status: string;
  n: number;
  overrides: number;
}

/**
 * Referrals sent in the period, by service and by where they stand now. The victim is the one
 * referred; the accused the principal accused of the file.
 */
export async function countReferrals(db: Db, scope: FamilyScope): Promise<ReferralRow[]> {
  const result = await sql<ReferralRow>`
    with units as (
      select r.service, r.status, r.consent, r.victim_party_id as victim_party,
             ${principalAccusedOf('r.case_id')} as accused_party
      from service_referrals r
      join cases c on c.id = r.case_id
      where ${familyFilesOf(scope)}
        and r.sent_at >= ${scope.start} and r.sent_at < ${scope.until}
    )
    select ${dimensionValue(scope.dimension)} as category, u.service, u.status,
           count(*)::int as n,
           count(*) filter (where u.consent = 'override')::int as overrides
    from units u
    ${joinDimensionParties({ victimParty: 'u.victim_party', accusedParty: 'u.accused_party' })}
    group by 1, 2, 3`.execute(db);
  return result.rows;
}

export interface MeasureRow {
  category: string;
  kind: string;
  /** Measures issued in the period. */
  issued: number;
  /** Of those, the ones with a violation recorded. */
  violated: number;
  /** Of those, how many were issued within each step of the standard, in the standard's order. */
  within: number[];
}

/**
 * Protection measures issued in the period, by kind: how many, how many of them were violated (a
 * violation recorded, whenever), and how many were issued within each step of the time standard,
 * counted from the complaint: the opening of the first file of the matter (police report or
 * prosecution file, not returned). The victim is the protected party, the accused the party the
 * measure is against.
 */
export async function countMeasures(
  db: Db,
  scope: FamilyScope,
  standard: readonly TimeStandardStep[],
): Promise<MeasureRow[]> {
  const within = standard.map(
    (step, index) =>
      sql`count(*) filter (where u.days <= ${step.days})::int as ${sql.ref(`within_${index}`)}`,
  );
  const result = await sql<Record<string, unknown> & Omit<MeasureRow, 'within'>>`
    with measures as (
      select m.id, m.kind, m.issued_at, c.matter_id, m.protected_party_id as victim_party,
             m.against_party_id as accused_party
      from protection_measures m
      join cases c on c.id = m.case_id
      where ${familyFilesOf(scope)}
        and m.issued_at >= ${scope.start} and m.issued_at < ${scope.until}
    ), complained as (
      select f.matter_id, min(f.opened_at) as at
      from cases f
      where f.intake_status <> 'returned' and f.matter_id in (select matter_id from measures)
      group by f.matter_id
    ), units as (
      select m.*, extract(epoch from (m.issued_at - ca.at))::float8 / 86400 as days,
             exists (select 1 from protection_measure_violations v where v.measure_id = m.id)
               as is_violated
      from measures m
      join complained ca on ca.matter_id = m.matter_id
    )
    select ${dimensionValue(scope.dimension)} as category, u.kind,
           count(*)::int as issued,
           count(*) filter (where u.is_violated)::int as violated
           ${within.length > 0 ? sql`, ${sql.join(within)}` : sql``}
    from units u
    ${joinDimensionParties({ victimParty: 'u.victim_party', accusedParty: 'u.accused_party' })}
    group by 1, 2`.execute(db);
  return result.rows.map((row) => ({
    category: row.category,
    kind: row.kind,
    issued: row.issued,
    violated: row.violated,
    within: standard.map((_, index) => Number(row[`within_${index}`])),
  }));
}

export interface ViolationRow {
  category: string;
  kind: string;
  n: number;
}

/** Violations that occurred in the period, of measures on the scope's files, by measure kind. */
export async function countViolations(db: Db, scope: FamilyScope): Promise<ViolationRow[]> {
  const result = await sql<ViolationRow>`
    with units as (
      select m.kind, m.protected_party_id as victim_party, m.against_party_id as accused_party
      from protection_measure_violations v
      join protection_measures m on m.id = v.measure_id
      join cases c on c.id = m.case_id
      where ${familyFilesOf(scope)}
        and v.occurred_at >= ${scope.start} and v.occurred_at < ${scope.until}
    )
    select ${dimensionValue(scope.dimension)} as category, u.kind, count(*)::int as n
    from units u
    ${joinDimensionParties({ victimParty: 'u.victim_party', accusedParty: 'u.accused_party' })}
    group by 1, 2`.execute(db);
  return result.rows;
}
