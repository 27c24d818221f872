/**
 * classification.gbv: the incident's GBVIMS core type (exactly one, by the act), with its context
 * flags derived from the parties (intimate partner, child victim, early marriage). Classifying
 * again replaces the type; the events keep the history.
 */
import { gbvContextFlags, type GbvType } from '@qadiya/domain';
import type { ActionHandler } from './action-context';

export const classifyGbv: ActionHandler = async ({ trx, file, payload }) => {
  const gbvType = payload.gbvType as GbvType;
  const parties = await trx
    .selectFrom('parties as p')
    .innerJoin('persons as pe', 'pe.id', 'p.person_id')
    .select(['p.role', 'p.relationship_to_accused', 'p.age_at_offence', 'pe.sex'])
    .where('p.case_id', '=', file.id)
    .execute();
  const flags = gbvContextFlags(
    gbvType,
    parties.map((p) => ({
      role: p.role,
      sex: p.sex,
      relationshipToAccused: p.relationship_to_accused,
      ageAtOffence: p.age_at_offence,
    })),
  );
  await trx
    .updateTable('cases')
    .set({
      gbv_type: gbvType,
      gbv_intimate_partner: flags.intimatePartner,
      gbv_child_victim: flags.childVictim,
      gbv_early_marriage: flags.earlyMarriage,
    })
    .where('id', '=', file.id)
    .execute();
};
