/**
 * Which court level tries a file, by the most serious offence class charged (Palestinian Criminal
 * Procedures Law 3/2001): felonies go to the first-instance court (بداية; grand felonies where
 * such a court sits), misdemeanours and contraventions to the magistrate court (صلح).
 */
import type { CourtLevel } from '../organisation/institutions';
import type { OffenceClass } from '../workflow/facts';

export function competentCourtLevels(
  classes: readonly OffenceClass[],
  options: { juvenile?: boolean } = {},
): readonly CourtLevel[] {
  // A juvenile is tried by the juvenile court whatever the offence (Decree-Law 4/2016).
  if (options.juvenile) return ['juvenile'];
  if (classes.includes('felony')) return ['first_instance', 'grand_felonies'];
  return ['magistrate'];
}
