/**
 * Generates a legal document from the file's data and stores it as a document version
 * (POST /api/v1/cases/:id/generated-documents). The file is opened through the policy module with
 * the case page's own rule, then the template's roles are checked against the actor's roles on the
 * file (refusals audited); the data is read with the case page's use case (which audits a read of
 * a restricted file), rendered with Typst, and stored through the documents area, which hashes
 * it (SHA-256), keeps it content-addressed and audits `document.version_added` with the template.
 */
import type { Role } from '@qadiya/domain';
import { getCase } from '../cases/read-cases';
import { openFile, requireFileRole } from '../documents/document-access';
import { findDocument } from '../documents/documents.repository';
import { storeDocumentVersion } from '../documents/store-document-version';
import { AppError, notFound } from '../http/errors';
import { invalidField } from '../http/validation';
import { findPersonById } from '../persons/persons.repository';
import type { UseCaseContext } from '../use-case-context';
import { buildDetentionOrder, buildExtensionRequest } from './detention.data';
import { stateConflict, type BuildContext, type BuiltDocument } from './document-data';
import { buildHearingMinutes } from './hearing-minutes.data';
import { buildIndictment } from './indictment.data';
import { buildJudgment } from './judgment.data';
import { LEGAL_TEMPLATES, type TemplateName } from './legal-templates';
import { buildSummons } from './summons.data';
import { renderTemplate } from './typst-renderer';

export interface GenerateDocumentInput {
  template: TemplateName;
  hearingId?: string | undefined;
  partyId?: string | undefined;
  detentionId?: string | undefined;
  /** Extension request: the days asked for (default: the most a court may order at once). */
  requestedDays?: number | undefined;
  /** Extension request: the prosecutor's grounds, printed as written. */
  grounds?: string | undefined;
  /** Store as the next version of this document of the file (same document type). */
  documentId?: string | undefined;
}

function required(input: GenerateDocumentInput, field: 'hearingId' | 'partyId' | 'detentionId') {
  const value = input[field];
  if (!value) throw invalidField(field, `is required for the ${input.template} template`);
  return value;
}

function build(
  ctx: UseCaseContext,
  b: BuildContext,
  input: GenerateDocumentInput,
): Promise<BuiltDocument> {
  switch (input.template) {
    case 'summons':
      return buildSummons(b, {
        hearingId: required(input, 'hearingId'),
        partyId: required(input, 'partyId'),
      });
    case 'detention_order':
      return buildDetentionOrder(b, { detentionId: required(input, 'detentionId') });
    case 'detention_extension_request':
      return buildExtensionRequest(
        b,
        {
          detentionId: required(input, 'detentionId'),
          requestedDays: input.requestedDays,
          grounds: input.grounds,
        },
        ctx.config,
      );
    case 'indictment':
      return buildIndictment(b);
    case 'hearing_minutes':
      return buildHearingMinutes(b, { hearingId: required(input, 'hearingId') });
    case 'judgment':
      return buildJudgment(b, ctx);
  }
}

/**
 * Authorises, reads the file, builds the template's data and renders the PDF, without storing it
 * (generateLegalDocument stores it; test/legal-documents/render-samples.ts writes samples).
 */
export async function renderLegalDocument(
  ctx: UseCaseContext,
  caseId: string,
  input: GenerateDocumentInput,
) {
  const template = LEGAL_TEMPLATES[input.template];
  for (const field of template.requires) required(input, field);
  const access = await openFile(ctx, caseId, 'act');
  await requireFileRole(ctx, access, template.roles, `document.generate.${input.template}`, {
    type: 'case',
    id: caseId,
  });
  if (access.file.intake_status !== 'accepted') {
    throw new AppError('CASE_NOT_ACCEPTED', 'The file has not been accepted from the inbox yet');
  }
  if (input.documentId !== undefined) {
    const existing = await findDocument(ctx.db, input.documentId);
    if (!existing || existing.case_id !== caseId) throw notFound('Document', input.documentId);
    if (existing.document_type !== template.documentType) {
      throw stateConflict(
        'DOCUMENT_TYPE_MISMATCH',
        {
          ar: 'المستند المختار من نوع آخر',
          en: `A new version of a ${existing.document_type} cannot be a ${template.documentType}`,
        },
        { documentType: existing.document_type },
      );
    }
  }
  const page = await getCase(ctx, caseId);
  const role = template.roles.find((r) => access.roles.includes(r)) as Role;
  const built = await build(
    ctx,
    {
      page,
      now: ctx.clock.now(),
      timeZone: ctx.config.timeZone,
      signer: { role, nameAr: ctx.actor.displayNameAr },
      nationalIdOf: async (personId) =>
        (await findPersonById(ctx.db, personId))?.national_id ?? null,
    },
    input,
  );
  const reference = (page.file.reference ?? caseId).replace(/[^A-Za-z0-9-]+/g, '-');
  return {
    template,
    built,
    fileName: `${template.file}-${reference}.pdf`,
    pdf: renderTemplate(template.file, built.data),
  };
}

export async function generateLegalDocument(
  ctx: UseCaseContext,
  caseId: string,
  input: GenerateDocumentInput,
) {
  const { template, built, fileName, pdf } = await renderLegalDocument(ctx, caseId, input);
  const stored = await storeDocumentVersion(ctx, {
    caseId,
    ...(input.documentId === undefined
      ? {
          metadata: {
            documentType: template.documentType,
            title: built.title,
            documentDate: built.documentDate,
            author: ctx.actor.displayNameAr,
            language: 'ar' as const,
            sealed: false,
          },
        }
      : { documentId: input.documentId }),
    fileName,
    content: pdf,
    origin: 'generated',
    template: input.template,
  });
  return {
    ...stored,
    template: input.template,
    documentType: template.documentType,
    title: built.title,
    maskedParties: built.maskedParties,
  };
}
