/** Registers the payload labels (payload-labels.ts) as the `casePayload` namespace. */
import { defineMessages } from '../../i18n/i18n';
import { PAYLOAD_LABELS_AR, PAYLOAD_LABELS_EN } from './payload-labels';

export const CASE_PAYLOAD = defineMessages('casePayload', {
  ar: PAYLOAD_LABELS_AR,
  en: PAYLOAD_LABELS_EN,
});
