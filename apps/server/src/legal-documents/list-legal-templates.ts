/**
 * The templates the actor may generate on a file: those whose roles the actor holds on it (the
 * web app offers only these; generating checks again).
 */
import { openFile } from '../documents/document-access';
import type { UseCaseContext } from '../use-case-context';
import { LEGAL_TEMPLATES, TEMPLATE_NAMES } from './legal-templates';

export async function listLegalTemplates(ctx: UseCaseContext, caseId: string) {
  const access = await openFile(ctx, caseId, 'read');
  return TEMPLATE_NAMES.filter((name) =>
    LEGAL_TEMPLATES[name].roles.some((role) => access.roles.includes(role)),
  ).map((name) => ({
    template: name,
    documentType: LEGAL_TEMPLATES[name].documentType,
    titleAr: LEGAL_TEMPLATES[name].titleAr,
    requires: [...LEGAL_TEMPLATES[name].requires],
  }));
}
