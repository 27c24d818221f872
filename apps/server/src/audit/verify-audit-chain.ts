/**
 * Walks the whole audit log in seq order and recomputes every hash. Reports the first row that is
 * altered (its hash does not match its content), out of sequence (a row deleted or inserted), or
 * not chained to its predecessor, and whether the chain head agrees with the last row.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { expectedRowHash, GENESIS_HASH } from './audit-chain';

export type AuditChainProblem =
  | { kind: 'altered'; seq: number; message: string }
  | { kind: 'sequence_gap'; seq: number; expectedSeq: number; message: string }
  | { kind: 'broken_link'; seq: number; message: string }
  | { kind: 'head_mismatch'; seq: number; message: string };

export interface AuditChainReport {
  isValid: boolean;
  rowsChecked: number;
  lastSeq: number;
  lastHash: string;
  problem: AuditChainProblem | null;
}

const PAGE_SIZE = 5000;

export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditChainReport> {
  // One snapshot for the rows and the head, so rows committed while we read (a live server keeps
  // writing) are either all seen or not at all, never half.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => verifyInSnapshot(trx));
}

async function verifyInSnapshot(db: Transaction<Database>): Promise<AuditChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rowsChecked = 0;
  const fail = (problem: AuditChainProblem): AuditChainReport => ({
    isValid: false,
    rowsChecked,
    lastSeq: expectedSeq - 1,
    lastHash: prevHash,
    problem,
  });

  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE_SIZE)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return fail({
          kind: 'sequence_gap',
          seq: row.seq,
          expectedSeq,
          message: `row ${row.seq} follows row ${expectedSeq - 1}: row ${expectedSeq} is missing`,
        });
      }
      if (row.prev_hash !== prevHash) {
        return fail({
          kind: 'broken_link',
          seq: row.seq,
          message: `row ${row.seq} does not chain to row ${row.seq - 1} (a row was removed, inserted or altered before it)`,
        });
      }
      if (expectedRowHash(row) !== row.hash) {
        return fail({
          kind: 'altered',
          seq: row.seq,
          message: `row ${row.seq} was altered: its content no longer matches its hash`,
        });
      }
      prevHash = row.hash;
      expectedSeq += 1;
      rowsChecked += 1;
    }
    if (rows.length < PAGE_SIZE) break;
  }

  const head = await db.selectFrom('audit_chain_head').selectAll().executeTakeFirst();
  const lastSeq = expectedSeq - 1;
  if (!head || head.last_seq !== lastSeq || head.last_hash !== prevHash) {
    return fail({
      kind: 'head_mismatch',
      seq: head?.last_seq ?? 0,
      message: `the chain head records row ${head?.last_seq ?? '?'} but the log ends at row ${lastSeq}: rows were removed from the end`,
    });
  }
  return { isValid: true, rowsChecked, lastSeq, lastHash: prevHash, problem: null };
}
