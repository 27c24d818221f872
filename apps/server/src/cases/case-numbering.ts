/**
 * Case numbers: serial per institution × case type × year, shown `774/2022`. The counter row is
 * incremented inside the registering transaction, so the number is taken and used atomically:
 * concurrent registrations queue on the row lock (race-free) and a rolled-back registration
 * releases its number (gap-free).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

export async function takeNextSerial(
  trx: Transaction<Database>,
  institutionId: string,
  caseType: string,
  year: number,
): Promise<number> {
  const row = await trx
    .insertInto('case_number_counters')
    .values({ institution_id: institutionId, case_type: caseType, year, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .columns(['institution_id', 'case_type', 'year'])
        .doUpdateSet((eb) => ({ last_serial: eb('case_number_counters.last_serial', '+', 1) })),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

/** Takes the next number of an institution's register for a case type, in the current year. */
export async function numberFile(
  trx: Transaction<Database>,
  params: {
    institutionId: string;
    institutionCode: string;
    caseType: string;
    referenceCode: string;
    now: Date;
    timeZone: string;
  },
): Promise<{ serial: number; year: number; reference: string }> {
  const year = numberingYear(params.now, params.timeZone);
  const serial = await takeNextSerial(trx, params.institutionId, params.caseType, year);
  return {
    serial,
    year,
    reference: fullReference(params.institutionCode, params.referenceCode, serial, year),
  };
}

/** The year a file is numbered in: the calendar year where the institution is. */
export function numberingYear(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric' }).format(at));
}

/** `RAM-PROS/PF/774/2022`: institution code, type code, serial and year. */
export function fullReference(
  institutionCode: string,
  typeCode: string,
  serial: number,
  year: number,
): string {
  return `${institutionCode}/${typeCode}/${serial}/${year}`;
}
