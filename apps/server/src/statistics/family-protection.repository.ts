/**
 * The SQL of the family protection dashboard's complaint figures: attrition from complaint to
 * conviction, and complaints by GBVIMS type (docs/measures.md, section 2, defines each). Every
 * query aggregates in the database and answers one row per category of the requested dimension
 * (dimensions.ts; the single category 'all' without one). No row names a person.
 *
 * A complaint is an incident (a matter) with a family protection file at a police unit or a
 * prosecution office of the scope, not returned to its sender; it dates from the opening of the
 * first such file and belongs to the period that date falls in. Its "complaint file" is that first
 * file. Progress (indictment, conviction) is followed in every file of the matter, wherever it
 * went, as recorded now.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import {
  dimensionValue,
  joinDimensionParties,
  principalAccusedOf,
  principalVictimOf,
  type Dimension,
} from './dimensions';
import { inInstitutions } from './indicator-sql';
import type { AttritionOutcome } from './family-protection-definitions';

type Db = Kysely<Database>;

export interface FamilyScope {
  start: Date;
  until: Date;
  /** null: every institution. */
  institutionIds: readonly string[] | null;
  dimension: Dimension | null;
}

/**
 * `complaint_files` (the family protection files of police units and prosecution offices in
 * scope) and `complaints` (one row per matter: its first such file, and when it was opened).
 */
function complaintCtes(scope: FamilyScope): RawBuilder<unknown> {
  return sql`complaint_files as (
      select c.id, c.matter_id, c.opened_at, c.gbv_type, c.gbv_intimate_partner,
             c.gbv_child_victim, c.gbv_early_marriage
      from cases c
      join institutions i on i.id = c.institution_id
      where c.is_family_protection and c.intake_status <> 'returned'
        and i.kind in ('police_unit', 'prosecution_office')
        and ${inInstitutions('c.institution_id', scope.institutionIds)}
    ), complaints as (
      select distinct on (matter_id) matter_id, id as case_id, opened_at
      from complaint_files
      order by matter_id, opened_at, id
    ), period_complaints as (
      select * from complaints
      where opened_at >= ${scope.start} and opened_at < ${scope.until}
    )`;
}

export interface AttritionRow {
  category: string;
  outcome: AttritionOutcome;
  n: number;
}

/**
 * Attrition: the unit is one accused in one complaint (issue 8's unit of count: a defendant and
 * the charges of one incident), each accused named in the matter's complaint files of the scope.
 * Their outcome now, the furthest first:
 * - convicted: a charge of theirs convicted in any file of the matter;
 * - acquitted or dismissed: else a charge acquitted or dismissed;
 * - awaiting judgment: else indicted (a charge indicted: the prosecution's indictment);
 * - closed without indictment: else a file of the matter naming them ended the proceedings (closed
 *   by the police or the prosecution, not passed on to another institution), or their charges were
 *   all dropped or diverted, none pending;
 * - under investigation: the rest.
 * The accused's sex and age are those of their party in the first complaint file naming them; the
 * victim is the principal victim of the complaint file.
 */
export async function countAttrition(db: Db, scope: FamilyScope): Promise<AttritionRow[]> {
  const result = await sql<AttritionRow>`
    with ${complaintCtes(scope)}, units as (
      select distinct on (cf.matter_id, p.person_id)
             cf.matter_id, p.person_id, p.id as accused_party, pc.case_id as complaint_case
      from period_complaints pc
      join complaint_files cf on cf.matter_id = pc.matter_id
      join parties p on p.case_id = cf.id and p.role = 'accused'
      order by cf.matter_id, p.person_id, cf.opened_at, cf.id
    ), passed_on as (
      select l.from_case_id as case_id
      from case_links l
      join cases t on t.id = l.to_case_id
      where l.link_kind in ('referral', 'transfer') and t.intake_status <> 'returned'
    ), their_files as (
      -- The unit's own columns ride along (units has one row per matter and person), so that
      -- progress needs no join back to units: the planner cannot estimate that join and ran it
      -- as a nested loop over every pair, 20 s nationally (docs/performance.md, "Statistics").
      select u.matter_id, u.person_id, u.accused_party, u.complaint_case,
             f.id as case_id, fp.id as party_id,
             -- NOT EXISTS, not NOT IN: an anti-join (docs/performance.md, "Statistics").
             f.is_disposed
               and not exists (select 1 from passed_on po where po.case_id = f.id) as has_ended
      from units u
      join cases f on f.matter_id = u.matter_id and f.intake_status <> 'returned'
      join parties fp on fp.case_id = f.id and fp.person_id = u.person_id and fp.role = 'accused'
    ), progress as (
      select tf.matter_id, tf.person_id, tf.accused_party, tf.complaint_case,
             bool_or(tf.has_ended) as has_ended,
             coalesce(bool_or(ch.disposition = 'convicted'), false) as is_convicted,
             coalesce(bool_or(ch.disposition in ('acquitted', 'dismissed')), false) as is_judged,
             coalesce(bool_or(ch.disposition in ('indicted', 'convicted', 'acquitted', 'dismissed')),
                      false) as is_indicted,
             coalesce(bool_or(ch.disposition in ('dropped', 'diverted')), false) as is_dropped,
             coalesce(bool_or(ch.disposition = 'pending'), false) as is_pending
      from their_files tf
      left join charges ch on ch.party_id = tf.party_id and ch.case_id = tf.case_id
      group by tf.matter_id, tf.person_id, tf.accused_party, tf.complaint_case
    ), classified as (
      select pr.accused_party, ${principalVictimOf('pr.complaint_case')} as victim_party,
             case
               when pr.is_convicted then 'convicted'
               when pr.is_judged then 'acquitted_or_dismissed'
               when pr.is_indicted then 'awaiting_judgment'
               when pr.has_ended or (pr.is_dropped and not pr.is_pending)
                 then 'closed_before_indictment'
               else 'under_investigation'
             end as outcome
      from progress pr
    )
    select ${dimensionValue(scope.dimension)} as category, u.outcome, count(*)::int as n
    from classified u
    ${joinDimensionParties({ victimParty: 'u.victim_party', accusedParty: 'u.accused_party' })}
    group by 1, 2`.execute(db);
  return result.rows;
}

export interface GbvTypeRow {
  category: string;
  /** A GBVIMS type, or null when no file of the complaint is classified. */
  gbvType: string | null;
  n: number;
  intimatePartner: number;
  childVictim: number;
  earlyMarriage: number;
}

/**
 * Complaints of the period by GBVIMS type. The type and its context flags are those of the latest
 * complaint file of the scope that is classified (the prosecution's classification supersedes the
 * police's), else of the latest complaint file. The victim and the accused are the principal ones
 * of the complaint file.
 */
export async function countGbvTypes(db: Db, scope: FamilyScope): Promise<GbvTypeRow[]> {
  const result = await sql<GbvTypeRow>`
    with ${complaintCtes(scope)}, classification as (
      select distinct on (cf.matter_id) cf.matter_id, cf.gbv_type, cf.gbv_intimate_partner,
             cf.gbv_child_victim, cf.gbv_early_marriage
      from complaint_files cf
      join period_complaints pc on pc.matter_id = cf.matter_id
      order by cf.matter_id, (cf.gbv_type is not null) desc, cf.opened_at desc, cf.id desc
    ), units as (
      select cl.*, ${principalVictimOf('pc.case_id')} as victim_party,
             ${principalAccusedOf('pc.case_id')} as accused_party
      from period_complaints pc
      join classification cl on cl.matter_id = pc.matter_id
    )
    select ${dimensionValue(scope.dimension)} as category, u.gbv_type as "gbvType",
           count(*)::int as n,
           count(*) filter (where u.gbv_intimate_partner)::int as "intimatePartner",
           count(*) filter (where u.gbv_child_victim)::int as "childVictim",
           count(*) filter (where u.gbv_early_marriage)::int as "earlyMarriage"
    from units u
    ${joinDimensionParties({ victimParty: 'u.victim_party', accusedParty: 'u.accused_party' })}
    group by 1, 2`.execute(db);
  return result.rows;
}
