import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { decideEvent } from './engine';
import { emptyFacts } from './facts';
import { defineCaseType } from './types';

const claim = defineCaseType<'open' | 'closed'>({
  caseType: 'rights_demo',
  version: 1,
  labels: { ar: 'تجربة', en: 'Demo' },
  referenceCode: 'RD',
  institutionKinds: ['court'],
  registeringRoles: ['court_clerk'],
  acceptingRoles: [],
  initialState: 'open',
  states: {
    open: { labels: { ar: 'مفتوح', en: 'Open' } },
    closed: { labels: { ar: 'مغلق', en: 'Closed' }, isFinal: true },
  },
  events: {
    add_party: {
      labels: { ar: 'طرف', en: 'Party' },
      from: ['open'],
      roles: ['court_clerk', 'judge'],
      payload: Type.Object({}),
      action: 'party.add',
    },
    close: {
      labels: { ar: 'إغلاق', en: 'Close' },
      from: ['open'],
      to: 'closed',
      roles: ['judge'],
      payload: Type.Object({}),
    },
  },
  fields: { parties: { read: ['court_clerk', 'judge'], write: ['court_clerk'] } },
});

describe('field rights', () => {
  const facts = (roles: ('judge' | 'court_clerk')[]) => ({
    ...emptyFacts('rights_demo', 'open', new Date()),
    actorRoles: roles,
  });

  it('refuses an event whose action writes a field the role may not write', () => {
    expect(decideEvent(claim, facts(['judge']), 'add_party', {})).toMatchObject({
      ok: false,
      reason: 'role_not_permitted',
      roles: ['court_clerk'],
    });
  });

  it('accepts it for a role with the write right, and leaves events without a field alone', () => {
    expect(decideEvent(claim, facts(['court_clerk']), 'add_party', {})).toMatchObject({ ok: true });
    expect(decideEvent(claim, facts(['judge']), 'close', {})).toMatchObject({
      ok: true,
      stateAfter: 'closed',
    });
  });
});
