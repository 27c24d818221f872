import { ROLES } from '@qadiya/domain';
import { Type } from 'typebox';
import { Uuid } from '../http/schemas';

export const JudgesQuery = Type.Object(
  {
    courtId: Uuid,
    caseId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Leave out judges recused from this file' }),
    ),
  },
  { additionalProperties: false },
);

export const StaffQuery = Type.Object(
  {
    institutionId: Uuid,
    role: Type.Enum(ROLES),
    caseId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Leave out users recused from this file' }),
    ),
  },
  { additionalProperties: false },
);

export const StaffMember = Type.Object({
  userId: Uuid,
  username: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
});

export const StaffList = Type.Object({ items: Type.Array(StaffMember) });
