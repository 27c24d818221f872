import {
  REFERRAL_CONSENTS,
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
  RISK_LEVELS,
  RiskQuestionnaireSchema,
} from '@qadiya/domain';
import { Type, type Static } from 'typebox';
import { Uuid } from '../http/schemas';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const ListReferralsQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(REFERRAL_STATUSES)),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListReferralsQuery = Static<typeof ListReferralsQuery>;

/** What a service sees of a referral: enough to reach the victim and help, never the file. */
export const ServiceReferral = Type.Object({
  id: Uuid,
  version: Type.Integer({ description: 'Send it back with the answer; a stale one gets 409' }),
  service: Type.Enum(REFERRAL_SERVICES),
  status: Type.Enum(REFERRAL_STATUSES),
  consent: Type.Enum(REFERRAL_CONSENTS, {
    description: "override: sent by a chief prosecutor's decision without the victim's consent",
  }),
  victim: Type.Object({
    nameAr: Type.String({ description: 'The four-part Arabic name' }),
    nameLatin: Nullable(Type.String()),
    phone: Nullable(Type.String()),
  }),
  riskLevel: Nullable(
    Type.Enum(RISK_LEVELS, {
      description: "The victim's latest risk assessment on the referring file; null if none",
    }),
  ),
  referringOffice: Type.Object({
    id: Uuid,
    code: Type.String(),
    nameAr: Type.String(),
    nameEn: Type.String(),
  }),
  institution: Type.Object(
    { id: Uuid, code: Type.String(), nameAr: Type.String(), nameEn: Type.String() },
    { description: 'The service the referral was sent to (yours)' },
  ),
  note: Nullable(Type.String({ description: 'The referring prosecutor’s note to the service' })),
  sentAt: DateTime,
  respondedAt: Nullable(DateTime),
  feedback: Nullable(Type.String({ description: 'The answer given on accepting or declining' })),
  closedAt: Nullable(DateTime),
  closingFeedback: Nullable(Type.String()),
});

export const ReferralListResponse = Type.Object({
  items: Type.Array(ServiceReferral),
  total: Type.Integer(),
});

const Feedback = Type.String({ minLength: 1, maxLength: 4000 });

export const AcceptReferralBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), feedback: Type.Optional(Feedback) },
  { additionalProperties: false },
);
export const AnswerReferralBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), feedback: Feedback },
  { additionalProperties: false },
);

export const RiskQuestionnaireResponse = RiskQuestionnaireSchema;
