/**
 * The hash chain of the audit log. Each row's hash covers its content and the previous row's hash.
 * Changing, removing or inserting any row changes a hash that a later row (or the chain head)
 * depends on, which `verifyAuditChain` reports.
 *
 * Two formulas, named by each row's `chain_version`:
 * - 1 (rows written before migration 0020): SHA-256 over a canonical serialisation of the content
 *   with seq and the previous hash, computed by the server after reading the chain head.
 * - 2: SHA-256 of `previous hash:seq:content hash`, where the content hash is SHA-256 over the
 *   canonical content without seq (computed by the server when it records the row), and the link
 *   is computed by PostgreSQL at commit, in the trigger that takes the chain head's lock, numbers
 *   the row and moves it into audit_log (migration 0020; audit/audit-log.ts). The lock that
 *   serialises audit writers is then held inside the commit only, not across three round trips
 *   and the commit (docs/performance.md).
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

export type AuditChainVersion = 1 | 2;

/** The formula new rows are written with. */
export const CURRENT_CHAIN_VERSION: AuditChainVersion = 2;

/** Version 1: the whole content, seq and previous hash, in one canonical serialisation. */
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

/** Version 2, first half: the content without its place in the chain. */
export function computeContentHash(content: Omit<ChainedAuditContent, 'seq'>): string {
  const { occurredAt, ...rest } = content;
  const canonical = stringify({ ...rest, occurredAt: occurredAt.toISOString() });
  return sha256Hex(canonical ?? '');
}

/**
 * Version 2, second half: the link. The same formula as the trigger of migration 0020
 * (`encode(sha256(convert_to(prev || ':' || seq || ':' || content, 'UTF8')), 'hex')`); both
 * hashes are 64 hexadecimal characters, so the text cannot be read two ways.
 */
export function computeLinkHash(prevHash: string, seq: number, contentHash: string): string {
  return sha256Hex(`${prevHash}:${seq}:${contentHash}`);
}

/** What a stored row's hash must be, by the formula it was written with. */
export function expectedRowHash(row: AuditLogRow): string {
  const content = chainedContentOf(row);
  if (row.chain_version === 1) return computeAuditHash(content, row.prev_hash);
  const { seq, ...withoutSeq } = content;
  return computeLinkHash(row.prev_hash, seq, computeContentHash(withoutSeq));
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
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
