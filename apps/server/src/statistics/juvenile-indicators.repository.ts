/**
 * The SQL of the juvenile justice indicators (docs/measures.md defines each one); the two that
 * measure time are in juvenile-durations.repository.ts. Every query aggregates in the database
 * and answers one row per sex × age band (the domain's `ageBandOf`, as the SQL expression of the
 * shared dimensions, dimensions.ts, so that SQL groups by the very same bands). No row names a
 * person.
 *
 * Shared rules:
 * - a child is a party with role `accused` and age_status `juvenile` (12–17 at the offence);
 * - a person counts once per indicator, however many files of however many institutions name
 *   them (police report, prosecution file, court case of one matter, or several matters); their
 *   age is the oldest age at the offence among the rows that qualify them;
 * - files returned to their sender are left out: they never became the receiver's file;
 * - `institutionIds` (null: every institution) selects the files that are counted.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ageBandSql } from './dimensions';
import { inInstitutions, type CountRow, type IndicatorScope, type ShareRow } from './indicator-sql';

type Db = Kysely<Database>;

/** Indicator 1: children accused in files opened in the period. */
export async function countChildrenInConflict(db: Db, scope: IndicatorScope) {
  const result = await sql<CountRow>`
    with children as (
      select p.person_id, max(p.age_at_offence) as age
      from parties p
      join cases c on c.id = p.case_id
      where p.role = 'accused' and p.age_status = 'juvenile'
        and c.intake_status <> 'returned'
        and c.opened_at >= ${scope.start} and c.opened_at < ${scope.until}
        and ${inInstitutions('c.institution_id', scope.institutionIds)}
      group by p.person_id
    )
    select pe.sex, ${ageBandSql('ch.age')} as band, count(*)::int as n
    from children ch
    join persons pe on pe.id = ch.person_id
    group by pe.sex, band`.execute(db);
  return result.rows;
}

/**
 * Indicators 2 and 3: children held at the end of the period (arrested before it ended, not
 * released by then); pre-sentence when, in the matter of that detention, none of the child's
 * charges had been convicted by then. Convictions are looked for in every file of the matter,
 * because the court's judgment is in the court case while the detention is in the police or
 * prosecution file.
 */
export async function countChildrenDetained(db: Db, scope: IndicatorScope) {
  const result = await sql<CountRow & { measure: 'detention' | 'pre_sentence' }>`
    with held as (
      select p.person_id, c.matter_id, p.age_at_offence as age
      from detentions d
      join parties p on p.id = d.party_id
      join cases c on c.id = d.case_id
      where p.role = 'accused' and p.age_status = 'juvenile'
        and c.intake_status <> 'returned'
        and ${inInstitutions('c.institution_id', scope.institutionIds)}
        and d.arrested_at < ${scope.until}
        and (d.released_at is null or d.released_at >= ${scope.until})
    ), convicted as (
      select cp.person_id, cc.matter_id
      from charges ch
      join parties cp on cp.id = ch.party_id
      join cases cc on cc.id = ch.case_id
      where ch.disposition = 'convicted' and ch.disposed_at < ${scope.until}
        and cc.intake_status <> 'returned'
      group by cp.person_id, cc.matter_id
    ), children as (
      select h.person_id,
             max(h.age) as age,
             max(h.age) filter (where cv.person_id is null) as pre_sentence_age,
             bool_or(cv.person_id is null) as is_pre_sentence
      from held h
      left join convicted cv on cv.person_id = h.person_id and cv.matter_id = h.matter_id
      group by h.person_id
    )
    select 'detention' as measure, pe.sex, ${ageBandSql('ch.age')} as band, count(*)::int as n
    from children ch
    join persons pe on pe.id = ch.person_id
    group by pe.sex, band
    union all
    select 'pre_sentence' as measure, pe.sex, ${ageBandSql('ch.pre_sentence_age')} as band,
           count(*)::int as n
    from children ch
    join persons pe on pe.id = ch.person_id
    where ch.is_pre_sentence
    group by pe.sex, band`.execute(db);
  return {
    detained: result.rows.filter((row) => row.measure === 'detention'),
    preSentence: result.rows.filter((row) => row.measure === 'pre_sentence'),
  };
}

/** Indicator 9: children with a charge convicted in the period; custodial when any has months. */
export async function shareCustodialSentences(db: Db, scope: IndicatorScope) {
  const result = await sql<ShareRow>`
    with children as (
      select p.person_id, max(p.age_at_offence) as age,
             bool_or(coalesce(ch.custodial_months, 0) > 0) as is_custodial
      from charges ch
      join parties p on p.id = ch.party_id
      join cases c on c.id = ch.case_id
      where p.role = 'accused' and p.age_status = 'juvenile'
        and c.intake_status <> 'returned'
        and ${inInstitutions('c.institution_id', scope.institutionIds)}
        and ch.disposition = 'convicted'
        and ch.disposed_at >= ${scope.start} and ch.disposed_at < ${scope.until}
      group by p.person_id
    )
    select pe.sex, ${ageBandSql('ch.age')} as band,
           count(*) filter (where ch.is_custodial)::int as numerator,
           count(*)::int as denominator
    from children ch
    join persons pe on pe.id = ch.person_id
    group by pe.sex, band`.execute(db);
  return result.rows;
}

/** Indicator 10: children with a charge diverted or convicted in the period; how many diverted. */
export async function shareDiversions(db: Db, scope: IndicatorScope) {
  const result = await sql<ShareRow>`
    with children as (
      select p.person_id, max(p.age_at_offence) as age,
             bool_or(ch.disposition = 'diverted') as is_diverted
      from charges ch
      join parties p on p.id = ch.party_id
      join cases c on c.id = ch.case_id
      where p.role = 'accused' and p.age_status = 'juvenile'
        and c.intake_status <> 'returned'
        and ${inInstitutions('c.institution_id', scope.institutionIds)}
        and ch.disposition in ('diverted', 'convicted')
        and ch.disposed_at >= ${scope.start} and ch.disposed_at < ${scope.until}
      group by p.person_id
    )
    select pe.sex, ${ageBandSql('ch.age')} as band,
           count(*) filter (where ch.is_diverted)::int as numerator,
           count(*)::int as denominator
    from children ch
    join persons pe on pe.id = ch.person_id
    group by pe.sex, band`.execute(db);
  return result.rows;
}

/**
 * Accused persons in files opened in the period whose age at the offence is unknown: they are
 * not counted as children, and the statistician should know how many there are.
 */
export async function countAccusedAgeUnknown(db: Db, scope: IndicatorScope): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(distinct p.person_id)::int as n
    from parties p
    join cases c on c.id = p.case_id
    where p.role = 'accused' and p.age_status = 'unknown'
      and c.intake_status <> 'returned'
      and c.opened_at >= ${scope.start} and c.opened_at < ${scope.until}
      and ${inInstitutions('c.institution_id', scope.institutionIds)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}
