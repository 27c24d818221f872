/**
 * Payload schemas shared by the case types, one per server action. A case type may use them as
 * they are or extend them; the server's implementation of an action reads these fields.
 */
import { Type } from 'typebox';
import { RELATIONSHIPS } from '../justice/family-protection';
import { DETENTION_FACILITIES } from '../justice/juvenile';
import { PARTY_ROLES } from '../justice/parties';
import { Ref, type ReferenceKind } from '../workflow/references';

const DateTime = Type.String({ format: 'date-time', examples: ['2026-12-01T09:00:00Z'] });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const NoPayload = Type.Object({}, { additionalProperties: false });

export const NotePayload = Type.Object(
  { note: Type.Optional(Text(4000)) },
  { additionalProperties: false },
);

export const AddPartyPayload = Type.Object(
  {
    personId: Ref('person'),
    role: Type.Enum(PARTY_ROLES),
    /** How this party is related to the accused: required for victims of family protection files. */
    relationshipToAccused: Type.Optional(Type.Enum(RELATIONSHIPS)),
    /** A victim's address kept even from the accused's lawyer (victim protection). */
    addressConfidential: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const AddChargePayload = Type.Object(
  {
    partyId: Ref('accused'),
    offenceId: Ref('offence'),
    incidentDate: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);

export const QuestioningPayload = Type.Object(
  { partyId: Ref('party'), summary: Text(8000) },
  { additionalProperties: false },
);

export const ArrestPayload = Type.Object(
  {
    partyId: Ref('accused'),
    arrestedAt: DateTime,
    place: Type.Optional(Text(200)),
    /** Where the person is held; a juvenile never in a facility for adults. */
    facility: Type.Optional(Type.Enum(DETENTION_FACILITIES)),
    /** Required for a juvenile: detention is a last resort (Decree-Law 4/2016). */
    lastResortJustification: Type.Optional(Text(4000)),
  },
  { additionalProperties: false },
);

export const DetentionOrderPayload = Type.Object(
  {
    detentionId: Ref('openDetention'),
    /** Hours (police, prosecution) or days (court extensions), per the rule table. */
    duration: Type.Integer({
      minimum: 1,
      maximum: 365,
      description:
        'Hours for police and prosecution orders, days for court extensions; the detention rule table sets the limits',
    }),
    reason: Text(2000),
  },
  { additionalProperties: false },
);

export const ReleasePayload = Type.Object(
  { detentionId: Ref('openDetention'), releasedAt: DateTime, reason: Text(2000) },
  { additionalProperties: false },
);

export const ReferPayload = (
  field: string,
  ref: ReferenceKind = 'institution:prosecution_office',
) =>
  Type.Object(
    { [field]: Ref(ref), note: Type.Optional(Text(4000)) },
    { additionalProperties: false },
  );

export const ScheduleHearingPayload = Type.Object(
  {
    startsAt: DateTime,
    /** Defaults to 60 minutes when left out. */
    durationMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 600 })),
    room: Text(60),
    judgeIds: Type.Array(Ref('judge'), { minItems: 1, maxItems: 5, uniqueItems: true }),
    summonedPartyIds: Type.Optional(Type.Array(Ref('party'), { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const ADJOURNMENT_REASONS = [
  'witness_absent',
  'defendant_absent',
  'lawyer_request',
  'evidence_pending',
  'expert_report_pending',
  'court_schedule',
  'other',
] as const;

export const AdjournPayload = Type.Object(
  {
    hearingId: Ref('scheduledHearing'),
    reasonCode: Type.Enum(ADJOURNMENT_REASONS),
    nextStartsAt: DateTime,
    minutes: Type.Optional(Text(20000)),
  },
  { additionalProperties: false },
);

export const HoldHearingPayload = Type.Object(
  { hearingId: Ref('scheduledHearing'), minutes: Text(20000) },
  { additionalProperties: false },
);

export const JUDGMENT_OUTCOMES = ['convicted', 'acquitted', 'dismissed'] as const;

/** The kind of sentence of a conviction; death and life are refused for a juvenile. */
export const SENTENCE_KINDS = [
  'imprisonment',
  'fine',
  'non_custodial_measure',
  'life_imprisonment',
  'death',
] as const;

export const JudgmentPayload = Type.Object(
  {
    pronouncedAt: DateTime,
    judgments: Type.Array(
      Type.Object(
        {
          chargeId: Ref('indictedCharge'),
          outcome: Type.Enum(JUDGMENT_OUTCOMES),
          sentence: Type.Optional(Type.Enum(SENTENCE_KINDS)),
          custodialMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 1200 })),
          fineAmount: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000_000 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    minutes: Type.Optional(Text(20000)),
  },
  { additionalProperties: false },
);

export const CLOSURE_REASONS = [
  'no_crime',
  'insufficient_evidence',
  'unknown_perpetrator',
  'statute_barred',
  'complaint_withdrawn',
  'under_age_of_responsibility',
  'public_interest',
] as const;

export const ReassignPayload = Type.Object(
  { userId: Ref('user'), reason: Text(2000) },
  { additionalProperties: false },
);
