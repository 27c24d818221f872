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
 * The one statement that appends an audit row (chain version 2, migration 0020). The UPDATE takes
 * the chain head's row lock, numbers the row and links it: its SET expressions read the head as
 * it was, so `last_prev_hash` hands the old hash to the INSERT, and `last_hash` becomes
 * sha256(old hash : seq : content hash), the formula of `computeLinkHash` in audit-chain.ts.
 * Under READ COMMITTED a writer that waited for the lock re-reads the head it then updates, so
 * concurrent writers (in one server or several) chain one after another.
 * Exported as text so that the bench's bare baseline sends exactly the same statement.
 */
export const RECORD_AUDIT_SQL = `WITH head AS (
  UPDATE audit_chain_head
     SET last_seq = last_seq + 1,
         last_prev_hash = last_hash,
         last_hash = encode(sha256(convert_to(last_hash || ':' || (last_seq + 1)::text || ':' || $1::text, 'UTF8')), 'hex')
   WHERE id
  RETURNING last_seq, last_hash, last_prev_hash)
INSERT INTO audit_log (seq, occurred_at, actor_user_id, actor_username, action, object_type,
                       object_id, institution_id, outcome, request_id, source_ip, details,
                       prev_hash, hash, chain_version)
SELECT head.last_seq, $2::timestamptz, $3::uuid, $4::text, $5::text, $6::text, $7::text,
       $8::uuid, $9::text, $10::text, $11::text, $12::jsonb,
       head.last_prev_hash, head.last_hash, 2
  FROM head`;

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
  // The content is hashed here, before the lock; the lock is held for this one statement and the
  // commit (see RECORD_AUDIT_SQL).
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
