import { CONFIDENTIALITY_LEVELS, MEDIATION_STATUSES } from '@qadiya/domain';
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
    isJuvenile: Type.Boolean({
      description: 'An accused was under 18 at the offence (derived from dates of birth)',
    }),
    isFamilyProtection: Type.Boolean({
      description: 'Family protection file (derived from relationships, offences and victims)',
    }),
    mediationStatus: Nullable(Type.Enum(MEDIATION_STATUSES)),
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
          'id, personId, role, roleLabels (accused label by offence class), nameAr, nameLatin, isMasked (a protected victim seen from outside the team: initials, no date of birth), addressConfidential, sex, dateOfBirth, ageAtOffence, ageStatus (under_age, juvenile, adult, unknown), relationshipToAccused',
        ),
      ),
    ),
    charges: Type.Array(
      Open(
        'id, partyId, offence {code, titleAr, titleEn, class, lawAr, article}, disposition, custodialMonths, fineAmount',
      ),
    ),
    detentions: Type.Array(
      Open(
        'id, partyId, arrestedAt, place, facility, isJuvenile, lastResortJustification, releasedAt, currentExpiry, orders[]',
      ),
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
    juvenile: Nullable(
      Open(
        'isJuvenileFile, ageToVerify, ageOverride {justification, at}, socialReport {status (not_instructed, instructed, submitted, overridden), override, reports[]}; null when no juvenile rule applies',
      ),
    ),
    mediation: Nullable(
      Open(
        "status, steps[] {status, event, at, note}, mediator, agreement {signedAt, complianceDueDate, obligations[]}; a court file shows its matter's prosecution file's mediation",
      ),
    ),
    familyProtection: Nullable(
      Open(
        'reasons[] (family_relationship, gbv_offence, communication_threat_against_woman), linksCybercrime, gbvType, gbvFlags {intimatePartner, childVictim, earlyMarriage}, missingDetails[], mediationBlocked, mediationOverride {reason, at}; null for other files',
      ),
    ),
    // Victim protection (protection-page.ts): empty lists for roles that may not read them.
    riskAssessments: Type.Array(
      Open(
        'id, victimPartyId, assessedAt, assessedBy {userId, nameAr, nameEn}, questionnaireId, answers {questionId: answerId}, score, level (low, medium, high, severe); newest first, every assessment kept',
      ),
    ),
    referrals: Type.Array(
      Open(
        'id, version, victimPartyId, service (health, shelter, social, psychosocial, legal_aid), institution {id, code, nameAr, nameEn}, status (sent, accepted, declined, closed), consent (given, override), overrideReason, note, sentAt, sentBy, respondedAt, feedback, closedAt, closingFeedback; newest first',
      ),
    ),
    protectionMeasures: Type.Array(
      Open(
        'id, kind (no_contact, stay_away, temporary_custody), protectedPartyId, againstPartyId, authority (prosecution, court), conditions, issuedAt, expiresAt, status (active, violated, expired once expiresAt has passed, revoked), revokedAt, revokeReason, violations[] {id, occurredAt, description, recordedAt, newCase {id, reference} | null}; newest first',
      ),
    ),
    availableEvents: Type.Array(EventOption),
  }),
]);

/** The answer to an event after which its actor may no longer open the file. */
export const AccessEndedResponse = Type.Intersect([
  CaseHeader,
  Type.Object({
    accessEnded: Type.Literal(true, {
      description: 'The event was recorded, and with it your part in this file ended',
    }),
  }),
]);

export const EventRecordedResponse = Type.Intersect([
  CaseHeader,
  Type.Object({
    eventId: Type.String({
      format: 'uuid',
      description: 'The event recorded (the answer to Prefer: return=minimal)',
    }),
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

// ---- Case search (search-cases.ts) ----

const SearchDate = (description: string) =>
  Type.Optional(Type.String({ format: 'date', description, examples: ['2026-01-31'] }));

export const CaseSearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Words searched in the titles (summaries), event notes and hearing minutes of the files ' +
          'you may open, in Arabic and English (stemmed: السرقة finds سرقة, thefts finds theft); ' +
          '"quoted phrases" and -exclusions work. A file number (774/2026) or part of a ' +
          'reference finds the file too.',
        examples: ['سرقة محل تجاري'],
      }),
    ),
    number: Type.Optional(
      Type.String({
        pattern: '^[0-9]{1,9}(/[0-9]{4})?$',
        description: 'File number: serial/year (774/2026) or the serial alone',
      }),
    ),
    reference: Type.Optional(
      Type.String({ minLength: 2, maxLength: 80, description: 'Part of the full reference' }),
    ),
    personId: Type.Optional(Uuid),
    partyName: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Part of a party’s name, in any usual spelling (the registry’s name key)',
      }),
    ),
    offenceId: Type.Optional(Uuid),
    institutionId: Type.Optional(Uuid),
    caseType: Type.Optional(Type.String({ maxLength: 40 })),
    state: Type.Optional(Type.String({ maxLength: 40 })),
    assigneeId: Type.Optional(
      Type.String({ format: 'uuid', description: 'A user in the file’s team' }),
    ),
    openedFrom: SearchDate('Opened on or after this day (courts’ time zone)'),
    openedTo: SearchDate('Opened on or before this day (courts’ time zone)'),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 10_000, default: 0 }),
  },
  { additionalProperties: false },
);

const MatchField = Type.Union([
  Type.Literal('title'),
  Type.Literal('event_note'),
  Type.Literal('hearing_minutes'),
  Type.Literal('reference'),
]);

export const CaseSearchResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      case: CaseHeader,
      summary: Nullable(
        Type.String({
          description: 'Null when your roles may not read it, or the file is restricted',
        }),
      ),
      institution: Type.Object({
        id: Uuid,
        code: Type.String(),
        nameAr: Type.String(),
        nameEn: Type.String(),
      }),
      match: Type.Object(
        {
          rank: Nullable(Type.Number({ description: 'Text relevance; null for filters only' })),
          fields: Type.Array(MatchField, { description: 'Where the words were found' }),
          excerpt: Nullable(
            Type.Object(
              { field: MatchField, text: Type.String() },
              {
                description:
                  'The best field around the matched words, marked <mark>…</mark> (plain text ' +
                  'otherwise); null for restricted files, which show no content in a list',
              },
            ),
          ),
        },
        { description: 'Why the file was found' },
      ),
    }),
  ),
  total: Type.Integer({
    description: 'The number of files found; with totalIsLowerBound, at least that many',
  }),
  totalIsLowerBound: Type.Boolean({
    description:
      'True for a very common word (more matching texts than the search ranks): total counts ' +
      'the files found among the texts read, "at least", and the files are listed newest first',
  }),
  order: Type.Union([Type.Literal('relevance'), Type.Literal('newest')], {
    description:
      'relevance: best match first; newest: by opening date (filters only, or a very common word)',
  }),
});
