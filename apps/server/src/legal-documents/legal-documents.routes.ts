/**
 * Generated legal documents: POST /api/v1/cases/:id/generated-documents renders a template from
 * the file's data to PDF and stores it as a document version. Access is decided in the use case.
 */
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, IdParams } from '../http/schemas';
import { generateLegalDocument } from './generate-legal-document';
import { listLegalTemplates } from './list-legal-templates';
import { GenerateDocumentBody, GeneratedDocument, TemplateList } from './legal-documents.schemas';

export function legalDocumentsRoutes(app: FastifyTypebox): void {
  app.get(
    '/cases/:id/generated-documents/templates',
    {
      schema: {
        tags: ['documents'],
        summary: 'The legal document templates you may generate on this file (by your roles on it)',
        params: IdParams,
        response: { 200: TemplateList, ...errorResponses(404) },
      },
    },
    async (request) => listLegalTemplates(useCaseContext(request), request.params.id),
  );

  app.post(
    '/cases/:id/generated-documents',
    {
      schema: {
        tags: ['documents'],
        summary:
          'Generate a legal document (summons, detention order, extension request, indictment, minutes, judgment) as a PDF document version',
        description:
          'Renders the template from the file (Arabic, right to left, with Typst) and stores it as ' +
          "version 1 of a new document of the template's type, or as the next version of " +
          "`documentId`, with its SHA-256. Needs access to the file and one of the template's " +
          'roles on it (403, audited). 400 DOCUMENT_DATA_MISSING names what the file lacks ' +
          '(`details.missing`: charges, minutes, judgment, detentionOrder); 400 VALIDATION_FAILED ' +
          'names a missing or wrong field; 409 when the state makes no sense (a summons to a held ' +
          'hearing, a detention order for a released detainee). Juvenile parties and protected ' +
          "victims other than the document's subject are named by initials (ADR 0019).",
        params: IdParams,
        body: GenerateDocumentBody,
        response: { 201: GeneratedDocument, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const result = await generateLegalDocument(
        useCaseContext(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
}
