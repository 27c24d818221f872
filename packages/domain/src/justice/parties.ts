import type { OffenceClass, PartyRole } from '../workflow/facts';

export const PARTY_ROLES = [
  'accused',
  'victim',
  'complainant',
  'witness',
  'guardian',
  'lawyer',
  'counsellor',
] as const satisfies readonly PartyRole[];

/**
 * The label of the accused follows the offence class (DESIGN.md): مشتكى عليه in general (and
 * before charges), ظنين for a misdemeanour, متهم for a felony.
 */
export function accusedLabel(classes: readonly OffenceClass[]): { ar: string; en: string } {
  if (classes.includes('felony')) return { ar: 'متهم', en: 'Accused (felony)' };
  if (classes.includes('misdemeanour')) return { ar: 'ظنين', en: 'Accused (misdemeanour)' };
  return { ar: 'مشتكى عليه', en: 'Suspect' };
}

/** The prosecution as a party: the public right. */
export const PUBLIC_RIGHT = { ar: 'الحق العام', en: 'The public right' } as const;
