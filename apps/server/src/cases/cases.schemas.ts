import { CONFIDENTIALITY_LEVELS } from '@qadiya/domain';
import { Type } from 'typebox';
import { Uuid } from '../http/schemas';

const Labels = Type.Object({ ar: Type.String(), en: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
/** Nested records whose fields are documented in the description; extra fields are kept. */
const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const CaseHeader = Type.Object(
  {
    id: Uuid,
    matterId: Uuid,
    reference: Nullable(Type.String({ examples: ['RAM-PROS/PF/774/2026'] })),
    number: Nullable(Type.String({ examples: ['774/2026'] })),
    caseType: Type.String({ examples: ['prosecution_file'] }),
    caseTypeLabels: Labels,
    state: Type.String({ examples: ['under_investigation'] }),
    stateLabels: Labels,
    version: Type.Integer({
      description: 'Send it back with the next event; a stale one gets 409',
    }),
    intakeStatus: Type.Union([
      Type.Literal('pending'),
      Type.Literal('accepted'),
      Type.Literal('returned'),
    ]),
    returnReason: Nullable(Type.String()),
    confidentiality: Type.Enum(CONFIDENTIALITY_LEVELS),
    institutionId: Uuid,
    unitId: Nullable(Uuid),
    incidentDate: Nullable(Type.String({ format: 'date' })),
    openedAt: DateTime,
    isDisposed: Type.Boolean(),
    disposedAt: Nullable(DateTime),
  },
  { additionalProperties: true },
);

export const EventOption = Type.Object({
  name: Type.String({ examples: ['indict'] }),
  labels: Labels,
  toState: Nullable(Type.String()),
  payloadSchema: Type.Object(
    {},
    { additionalProperties: true, description: 'JSON Schema of the payload' },
  ),
});

export const CasePage = Type.Intersect([
  CaseHeader,
  Type.Object({
    summary: Nullable(Type.String()),
    institution: Type.Object({
      id: Uuid,
      code: Type.String(),
      nameAr: Type.String(),
      nameEn: Type.String(),
    }),
    myRoles: Type.Array(Type.String()),
    team: Type.Array(Open('userId, role, isLead, nameAr, nameEn, assignedAt')),
    parties: Nullable(
      Type.Array(
        Open(
          'id, personId, role, roleLabels (accused label by offence class), nameAr, nameLatin, sex, dateOfBirth',
        ),
      ),
    ),
    charges: Type.Array(
      Open(
        'id, partyId, offence {code, titleAr, titleEn, class, lawAr, article}, disposition, custodialMonths, fineAmount',
      ),
    ),
    detentions: Type.Array(
      Open('id, partyId, arrestedAt, place, releasedAt, currentExpiry, orders[]'),
    ),
    hearings: Nullable(
      Type.Array(
        Open('id, courtId, room, startsAt, endsAt, status, minutes, adjournReason, judges[]'),
      ),
    ),
    deadlines: Type.Array(Open('id, name, titleAr, titleEn, kind, priority, dueAt')),
    linkedFiles: Type.Array(
      Open('the other files of the matter; id and reference only where you may open them'),
    ),
    availableEvents: Type.Array(EventOption),
  }),
]);

export const RegisterCaseBody = Type.Object(
  {
    caseType: Type.String({ examples: ['prosecution_file'] }),
    institutionId: Uuid,
    unitId: Type.Optional(Nullable(Uuid)),
    summary: Type.Optional(Type.String({ maxLength: 8000 })),
    incidentDate: Type.Optional(Type.String({ format: 'date' })),
    confidentiality: Type.Optional(Type.Enum(CONFIDENTIALITY_LEVELS)),
  },
  {
    additionalProperties: false,
    examples: [
      {
        caseType: 'police_report',
        institutionId: '3f1c2a9e-5b6d-4c1e-9a8b-7d6e5f4c3b2a',
        summary: 'سرقة من محل تجاري في البيرة',
        incidentDate: '2026-11-20',
      },
    ],
  },
);

export const FireEventBody = Type.Object(
  {
    event: Type.String({ minLength: 1, maxLength: 80, examples: ['close_file'] }),
    version: Type.Integer({ minimum: 1, description: 'The file version you decided on' }),
    payload: Type.Object(
      {},
      { additionalProperties: true, description: "Checked against the event's payload schema" },
    ),
  },
  {
    additionalProperties: false,
    examples: [
      { event: 'close_file', version: 4, payload: { reasonCode: 'insufficient_evidence' } },
    ],
  },
);

export const TimelineResponse = Type.Object({
  case: CaseHeader,
  events: Type.Array(
    Type.Object({
      id: Uuid,
      seq: Type.Integer(),
      eventType: Type.String(),
      labels: Labels,
      actor: Nullable(
        Type.Object({
          userId: Uuid,
          nameAr: Nullable(Type.String()),
          nameEn: Nullable(Type.String()),
        }),
      ),
      occurredAt: DateTime,
      workflowVersion: Type.Integer(),
      payload: Type.Object({}, { additionalProperties: true }),
      stateBefore: Nullable(Type.String()),
      stateAfter: Type.String(),
    }),
  ),
  availableEvents: Type.Array(EventOption),
});

export const ListCasesQuery = Type.Object(
  {
    caseType: Type.Optional(Type.String({ maxLength: 40 })),
    state: Type.Optional(Type.String({ maxLength: 40 })),
    institutionId: Type.Optional(Uuid),
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);

export const CaseListResponse = Type.Object({
  items: Type.Array(CaseHeader),
  total: Type.Integer(),
});

export const InboxResponse = Type.Object({
  items: Type.Array(
    Type.Intersect([
      CaseHeader,
      Type.Object({
        summary: Nullable(Type.String({ description: 'Null when your roles may not read it' })),
        referredFrom: Nullable(
          Type.Object({
            institutionId: Uuid,
            code: Type.String(),
            nameAr: Type.String(),
            nameEn: Type.String(),
          }),
        ),
      }),
    ]),
  ),
  total: Type.Integer(),
});

export const AcceptBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), unitId: Type.Optional(Nullable(Uuid)) },
  { additionalProperties: false },
);
export const ReturnBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
