/**
 * Case documents: list, upload (multipart, streamed), new versions, download and inline preview,
 * sealing, verification. Routes validate, call one use case and present.
 */
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, IdParams } from '../http/schemas';
import { contentDisposition } from './content-disposition';
import { isPreviewable } from './content-types';
import { DOCUMENT_LANGUAGES, isDocumentType, type DocumentLanguage } from '@qadiya/domain';
import {
  ContentQuery,
  DocumentListResponse,
  DocumentResponse,
  SealBody,
  UPLOAD_FORM_DESCRIPTION,
  VerificationResponse,
  VersionParams,
} from './documents.schemas';
import { downloadDocument } from './download-document';
import { getDocument, listDocuments } from './list-documents';
import {
  fieldError,
  optionalField,
  readUpload,
  registerMultipart,
  requiredField,
} from './multipart-upload';
import { retentionRoutes } from './retention.routes';
import { sealDocument } from './seal-document';
import { storeDocumentVersion, type NewDocumentMetadata } from './store-document-version';
import { verifyDocuments } from './verify-documents';

const tags = ['documents'];

export async function documentsRoutes(app: FastifyTypebox): Promise<void> {
  await app.register(async (scope: FastifyTypebox) => {
    await registerMultipart(scope, scope.services.config.documents.maxUploadBytes);
    uploadRoutes(scope);
  });
  readRoutes(app);
  retentionRoutes(app);
}

function uploadRoutes(app: FastifyTypebox): void {
  app.post(
    '/cases/:id/documents',
    {
      schema: {
        tags,
        summary: 'Upload a document to a file (version 1)',
        description: UPLOAD_FORM_DESCRIPTION,
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: DocumentResponse, ...errorResponses(404, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const ctx = useCaseContext(request);
      const upload = await readUpload(request);
      const stored = await storeDocumentVersion(ctx, {
        caseId: request.params.id,
        metadata: metadataFrom(upload.fields),
        fileName: upload.fileName,
        content: upload.stream,
        origin: 'upload',
        declaredType: upload.declaredType,
      });
      return reply.status(201).send(await getDocument(ctx, stored.documentId));
    },
  );

  app.post(
    '/documents/:id/versions',
    {
      schema: {
        tags,
        summary: 'Upload a new version of a document (older versions are kept)',
        description: 'multipart/form-data with the file part "file".',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: DocumentResponse, ...errorResponses(404, 409, 410, 413, 415) },
      },
    },
    async (request, reply) => {
      const ctx = useCaseContext(request);
      const current = await getDocument(ctx, request.params.id);
      const upload = await readUpload(request);
      await storeDocumentVersion(ctx, {
        caseId: current.caseId,
        documentId: current.id,
        fileName: upload.fileName,
        content: upload.stream,
        origin: 'upload',
        declaredType: upload.declaredType,
      });
      return reply.status(201).send(await getDocument(ctx, current.id));
    },
  );
}

function readRoutes(app: FastifyTypebox): void {
  app.get(
    '/cases/:id/documents',
    {
      schema: {
        tags,
        summary: "A file's documents with their versions (sealed ones for the team only)",
        params: IdParams,
        response: { 200: DocumentListResponse, ...errorResponses(404) },
      },
    },
    (request) => listDocuments(useCaseContext(request), request.params.id),
  );

  app.get(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: 'One document with its versions',
        params: IdParams,
        response: { 200: DocumentResponse, ...errorResponses(404) },
      },
    },
    (request) => getDocument(useCaseContext(request), request.params.id),
  );

  app.get(
    '/documents/:id/versions/:version/content',
    {
      schema: {
        tags,
        summary: 'Download a version, or preview it inline (PDF and images); audited',
        params: VersionParams,
        querystring: ContentQuery,
        produces: ['application/octet-stream'],
        response: errorResponses(404, 409, 410),
      },
    },
    async (request, reply) => {
      const wanted = request.query.disposition ?? 'attachment';
      const download = await downloadDocument(
        useCaseContext(request),
        request.params.id,
        request.params.version,
        wanted,
      );
      const disposition =
        wanted === 'inline' && isPreviewable(download.contentType) ? 'inline' : 'attachment';
      return reply
        .header('content-type', download.contentType)
        .header('content-length', download.sizeBytes)
        .header('content-disposition', contentDisposition(disposition, download.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${download.sha256}"`)
        .send(download.stream);
    },
  );

  app.post(
    '/documents/:id/seal',
    {
      schema: {
        tags,
        summary: 'Seal a document: only the file team and specific grants may open it',
        params: IdParams,
        body: SealBody,
        response: { 200: DocumentResponse, ...errorResponses(404) },
      },
    },
    (request) => sealDocument(useCaseContext(request), request.params.id, request.body.reason),
  );

  app.post(
    '/cases/:id/documents/verify',
    {
      schema: {
        tags,
        summary: "Recompute the SHA-256 of every stored version of a file's documents",
        params: IdParams,
        response: { 200: VerificationResponse, ...errorResponses(404) },
      },
    },
    (request) => verifyDocuments(useCaseContext(request), request.params.id),
  );
}

function metadataFrom(fields: Record<string, string>): NewDocumentMetadata {
  const documentType = requiredField(fields, 'documentType');
  if (!isDocumentType(documentType)) throw fieldError('documentType', 'unknown document type');
  const language = requiredField(fields, 'language');
  if (!(DOCUMENT_LANGUAGES as readonly string[]).includes(language)) {
    throw fieldError('language', `must be one of ${DOCUMENT_LANGUAGES.join(', ')}`);
  }
  const sealed = optionalField(fields, 'sealed') ?? 'false';
  if (sealed !== 'true' && sealed !== 'false') throw fieldError('sealed', 'must be true or false');
  return {
    documentType,
    title: requiredField(fields, 'title'),
    documentDate: optionalField(fields, 'documentDate'),
    author: optionalField(fields, 'author'),
    language: language as DocumentLanguage,
    sealed: sealed === 'true',
  };
}
