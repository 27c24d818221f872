/** Which handler delivers each outbox topic. A topic without a handler is retried and logged. */
import { REFER_TOPIC } from '../cases/case-effects';
import { receiveReferral } from '../cases/intake/receive-referral';
import type { OutboxHandler } from './outbox-worker';

export const OUTBOX_HANDLERS: Readonly<Record<string, OutboxHandler>> = {
  [REFER_TOPIC]: receiveReferral,
};
