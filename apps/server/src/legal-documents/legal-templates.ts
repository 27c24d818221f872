/**
 * The catalogue of generated legal documents: each template's document type (the documents
 * area's list), the roles on the file that may generate it, and what the request must name.
 * Prosecutors draw up what the prosecution signs (indictment, detention order, extension request);
 * judges also sign the orders of the court; clerks and judges write what the court issues
 * (summons, minutes, judgment). See ADR 0019.
 */
import type { DocumentType, Role } from '@qadiya/domain';

export const TEMPLATE_NAMES = [
  'summons',
  'detention_order',
  'detention_extension_request',
  'indictment',
  'hearing_minutes',
  'judgment',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface LegalTemplate {
  documentType: DocumentType;
  titleAr: string;
  /** The file under templates/. */
  file: string;
  roles: readonly Role[];
  /** Body fields the template needs besides `template`. */
  requires: readonly ('hearingId' | 'partyId' | 'detentionId')[];
}

const prosecutors = ['prosecutor', 'chief_prosecutor'] as const;

export const LEGAL_TEMPLATES: Readonly<Record<TemplateName, LegalTemplate>> = {
  summons: {
    documentType: 'summons',
    titleAr: 'مذكرة حضور',
    file: 'summons',
    roles: ['court_clerk', 'judge'],
    requires: ['hearingId', 'partyId'],
  },
  detention_order: {
    documentType: 'detention_order',
    titleAr: 'مذكرة توقيف',
    file: 'detention-order',
    roles: [...prosecutors, 'judge'],
    requires: ['detentionId'],
  },
  detention_extension_request: {
    documentType: 'detention_extension_request',
    titleAr: 'طلب تمديد توقيف',
    file: 'detention-extension-request',
    roles: prosecutors,
    requires: ['detentionId'],
  },
  indictment: {
    documentType: 'indictment',
    titleAr: 'لائحة اتهام',
    file: 'indictment',
    roles: prosecutors,
    requires: [],
  },
  hearing_minutes: {
    documentType: 'minutes',
    titleAr: 'محضر جلسة',
    file: 'hearing-minutes',
    roles: ['court_clerk', 'judge'],
    requires: ['hearingId'],
  },
  judgment: {
    documentType: 'judgment',
    titleAr: 'حكم',
    file: 'judgment',
    roles: ['judge', 'court_clerk'],
    requires: [],
  },
};
