import { GRANT_KINDS, ROLES } from '@qadiya/domain';
import { Type, type Static } from 'typebox';
import { Uuid } from '../http/schemas';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Username = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$',
  description: 'Letters, digits, dot, dash, underscore; 3–64 characters; stored in lower case',
  examples: ['s.khalil'],
});
const Password = Type.String({ minLength: 10, maxLength: 256 });
const Sex = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Null()]);
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const DateTime = Type.String({ format: 'date-time', examples: ['2026-12-01T08:00:00Z'] });

export const RoleSchema = Type.Enum(ROLES);
export const GrantKindSchema = Type.Enum(GRANT_KINDS);

export const RoleAssignmentResponse = Type.Object({
  id: Uuid,
  role: RoleSchema,
  grantKind: GrantKindSchema,
  institutionId: NullableUuid,
  unitId: NullableUuid,
  caseId: NullableUuid,
  reason: Type.Union([Type.String(), Type.Null()]),
  validFrom: DateTime,
  validUntil: Type.Union([DateTime, Type.Null()]),
  grantedBy: NullableUuid,
  revokedAt: Type.Union([DateTime, Type.Null()]),
  revokeReason: Type.Union([Type.String(), Type.Null()]),
});

export const UserResponse = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayNameAr: Type.String(),
  displayNameEn: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  sex: Sex,
  institutionId: NullableUuid,
  isActive: Type.Boolean(),
  isLocked: Type.Boolean(),
  hasTotp: Type.Boolean(),
  lastLoginAt: Type.Union([DateTime, Type.Null()]),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const UserWithAssignmentsResponse = Type.Object({
  user: UserResponse,
  assignments: Type.Array(RoleAssignmentResponse),
});

export const GrantRoleBody = Type.Object(
  {
    role: RoleSchema,
    grantKind: Type.Optional(GrantKindSchema),
    institutionId: NullableUuid,
    unitId: Type.Optional(NullableUuid),
    caseId: Type.Optional(NullableUuid),
    reason: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()]),
    ),
    validFrom: Type.Optional(DateTime),
    validUntil: Type.Optional(Type.Union([DateTime, Type.Null()])),
  },
  {
    additionalProperties: false,
    examples: [
      {
        role: 'prosecutor',
        institutionId: '3f1c2a9e-5b6d-4c1e-9a8b-7d6e5f4c3b2a',
        grantKind: 'standard',
      },
    ],
  },
);
export type GrantRoleBody = Static<typeof GrantRoleBody>;

export const CreateUserBody = Type.Object(
  {
    username: Username,
    password: Password,
    displayNameAr: Name,
    displayNameEn: Name,
    email: Type.Optional(
      Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()]),
    ),
    sex: Type.Optional(Sex),
    institutionId: NullableUuid,
    roles: Type.Optional(Type.Array(GrantRoleBody, { maxItems: 20 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        username: 's.khalil',
        password: 'a-long-passphrase',
        displayNameAr: 'سعاد خليل',
        displayNameEn: 'Suad Khalil',
        institutionId: '3f1c2a9e-5b6d-4c1e-9a8b-7d6e5f4c3b2a',
        roles: [{ role: 'prosecutor', institutionId: '3f1c2a9e-5b6d-4c1e-9a8b-7d6e5f4c3b2a' }],
      },
    ],
  },
);

export const UpdateUserBody = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      description: 'The version you edited; a stale one gets 409',
    }),
    displayNameAr: Type.Optional(Name),
    displayNameEn: Type.Optional(Name),
    email: Type.Optional(
      Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()]),
    ),
    sex: Type.Optional(Sex),
    institutionId: Type.Optional(NullableUuid),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const ResetPasswordBody = Type.Object(
  { newPassword: Password },
  { additionalProperties: false },
);

export const ListUsersQuery = Type.Object(
  {
    institutionId: Type.Optional(Uuid),
    isActive: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);

export const RoleSettingResponse = Type.Object({
  role: RoleSchema,
  requiresMfa: Type.Boolean(),
  isMfaForcedByConfig: Type.Boolean(),
});

export const RoleParams = Type.Object({ role: RoleSchema }, { additionalProperties: false });
export const RoleSettingBody = Type.Object(
  { requiresMfa: Type.Boolean() },
  { additionalProperties: false },
);
