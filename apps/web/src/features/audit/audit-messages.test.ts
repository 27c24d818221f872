/**
 * Every action code of the server's closed audit catalogue has a label in Arabic and in English,
 * and the screen knows no code the server does not.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../../server/src/audit/audit-actions';
import { i18next } from '../../i18n/i18n';
import { AUDIT, AUDIT_ACTION_CODES, AUDIT_ACTION_LABELS } from './messages';

const serverCodes = Object.keys(AUDIT_ACTIONS);

describe('audit action labels', () => {
  it.each(serverCodes)('%s has a non-empty Arabic and English label', (code) => {
    const ar = (AUDIT_ACTION_LABELS.ar as Record<string, string | undefined>)[code];
    const en = (AUDIT_ACTION_LABELS.en as Record<string, string | undefined>)[code];
    expect(ar?.trim(), `Arabic label of ${code}`).toBeTruthy();
    expect(en?.trim(), `English label of ${code}`).toBeTruthy();
    expect(ar).not.toBe(en);
  });

  it('resolves through i18next in both languages', () => {
    for (const code of serverCodes) {
      for (const lng of ['ar', 'en'] as const) {
        expect(i18next.exists(`actions.${code}`, { ns: AUDIT, lng }), `${lng}: ${code}`).toBe(true);
      }
    }
  });

  it('labels no action the server does not record', () => {
    expect([...AUDIT_ACTION_CODES].sort()).toEqual([...serverCodes].sort());
  });
});
