import { describe, expect, it } from 'vitest';
import { courtCase } from '../case-types/court-case';
import { guards } from '../case-types/common-events';
import { policeReport } from '../case-types/police-report';
import { prosecutionFile } from '../case-types/prosecution-file';
import type { Role } from '../organisation/roles';
import {
  availableEvents,
  decideEvent,
  eventsAllowedInState,
  findEvent,
  payloadIssues,
  type EventDecision,
} from './engine';
import { emptyFacts, type CaseFacts } from './facts';
import type { CaseTypeDefinition } from './types';

// ---------------------------------------------------------------------------------------------
// Realistic facts: a prosecution file in Ramallah with one accused, one victim, two charges.
// ---------------------------------------------------------------------------------------------

const NOW = new Date('2026-03-01T10:00:00Z');
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const iso = (date: Date) => date.toISOString();

/** Readable, valid v4 UUIDs: `uuid(7)` is `…-000000000007`. */
const uuid = (n: number) => `5b0e6a4c-1f2d-4c3b-9a8e-${n.toString(16).padStart(12, '0')}`;

const PERSON = { accused: uuid(1), victim: uuid(2), witness: uuid(3) };
const PARTY = { accused: uuid(11), victim: uuid(12), witness: uuid(13) };
const CHARGE = { theft: uuid(21), assault: uuid(22), dropped: uuid(23) };
const OFFENCE = { theft: uuid(31) };
const COURT = uuid(41);
const HEARING = { scheduled: uuid(51), held: uuid(52) };
const DETENTION = { open: uuid(61) };

type Party = CaseFacts['parties'][number];
type Charge = CaseFacts['charges'][number];

const ADULT = {
  dateOfBirth: '1990-05-14',
  ageStatus: 'adult',
  sex: 'male',
  relationshipToAccused: null,
} as const;
const accusedParty: Party = {
  id: PARTY.accused,
  personId: PERSON.accused,
  role: 'accused',
  ...ADULT,
};
const victimParty: Party = { id: PARTY.victim, personId: PERSON.victim, role: 'victim', ...ADULT };
const witnessParty: Party = {
  id: PARTY.witness,
  personId: PERSON.witness,
  role: 'witness',
  ...ADULT,
};

function pendingCharge(id: string, offenceClass: Charge['offenceClass'] = 'misdemeanour'): Charge {
  return { id, partyId: PARTY.accused, offenceClass, disposition: 'pending' };
}

function makeFacts(
  definition: CaseTypeDefinition,
  state: string,
  actorRoles: readonly Role[],
  rest: Partial<Omit<CaseFacts, 'caseType' | 'state' | 'actorRoles'>> = {},
): CaseFacts {
  return { ...emptyFacts(definition.caseType, state, NOW), actorRoles, ...rest };
}

/** A prosecution file under investigation with an accused, a victim and two pending charges. */
function investigationFacts(actorRoles: readonly Role[] = ['prosecutor']): CaseFacts {
  return makeFacts(prosecutionFile, 'under_investigation', actorRoles, {
    parties: [accusedParty, victimParty, witnessParty],
    charges: [
      pendingCharge(CHARGE.theft),
      pendingCharge(CHARGE.assault, 'felony'),
      { ...pendingCharge(CHARGE.dropped), disposition: 'dropped' },
    ],
    detentions: [
      {
        id: DETENTION.open,
        partyId: PARTY.accused,
        isOpen: true,
        currentExpiry: hoursFromNow(24),
      },
    ],
  });
}

/** A court case in trial on two indicted charges, with one hearing scheduled and one held. */
function trialFacts(actorRoles: readonly Role[] = ['judge']): CaseFacts {
  return makeFacts(courtCase, 'in_trial', actorRoles, {
    parties: [accusedParty, victimParty],
    charges: [
      { ...pendingCharge(CHARGE.theft), disposition: 'indicted' },
      { ...pendingCharge(CHARGE.assault, 'felony'), disposition: 'indicted' },
    ],
    hearings: [
      { id: HEARING.held, status: 'held', startsAt: hoursFromNow(-72) },
      { id: HEARING.scheduled, status: 'scheduled', startsAt: hoursFromNow(48) },
    ],
  });
}

const validIndictment = {
  courtId: COURT,
  chargeIds: [CHARGE.theft, CHARGE.assault],
  note: 'لائحة اتهام بحق المشتكى عليه',
};

const validJudgment = {
  pronouncedAt: iso(NOW),
  judgments: [
    { chargeId: CHARGE.theft, outcome: 'convicted', custodialMonths: 6 },
    { chargeId: CHARGE.assault, outcome: 'acquitted' },
  ],
};

type Refusal = Extract<EventDecision, { ok: false }>;
type Reason = Refusal['reason'];

function expectRefused<R extends Reason>(
  decision: EventDecision,
  reason: R,
): Extract<Refusal, { reason: R }> {
  expect(decision).toMatchObject({ ok: false, reason });
  return decision as Extract<Refusal, { reason: R }>;
}

function expectAccepted(decision: EventDecision): Extract<EventDecision, { ok: true }> {
  expect(decision).toMatchObject({ ok: true });
  return decision as Extract<EventDecision, { ok: true }>;
}

const ARABIC = /[\u0600-\u06FF]/;

// ---------------------------------------------------------------------------------------------

describe('decideEvent: unknown events', () => {
  it.each(['fly_to_the_moon', '', 'INDICT', 'indict '])('refuses the unknown event %j', (name) => {
    const decision = decideEvent(prosecutionFile, investigationFacts(), name, {});
    expect(decision).toEqual({ ok: false, reason: 'unknown_event', event: name });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'does not mistake the inherited object property %s for an event',
    (name) => {
      expect(decideEvent(prosecutionFile, investigationFacts(), name, {})).toEqual({
        ok: false,
        reason: 'unknown_event',
        event: name,
      });
      expect(findEvent(prosecutionFile, name)).toBeUndefined();
    },
  );
});

describe('decideEvent: events not allowed in the current state', () => {
  it('refuses an indictment of a file that is only registered, listing what is allowed there', () => {
    const facts = { ...investigationFacts(), state: 'registered' };
    const decision = expectRefused(
      decideEvent(prosecutionFile, facts, 'indict', validIndictment),
      'not_allowed_in_state',
    );
    expect(decision.state).toBe('registered');
    expect(decision.event).toBe('indict');
    expect(decision.allowedEvents).toEqual(eventsAllowedInState(prosecutionFile, 'registered'));
    expect(decision.allowedEvents).toContain('open_investigation');
    expect(decision.allowedEvents).not.toContain('indict');
    expect(decision.allowedEvents).not.toContain('question');
  });

  it('lists no allowed events in a final state', () => {
    const facts = { ...investigationFacts(), state: 'indicted' };
    const decision = expectRefused(
      decideEvent(prosecutionFile, facts, 'close_file', { reasonCode: 'no_crime' }),
      'not_allowed_in_state',
    );
    expect(decision.allowedEvents).toEqual([]);
  });

  it('checks the state before the role (409 before 403) and before the payload', () => {
    const facts = { ...investigationFacts(['lawyer']), state: 'closed' };
    expectRefused(decideEvent(prosecutionFile, facts, 'indict', 'junk'), 'not_allowed_in_state');
  });

  it('refuses an event fired in a state the definition does not know', () => {
    const facts = { ...investigationFacts(), state: 'no_such_state' };
    const decision = expectRefused(
      decideEvent(prosecutionFile, facts, 'indict', validIndictment),
      'not_allowed_in_state',
    );
    expect(decision.allowedEvents).toEqual([]);
  });
});

describe('decideEvent: roles', () => {
  it.each<[string, readonly Role[]]>([
    ['a judge', ['judge']],
    ['a police investigator', ['police_investigator']],
    ['a lawyer and an auditor', ['lawyer', 'auditor']],
    ['nobody at all', []],
  ])('refuses an indictment by %s', (_who, roles) => {
    const decision = expectRefused(
      decideEvent(prosecutionFile, investigationFacts(roles), 'indict', validIndictment),
      'role_not_permitted',
    );
    expect(decision.roles).toEqual(['prosecutor', 'chief_prosecutor']);
  });

  it('lets only the chief prosecutor reassign a file', () => {
    const payload = { userId: uuid(99), reason: 'إعادة توزيع الملفات' };
    const byProsecutor = expectRefused(
      decideEvent(prosecutionFile, investigationFacts(['prosecutor']), 'reassign', payload),
      'role_not_permitted',
    );
    expect(byProsecutor.roles).toEqual(['chief_prosecutor']);
    expectAccepted(
      decideEvent(prosecutionFile, investigationFacts(['chief_prosecutor']), 'reassign', payload),
    );
  });

  it('accepts an actor who holds one permitted role among others', () => {
    const roles: Role[] = ['auditor', 'lawyer', 'chief_prosecutor'];
    expectAccepted(
      decideEvent(prosecutionFile, investigationFacts(roles), 'indict', validIndictment),
    );
  });

  it('checks the role before the payload (403 before 400)', () => {
    expectRefused(
      decideEvent(prosecutionFile, investigationFacts(['judge']), 'indict', { junk: true }),
      'role_not_permitted',
    );
  });
});

describe('decideEvent: payloads', () => {
  const closeFile = (payload: unknown) =>
    decideEvent(prosecutionFile, investigationFacts(), 'close_file', payload);
  const indict = (payload: unknown) =>
    decideEvent(prosecutionFile, investigationFacts(), 'indict', payload);
  const judge = (payload: unknown) =>
    decideEvent(courtCase, trialFacts(), 'record_judgment', payload);

  it.each<[string, () => EventDecision, string]>([
    ['a missing closure reason', () => closeFile({}), 'reasonCode'],
    ['a closure reason outside the list', () => closeFile({ reasonCode: 'bored' }), 'reasonCode'],
    ['an unknown field', () => closeFile({ reasonCode: 'no_crime', colour: 'blue' }), 'colour'],
    [
      'a note that is too long',
      () => closeFile({ reasonCode: 'no_crime', note: 'x'.repeat(4001) }),
      'note',
    ],
    ['an empty list of charges', () => indict({ ...validIndictment, chargeIds: [] }), 'chargeIds'],
    [
      'a charge id that is not a UUID',
      () => indict({ ...validIndictment, chargeIds: [CHARGE.theft, 'charge-2'] }),
      'chargeIds.1',
    ],
    [
      'the same charge twice',
      () => indict({ ...validIndictment, chargeIds: [CHARGE.theft, CHARGE.theft] }),
      'chargeIds',
    ],
    ['a court id that is not a UUID', () => indict({ ...validIndictment, courtId: 42 }), 'courtId'],
    [
      'a judgment outcome outside the list',
      () =>
        judge({
          ...validJudgment,
          judgments: [{ chargeId: CHARGE.theft, outcome: 'guilty' }],
        }),
      'judgments.0.outcome',
    ],
    [
      'a negative custodial sentence',
      () =>
        judge({
          ...validJudgment,
          judgments: [
            { chargeId: CHARGE.theft, outcome: 'convicted' },
            { chargeId: CHARGE.assault, outcome: 'convicted', custodialMonths: -1 },
          ],
        }),
      'judgments.1.custodialMonths',
    ],
    [
      'a judgment without its charge',
      () => judge({ ...validJudgment, judgments: [{ outcome: 'acquitted' }] }),
      'judgments.0.chargeId',
    ],
    [
      'an unknown field inside a judgment',
      () =>
        judge({
          ...validJudgment,
          judgments: [{ chargeId: CHARGE.theft, outcome: 'convicted', stars: 5 }],
        }),
      'judgments.0.stars',
    ],
    [
      'a pronouncement time without a time zone',
      () => judge({ ...validJudgment, pronouncedAt: '2026-03-01 10:00' }),
      'pronouncedAt',
    ],
    ['a payload that is not an object', () => closeFile('no_crime'), '(root)'],
    ['a null payload', () => closeFile(null), '(root)'],
    ['an array payload', () => closeFile([{ reasonCode: 'no_crime' }]), '(root)'],
  ])('refuses %s, naming the field', (_what, decide, field) => {
    const decision = expectRefused(decide(), 'invalid_payload');
    expect(decision.issues.map((issue) => issue.field)).toContain(field);
    for (const issue of decision.issues) expect(issue.problem).not.toBe('');
  });

  it('names every missing field, not only the first', () => {
    const decision = expectRefused(indict({ note: 'ناقصة' }), 'invalid_payload');
    expect(decision.issues.map((issue) => issue.field).sort()).toEqual(['chargeIds', 'courtId']);
  });

  it('names every unknown field, not only the first', () => {
    const decision = expectRefused(
      closeFile({ reasonCode: 'no_crime', colour: 'blue', size: 3 }),
      'invalid_payload',
    );
    expect(decision.issues.map((issue) => issue.field).sort()).toEqual(['colour', 'size']);
  });

  it('refuses a payload with many unknown fields, beyond the error buffer of the validator', () => {
    // TypeBox buffers 8 errors: eight unknown fields used to fill the buffer, leave no issue once
    // filtered, and let the payload through with its bad closure reason.
    const junkFields = Array.from({ length: 10 }, (_, i) => `junk${i}`);
    const junk = Object.fromEntries(junkFields.map((key) => [key, 1]));
    const decision = expectRefused(
      closeFile({ ...junk, reasonCode: 'because_i_said_so' }),
      'invalid_payload',
    );
    expect(decision.issues.map((issue) => issue.field)).toEqual(
      expect.arrayContaining(junkFields.slice(0, 8)),
    );

    const registered = { ...investigationFacts(), state: 'registered' };
    const onlyJunk = expectRefused(
      decideEvent(prosecutionFile, registered, 'open_investigation', junk),
      'invalid_payload',
    );
    expect(onlyJunk.issues.length).toBeGreaterThanOrEqual(8);
    for (const issue of onlyJunk.issues) {
      expect(junkFields).toContain(issue.field);
      expect(issue.problem).toBe('must not have additional properties');
    }
  });

  it('names every missing field of an item in a list', () => {
    const decision = expectRefused(
      judge({ pronouncedAt: iso(NOW), judgments: [{}] }),
      'invalid_payload',
    );
    expect(decision.issues.map((issue) => issue.field).sort()).toEqual([
      'judgments.0.chargeId',
      'judgments.0.outcome',
    ]);
  });

  it('names the field of a union of literals', () => {
    const facts = makeFacts(courtCase, 'appeal_window', ['court_clerk']);
    const decision = expectRefused(
      decideEvent(courtCase, facts, 'file_appeal', {
        appellateCourtId: COURT,
        appellant: 'the neighbour',
        grounds: 'خطأ في تطبيق القانون',
      }),
      'invalid_payload',
    );
    expect(new Set(decision.issues.map((issue) => issue.field))).toEqual(new Set(['appellant']));
  });

  it('checks the payload before the guards (400 before 422)', () => {
    // No charges at all would fail NO_CHARGES, but the payload is wrong first.
    const facts = makeFacts(prosecutionFile, 'under_investigation', ['prosecutor']);
    expectRefused(
      decideEvent(prosecutionFile, facts, 'indict', { courtId: COURT }),
      'invalid_payload',
    );
  });

  it('payloadIssues returns nothing for a valid payload', () => {
    expect(payloadIssues(prosecutionFile.events.indict!, validIndictment)).toEqual([]);
    expect(payloadIssues(courtCase.events.record_judgment!, validJudgment)).toEqual([]);
  });
});

describe('decideEvent: guards', () => {
  it('refuses a charge against a victim with the guard code and an Arabic and English message', () => {
    const decision = expectRefused(
      decideEvent(prosecutionFile, investigationFacts(), 'add_charge', {
        partyId: PARTY.victim,
        offenceId: OFFENCE.theft,
      }),
      'guard_failed',
    );
    expect(decision.code).toBe('NOT_AN_ACCUSED_OF_THIS_FILE');
    expect(decision.message).toEqual(guards.accusedParty.message);
    expect(decision.message.ar).toMatch(ARABIC);
    expect(decision.message.en).toMatch(/accused/);
  });

  it('reports the first guard that fails, in the order the event lists them', () => {
    // Both "not an accused" and "arrest in the future" fail: the first one is reported.
    const decision = expectRefused(
      decideEvent(prosecutionFile, investigationFacts(), 'arrest', {
        partyId: PARTY.witness,
        arrestedAt: iso(hoursFromNow(5)),
      }),
      'guard_failed',
    );
    expect(decision.code).toBe('NOT_AN_ACCUSED_OF_THIS_FILE');
  });

  it('refuses to indict on a charge that was dropped', () => {
    const decision = expectRefused(
      decideEvent(prosecutionFile, investigationFacts(), 'indict', {
        ...validIndictment,
        chargeIds: [CHARGE.theft, CHARGE.dropped],
      }),
      'guard_failed',
    );
    expect(decision).toMatchObject({ code: 'CHARGE_NOT_PENDING', event: 'indict' });
    expect(decision.message.ar).toMatch(ARABIC);
  });

  it('refuses a judgment that judges the same charge twice', () => {
    const decision = expectRefused(
      decideEvent(courtCase, trialFacts(), 'record_judgment', {
        ...validJudgment,
        judgments: [
          { chargeId: CHARGE.theft, outcome: 'convicted' },
          { chargeId: CHARGE.theft, outcome: 'acquitted' },
          { chargeId: CHARGE.assault, outcome: 'acquitted' },
        ],
      }),
      'guard_failed',
    );
    expect(decision.code).toBe('CHARGE_JUDGED_TWICE');
  });
});

describe('decideEvent: accepted events', () => {
  it('accepts an indictment: state before and after, action and effects', () => {
    const decision = decideEvent(prosecutionFile, investigationFacts(), 'indict', validIndictment);
    expect(decision).toEqual({
      ok: true,
      event: 'indict',
      stateBefore: 'under_investigation',
      stateAfter: 'indicted',
      action: 'decision.record',
      effects: prosecutionFile.events.indict!.effects,
    });
    const effects = expectAccepted(decision).effects;
    expect(effects).toContainEqual({
      kind: 'refer',
      toCaseType: 'court_case',
      institutionField: 'courtId',
      link: 'referral',
    });
    expect(effects).toContainEqual({ kind: 'complete_deadlines', names: ['decide_file'] });
  });

  it('keeps the state for an event that records without moving the file', () => {
    const decision = expectAccepted(
      decideEvent(prosecutionFile, investigationFacts(), 'add_party', {
        personId: uuid(4),
        role: 'witness',
      }),
    );
    expect(decision.stateBefore).toBe('under_investigation');
    expect(decision.stateAfter).toBe('under_investigation');
    expect(decision.action).toBe('party.add');
    expect(decision.effects).toEqual([]);
  });

  it('returns a null action for an event without one', () => {
    const facts = { ...investigationFacts(), state: 'registered' };
    const decision = expectAccepted(
      decideEvent(prosecutionFile, facts, 'open_investigation', { note: 'فتح التحقيق' }),
    );
    expect(decision).toMatchObject({ stateAfter: 'under_investigation', action: null });
  });

  it('returns the deadline effect of a judgment (the appeal window)', () => {
    const decision = expectAccepted(
      decideEvent(courtCase, trialFacts(), 'record_judgment', validJudgment),
    );
    expect(decision.stateAfter).toBe('appeal_window');
    expect(decision.action).toBe('judgment.record');
    expect(decision.effects).toEqual([
      expect.objectContaining({
        kind: 'deadline',
        name: 'appeal_window',
        due: { kind: 'working_days', days: 15 },
      }),
    ]);
  });

  it('accepts a police hold on an open detention and passes the authority on', () => {
    const facts = makeFacts(policeReport, 'evidence_gathering', ['police_investigator'], {
      parties: [accusedParty],
      detentions: [
        { id: DETENTION.open, partyId: PARTY.accused, isOpen: true, currentExpiry: null },
      ],
    });
    const decision = expectAccepted(
      decideEvent(policeReport, facts, 'police_hold', {
        detentionId: DETENTION.open,
        duration: 24,
        reason: 'استكمال الاستدلال',
      }),
    );
    expect(decision.action).toBe('detention.order');
    expect(policeReport.events.police_hold!.actionParams).toEqual({ authority: 'police' });
  });

  it('neither mutates the facts nor the payload', () => {
    const facts = investigationFacts();
    const payload = structuredClone(validIndictment);
    const factsBefore = structuredClone(facts);
    decideEvent(prosecutionFile, facts, 'indict', payload);
    expect(facts).toEqual(factsBefore);
    expect(payload).toEqual(validIndictment);
  });
});

describe('availableEvents and eventsAllowedInState', () => {
  const expectedFor = (definition: CaseTypeDefinition, state: string, roles: readonly Role[]) =>
    Object.entries(definition.events)
      .filter(([, e]) => e.from.includes(state) && e.roles.some((r) => roles.includes(r)))
      .map(([name]) => name)
      .sort();

  it('offers a prosecutor the investigation events, without the chief-only ones', () => {
    const available = availableEvents(prosecutionFile, investigationFacts(['prosecutor']));
    expect(available.sort()).toEqual(
      expectedFor(prosecutionFile, 'under_investigation', ['prosecutor']),
    );
    expect(available).toEqual(
      expect.arrayContaining(['add_charge', 'question', 'indict', 'close_file']),
    );
    expect(available).not.toContain('reassign');
    expect(available).not.toContain('set_decision_deadline');
    expect(available).not.toContain('open_investigation');
  });

  it('offers the chief prosecutor the chief-only events too', () => {
    const available = availableEvents(prosecutionFile, investigationFacts(['chief_prosecutor']));
    expect(available).toEqual(expect.arrayContaining(['reassign', 'set_decision_deadline']));
  });

  it('offers nothing to a role with no rights on the file type', () => {
    expect(availableEvents(prosecutionFile, investigationFacts(['judge', 'auditor']))).toEqual([]);
    expect(availableEvents(prosecutionFile, investigationFacts([]))).toEqual([]);
  });

  it('offers nothing in a final state', () => {
    const facts = { ...investigationFacts(['chief_prosecutor']), state: 'closed' };
    expect(availableEvents(prosecutionFile, facts)).toEqual([]);
  });

  it('splits a scheduled court case between the clerk and the judge', () => {
    const clerk = availableEvents(courtCase, {
      ...trialFacts(['court_clerk']),
      state: 'scheduled',
    });
    const judge = availableEvents(courtCase, { ...trialFacts(['judge']), state: 'scheduled' });
    expect(clerk.sort()).toEqual(['add_party', 'reassign', 'schedule_hearing']);
    expect(judge.sort()).toEqual([
      'adjourn_hearing',
      'hold_hearing',
      'override_social_report',
      'reassign',
      'record_judgment',
      'schedule_hearing',
    ]);
    const both = availableEvents(courtCase, {
      ...trialFacts(['court_clerk', 'judge']),
      state: 'scheduled',
    });
    expect(both.sort()).toEqual([...new Set([...clerk, ...judge])].sort());
  });

  it('lists what a state allows whoever fires it', () => {
    expect(eventsAllowedInState(courtCase, 'scheduled').sort()).toEqual([
      'add_party',
      'adjourn_hearing',
      'hold_hearing',
      'override_social_report',
      'reassign',
      'record_judgment',
      'schedule_hearing',
    ]);
    expect(eventsAllowedInState(courtCase, 'archived')).toEqual([]);
  });

  it('never offers an event that decideEvent would refuse for its state or role', () => {
    for (const state of Object.keys(prosecutionFile.states)) {
      for (const role of ['prosecutor', 'chief_prosecutor', 'judge'] as const) {
        const facts = { ...investigationFacts([role]), state };
        for (const name of availableEvents(prosecutionFile, facts)) {
          const decision = decideEvent(prosecutionFile, facts, name, 'not a payload');
          expect(decision).toMatchObject({ ok: false, reason: 'invalid_payload' });
        }
      }
    }
  });
});
