/** The lookups an operator's command needs to turn names typed on the command line into ids. */
import type { UnitKind } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export async function findInstitutionIdByCode(
  db: Kysely<Database>,
  code: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('institutions')
    .select('id')
    .where('code', '=', code.trim().toUpperCase())
    .executeTakeFirst();
  return row?.id;
}

export async function findUnitId(
  db: Kysely<Database>,
  institutionId: string,
  kind: UnitKind,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('institution_units')
    .select('id')
    .where('institution_id', '=', institutionId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.id;
}
