/**
 * The SQL of the two juvenile indicators that measure time: the duration of pre-sentence detention
 * and the time from arrest to disposition of detained children. Their unit is one child in one
 * matter; the shared rules are those of juvenile-indicators.repository.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { TimeStandardStep } from '@qadiya/domain';
import type { Database } from '../db/schema';
import { ageBandSql } from './dimensions';
import {
  inInstitutions,
  type Cell,
  type DispositionRow,
  type DurationRow,
  type IndicatorScope,
} from './indicator-sql';

type Db = Kysely<Database>;

/**
 * Indicator 4: completed periods of pre-sentence detention. A period is one child in one matter:
 * the time covered by their detentions in the matter's files (overlapping or touching detentions,
 * such as police custody followed by the prosecution's, are merged, so no day counts twice),
 * each detention ending at the release or at the child's first conviction in the matter,
 * whichever comes first. A period is measured when all of its detentions have ended and the last
 * one ended in the period.
 */
export async function measurePreSentenceDetention(db: Db, scope: IndicatorScope) {
  const result = await sql<DurationRow>`
    with first_conviction as (
      select cp.person_id, cc.matter_id, min(ch.disposed_at) as at
      from charges ch
      join parties cp on cp.id = ch.party_id
      join cases cc on cc.id = ch.case_id
      where ch.disposition = 'convicted' and ch.disposed_at is not null
        and cc.intake_status <> 'returned'
        -- Only people who were a child accused somewhere can have a spell below: reading just
        -- them (the partial index of migration 0022) instead of every conviction in the country.
        and cp.person_id in (select person_id from parties
                             where role = 'accused' and age_status = 'juvenile')
      group by cp.person_id, cc.matter_id
    ), spells as (
      select p.person_id, c.matter_id, p.age_at_offence as age, d.arrested_at as began,
             least(d.released_at, fc.at) as ended
      from detentions d
      join parties p on p.id = d.party_id
      join cases c on c.id = d.case_id
      left join first_conviction fc on fc.person_id = p.person_id and fc.matter_id = c.matter_id
      where p.role = 'accused' and p.age_status = 'juvenile'
        and c.intake_status <> 'returned'
        and ${inInstitutions('c.institution_id', scope.institutionIds)}
        and (fc.at is null or d.arrested_at < fc.at)
    ), episodes as (
      select person_id, matter_id, max(age) as age, max(ended) as ended
      from spells
      group by person_id, matter_id
      having bool_and(ended is not null)
    ), measured as (
      select *, ${ageBandSql('age')} as band
      from episodes where ended >= ${scope.start} and ended < ${scope.until}
    ), marked as (
      select s.person_id, s.matter_id, s.began, s.ended,
             case when s.began <= max(s.ended) over (
                    partition by s.person_id, s.matter_id order by s.began, s.ended
                    rows between unbounded preceding and 1 preceding)
                  then 0 else 1 end as is_new
      from spells s
      join measured m on m.person_id = s.person_id and m.matter_id = s.matter_id
    ), islands as (
      select person_id, matter_id, began, ended,
             sum(is_new) over (partition by person_id, matter_id order by began, ended
                               rows unbounded preceding) as island
      from marked
    ), spans as (
      select person_id, matter_id, min(began) as began, max(ended) as ended
      from islands
      group by person_id, matter_id, island
    ), lengths as (
      select person_id, matter_id,
             sum(extract(epoch from (ended - began))::float8) / 86400 as days
      from spans
      group by person_id, matter_id
    )
    select pe.sex, m.band,
           grouping(pe.sex, m.band) = 3 as "isTotal",
           count(*)::int as n,
           coalesce(sum(l.days), 0)::float8 as "totalDays",
           percentile_cont(0.5) within group (order by l.days) as "medianDays"
    from measured m
    join lengths l on l.person_id = m.person_id and l.matter_id = m.matter_id
    join persons pe on pe.id = m.person_id
    group by grouping sets ((pe.sex, m.band), ())`.execute(db);
  return result.rows;
}

/**
 * The juvenile time standard: detained children whose case was disposed of in the period, and
 * how many within each step. The unit is a child in a matter; the clock runs from the child's
 * first arrest in any file of the matter to the first disposal of a file of the matter that names
 * the child and ends the proceedings there: a file passed on to another institution (police
 * report referred, prosecution file indicted or transferred) has not disposed of the case. The
 * institution is that of the disposing file.
 */
export async function measureTimeToDisposition(
  db: Db,
  scope: IndicatorScope,
  standard: readonly TimeStandardStep[],
) {
  const within = standard.map(
    (step, index) =>
      sql`count(*) filter (where u.days <= ${step.days})::int as ${sql.ref(`within_${index}`)}`,
  );
  const result = await sql<Record<string, unknown> & Cell & { n: number }>`
    with passed_on as (
      select l.from_case_id as case_id
      from case_links l
      join cases t on t.id = l.to_case_id
      where l.link_kind in ('referral', 'transfer') and t.intake_status <> 'returned'
    ), dispositions as (
      select distinct on (p.person_id, c.matter_id)
             p.person_id, c.matter_id, c.institution_id, c.disposed_at, p.age_at_offence as age
      from cases c
      join parties p on p.case_id = c.id
      where p.role = 'accused' and p.age_status = 'juvenile'
        and c.intake_status <> 'returned'
        and c.is_disposed and c.disposed_at is not null
        -- NOT EXISTS, not NOT IN: an anti-join; NOT IN over a subquery too big to hash rescans it
        -- for every row (minutes on 500,000 files, docs/performance.md).
        and not exists (select 1 from passed_on po where po.case_id = c.id)
      order by p.person_id, c.matter_id, c.disposed_at, c.id
    ), first_arrest as (
      select p.person_id, c.matter_id, min(d.arrested_at) as at
      from detentions d
      join parties p on p.id = d.party_id
      join cases c on c.id = d.case_id
      where c.intake_status <> 'returned'
        -- Only the children disposed of are joined below: their arrests, not every arrest.
        and p.person_id in (select person_id from dispositions)
      group by p.person_id, c.matter_id
    ), units as (
      select ds.person_id, ds.age,
             extract(epoch from (ds.disposed_at - fa.at))::float8 / 86400 as days
      from dispositions ds
      join first_arrest fa on fa.person_id = ds.person_id and fa.matter_id = ds.matter_id
      where ds.disposed_at >= ${scope.start} and ds.disposed_at < ${scope.until}
        and fa.at <= ds.disposed_at
        and ${inInstitutions('ds.institution_id', scope.institutionIds)}
    )
    select pe.sex, ${ageBandSql('u.age')} as band, count(*)::int as n, ${sql.join(within)}
    from units u
    join persons pe on pe.id = u.person_id
    group by pe.sex, band`.execute(db);
  return result.rows.map((row): DispositionRow => ({
    sex: row.sex,
    band: row.band,
    n: row.n,
    within: standard.map((_, index) => Number(row[`within_${index}`])),
  }));
}
