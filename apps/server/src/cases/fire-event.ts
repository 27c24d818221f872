/**
 * Fires an event on a file: the only way a file changes. In one transaction: open the file and
 * lock its row (the policy module decides whether the actor may act on it), check the version the
 * user decided on (stale → 409 with the current version), let the workflow engine decide (state,
 * role, payload, guards), run the event's action and effects, append the event, bump the version,
 * and write the audit row. Refusals of access and by role are audited on their own.
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
import {
  auditInsertQuery,
  recordAudit,
  recordAuditAlone,
  type AuditEntry,
} from '../audit/audit-log';
import type { CaseRow } from '../db/schema';
import { AppError, ruleViolation, staleVersion } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { ACTION_HANDLERS } from './actions';
import { applyEffects } from './case-effects';
import { auditAccessRefusal, CaseAccessRefusal, openCaseToChange } from './case-access';
import { loadCaseFacts } from './case-facts.repository';
import { appendEvent, recordEventChangeQuery, type NewCaseEvent } from './cases.repository';
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

/** The audit row of an event that stands (the bench's bare baseline writes the same). */
export function caseEventAuditEntry(recorded: {
  actor: { userId: string | null; username: string };
  file: Pick<CaseRow, 'id' | 'institution_id'>;
  event: string;
  version: number;
  stateBefore: string;
  stateAfter: string;
  isBreakGlass: boolean;
}): AuditEntry {
  return {
    action: 'case.event',
    outcome: 'success',
    actor: recorded.actor,
    object: { type: 'case', id: recorded.file.id },
    institutionId: recorded.file.institution_id,
    details: {
      event: recorded.event,
      version: recorded.version,
      stateBefore: recorded.stateBefore,
      stateAfter: recorded.stateAfter,
      ...(recorded.isBreakGlass ? { breakGlass: true } : {}),
    },
  };
}

export function definitionOf(file: CaseRow): CaseTypeDefinition {
  const definition = caseTypeDefinition(file.case_type);
  if (!definition) throw new Error(`File ${file.id} has unknown case type ${file.case_type}`);
  return definition;
}

/**
 * The statements of an event (test/cases/statement-budget.test.ts counts them): BEGIN; the file
 * with the actor's team roles, locked; the workflow's facts; [the event, the action's and
 * effects' writes, when they point to it]; the file's new state with the audit row (and the event
 * when nothing pointed to it) in one statement; COMMIT.
 */
export async function fireEvent(ctx: UseCaseContext, caseId: string, input: FireEventInput) {
  // Known once the file is open: what a refusal's audit row names, and a break-glass use to audit.
  let opened: { file: CaseRow; accessAudit: AuditEntry | null } | undefined;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const { file, access, accessAudit } = await openCaseToChange(ctx, trx, caseId);
      opened = { file, accessAudit };
      if (file.intake_status !== 'accepted') {
        throw new AppError(
          'CASE_NOT_ACCEPTED',
          'This file is in the inbox: accept it before working on it',
        );
      }
      const definition = definitionOf(file);
      const event = findEvent(definition, input.event);
      if (!event) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Unknown event "${input.event}" for a ${file.case_type}`,
          {
            issues: [{ field: 'event', in: 'body', problem: 'no such event for this case type' }],
          },
        );
      }
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
      if (accessAudit) await recordAudit(trx, ctx.origin, accessAudit);
      const eventId = randomUUID();
      const actionContext = {
        trx,
        ctx,
        file,
        eventName: input.event,
        payload: input.payload,
        params: event.actionParams ?? {},
        now,
        eventId,
      };
      const stateInfo = definition.states[decision.stateAfter];
      const nextVersion = file.version + 1;
      const newEvent: NewCaseEvent = {
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
      };
      // Rows the action and effects create may point to the event: then it is written first.
      const writesPointingToEvent = Boolean(decision.action) || decision.effects.length > 0;
      if (writesPointingToEvent) await appendEvent(trx, newEvent);
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
      const audit = auditInsertQuery(
        trx,
        ctx.origin,
        caseEventAuditEntry({
          actor: auditActor(ctx.actor),
          file,
          event: input.event,
          version: nextVersion,
          stateBefore: decision.stateBefore,
          stateAfter: decision.stateAfter,
          isBreakGlass: access.isBreakGlass,
        }),
      );
      const change = {
        caseId: file.id,
        fromVersion: file.version,
        set: {
          state: decision.stateAfter,
          version: nextVersion,
          updated_at: now,
          ...(becameDisposed ? { is_disposed: true, disposed_at: now } : {}),
        },
      };
      const row = await recordEventChangeQuery(
        trx,
        change,
        audit,
        ctx.actor.userId,
        writesPointingToEvent ? undefined : newEvent,
      ).executeTakeFirstOrThrow();
      const { reader_team_roles: teamRolesAfter, ...updated } = row;
      return { file: updated, eventId, roles: access.roles, teamRolesAfter };
    });
  } catch (error) {
    // The transaction rolled back: a break-glass use is audited all the same.
    if (opened?.accessAudit) await recordAuditAlone(ctx.db, ctx.origin, opened.accessAudit);
    if (error instanceof CaseAccessRefusal) throw await auditAccessRefusal(ctx, error);
    if (error instanceof AuditedRuleRefusal) {
      await recordAuditAlone(ctx.db, ctx.origin, {
        action: 'case.event_refused',
        outcome: 'denied',
        actor: auditActor(ctx.actor),
        object: { type: 'case', id: caseId },
        institutionId: opened?.file.institution_id ?? null,
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
      institutionId: opened?.file.institution_id ?? null,
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
