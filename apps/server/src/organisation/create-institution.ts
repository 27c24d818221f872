import {
  institutionKindHasUnits,
  UNIT_KIND_LABELS,
  type CourtLevel,
  type InstitutionKind,
  type UnitKind,
} from '@qadiya/domain';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../http/errors';
import { invalidField } from '../http/validation';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { findRegionById } from './institutions.repository';

export interface CreateInstitutionInput {
  code: string;
  kind: InstitutionKind;
  courtLevel?: CourtLevel | null | undefined;
  regionId?: string | null | undefined;
  nameAr: string;
  nameEn: string;
  /** Prosecution offices only; defaults to the general unit. */
  units?: UnitKind[] | undefined;
}

export async function createInstitution(ctx: UseCaseContext, input: CreateInstitutionInput) {
  await requireAccess(ctx, 'institution.create', { institutionId: null });
  const courtLevel = input.courtLevel ?? null;
  if (input.kind === 'court' && courtLevel === null)
    throw invalidField('courtLevel', 'a court needs a level');
  if (input.kind !== 'court' && courtLevel !== null) {
    throw invalidField('courtLevel', 'only courts have a level');
  }
  const unitKinds = [
    ...new Set(input.units ?? (institutionKindHasUnits(input.kind) ? ['general' as const] : [])),
  ];
  if (unitKinds.length > 0 && !institutionKindHasUnits(input.kind)) {
    throw invalidField('units', 'only prosecution offices have units');
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (input.regionId && !(await findRegionById(trx, input.regionId))) {
      throw invalidField('regionId', 'no such region');
    }
    const existing = await trx
      .selectFrom('institutions')
      .select('id')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (existing)
      throw new AppError(
        'ALREADY_EXISTS',
        `An institution with code ${input.code} already exists`,
        { code: input.code },
      );
    const institution = await trx
      .insertInto('institutions')
      .values({
        code: input.code,
        kind: input.kind,
        court_level: courtLevel,
        region_id: input.regionId ?? null,
        name_ar: input.nameAr,
        name_en: input.nameEn,
        created_at: ctx.origin.occurredAt,
        updated_at: ctx.origin.occurredAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const units = [];
    for (const kind of unitKinds) {
      units.push(
        await trx
          .insertInto('institution_units')
          .values({
            institution_id: institution.id,
            kind,
            name_ar: UNIT_KIND_LABELS[kind].ar,
            name_en: UNIT_KIND_LABELS[kind].en,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    }
    await recordAudit(trx, ctx.origin, {
      action: 'institution.created',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'institution', id: institution.id },
      institutionId: institution.id,
      details: { code: institution.code, kind: institution.kind, units: unitKinds },
    });
    return { institution, units };
  });
}
