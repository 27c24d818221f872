/**
 * A victim's relationship to the accused (issue 6), as the register form offers it: the codes of
 * the domain's RELATIONSHIPS in their order, with the same words as the event forms (a unit test
 * holds both to the domain and to payload-labels.ts). Pure data, in register's own namespace so
 * that the register screen does not load the case page's labels.
 */
export const RELATIONSHIP_LABELS_AR = {
  spouse: 'زوج/زوجة',
  former_spouse: 'زوج سابق/طليقة',
  fiance: 'خاطب/مخطوبة',
  parent: 'أب/أم',
  child: 'ابن/ابنة',
  sibling: 'أخ/أخت',
  other_relative: 'قريب آخر',
  guardian: 'وصي/ولي',
  acquaintance: 'معرفة',
  stranger: 'لا صلة',
};

export const RELATIONSHIP_LABELS_EN: typeof RELATIONSHIP_LABELS_AR = {
  spouse: 'Spouse',
  former_spouse: 'Former spouse',
  fiance: 'Fiancé(e)',
  parent: 'Parent',
  child: 'Child',
  sibling: 'Sibling',
  other_relative: 'Other relative',
  guardian: 'Guardian',
  acquaintance: 'Acquaintance',
  stranger: 'No relation',
};

export type RelationshipCode = keyof typeof RELATIONSHIP_LABELS_AR;

export const RELATIONSHIP_CODES = Object.keys(RELATIONSHIP_LABELS_AR) as RelationshipCode[];
