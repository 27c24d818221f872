/** The closed lists of document metadata (issue 10), mirrored by CHECK constraints in the server's migration 0014. */

export const DOCUMENT_TYPES = [
  'complaint',
  'police_report',
  'statement',
  'social_research_report',
  'medical_report',
  'indictment',
  'minutes',
  'judgment',
  'summons',
  'detention_order',
  'detention_extension_request',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_LANGUAGES = ['ar', 'en', 'fr', 'other'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export type DocumentOrigin = 'upload' | 'generated';

export const isDocumentType = (value: string): value is DocumentType =>
  (DOCUMENT_TYPES as readonly string[]).includes(value);
