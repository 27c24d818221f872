/** Registers the family protection strings of the case page (family-labels.ts) as `caseFamily`. */
import { defineMessages } from '../../i18n/i18n';
import { FAMILY_LABELS_AR, FAMILY_LABELS_EN } from './family-labels';

export const CASE_FAMILY = defineMessages('caseFamily', {
  ar: FAMILY_LABELS_AR,
  en: FAMILY_LABELS_EN,
});
