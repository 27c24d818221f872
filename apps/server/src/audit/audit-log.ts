/**
 * Writes audit rows. Call `recordAudit` with the transaction that makes the change, so the change
 * and its audit row commit or roll back together.
 */
import type { Insertable, InsertQueryBuilder, InsertResult, Kysely, Transaction } from 'kysely';
import type { AuditOutcome, AuditPendingTable, Database } from '../db/schema';
import type { AuditAction } from './audit-actions';
import { computeContentHash } from './audit-chain';

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
 *
 * A builder, not a call: a change that writes its row in one statement can put this insert in
 * that statement (cases/cases.repository.ts, recordEventChangeQuery). The content is hashed here.
 */
export function auditInsertQuery(
  db: Kysely<Database>,
  origin: RequestOrigin,
  entry: AuditEntry,
): InsertQueryBuilder<Database, 'audit_pending', InsertResult> {
  return db.insertInto('audit_pending').values(auditRowOf(origin, entry));
}

/** The audit_pending row of an entry, its content hashed (exported for the bench's baseline). */
export function auditRowOf(origin: RequestOrigin, entry: AuditEntry) {
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
  return {
    content_hash: computeContentHash(content),
    occurred_at: content.occurredAt,
    actor_user_id: content.actorUserId,
    actor_username: content.actorUsername,
    action: content.action,
    object_type: content.objectType,
    object_id: content.objectId,
    institution_id: content.institutionId,
    outcome: content.outcome,
    request_id: content.requestId,
    source_ip: content.sourceIp,
    details: JSON.stringify(content.details),
  } satisfies Insertable<AuditPendingTable>;
}

/** Records an audit row in the transaction that makes the change. */
export async function recordAudit(
  trx: Transaction<Database>,
  origin: RequestOrigin,
  entry: AuditEntry,
): Promise<void> {
  await auditInsertQuery(trx, origin, entry).execute();
}

/** Records an audit row in a transaction of its own (refusals and failed logons change nothing else). */
export async function recordAuditAlone(
  db: Kysely<Database>,
  origin: RequestOrigin,
  entry: AuditEntry,
): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, origin, entry));
}
