/** Request and response schemas of the documents routes (TypeBox -> validation and OpenAPI). */
import { Type } from 'typebox';
import { Uuid } from '../http/schemas';
import { DOCUMENT_LANGUAGES, DOCUMENT_TYPES } from '@qadiya/domain';

export const DocumentVersion = Type.Object({
  id: Uuid,
  version: Type.Integer({ minimum: 1 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  sizeBytes: Type.Integer({ minimum: 1 }),
  contentType: Type.String(),
  fileName: Type.String(),
  origin: Type.Union([Type.Literal('upload'), Type.Literal('generated')]),
  template: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  isDisposed: Type.Boolean(),
  isPreviewable: Type.Boolean(),
});

export const DocumentResponse = Type.Object({
  id: Uuid,
  caseId: Uuid,
  documentType: Type.Enum(DOCUMENT_TYPES),
  title: Type.String(),
  documentDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  author: Type.Union([Type.String(), Type.Null()]),
  language: Type.Enum(DOCUMENT_LANGUAGES),
  isSealed: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  disposedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  versions: Type.Array(DocumentVersion),
});

export const DocumentListResponse = Type.Object({
  items: Type.Array(DocumentResponse),
  withheldSealed: Type.Integer({ minimum: 0 }),
  maySeal: Type.Boolean({
    description:
      'Whether the reader may seal these documents: a prosecutor, chief prosecutor or judge of the ' +
      'file who may open its sealed documents (the file team or a specific grant)',
  }),
});

export const VersionParams = Type.Object(
  { id: Uuid, version: Type.Integer({ minimum: 1, maximum: 100_000 }) },
  { additionalProperties: false },
);

export const ContentQuery = Type.Object(
  {
    disposition: Type.Optional(
      Type.Union([Type.Literal('inline'), Type.Literal('attachment')], { default: 'attachment' }),
    ),
  },
  { additionalProperties: false },
);

export const SealBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const VerificationResponse = Type.Object({
  checkedAt: Type.String({ format: 'date-time' }),
  checked: Type.Integer(),
  isIntact: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      documentId: Uuid,
      version: Type.Integer(),
      sha256: Type.String(),
      status: Type.Union([Type.Literal('ok'), Type.Literal('mismatch'), Type.Literal('missing')]),
      actualSha256: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

/** The fields of the upload form (multipart), described for the OpenAPI document. */
export const UPLOAD_FORM_DESCRIPTION =
  'multipart/form-data with the fields documentType, title, language (ar|en|fr|other), and ' +
  'optionally documentDate (YYYY-MM-DD), author, sealed (true|false), followed by the file part ' +
  '"file". Fields must come before the file. The content type is sniffed from the bytes.';
