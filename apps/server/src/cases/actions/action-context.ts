import type { CaseAction } from '@qadiya/domain';
import type { Transaction } from 'kysely';
import type { CaseRow, Database } from '../../db/schema';
import type { UseCaseContext } from '../../use-case-context';

/** What an action implementation receives: the locked file, the validated payload, the moment. */
export interface ActionContext {
  trx: Transaction<Database>;
  ctx: UseCaseContext;
  file: CaseRow;
  eventName: string;
  /** Validated against the event's payload schema by the engine. */
  payload: Record<string, unknown>;
  params: Readonly<Record<string, string>>;
  now: Date;
  /** The id the event row will have: deadlines and rows created by the action point to it. */
  eventId: string;
}

/**
 * Implementation of one CaseAction. It changes the relational model (parties, charges, detention,
 * hearings…) and may refuse with an AppError; the whole event then rolls back.
 */
export type ActionHandler = (context: ActionContext) => Promise<void>;

export type ActionHandlers = Record<CaseAction, ActionHandler>;
