/**
 * The current user's work queue. Anyone signed in may ask; what they see is decided in the query
 * by their assignments (work-queue.repository.ts), so there is nothing to refuse.
 */
import type { DeadlineKind } from '../db/schema';
import type { UseCaseContext } from '../use-case-context';
import { findWorkItems } from './work-queue.repository';

export interface WorkQueueInput {
  kind?: DeadlineKind | undefined;
  overdueOnly?: boolean | undefined;
  limit: number;
}

export async function listWorkQueue(ctx: UseCaseContext, input: WorkQueueInput) {
  const now = ctx.clock.now();
  const rows = await findWorkItems(ctx.db, ctx.actor, {
    kind: input.kind,
    isOverdueOnly: input.overdueOnly ?? false,
    limit: input.limit,
    now,
  });
  return { rows, now };
}
