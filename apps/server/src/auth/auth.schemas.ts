/**
 * Request and response schemas of the auth routes, written once: they validate requests, type the
 * handlers and describe the API in the OpenAPI document.
 */
import { Type, type Static } from 'typebox';
import { GRANT_KINDS, ROLES } from '@qadiya/domain';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

const USERNAME_MAX_LENGTH = 64;
const TOTP_CODE = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'The 6-digit code shown by the authenticator app',
  examples: ['492039'],
});
const NullableUuid = Type.Union([Type.String({ format: 'uuid' }), Type.Null()]);
// A password is checked, never parsed: any character is allowed, the length is bounded.
const AnyPassword = Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH });

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: USERNAME_MAX_LENGTH, examples: ['r.haddad'] }),
    password: AnyPassword,
    totpCode: Type.Optional(TOTP_CODE),
  },
  {
    additionalProperties: false,
    examples: [{ username: 'r.haddad', password: 'correct-horse-battery', totpCode: '492039' }],
  },
);
export type LoginBody = Static<typeof LoginBody>;

export const AssignmentView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  role: Type.Enum(ROLES),
  grantKind: Type.Enum(GRANT_KINDS),
  institutionId: NullableUuid,
  unitId: NullableUuid,
  caseId: NullableUuid,
  validUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CurrentUser = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    username: Type.String(),
    displayNameAr: Type.String(),
    displayNameEn: Type.String(),
    institutionId: NullableUuid,
    totpEnabled: Type.Boolean(),
    /** Whether a role the user holds requires TOTP; with totpEnabled false, enrolment is due. */
    mfaRequired: Type.Boolean(),
    assignments: Type.Array(AssignmentView),
  },
  {
    description: 'The signed-in user and the role assignments in force now',
    examples: [
      {
        id: '5b0d5b8e-8f43-4c53-9a39-3c0f3e7b2a10',
        username: 'r.haddad',
        displayNameAr: 'رنا حداد',
        displayNameEn: 'Rana Haddad',
        institutionId: '0d9c1f0e-2b7a-4c1e-8f7e-6a1b2c3d4e5f',
        totpEnabled: true,
        mfaRequired: true,
        assignments: [
          {
            id: '7f3e2d1c-0b9a-4876-9543-210fedcba987',
            role: 'prosecutor',
            grantKind: 'standard',
            institutionId: '0d9c1f0e-2b7a-4c1e-8f7e-6a1b2c3d4e5f',
            unitId: null,
            caseId: null,
            validUntil: null,
          },
        ],
      },
    ],
  },
);
export type CurrentUser = Static<typeof CurrentUser>;

const Token = Type.String({
  description: 'Bearer token for the Authorization header; the same value is set as a cookie',
});

export const LoginResponse = Type.Object({
  token: Token,
  user: CurrentUser,
  mfaEnrolmentRequired: Type.Boolean({
    description:
      'True when a role requires TOTP and the user has none yet: the session may only enrol',
  }),
});

export const SessionResponse = Type.Object({ token: Token, user: CurrentUser });

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: AnyPassword,
    newPassword: Type.String({
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
      description: `At least ${PASSWORD_MIN_LENGTH} characters, not containing the username`,
    }),
  },
  {
    additionalProperties: false,
    examples: [
      { currentPassword: 'correct-horse-battery', newPassword: 'olive-tree-by-the-river' },
    ],
  },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const TotpSetupResponse = Type.Object({
  secret: Type.String({ description: 'Base32 secret, for typing into an authenticator app' }),
  otpauthUrl: Type.String({ description: 'otpauth:// URL, for a QR code' }),
});

export const TotpConfirmBody = Type.Object(
  { code: TOTP_CODE },
  { additionalProperties: false, examples: [{ code: '492039' }] },
);
export type TotpConfirmBody = Static<typeof TotpConfirmBody>;

export const TotpDisableBody = Type.Object(
  { password: AnyPassword, code: TOTP_CODE },
  {
    additionalProperties: false,
    examples: [{ password: 'correct-horse-battery', code: '492039' }],
  },
);
export type TotpDisableBody = Static<typeof TotpDisableBody>;
