import { COURT_LEVELS, INSTITUTION_KINDS, REGION_KINDS, UNIT_KINDS } from '@qadiya/domain';
import { Type } from 'typebox';
import { Uuid } from '../http/schemas';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Code = Type.String({
  pattern: '^[A-Z0-9_-]{2,32}$',
  description: 'Upper-case code, 2–32 characters',
  examples: ['RAM-PROS'],
});
const NullableUuid = Type.Union([Uuid, Type.Null()]);

export const InstitutionKindSchema = Type.Enum(INSTITUTION_KINDS);
export const CourtLevelSchema = Type.Enum(COURT_LEVELS);
export const UnitKindSchema = Type.Enum(UNIT_KINDS);

export const UnitResponse = Type.Object({
  id: Uuid,
  institutionId: Uuid,
  kind: UnitKindSchema,
  nameAr: Type.String(),
  nameEn: Type.String(),
  isActive: Type.Boolean(),
});

export const InstitutionResponse = Type.Object({
  id: Uuid,
  code: Type.String(),
  kind: InstitutionKindSchema,
  courtLevel: Type.Union([CourtLevelSchema, Type.Null()]),
  regionId: NullableUuid,
  nameAr: Type.String(),
  nameEn: Type.String(),
  isActive: Type.Boolean(),
  version: Type.Integer(),
  units: Type.Array(UnitResponse),
});

export const RegionResponse = Type.Object({
  id: Uuid,
  code: Type.String(),
  kind: Type.Enum(REGION_KINDS),
  parentId: NullableUuid,
  nameAr: Type.String(),
  nameEn: Type.String(),
});

export const CreateInstitutionBody = Type.Object(
  {
    code: Code,
    kind: InstitutionKindSchema,
    courtLevel: Type.Optional(Type.Union([CourtLevelSchema, Type.Null()])),
    regionId: Type.Optional(NullableUuid),
    nameAr: Name,
    nameEn: Name,
    units: Type.Optional(Type.Array(UnitKindSchema, { maxItems: 4, uniqueItems: true })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        code: 'RAM-FI-COURT',
        kind: 'court',
        courtLevel: 'first_instance',
        nameAr: 'محكمة بداية رام الله',
        nameEn: 'Ramallah First Instance Court',
      },
    ],
  },
);

export const UpdateInstitutionBody = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      description: 'The version you edited; a stale one gets 409',
    }),
    nameAr: Type.Optional(Name),
    nameEn: Type.Optional(Name),
    regionId: Type.Optional(NullableUuid),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const AddUnitBody = Type.Object(
  { kind: UnitKindSchema, nameAr: Type.Optional(Name), nameEn: Type.Optional(Name) },
  { additionalProperties: false, examples: [{ kind: 'juvenile' }] },
);

export const CreateRegionBody = Type.Object(
  {
    code: Code,
    kind: Type.Enum(REGION_KINDS),
    parentId: Type.Optional(NullableUuid),
    nameAr: Name,
    nameEn: Name,
  },
  {
    additionalProperties: false,
    examples: [
      {
        code: 'RAM',
        kind: 'governorate',
        nameAr: 'رام الله والبيرة',
        nameEn: 'Ramallah and al-Bireh',
      },
    ],
  },
);

export const ListInstitutionsQuery = Type.Object(
  {
    kind: Type.Optional(InstitutionKindSchema),
    regionId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    includeInactive: Type.Optional(Type.Boolean()),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
