import type { RegionKind } from '@qadiya/domain';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../http/errors';
import { invalidField } from '../http/validation';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findRegionById } from './institutions.repository';

export interface CreateRegionInput {
  code: string;
  kind: RegionKind;
  parentId?: string | null | undefined;
  nameAr: string;
  nameEn: string;
}

/** Adds a governorate, or a district under a governorate. */
export async function createRegion(ctx: UseCaseContext, input: CreateRegionInput) {
  await requireAccess(ctx, 'institution.create', { institutionId: null });
  const parentId = input.parentId ?? null;
  if (input.kind === 'governorate' && parentId !== null)
    throw invalidField('parentId', 'a governorate has no parent');
  if (input.kind === 'district' && parentId === null)
    throw invalidField('parentId', 'a district needs its governorate');
  return ctx.db.transaction().execute(async (trx) => {
    if (parentId !== null) {
      const parent = await findRegionById(trx, parentId);
      if (parent?.kind !== 'governorate') throw invalidField('parentId', 'no such governorate');
    }
    const existing = await trx
      .selectFrom('regions')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (existing)
      throw new AppError('ALREADY_EXISTS', `A region with code ${input.code} already exists`);
    const region = await trx
      .insertInto('regions')
      .values({
        code: input.code,
        kind: input.kind,
        parent_id: parentId,
        name_ar: input.nameAr,
        name_en: input.nameEn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.origin, {
      action: 'region.created',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'region', id: region.id },
      details: { code: region.code, kind: region.kind },
    });
    return region;
  });
}
