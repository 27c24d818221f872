/** Queries of duplicate merges: the merge records, the parties they moved, the locks they take. */
import type { PartyRole } from '@qadiya/domain';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, PersonMergeRow, PersonRow } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;

/**
 * Locks both person rows, always in the order of their ids so that two merges of the same pair in
 * opposite directions cannot deadlock. FOR UPDATE (not the weaker lock an UPDATE takes) also makes
 * a party being added to either person at that moment wait for the merge: its foreign-key check
 * needs a lock that FOR UPDATE excludes.
 */
export async function lockPersons(
  trx: Trx,
  ids: readonly string[],
): Promise<Map<string, PersonRow>> {
  const rows = await trx
    .selectFrom('persons')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Files in which both persons are parties in the same role. Moving the duplicate's party there
 * would leave the file with the same person twice in one role (the UNIQUE (case_id, person_id,
 * role) constraint), so the merge is refused and these files are named.
 */
export function findSharedPartyRoles(db: Db, survivorId: string, duplicateId: string) {
  return db
    .selectFrom('parties as d')
    .innerJoin('parties as s', (join) =>
      join.onRef('s.case_id', '=', 'd.case_id').onRef('s.role', '=', 'd.role'),
    )
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select([
      'c.id as case_id',
      'c.reference',
      'c.institution_id',
      'c.unit_id',
      'c.confidentiality',
      'i.code as institution_code',
      'i.name_ar as institution_name_ar',
      'i.name_en as institution_name_en',
      'd.role',
    ])
    .where('d.person_id', '=', duplicateId)
    .where('s.person_id', '=', survivorId)
    .orderBy('c.opened_at')
    .orderBy('c.id')
    .execute();
}

export type SharedPartyRole = Awaited<ReturnType<typeof findSharedPartyRoles>>[number];

export function insertMerge(
  trx: Trx,
  values: {
    survivorId: string;
    duplicateId: string;
    snapshot: Record<string, unknown>;
    reason: string;
    mergedBy: string | null;
    mergedAt: Date;
  },
): Promise<PersonMergeRow> {
  return trx
    .insertInto('person_merges')
    .values({
      survivor_id: values.survivorId,
      duplicate_id: values.duplicateId,
      duplicate_snapshot: JSON.stringify(values.snapshot),
      reason: values.reason,
      merged_by: values.mergedBy,
      merged_at: values.mergedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Moves every party of one person to another; returns the ids of the parties moved. */
export async function moveAllParties(trx: Trx, fromPersonId: string, toPersonId: string) {
  const rows = await trx
    .updateTable('parties')
    .set({ person_id: toPersonId })
    .where('person_id', '=', fromPersonId)
    .returning(['id', 'case_id', 'role'])
    .execute();
  return rows;
}

/** Moves the given parties from one person to another; returns the ids of the parties moved. */
export async function moveParties(
  trx: Trx,
  partyIds: readonly string[],
  fromPersonId: string,
  toPersonId: string,
): Promise<{ id: string; case_id: string; role: PartyRole }[]> {
  if (partyIds.length === 0) return [];
  return trx
    .updateTable('parties')
    .set({ person_id: toPersonId })
    .where('id', 'in', [...partyIds])
    .where('person_id', '=', fromPersonId)
    .returning(['id', 'case_id', 'role'])
    .execute();
}

export async function recordMergedParties(trx: Trx, mergeId: string, partyIds: readonly string[]) {
  if (partyIds.length === 0) return;
  await trx
    .insertInto('person_merge_parties')
    .values(partyIds.map((partyId) => ({ merge_id: mergeId, party_id: partyId })))
    .execute();
}

/** The parties a merge moved, with the person each belongs to now. */
export function findMergedParties(db: Db, mergeId: string) {
  return db
    .selectFrom('person_merge_parties as mp')
    .innerJoin('parties as p', 'p.id', 'mp.party_id')
    .select(['p.id', 'p.person_id', 'p.case_id', 'p.role'])
    .where('mp.merge_id', '=', mergeId)
    .orderBy('p.id')
    .execute();
}

/** Marks a person merged into another (or restores it with `null`), bumping its version. */
export function setMergedInto(
  trx: Trx,
  personId: string,
  mergedIntoId: string | null,
  now: Date,
): Promise<PersonRow> {
  return trx
    .updateTable('persons')
    .set((eb) => ({
      merged_into_id: mergedIntoId,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', personId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The survivor changed too (its parties): a new version, so stale edits of it are refused. */
export function bumpPersonVersion(trx: Trx, personId: string, now: Date): Promise<PersonRow> {
  return trx
    .updateTable('persons')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', personId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function lockMerge(trx: Trx, mergeId: string): Promise<PersonMergeRow | undefined> {
  return trx
    .selectFrom('person_merges')
    .selectAll()
    .where('id', '=', mergeId)
    .forUpdate()
    .executeTakeFirst();
}

export function markMergeReverted(
  trx: Trx,
  mergeId: string,
  values: { revertedBy: string | null; revertedAt: Date; reason: string },
): Promise<PersonMergeRow> {
  return trx
    .updateTable('person_merges')
    .set({
      reverted_by: values.revertedBy,
      reverted_at: values.revertedAt,
      revert_reason: values.reason,
    })
    .where('id', '=', mergeId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The merge in force that made this person a merged record, if any. */
export function findActiveMergeOfDuplicate(
  db: Db,
  duplicateId: string,
): Promise<PersonMergeRow | undefined> {
  return db
    .selectFrom('person_merges')
    .selectAll()
    .where('duplicate_id', '=', duplicateId)
    .where('reverted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Every merge a person took part in, as survivor or as duplicate, newest first, with the number of
 * parties each moved and the names of both records (for the history on the person page).
 */
export function findMergesOfPerson(db: Db, personId: string) {
  return db
    .selectFrom('person_merges as m')
    .innerJoin('persons as s', 's.id', 'm.survivor_id')
    .innerJoin('persons as d', 'd.id', 'm.duplicate_id')
    .leftJoin('users as mu', 'mu.id', 'm.merged_by')
    .leftJoin('users as ru', 'ru.id', 'm.reverted_by')
    .selectAll('m')
    .select([
      sql<string>`concat_ws(' ', s.first_name_ar, s.father_name_ar, s.grandfather_name_ar, s.family_name_ar)`.as(
        'survivor_name_ar',
      ),
      sql<string>`concat_ws(' ', d.first_name_ar, d.father_name_ar, d.grandfather_name_ar, d.family_name_ar)`.as(
        'duplicate_name_ar',
      ),
      'mu.display_name_ar as merged_by_name_ar',
      'mu.display_name_en as merged_by_name_en',
      'ru.display_name_ar as reverted_by_name_ar',
      'ru.display_name_en as reverted_by_name_en',
      (eb) =>
        eb
          .selectFrom('person_merge_parties as mp')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('mp.merge_id', '=', 'm.id')
          .as('party_count'),
    ])
    .where((eb) => eb.or([eb('m.survivor_id', '=', personId), eb('m.duplicate_id', '=', personId)]))
    .orderBy('m.merged_at', 'desc')
    .orderBy('m.id')
    .limit(200)
    .execute();
}

export type PersonMergeHistoryRow = Awaited<ReturnType<typeof findMergesOfPerson>>[number];
