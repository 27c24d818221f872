/** Request and response of POST /api/v1/cases/:id/generated-documents. */
import { Type, type Static } from 'typebox';
import { Uuid } from '../http/schemas';
import { TEMPLATE_NAMES } from './legal-templates';

const uuid = (options: { description: string }) => Type.String({ format: 'uuid', ...options });

export const GenerateDocumentBody = Type.Object(
  {
    template: Type.Enum(TEMPLATE_NAMES, { description: 'Which legal document to generate' }),
    hearingId: Type.Optional(uuid({ description: 'summons, hearing_minutes' })),
    partyId: Type.Optional(uuid({ description: 'summons: the party summoned' })),
    detentionId: Type.Optional(
      uuid({ description: 'detention_order, detention_extension_request' }),
    ),
    requestedDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 60,
        description:
          'detention_extension_request: days asked for (default and maximum: what a court may order at once)',
      }),
    ),
    grounds: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 4000,
        description: 'detention_extension_request: the grounds, printed as written',
      }),
    ),
    documentId: Type.Optional(
      uuid({
        description: 'Store as the next version of this document of the file (same type)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type GenerateDocumentBody = Static<typeof GenerateDocumentBody>;

export const GeneratedDocument = Type.Object({
  documentId: Uuid,
  versionId: Uuid,
  version: Type.Integer(),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  sizeBytes: Type.Integer(),
  contentType: Type.String(),
  template: Type.String(),
  documentType: Type.String(),
  title: Type.String(),
  maskedParties: Type.Integer({
    description: 'How many parties the document names by initials only (ADR 0019)',
  }),
});

export const TemplateList = Type.Array(
  Type.Object({
    template: Type.Enum(TEMPLATE_NAMES),
    documentType: Type.String(),
    titleAr: Type.String(),
    requires: Type.Array(Type.Enum(['hearingId', 'partyId', 'detentionId'])),
  }),
);
