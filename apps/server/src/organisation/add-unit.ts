import { institutionKindHasUnits, UNIT_KIND_LABELS, type UnitKind } from '@qadiya/domain';
import { recordAudit } from '../audit/audit-log';
import { AppError, notFound } from '../http/errors';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findInstitutionById } from './institutions.repository';

export interface AddUnitInput {
  kind: UnitKind;
  nameAr?: string | undefined;
  nameEn?: string | undefined;
}

/** Adds a specialised unit (juvenile, family protection, cybercrime…) to a prosecution office. */
export async function addUnit(ctx: UseCaseContext, institutionId: string, input: AddUnitInput) {
  const institution = await findInstitutionById(ctx.db, institutionId);
  if (!institution) throw notFound('Institution', institutionId);
  await requireAccess(ctx, 'institution.update', {
    institutionId,
    object: { type: 'institution', id: institutionId },
  });
  if (!institutionKindHasUnits(institution.kind)) {
    throw new AppError(
      'CONFLICT',
      `A ${institution.kind} has no units; only prosecution offices do`,
      {
        kind: institution.kind,
      },
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('institution_units')
      .select('id')
      .where('institution_id', '=', institutionId)
      .where('kind', '=', input.kind)
      .executeTakeFirst();
    if (existing) {
      throw new AppError('ALREADY_EXISTS', `This office already has a ${input.kind} unit`, {
        unitId: existing.id,
      });
    }
    const unit = await trx
      .insertInto('institution_units')
      .values({
        institution_id: institutionId,
        kind: input.kind,
        name_ar: input.nameAr ?? UNIT_KIND_LABELS[input.kind].ar,
        name_en: input.nameEn ?? UNIT_KIND_LABELS[input.kind].en,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.origin, {
      action: 'unit.created',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'unit', id: unit.id },
      institutionId,
      details: { kind: unit.kind },
    });
    return unit;
  });
}
