/**
 * Writes audit rows. Call `recordAudit` with the transaction that makes the change, so the change
 * and its audit row commit or roll back together.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, AuditOutcome } from '../db/schema';
import type { AuditAction } from './audit-actions';
import { computeAuditHash } from './audit-chain';

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

export async function recordAudit(
  trx: Transaction<Database>,
  origin: RequestOrigin,
  entry: AuditEntry,
): Promise<void> {
  // The head row lock serialises audit writers, so seq stays gap-free and each row chains to the
  // one committed before it, even under concurrent requests and several server instances.
  const head = await trx
    .selectFrom('audit_chain_head')
    .select(['last_seq', 'last_hash'])
    .forUpdate()
    .executeTakeFirstOrThrow();
  const content = {
    seq: head.last_seq + 1,
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
  const hash = computeAuditHash(content, head.last_hash);
  await trx
    .insertInto('audit_log')
    .values({
      seq: content.seq,
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
      prev_hash: head.last_hash,
      hash,
    })
    .execute();
  await trx
    .updateTable('audit_chain_head')
    .set({ last_seq: content.seq, last_hash: hash })
    .where('id', '=', true)
    .execute();
}

/** Records an audit row in a transaction of its own (refusals and failed logons change nothing else). */
export async function recordAuditAlone(
  db: Kysely<Database>,
  origin: RequestOrigin,
  entry: AuditEntry,
): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, origin, entry));
}
