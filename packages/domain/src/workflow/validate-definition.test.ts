import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { NoPayload } from '../case-types/payloads';
import { CASE_TYPES } from '../case-types/registry';
import type { Role } from '../organisation/roles';
import { defineCaseType, type CaseTypeDefinition, type EventDefinition } from './types';
import { assertValidDefinitions, definitionProblems } from './validate-definition';

const labels = (en: string) => ({ ar: 'تجربة', en });

/**
 * A minimal valid case type using every feature the validator checks: a guard, a deadline from a
 * payload date, its completion, a refer effect, an event that does not move the file, field rights.
 */
const demo = defineCaseType<'draft' | 'open' | 'done'>({
  caseType: 'demo_claim',
  version: 1,
  labels: labels('Demo claim'),
  referenceCode: 'DM',
  institutionKinds: ['court'],
  registeringRoles: ['court_clerk'],
  acceptingRoles: ['court_clerk'],
  initialState: 'draft',
  states: {
    draft: { labels: labels('Draft') },
    open: { labels: labels('Open') },
    done: { labels: labels('Done'), isFinal: true, isDisposed: true },
  },
  events: {
    submit: {
      labels: labels('Submit'),
      from: ['draft'],
      to: 'open',
      roles: ['court_clerk'],
      payload: Type.Object({ answerBy: Type.String({ format: 'date-time' }) }),
      guards: [{ code: 'ALWAYS_FINE', message: labels('Never refused'), holds: () => true }],
      effects: [
        {
          kind: 'deadline',
          name: 'answer',
          labels: labels('Answer the claim'),
          due: { kind: 'payload_date', field: 'answerBy' },
          assignee: { kind: 'case_assignee' },
          priority: 'normal',
        },
      ],
    },
    note: { labels: labels('Note'), from: ['open'], roles: ['judge'], payload: NoPayload },
    decide: {
      labels: labels('Decide'),
      from: ['open'],
      to: 'done',
      roles: ['judge'],
      payload: Type.Object({ courtId: Type.String({ format: 'uuid' }) }),
      effects: [
        { kind: 'complete_deadlines', names: ['answer'] },
        { kind: 'refer', toCaseType: 'demo_claim', institutionField: 'courtId', link: 'transfer' },
      ],
    },
  },
  fields: { summary: { read: ['judge', 'court_clerk'], write: ['court_clerk'] } },
});

type Events = Record<string, EventDefinition>;

/** A copy of the demo with some parts replaced. */
function broken(changes: Partial<CaseTypeDefinition>): CaseTypeDefinition {
  return { ...demo, ...changes };
}

/** A copy of the demo with some events added or replaced. */
function withEvents(events: Events, states?: CaseTypeDefinition['states']): CaseTypeDefinition {
  return broken({ events: { ...demo.events, ...events }, ...(states ? { states } : {}) });
}

const event = (changes: Partial<EventDefinition>): EventDefinition => ({
  labels: labels('Changed'),
  from: ['open'],
  roles: ['judge'],
  payload: NoPayload,
  ...changes,
});

const wizard = 'wizard' as string as Role;
const W = 'case type demo_claim';

describe('the shipped definitions', () => {
  it('all validate together', () => {
    expect(() => {
      assertValidDefinitions(CASE_TYPES);
    }).not.toThrow();
  });

  it.each(CASE_TYPES.map((d) => [d.caseType, d] as const))('%s has no problems', (_name, d) => {
    expect(
      definitionProblems(
        d,
        CASE_TYPES.map((other) => other.caseType),
      ),
    ).toEqual([]);
  });

  it('the demo used below is valid on its own', () => {
    expect(definitionProblems(demo)).toEqual([]);
    expect(() => {
      assertValidDefinitions([demo, ...CASE_TYPES]);
    }).not.toThrow();
  });
});

describe('broken definitions', () => {
  it.each<[string, CaseTypeDefinition, string[]]>([
    [
      'an unknown to-state',
      withEvents({ note: event({ to: 'nowhere' }) }),
      [`${W}, event note: to-state nowhere is not a state`],
    ],
    [
      'an unknown from-state',
      withEvents({ note: event({ from: ['open', 'limbo'] }) }),
      [`${W}, event note: from-state limbo is not a state`],
    ],
    [
      'an event with no from-state',
      withEvents({ note: event({ from: [] }) }),
      [`${W}, event note: no from-state`],
    ],
    [
      'an event leaving a final state',
      withEvents({ reopen: event({ from: ['done'], to: 'open' }) }),
      [`${W}, event reopen: leaves final state done`],
    ],
    [
      'an event recording in a final state',
      withEvents({ annotate: event({ from: ['done'] }) }),
      [`${W}, event annotate: leaves final state done`],
    ],
    [
      'an unknown role on an event',
      withEvents({ note: event({ roles: ['judge', wizard] }) }),
      [`${W}: event note names unknown role wizard`],
    ],
    [
      'an event no role may fire',
      withEvents({ note: event({ roles: [] }) }),
      [`${W}, event note: no role may fire it`],
    ],
    [
      'an unknown registering role',
      broken({ registeringRoles: [wizard] }),
      [`${W}: registeringRoles names unknown role wizard`],
    ],
    [
      'an unknown accepting role',
      broken({ acceptingRoles: ['judge', wizard] }),
      [`${W}: acceptingRoles names unknown role wizard`],
    ],
    [
      'an unknown role in field rights',
      broken({ fields: { summary: { read: ['judge'], write: [wizard] } } }),
      [`${W}: field summary write names unknown role wizard`],
    ],
    [
      'an unreachable state',
      withEvents(
        { leave_limbo: event({ from: ['limbo'], to: 'done' }) },
        { ...demo.states, limbo: { labels: labels('Limbo') } },
      ),
      [`${W}: state limbo is unreachable`],
    ],
    [
      'a dead-end state that is not final',
      withEvents(
        { get_stuck: event({ to: 'stuck' }) },
        { ...demo.states, stuck: { labels: labels('Stuck') } },
      ),
      [`${W}: state stuck is a dead end`],
    ],
    [
      'a state whose only event leads back to itself',
      withEvents(
        {
          get_stuck: event({ to: 'stuck' }),
          spin: event({ from: ['stuck'], to: 'stuck' }),
        },
        { ...demo.states, stuck: { labels: labels('Stuck') } },
      ),
      [`${W}: state stuck is a dead end`],
    ],
    [
      'a refer effect to an unknown case type',
      withEvents({
        decide: event({
          to: 'done',
          payload: Type.Object({ courtId: Type.String() }),
          effects: [
            {
              kind: 'refer',
              toCaseType: 'divorce_case',
              institutionField: 'courtId',
              link: 'referral',
            },
          ],
        }),
      }),
      [`${W}, event decide: refers to unknown case type divorce_case`],
    ],
    [
      'a refer effect naming a payload field that does not exist',
      withEvents({
        transfer: event({
          to: 'done',
          payload: Type.Object({ officeId: Type.String() }),
          effects: [
            {
              kind: 'refer',
              toCaseType: 'demo_claim',
              institutionField: 'prosecutionOfficeId',
              link: 'transfer',
            },
          ],
        }),
      }),
      [`${W}, event transfer: payload has no field prosecutionOfficeId`],
    ],
    [
      'a deadline due on a payload date that does not exist',
      withEvents({
        remind: event({
          effects: [
            {
              kind: 'deadline',
              name: 'reply',
              labels: labels('Reply'),
              due: { kind: 'payload_date', field: 'replyBy' },
              assignee: { kind: 'actor' },
              priority: 'high',
            },
          ],
        }),
      }),
      [`${W}, event remind: deadline reply reads missing payload field replyBy`],
    ],
    [
      'completing a deadline no event creates',
      withEvents({ note: event({ effects: [{ kind: 'complete_deadlines', names: ['ghost'] }] }) }),
      [`${W}: completes deadline ghost, which no event creates`],
    ],
    [
      'a guard code that is not UPPER_SNAKE',
      withEvents({
        note: event({
          guards: [{ code: 'not-upper', message: labels('Bad'), holds: () => true }],
        }),
      }),
      [`${W}, event note: guard code not-upper is not UPPER_SNAKE`],
    ],
    [
      'a payload schema that is not an object',
      withEvents({ note: event({ payload: Type.String() }) }),
      [`${W}, event note: payload schema must be an object`],
    ],
    [
      'an initial state that is not a state',
      broken({ initialState: 'limbo' }),
      [
        `${W}: initial state limbo is not a state`,
        `${W}: state draft is unreachable`,
        `${W}: state open is unreachable`,
        `${W}: state done is unreachable`,
      ],
    ],
    ['no institution kind', broken({ institutionKinds: [] }), [`${W}: no institution keeps it`]],
    ['version 0', broken({ version: 0 }), [`${W}: version must be ≥ 1`]],
    ['a fractional version', broken({ version: 1.5 }), [`${W}: version must be ≥ 1`]],
  ])('reports %s', (_what, definition, expected) => {
    expect(definitionProblems(definition)).toEqual(expected);
  });

  it.each(['Demo', 'demo-claim', 'de', '1demo', 'demo claim'])(
    'reports the badly formed identifier %j',
    (caseType) => {
      expect(definitionProblems(broken({ caseType }))).toContain(
        `case type ${caseType}: badly formed identifier`,
      );
    },
  );

  it('accepts a refer effect to a case type known to the registry, not otherwise', () => {
    const toCourt = withEvents({
      decide: event({
        to: 'done',
        payload: Type.Object({ courtId: Type.String() }),
        effects: [
          {
            kind: 'refer',
            toCaseType: 'court_case',
            institutionField: 'courtId',
            link: 'referral',
          },
        ],
      }),
    });
    expect(definitionProblems(toCourt, ['demo_claim', 'court_case'])).toEqual([]);
    expect(definitionProblems(toCourt)).toEqual([
      `${W}, event decide: refers to unknown case type court_case`,
    ]);
  });

  it('reports a case type that receives referrals no role may accept', () => {
    expect(() => {
      assertValidDefinitions([broken({ acceptingRoles: [] })]);
    }).toThrow(`- ${W} receives referrals but no role may accept them`);
  });

  it('reports a case type defined twice, once', () => {
    expect(() => {
      assertValidDefinitions([demo, demo, demo]);
    }).toThrow(/^Invalid case type definitions:\n- case type demo_claim is defined twice$/);
  });

  it('throws one error listing every problem of every definition', () => {
    const first = withEvents({ note: event({ to: 'nowhere' }) });
    const second = broken({ caseType: 'other_claim', version: 0 });
    let message = '';
    try {
      assertValidDefinitions([first, second]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Invalid case type definitions:',
      `- ${W}, event note: to-state nowhere is not a state`,
      '- case type other_claim: version must be ≥ 1',
    ]);
  });
});
