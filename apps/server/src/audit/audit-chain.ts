/**
 * The hash chain of the audit log. Each row's hash is SHA-256 over a canonical serialisation of
 * its content and the previous row's hash. Changing, removing or inserting any row changes a hash
 * that a later row (or the chain head) depends on, which `verifyAuditChain` reports.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'safe-stable-stringify';
import type { AuditLogRow, AuditOutcome } from '../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedAuditContent {
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  institutionId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  sourceIp: string | null;
  details: Record<string, unknown>;
}

export function computeAuditHash(content: ChainedAuditContent, prevHash: string): string {
  // Keys are sorted by the stable stringifier, so jsonb's reordering of `details` does not matter.
  const canonical = stringify({
    ...content,
    occurredAt: content.occurredAt.toISOString(),
    prevHash,
  });
  return createHash('sha256')
    .update(canonical ?? '')
    .digest('hex');
}

/** The hashed content of a stored row (what its hash was computed over, with prev_hash). */
export function chainedContentOf(row: AuditLogRow): ChainedAuditContent {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    institutionId: row.institution_id,
    outcome: row.outcome,
    requestId: row.request_id,
    sourceIp: row.source_ip,
    details: row.details,
  };
}
