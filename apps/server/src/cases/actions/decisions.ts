/**
 * decision.record: the prosecution's decision on a file. Closing (حفظ) drops every pending charge;
 * indicting sends the chosen charges to a competent court (by offence class and place) and drops
 * the rest. The court file itself is created by the `refer` effect, through the outbox.
 */
import { competentCourtLevels } from '@qadiya/domain';
import { ruleViolation } from '../../http/errors';
import { invalidField } from '../../http/validation';
import type { ActionHandler } from './action-context';

export const recordDecision: ActionHandler = async ({ trx, file, payload, params, now }) => {
  if (typeof payload.socialServicesId === 'string') {
    // A child under 12 is closed here and handed to a child protection office (social services).
    const office = await trx
      .selectFrom('institutions')
      .select(['kind', 'is_active'])
      .where('id', '=', payload.socialServicesId)
      .executeTakeFirst();
    if (office?.kind !== 'social_services' || !office.is_active) {
      throw invalidField('payload.socialServicesId', 'no such social services institution');
    }
  }
  if (params.decision === 'close') {
    await trx
      .updateTable('charges')
      .set({ disposition: 'dropped', disposed_at: now })
      .where('case_id', '=', file.id)
      .where('disposition', '=', 'pending')
      .execute();
    return;
  }
  if (params.decision !== 'indict')
    throw new Error(`decision.record: unknown decision ${params.decision ?? '(none)'}`);
  const chargeIds = payload.chargeIds as string[];
  const chosen = await trx
    .selectFrom('charges as ch')
    .innerJoin('offences as o', 'o.id', 'ch.offence_id')
    .select(['ch.id', 'o.offence_class'])
    .where('ch.case_id', '=', file.id)
    .where('ch.id', 'in', chargeIds)
    .execute();
  const court = await trx
    .selectFrom('institutions')
    .select(['id', 'kind', 'court_level', 'region_id', 'is_active'])
    .where('id', '=', payload.courtId as string)
    .executeTakeFirst();
  if (court?.kind !== 'court' || !court.is_active)
    throw invalidField('payload.courtId', 'no such court');
  const levels = competentCourtLevels(
    chosen.map((c) => c.offence_class),
    { juvenile: file.is_juvenile },
  );
  if (!court.court_level || !levels.includes(court.court_level)) {
    throw ruleViolation(
      'COURT_NOT_COMPETENT',
      {
        ar: 'المحكمة المختارة غير مختصة بنوع الجرائم المسندة',
        en: `These charges are tried by a ${levels.join(' or ')} court`,
      },
      { competentLevels: levels },
    );
  }
  const office = await trx
    .selectFrom('institutions')
    .select('region_id')
    .where('id', '=', file.institution_id)
    .executeTakeFirstOrThrow();
  if (office.region_id && court.region_id && office.region_id !== court.region_id) {
    throw ruleViolation('COURT_NOT_COMPETENT', {
      ar: 'المحكمة المختارة ليست في دائرة اختصاص النيابة',
      en: "The court is outside the prosecution office's governorate",
    });
  }
  await trx
    .updateTable('charges')
    .set({ disposition: 'indicted' })
    .where('case_id', '=', file.id)
    .where('id', 'in', chargeIds)
    .execute();
  await trx
    .updateTable('charges')
    .set({ disposition: 'dropped', disposed_at: now })
    .where('case_id', '=', file.id)
    .where('disposition', '=', 'pending')
    .execute();
};
