/** Queries of the evidence register, its files and the chain of custody. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export function findEvidence(db: Db, id: string) {
  return db.selectFrom('evidence_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockEvidence(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('evidence_items')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function listCaseEvidence(db: Db, caseId: string) {
  return db
    .selectFrom('evidence_items')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('item_number')
    .execute();
}

export function filesOf(db: Db, evidenceIds: readonly string[]) {
  if (evidenceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('evidence_files')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .orderBy('added_at')
    .orderBy('id')
    .execute();
}

export function custodyOf(db: Db, evidenceIds: readonly string[]) {
  if (evidenceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('custody_events')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .orderBy('evidence_id')
    .orderBy('seq')
    .execute();
}

export async function lastCustodyEvent(db: Db, evidenceId: string) {
  return db
    .selectFrom('custody_events')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function nextItemNumber(trx: Transaction<Database>, caseId: string): Promise<number> {
  const row = await trx
    .selectFrom('evidence_items')
    .select((eb) => eb.fn.max('item_number').as('max'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export function findEvidenceFile(db: Db, fileId: string) {
  return db
    .selectFrom('evidence_files as f')
    .innerJoin('evidence_items as e', 'e.id', 'f.evidence_id')
    .selectAll('f')
    .select(['e.case_id', 'e.item_number'])
    .where('f.id', '=', fileId)
    .executeTakeFirst();
}

export function caseEvidenceFiles(db: Db, caseId: string) {
  return db
    .selectFrom('evidence_files as f')
    .innerJoin('evidence_items as e', 'e.id', 'f.evidence_id')
    .selectAll('f')
    .select(['e.item_number'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.item_number')
    .orderBy('f.added_at')
    .execute();
}
