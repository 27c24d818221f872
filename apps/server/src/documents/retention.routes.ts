/** The retention schedule: documents due for disposal, and the recorded disposal itself. */
import { Type } from 'typebox';
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, IdParams, Uuid } from '../http/schemas';
import { disposeDocument } from './dispose-document';
import { DocumentResponse } from './documents.schemas';
import { listRetentionDue } from './list-retention-due';

const tags = ['documents'];

export function retentionRoutes(app: FastifyTypebox): void {
  app.get(
    '/documents/retention-due',
    {
      schema: {
        tags,
        summary: 'Documents of closed files due for disposal under the retention schedule',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                documentId: Uuid,
                caseId: Uuid,
                caseReference: Type.Union([Type.String(), Type.Null()]),
                title: Type.String(),
                documentType: Type.String(),
                fileClosedAt: Type.Union([Type.String(), Type.Null()]),
                retentionDays: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses(),
        },
      },
    },
    (request) => listRetentionDue(useCaseContext(request), request.query.limit ?? 100),
  );

  app.post(
    '/documents/:id/dispose',
    {
      schema: {
        tags,
        summary:
          'Dispose of a due document on a recorded decision: the bytes go, metadata and hashes stay',
        params: IdParams,
        body: Type.Object(
          {
            decisionReference: Type.String({ minLength: 1, maxLength: 200 }),
            reason: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: DocumentResponse, ...errorResponses(404, 409, 410) },
      },
    },
    (request) => disposeDocument(useCaseContext(request), request.params.id, request.body),
  );
}
