/**
 * A case type is typed data: states, events and field rights, validated at start-up
 * (validate-definition.ts) and interpreted by the engine (engine.ts). Adding a case type means
 * writing one of these, not changing the engine. The pattern is HMCTS Core Case Data's.
 */
import type { Static, TSchema } from 'typebox';
import type { InstitutionKind } from '../organisation/institutions';
import type { Role } from '../organisation/roles';
import type { CaseFacts } from './facts';

export interface Labels {
  ar: string;
  en: string;
}

export interface StateDefinition {
  labels: Labels;
  /** No event leaves a final state. */
  isFinal?: boolean;
  /** The file is disposed of once here (counted by clearance rate and time to disposition). */
  isDisposed?: boolean;
  /** Time here does not count toward time to disposition (CourTools 3), e.g. a stay. */
  isSuspended?: boolean;
}

/** A rule that must hold for the event to be accepted; refusal names `code`. */
export interface Guard<P = unknown> {
  code: string;
  message: Labels;
  holds: (facts: CaseFacts, payload: P) => boolean;
  /** A refusal is itself recorded in the audit log (an attempt the law forbids). */
  audited?: boolean;
}

/**
 * What the server does with the relational model when the event is accepted. A closed list:
 * each action has one implementation on the server, shared by every case type that uses it.
 */
export type CaseAction =
  | 'party.add'
  | 'charge.add'
  | 'detention.arrest'
  | 'detention.order'
  | 'detention.release'
  | 'hearing.schedule'
  | 'hearing.adjourn'
  | 'hearing.hold'
  | 'judgment.record'
  | 'decision.record'
  | 'assignment.change'
  | 'mediation.record'
  | 'counsellor.instruct'
  | 'counsellor.report'
  | 'classification.gbv'
  | 'risk.assess'
  | 'referral.send'
  | 'measure.issue'
  | 'measure.violation'
  | 'measure.revoke';

/** Who a deadline or task goes to. */
export type Assignee =
  | { kind: 'case_assignee' }
  | { kind: 'role_at_institution'; role: Role }
  | { kind: 'actor' }
  /** The user named by a payload field (the counsellor instructed, the mediator chosen). */
  | { kind: 'payload_user'; field: string };

/** When a deadline falls. */
export type Due =
  | { kind: 'working_days'; days: number }
  | { kind: 'hours'; hours: number }
  | { kind: 'payload_date'; field: string };

export type Effect =
  | {
      kind: 'deadline';
      /** Stable name: later events complete deadlines by name. */
      name: string;
      labels: Labels;
      due: Due;
      assignee: Assignee;
      priority: 'urgent' | 'high' | 'normal';
    }
  | { kind: 'complete_deadlines'; names: readonly string[] }
  | {
      kind: 'refer';
      /** The case type the receiving institution opens. */
      toCaseType: string;
      /** The payload field holding the receiving institution's id. */
      institutionField: string;
      link: 'referral' | 'appeal' | 'execution' | 'transfer';
    };

export interface EventDefinition<State extends string = string, P extends TSchema = TSchema> {
  labels: Labels;
  /** States the event may be fired from. */
  from: readonly State[];
  /** The state after; omitted when the event records something without moving the file. */
  to?: State;
  roles: readonly Role[];
  payload: P;
  guards?: readonly Guard<Static<P>>[];
  action?: CaseAction;
  /** Fixed parameters of the action, e.g. the authority of a detention order. */
  actionParams?: Readonly<Record<string, string>>;
  effects?: readonly Effect[];
}

export interface FieldRights {
  read: readonly Role[];
  write: readonly Role[];
}

export interface CaseTypeDefinition<State extends string = string> {
  /** Stable identifier stored on every file, e.g. `prosecution_file`. */
  caseType: string;
  /** Bumped when states or events change; stored on every event. */
  version: number;
  labels: Labels;
  /** Short code in the full reference, e.g. `PF` in `RAM-PROS/PF/774/2022`. */
  referenceCode: string;
  /** The institutions that keep files of this type. */
  institutionKinds: readonly InstitutionKind[];
  /** Roles that may register a new file of this type directly (empty: only by referral). */
  registeringRoles: readonly Role[];
  /** Roles that accept (or return) a file of this type referred by another institution. */
  acceptingRoles: readonly Role[];
  /** The state of a newly registered or accepted file. */
  initialState: State;
  states: Readonly<Record<State, StateDefinition>>;
  events: Readonly<Record<string, EventDefinition<State>>>;
  /** Who may read and write each field of the file. */
  fields: Readonly<Record<string, FieldRights>>;
}

/** Helper that keeps the literal state names of a definition. */
export function defineCaseType<State extends string>(
  definition: CaseTypeDefinition<State>,
): CaseTypeDefinition<State> {
  return definition;
}

/** Helper that keeps the payload type of an event for its guards. */
export function defineEvent<State extends string, P extends TSchema>(
  event: EventDefinition<State, P>,
): EventDefinition<State, P> {
  return event;
}
