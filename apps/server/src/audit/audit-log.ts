/**
 * Writes audit rows. Call `recordAudit` with the transaction that makes the change, so the change
 * and its audit row commit or roll back together.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database, AuditOutcome } from '../db/schema';
import type { AuditAction } from './audit-actions';
import { computeContentHash, type ChainedAuditContent } from './audit-chain';

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  actor?: { userId: string | null; username: string | null } | null;
  object?: { type: string; id: string } | null;
  institutionId?: string | null;
  details?: Record<string, unknown>;
}

/** Where the request came from; every audit row carries it. */
export interface RequestOrigin {
  requestId: string | null;
  sourceIp: string | null;
  occurredAt: Date;
}

/**
 * The statement that records an audit row (chain version 2, migration 0020): the row waits in
 * audit_pending, and at COMMIT a deferred trigger takes the chain head's lock, numbers it, links
 * it (sha256(previous hash : seq : content hash), `computeLinkHash` in audit-chain.ts) and moves it
 * into audit_log. The lock that serialises audit writers is held inside the commit only.
 * Exported as text so that the bench's bare baseline sends exactly the same statement.
 */
export const RECORD_AUDIT_SQL = `INSERT INTO audit_pending (content_hash, occurred_at, actor_user_id,
  actor_username, action, object_type, object_id, institution_id, outcome, request_id, source_ip,
  details)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)`;

/** The parameters of RECORD_AUDIT_SQL, in order: the content hash, then the row's content. */
export function recordAuditParameters(content: Omit<ChainedAuditContent, 'seq'>): unknown[] {
  return [
    computeContentHash(content),
    content.occurredAt,
    content.actorUserId,
    content.actorUsername,
    content.action,
    content.objectType,
    content.objectId,
    content.institutionId,
    content.outcome,
    content.requestId,
    content.sourceIp,
    JSON.stringify(content.details),
  ];
}

export async function recordAudit(
  trx: Transaction<Database>,
  origin: RequestOrigin,
  entry: AuditEntry,
): Promise<void> {
  const content = {
    occurredAt: origin.occurredAt,
    actorUserId: entry.actor?.userId ?? null,
    actorUsername: entry.actor?.username ?? null,
    action: entry.action,
    objectType: entry.object?.type ?? null,
    objectId: entry.object?.id ?? null,
    institutionId: entry.institutionId ?? null,
    outcome: entry.outcome,
    requestId: origin.requestId,
    sourceIp: origin.sourceIp,
    // Round-trip through JSON so the hashed value is exactly what jsonb will give back (no Dates,
    // no undefined).
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
  };
  // The content is hashed here; the chain's lock is taken at commit (see RECORD_AUDIT_SQL).
  await trx.executeQuery(CompiledQuery.raw(RECORD_AUDIT_SQL, recordAuditParameters(content)));
}

/** Records an audit row in a transaction of its own (refusals and failed logons change nothing else). */
export async function recordAuditAlone(
  db: Kysely<Database>,
  origin: RequestOrigin,
  entry: AuditEntry,
): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, origin, entry));
}
