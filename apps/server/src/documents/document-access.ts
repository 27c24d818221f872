/**
 * Access to documents and evidence goes through the file: the policy module decides who may open
 * the file (requireCaseAccess, audited), and a sealed document adds one rule on top.
 *
 * The sealed rule: a sealed document is opened only by the file's team (active case assignments)
 * and holders of a specific grant for the file. An institution-wide grant, even the chief
 * prosecutor's, and break-glass access do not reach it: sealing is an order about named people,
 * and emergency access is for the file's data, not for what a prosecutor or court sealed in it.
 */
import type { Role } from '@qadiya/domain';
import { recordAuditAlone } from '../audit/audit-log';
import { openCase } from '../cases/case-access';
import type { CaseRow } from '../db/schema';
import { AppError } from '../http/errors';
import { auditActor, type UseCaseContext } from '../use-case-context';

export interface FileAccess {
  file: CaseRow;
  roles: Role[];
  /** Whether sealed documents of this file are open to the actor. */
  canSeeSealed: boolean;
}

export async function openFile(
  ctx: UseCaseContext,
  caseId: string,
  purpose: 'read' | 'act',
): Promise<FileAccess> {
  const { file, teamRoles: team, access: decision } = await openCase(ctx, caseId, purpose, 'File');
  const specific = ctx.actor.assignments.some(
    (a) => a.grantKind === 'specific' && a.caseId === file.id,
  );
  return { file, roles: decision.roles, canSeeSealed: team.length > 0 || specific };
}

/** Who may seal a document further than its file: a prosecutor, chief prosecutor or judge. */
export const SEALING_ROLES: readonly Role[] = ['prosecutor', 'chief_prosecutor', 'judge'];

/**
 * Whether the actor may seal this file's documents: a sealing role on the file, and open to its
 * sealed documents (the team or a specific grant), so that a seal never shuts out the sealer.
 * The one rule: the seal use case enforces it, and the documents list tells the screen.
 */
export function maySealDocuments(access: FileAccess): boolean {
  return access.canSeeSealed && access.roles.some((role) => SEALING_ROLES.includes(role));
}

/** Refuses (audited) a sealed document to someone outside the team. */
export async function requireSealedAccess(
  ctx: UseCaseContext,
  access: FileAccess,
  object: { type: string; id: string },
): Promise<void> {
  if (access.canSeeSealed) return;
  await recordAuditAlone(ctx.db, ctx.origin, {
    action: 'access.denied',
    outcome: 'denied',
    actor: auditActor(ctx.actor),
    object,
    institutionId: access.file.institution_id,
    details: { permission: 'document.sealed', reason: 'sealed: the file team only' },
  });
  throw new AppError('FORBIDDEN', 'This document is sealed: only the file team may open it');
}

/** Refuses (audited) an action that needs one of the given roles on the file. */
export async function requireFileRole(
  ctx: UseCaseContext,
  access: FileAccess,
  roles: readonly Role[],
  permission: string,
  object: { type: string; id: string },
): Promise<void> {
  if (access.roles.some((role) => roles.includes(role))) return;
  await recordAuditAlone(ctx.db, ctx.origin, {
    action: 'access.denied',
    outcome: 'denied',
    actor: auditActor(ctx.actor),
    object,
    institutionId: access.file.institution_id,
    details: { permission, reason: `needs one of ${roles.join(', ')} on the file` },
  });
  throw new AppError('FORBIDDEN', 'Your role on this file does not allow this', {
    permission,
  });
}
