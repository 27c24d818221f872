/**
 * The evidence register: items and their seizure, digital evidence files with their SHA-256, the
 * chain of custody, disposal or return, and verification of the stored hashes.
 */
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, IdParams } from '../http/schemas';
import { contentDisposition } from '../documents/content-disposition';
import {
  fieldError,
  optionalField,
  readUpload,
  registerMultipart,
} from '../documents/multipart-upload';
import { addEvidenceFile } from './add-evidence-file';
import { downloadEvidenceFile } from './download-evidence-file';
import {
  DispositionBody,
  EvidenceListResponse,
  EvidenceResponse,
  EvidenceVerification,
  RegisterEvidenceBody,
  TransferBody,
} from './evidence.schemas';
import { getEvidence, listEvidence } from './list-evidence';
import { recordDisposition } from './record-disposition';
import { registerEvidence } from './register-evidence';
import { transferCustody } from './transfer-custody';
import { verifyEvidence } from './verify-evidence';

const tags = ['evidence'];

export async function evidenceRoutes(app: FastifyTypebox): Promise<void> {
  await app.register(async (scope: FastifyTypebox) => {
    await registerMultipart(scope, scope.services.config.documents.maxUploadBytes);
    scope.post(
      '/evidence/:id/files',
      {
        schema: {
          tags,
          summary: 'Store a digital evidence file with its SHA-256 (streamed)',
          description:
            'multipart/form-data: optional field declaredSha256 (the hash recorded at seizure), ' +
            'then the file part "file". Any type of file is accepted.',
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: EvidenceResponse, ...errorResponses(404, 409, 413) },
        },
      },
      async (request, reply) => {
        const ctx = useCaseContext(request);
        const upload = await readUpload(request);
        const declared = optionalField(upload.fields, 'declaredSha256')?.toLowerCase() ?? null;
        if (declared !== null && !/^[0-9a-f]{64}$/.test(declared)) {
          throw fieldError('declaredSha256', 'must be 64 hexadecimal characters');
        }
        const item = await addEvidenceFile(ctx, request.params.id, {
          fileName: upload.fileName,
          content: upload.stream,
          declaredSha256: declared,
        });
        return reply.status(201).send(item);
      },
    );
  });

  app.get(
    '/cases/:id/evidence',
    {
      schema: {
        tags,
        summary: "A file's evidence register with files and chains of custody",
        params: IdParams,
        response: { 200: EvidenceListResponse, ...errorResponses(404) },
      },
    },
    (request) => listEvidence(useCaseContext(request), request.params.id),
  );

  app.post(
    '/cases/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Enter a seized item in the register (its seizure opens the chain of custody)',
        params: IdParams,
        body: RegisterEvidenceBody,
        response: { 201: EvidenceResponse, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await registerEvidence(useCaseContext(request), request.params.id, request.body)),
  );

  app.get(
    '/evidence/:id',
    {
      schema: {
        tags,
        summary: 'One evidence item',
        params: IdParams,
        response: { 200: EvidenceResponse, ...errorResponses(404) },
      },
    },
    (request) => getEvidence(useCaseContext(request), request.params.id),
  );

  app.post(
    '/evidence/:id/custody',
    {
      schema: {
        tags,
        summary: 'Record a transfer in the chain of custody (append-only)',
        params: IdParams,
        body: TransferBody,
        response: { 201: EvidenceResponse, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await transferCustody(useCaseContext(request), request.params.id, request.body)),
  );

  app.post(
    '/evidence/:id/disposition',
    {
      schema: {
        tags,
        summary: 'Dispose of or return an item, on the authorising decision',
        params: IdParams,
        body: DispositionBody,
        response: { 200: EvidenceResponse, ...errorResponses(404, 409) },
      },
    },
    (request) => recordDisposition(useCaseContext(request), request.params.id, request.body),
  );

  app.get(
    '/evidence-files/:id/content',
    {
      schema: {
        tags,
        summary: 'Download a digital evidence file (audited)',
        params: IdParams,
        produces: ['application/octet-stream'],
        response: errorResponses(404, 409),
      },
    },
    async (request, reply) => {
      const file = await downloadEvidenceFile(useCaseContext(request), request.params.id);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-length', file.sizeBytes)
        .header('content-disposition', contentDisposition('attachment', file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('x-content-sha256', file.sha256)
        .send(file.stream);
    },
  );

  app.post(
    '/cases/:id/evidence/verify',
    {
      schema: {
        tags,
        summary: "Recompute the SHA-256 of a file's digital evidence and report any mismatch",
        params: IdParams,
        response: { 200: EvidenceVerification, ...errorResponses(404) },
      },
    },
    (request) => verifyEvidence(useCaseContext(request), request.params.id),
  );
}
