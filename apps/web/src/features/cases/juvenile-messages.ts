/** Registers the juvenile strings of the case page (juvenile-labels.ts) as `caseJuvenile`. */
import { defineMessages } from '../../i18n/i18n';
import { JUVENILE_LABELS_AR, JUVENILE_LABELS_EN } from './juvenile-labels';

export const CASE_JUVENILE = defineMessages('caseJuvenile', {
  ar: JUVENILE_LABELS_AR,
  en: JUVENILE_LABELS_EN,
});
