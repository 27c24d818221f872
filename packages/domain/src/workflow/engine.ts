/**
 * The workflow engine: decides whether an event may be fired on a file now, and what follows.
 * Pure: it reads a definition and the file's facts and returns a decision; the server applies it.
 */
import { Value } from 'typebox/value';
import type { Role } from '../organisation/roles';
import type { CaseFacts } from './facts';
import type { CaseAction, CaseTypeDefinition, Effect, EventDefinition, Labels } from './types';

export interface PayloadIssue {
  field: string;
  problem: string;
}

export type EventDecision =
  | {
      ok: true;
      event: string;
      stateBefore: string;
      stateAfter: string;
      action: CaseAction | null;
      effects: readonly Effect[];
    }
  | { ok: false; reason: 'unknown_event'; event: string }
  | {
      ok: false;
      reason: 'not_allowed_in_state';
      event: string;
      state: string;
      allowedEvents: string[];
    }
  | { ok: false; reason: 'role_not_permitted'; event: string; roles: readonly Role[] }
  | { ok: false; reason: 'invalid_payload'; event: string; issues: PayloadIssue[] }
  | {
      ok: false;
      reason: 'guard_failed';
      event: string;
      code: string;
      message: Labels;
      /** The refusal must be audited (Guard.audited). */
      audited: boolean;
    };

/** The field of the file each action writes, for the case type's field rights. */
export const ACTION_FIELDS: Readonly<Record<CaseAction, string>> = {
  'party.add': 'parties',
  'charge.add': 'charges',
  'detention.arrest': 'detention',
  'detention.order': 'detention',
  'detention.release': 'detention',
  'hearing.schedule': 'hearings',
  'hearing.adjourn': 'hearings',
  'hearing.hold': 'hearings',
  'judgment.record': 'judgment',
  'decision.record': 'decision',
  'assignment.change': 'assignment',
  'mediation.record': 'mediation',
  'counsellor.instruct': 'social_report',
  'counsellor.report': 'social_report',
  'classification.gbv': 'classification',
  'risk.assess': 'victim_protection',
  'referral.send': 'victim_protection',
  'measure.issue': 'victim_protection',
  'measure.violation': 'victim_protection',
  'measure.revoke': 'victim_protection',
};

export function findEvent(
  definition: CaseTypeDefinition,
  event: string,
): EventDefinition | undefined {
  return Object.hasOwn(definition.events, event) ? definition.events[event] : undefined;
}

/** Events whose from-states include the current state and whose roles the actor holds. */
export function availableEvents(definition: CaseTypeDefinition, facts: CaseFacts): string[] {
  return Object.entries(definition.events)
    .filter(
      ([, event]) =>
        event.from.includes(facts.state) && event.roles.some((r) => facts.actorRoles.includes(r)),
    )
    .map(([name]) => name);
}

/** Events allowed in the state whoever fires them (for 409 messages). */
export function eventsAllowedInState(definition: CaseTypeDefinition, state: string): string[] {
  return Object.entries(definition.events)
    .filter(([, event]) => event.from.includes(state))
    .map(([name]) => name);
}

export function payloadIssues(event: EventDefinition, payload: unknown): PayloadIssue[] {
  // Validity is decided by Check, never by the error list: TypeBox buffers at most `maxErrors` (8)
  // errors, so a payload with eight unknown fields would otherwise yield no reportable issue.
  if (Value.Check(event.payload, payload)) return [];
  const issues = new Map<string, PayloadIssue>();
  for (const error of Value.Errors(event.payload, payload)) {
    const base = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = error.params as {
      requiredProperties?: string[];
      additionalProperties?: string[];
    };
    // An unknown property fails the `false` schema of additionalProperties (keyword `boolean`);
    // TypeBox then sums them up in one `additionalProperties` error, which may be cut off.
    const unknownProperty =
      error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties');
    const problem = unknownProperty ? 'must not have additional properties' : error.message;
    // One issue per missing or unknown property, so that a client learns of all of them at once.
    const named = params.requiredProperties ?? params.additionalProperties ?? [undefined];
    for (const extra of named) {
      const field = [base, extra].filter(Boolean).join('.') || '(root)';
      issues.set(`${field}\n${problem}`, { field, problem });
    }
  }
  return issues.size > 0
    ? [...issues.values()]
    : [{ field: '(root)', problem: 'does not match the payload schema' }];
}

/**
 * Decides an event. Checks, in order: the event exists, it is allowed in the current state (409),
 * the actor holds a permitted role (403), the payload matches its schema (400), every guard holds.
 */
export function decideEvent(
  definition: CaseTypeDefinition,
  facts: CaseFacts,
  eventName: string,
  payload: unknown,
): EventDecision {
  const event = findEvent(definition, eventName);
  if (!event) return { ok: false, reason: 'unknown_event', event: eventName };
  if (!event.from.includes(facts.state)) {
    return {
      ok: false,
      reason: 'not_allowed_in_state',
      event: eventName,
      state: facts.state,
      allowedEvents: eventsAllowedInState(definition, facts.state),
    };
  }
  if (!event.roles.some((role) => facts.actorRoles.includes(role))) {
    return { ok: false, reason: 'role_not_permitted', event: eventName, roles: event.roles };
  }
  // Field rights: an event whose action writes a field needs a role that may write it.
  const field = event.action ? ACTION_FIELDS[event.action] : undefined;
  const writers = field ? definition.fields[field]?.write : undefined;
  if (writers && !writers.some((role) => facts.actorRoles.includes(role))) {
    return { ok: false, reason: 'role_not_permitted', event: eventName, roles: writers };
  }
  const issues = payloadIssues(event, payload);
  if (issues.length > 0) return { ok: false, reason: 'invalid_payload', event: eventName, issues };
  for (const guard of event.guards ?? []) {
    if (!guard.holds(facts, payload)) {
      return {
        ok: false,
        reason: 'guard_failed',
        event: eventName,
        code: guard.code,
        message: guard.message,
        audited: guard.audited ?? false,
      };
    }
  }
  return {
    ok: true,
    event: eventName,
    stateBefore: facts.state,
    stateAfter: event.to ?? facts.state,
    action: event.action ?? null,
    effects: event.effects ?? [],
  };
}
