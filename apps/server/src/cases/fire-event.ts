/**
 * Fires an event on a file: the only way a file changes. In one transaction: lock the file, check
 * the version the user decided on (stale → 409 with the current version), let the workflow
 * engine decide (state, role, payload, guards), run the event's action and effects, append the
 * event, bump the version, and write the audit row. Refusals by role are audited on their own.
 */
import { randomUUID } from 'node:crypto';
import {
  caseTypeDefinition,
  decideEvent,
  type CaseAction,
  findEvent,
  type CaseTypeDefinition,
  type Role,
} from '@qadiya/domain';
import { recordAudit, recordAuditAlone } from '../audit/audit-log';
import type { CaseRow } from '../db/schema';
import { AppError, notFound, ruleViolation, staleVersion } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { ACTION_HANDLERS } from './actions';
import { applyEffects } from './case-effects';
import { openCase } from './case-access';
import { loadCaseFacts } from './case-facts.repository';
import { appendEvent, lockCase } from './cases.repository';
import { reclassifyFile } from './file-classification';

/** Actions after which the parties' ages (and so the juvenile status) may have changed. */
const AGE_CHANGING_ACTIONS = new Set<CaseAction>(['party.add', 'charge.add']);

export interface FireEventInput {
  event: string;
  /** The file version the user saw when deciding. */
  version: number;
  payload: Record<string, unknown>;
}

/** A refused attempt the law forbids (an audited guard): audited after the rollback, then 409. */
class AuditedRuleRefusal extends Error {
  constructor(
    readonly code: string,
    readonly labels: { ar: string; en: string },
  ) {
    super('rule refused');
  }
}

/** Thrown inside the transaction so the refusal can be audited after the rollback. */
class RoleRefusal extends Error {
  constructor(
    readonly roles: readonly Role[],
    readonly held: readonly Role[],
  ) {
    super('role refused');
  }
}

export function definitionOf(file: CaseRow): CaseTypeDefinition {
  const definition = caseTypeDefinition(file.case_type);
  if (!definition) throw new Error(`File ${file.id} has unknown case type ${file.case_type}`);
  return definition;
}

export async function fireEvent(ctx: UseCaseContext, caseId: string, input: FireEventInput) {
  const { file: found, access } = await openCase(ctx, caseId);
  if (found.intake_status !== 'accepted') {
    throw new AppError(
      'CASE_NOT_ACCEPTED',
      'This file is in the inbox: accept it before working on it',
    );
  }
  const definition = definitionOf(found);
  if (!findEvent(definition, input.event)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Unknown event "${input.event}" for a ${found.case_type}`,
      {
        issues: [{ field: 'event', in: 'body', problem: 'no such event for this case type' }],
      },
    );
  }
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const file = await lockCase(trx, caseId);
      if (!file) throw notFound('Case', caseId);
      if (file.version !== input.version) throw staleVersion('Case', file.version);
      const now = ctx.origin.occurredAt;
      const facts = await loadCaseFacts(trx, file, access.roles, now);
      const decision = decideEvent(definition, facts, input.event, input.payload);
      if (!decision.ok) {
        switch (decision.reason) {
          case 'unknown_event':
            throw new AppError('VALIDATION_FAILED', `Unknown event "${input.event}"`);
          case 'not_allowed_in_state':
            throw new AppError(
              'EVENT_NOT_ALLOWED',
              `"${input.event}" is not allowed while the file is ${file.state}`,
              {
                state: file.state,
                allowedEvents: decision.allowedEvents,
              },
            );
          case 'role_not_permitted':
            throw new RoleRefusal(decision.roles, access.roles);
          case 'invalid_payload': {
            const first = decision.issues[0];
            throw new AppError(
              'VALIDATION_FAILED',
              `Invalid payload field "${first?.field ?? ''}": ${first?.problem ?? 'invalid'}`,
              {
                issues: decision.issues.map((i) => ({
                  field: `payload.${i.field}`,
                  in: 'body',
                  problem: i.problem,
                })),
              },
            );
          }
          case 'guard_failed':
            if (decision.audited) throw new AuditedRuleRefusal(decision.code, decision.message);
            throw ruleViolation(decision.code, decision.message);
        }
      }
      const eventId = randomUUID();
      const actionParams = findEvent(definition, input.event)?.actionParams ?? {};
      const actionContext = {
        trx,
        ctx,
        file,
        eventName: input.event,
        payload: input.payload,
        params: actionParams,
        now,
        eventId,
      };
      const stateInfo = definition.states[decision.stateAfter];
      const nextVersion = file.version + 1;
      // The event row comes first: rows the action and effects create may point to it.
      await appendEvent(trx, {
        id: eventId,
        caseId: file.id,
        seq: nextVersion,
        eventType: input.event,
        actorUserId: actorUserIdForFk(ctx.actor),
        onBehalfOfId: null,
        occurredAt: now,
        workflowVersion: definition.version,
        payload: input.payload,
        stateBefore: decision.stateBefore,
        stateAfter: decision.stateAfter,
        requestId: ctx.origin.requestId,
      });
      if (decision.action) await ACTION_HANDLERS[decision.action](actionContext);
      if (decision.action && AGE_CHANGING_ACTIONS.has(decision.action)) {
        await reclassifyFile(
          trx,
          { origin: ctx.origin, actor: auditActor(ctx.actor), timeZone: ctx.config.timeZone },
          file.id,
        );
      }
      await applyEffects(actionContext, decision.effects);
      const becameDisposed = Boolean(stateInfo?.isDisposed) && !file.is_disposed;
      const updated = await trx
        .updateTable('cases')
        .set({
          state: decision.stateAfter,
          version: nextVersion,
          updated_at: now,
          ...(becameDisposed ? { is_disposed: true, disposed_at: now } : {}),
        })
        .where('id', '=', file.id)
        .where('version', '=', file.version)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx.origin, {
        action: 'case.event',
        outcome: 'success',
        actor: auditActor(ctx.actor),
        object: { type: 'case', id: file.id },
        institutionId: file.institution_id,
        details: {
          event: input.event,
          version: nextVersion,
          stateBefore: decision.stateBefore,
          stateAfter: decision.stateAfter,
          ...(access.isBreakGlass ? { breakGlass: true } : {}),
        },
      });
      return { file: updated, eventId, roles: access.roles };
    });
  } catch (error) {
    if (error instanceof AuditedRuleRefusal) {
      await recordAuditAlone(ctx.db, ctx.origin, {
        action: 'case.event_refused',
        outcome: 'denied',
        actor: auditActor(ctx.actor),
        object: { type: 'case', id: caseId },
        institutionId: found.institution_id,
        details: { event: input.event, rule: error.code },
      });
      throw ruleViolation(error.code, error.labels);
    }
    if (!(error instanceof RoleRefusal)) throw error;
    await recordAuditAlone(ctx.db, ctx.origin, {
      action: 'access.denied',
      outcome: 'denied',
      actor: auditActor(ctx.actor),
      object: { type: 'case', id: caseId },
      institutionId: found.institution_id,
      details: {
        permission: `case.event.${input.event}`,
        requiredRoles: error.roles,
        heldRoles: error.held,
      },
    });
    throw new AppError(
      'ROLE_NOT_PERMITTED',
      `Your role on this file may not fire "${input.event}"`,
      {
        requiredRoles: error.roles,
      },
    );
  }
}
