/**
 * Queries of the services' referrals. A service's row joins only what it may see: the victim's
 * name and phone, the latest risk level, the referring office. Nothing else of the file.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ReferralStatus } from '@qadiya/domain';
import type { Database } from '../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

function referralRows(db: Db) {
  return db
    .selectFrom('service_referrals as s')
    .innerJoin('parties as p', 'p.id', 's.victim_party_id')
    .innerJoin('persons as pe', 'pe.id', 'p.person_id')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .innerJoin('institutions as ro', 'ro.id', 'c.institution_id')
    .innerJoin('institutions as si', 'si.id', 's.institution_id');
}

const COLUMNS = [
  's.id',
  's.version',
  's.service',
  's.status',
  's.consent',
  's.note',
  's.sent_at',
  's.responded_at',
  's.feedback',
  's.closed_at',
  's.closing_feedback',
  's.institution_id',
  'pe.first_name_ar',
  'pe.father_name_ar',
  'pe.grandfather_name_ar',
  'pe.family_name_ar',
  'pe.name_latin',
  'pe.phone',
  'ro.id as office_id',
  'ro.code as office_code',
  'ro.name_ar as office_name_ar',
  'ro.name_en as office_name_en',
  'si.code as institution_code',
  'si.name_ar as institution_name_ar',
  'si.name_en as institution_name_en',
] as const;

/** The victim's latest risk level on any file (the assessments follow the party). */
function withRiskLevel(query: ReturnType<typeof referralRows>) {
  return query
    .select(COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('risk_assessments as r')
        .select('r.level')
        .whereRef('r.victim_party_id', '=', 's.victim_party_id')
        .orderBy('r.assessed_at', 'desc')
        .limit(1)
        .as('risk_level'),
    );
}

/** The referrals sent to `institutionIds`, newest first. */
export async function findServiceReferrals(
  db: Db,
  institutionIds: readonly string[],
  filter: { status?: ReferralStatus | undefined; limit: number; offset: number },
) {
  let base = referralRows(db).where('s.institution_id', 'in', [...institutionIds]);
  if (filter.status) base = base.where('s.status', '=', filter.status);
  const [rows, count] = await Promise.all([
    withRiskLevel(base)
      .orderBy('s.sent_at', 'desc')
      .orderBy('s.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findReferral(db: Db, id: string) {
  return withRiskLevel(referralRows(db).where('s.id', '=', id)).executeTakeFirst();
}

export type ServiceReferralRow = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

/** The referral's row, locked for an answer. */
export function lockReferral(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('service_referrals')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
