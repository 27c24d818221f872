import { recordAudit } from '../audit/audit-log';
import { notFound, staleVersion } from '../http/errors';
import { invalidField } from '../http/validation';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findInstitutionById, findRegionById, findUnitsOf } from './institutions.repository';

export interface UpdateInstitutionInput {
  version: number;
  nameAr?: string | undefined;
  nameEn?: string | undefined;
  regionId?: string | null | undefined;
  isActive?: boolean | undefined;
}

/** Changes an institution's names, region or active flag. Kind, code and level are fixed once files exist. */
export async function updateInstitution(
  ctx: UseCaseContext,
  id: string,
  input: UpdateInstitutionInput,
) {
  const current = await findInstitutionById(ctx.db, id);
  if (!current) throw notFound('Institution', id);
  await requireAccess(ctx, 'institution.update', {
    institutionId: id,
    object: { type: 'institution', id },
  });
  // Only a national administrator may switch an institution off.
  if (input.isActive !== undefined && input.isActive !== current.is_active) {
    await requireAccess(ctx, 'institution.create', {
      institutionId: null,
      object: { type: 'institution', id },
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (input.regionId && !(await findRegionById(trx, input.regionId))) {
      throw invalidField('regionId', 'no such region');
    }
    const changes = {
      ...(input.nameAr !== undefined ? { name_ar: input.nameAr } : {}),
      ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
      ...(input.regionId !== undefined ? { region_id: input.regionId } : {}),
      ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
    };
    const updated = await trx
      .updateTable('institutions')
      .set((eb) => ({
        ...changes,
        updated_at: ctx.origin.occurredAt,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      const latest = await findInstitutionById(trx, id);
      throw staleVersion('Institution', latest?.version ?? current.version);
    }
    await recordAudit(trx, ctx.origin, {
      action: 'institution.updated',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'institution', id },
      institutionId: id,
      details: { changes: Object.keys(changes), version: updated.version },
    });
    return { institution: updated, units: await findUnitsOf(trx, [id]) };
  });
}
