/**
 * What the "generate a legal document" dialog offers for each template, from the case page already
 * loaded: the hearings a summons or minutes can be about, the parties to summon, the detentions an
 * order or extension request can be about. The server decides again and says why when it refuses.
 */
import type { CasePage } from './types';

export const GENERATED_TEMPLATES = [
  'summons',
  'detention_order',
  'detention_extension_request',
  'indictment',
  'hearing_minutes',
  'judgment',
] as const;
export type GeneratedTemplate = (typeof GENERATED_TEMPLATES)[number];
export type TemplateField = 'hearingId' | 'partyId' | 'detentionId';

/** `GET /cases/:id/generated-documents/templates`: the templates the user may generate here. */
export interface TemplateOffer {
  template: GeneratedTemplate;
  documentType: string;
  titleAr: string;
  requires: TemplateField[];
}

export interface GenerateRequest {
  template: GeneratedTemplate;
  hearingId?: string;
  partyId?: string;
  detentionId?: string;
  requestedDays?: number;
  grounds?: string;
  documentId?: string;
}

/** The hearings a template can be about: scheduled ones for a summons, past ones for minutes. */
export function hearingsFor(template: GeneratedTemplate, page: CasePage) {
  const hearings = page.hearings ?? [];
  if (template === 'summons') return hearings.filter((h) => h.status === 'scheduled');
  if (template === 'hearing_minutes') {
    return hearings.filter((h) => h.status === 'held' || h.status === 'adjourned');
  }
  return [];
}

/** Detentions still running (an order or extension is about the person held now). */
export function openDetentions(page: CasePage) {
  return page.detentions.filter((d) => d.releasedAt === null);
}

/** The request body, or the first field still to choose. */
export function buildRequest(
  offer: TemplateOffer,
  values: {
    hearingId: string;
    partyId: string;
    detentionId: string;
    requestedDays: string;
    grounds: string;
    /** '' for a new document; otherwise the document this becomes the next version of. */
    documentId?: string;
  },
): { body: GenerateRequest } | { missing: TemplateField } {
  const body: GenerateRequest = { template: offer.template };
  for (const field of offer.requires) {
    if (values[field] === '') return { missing: field };
    body[field] = values[field];
  }
  if (offer.template === 'detention_extension_request') {
    const days = Number.parseInt(values.requestedDays, 10);
    if (Number.isInteger(days) && days > 0) body.requestedDays = days;
    if (values.grounds.trim() !== '') body.grounds = values.grounds.trim();
  }
  if (values.documentId) body.documentId = values.documentId;
  return { body };
}
