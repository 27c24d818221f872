import { ROLES } from '@qadiya/domain';
import { Type } from 'typebox';
import { Uuid } from '../http/schemas';
import { CASE_WORKER_KINDS } from './list-case-workers';

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

export const CaseWorkersQuery = Type.Object(
  {
    kind: Type.Enum(CASE_WORKER_KINDS, {
      description: 'counsellor: child protection counsellors; mediator: mediators and counsellors',
    }),
  },
  { additionalProperties: false },
);

export const CaseWorkerList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      username: Type.String(),
      displayNameAr: Type.String(),
      displayNameEn: Type.String(),
      role: Type.Enum(ROLES),
      institution: Type.Object({
        id: Uuid,
        code: Type.String(),
        nameAr: Type.String(),
        nameEn: Type.String(),
      }),
    }),
  ),
});
