/**
 * The derived classification of a simulated file: the generator's counterpart of
 * apps/server/src/cases/file-classification.ts. The server calls it after adding a party or a charge;
 * so does MatterRun.
 */
import {
  classifyFamilyProtection,
  criminalAgeStatus,
  gbvContextFlags,
  isChildStatus,
  type GbvType,
} from '@qadiya/domain';
import { dayToDate, type LocalClock } from './calendar';
import type { SimFile } from './sim-model';
import { GeneratorBug } from './sim-team';

/**
 * file-classification.ts reclassifyFile, without its audit row (see the ADR): each party's
 * age on the offence date, the juvenile flag, the family protection classification and the GBV
 * context flags, and the unit and confidentiality that follow from them.
 */
export function reclassifyFile(clock: LocalClock, file: SimFile): void {
  const fallback = file.incidentDate ?? dayToDate(clock.dayOf(file.openedAt));
  let isJuvenile = false;
  for (const party of file.parties) {
    const dates = file.charges
      .filter((c) => c.partyId === party.id && c.incidentDate)
      .map((c) => c.incidentDate ?? '');
    const offenceDate = dates.length > 0 ? dates.reduce((a, b) => (b < a ? b : a)) : fallback;
    if (party.dateOfBirth && party.dateOfBirth > offenceDate) {
      throw new GeneratorBug(`party ${party.id} born after the offence (${offenceDate})`);
    }
    const { age, status } = criminalAgeStatus(party.dateOfBirth, offenceDate);
    if (party.role === 'accused' && isChildStatus(status)) isJuvenile = true;
    party.age = age;
    party.ageStatus = status;
  }
  const people = file.parties.map((p) => ({
    role: p.role,
    sex: p.sex,
    relationshipToAccused: p.relationship,
    ageAtOffence: p.age,
  }));
  const family = classifyFamilyProtection(
    people,
    file.charges.map((c) => ({ isGbvRelated: c.isGbvRelated, linksCybercrime: c.linksCybercrime })),
  );
  file.linksCybercrime = family.linksCybercrime;
  file.gbv = gbvContextFlags(file.gbvType as GbvType | null, people);
  const sameReasons =
    [...family.reasons].sort().join() === [...file.familyProtectionReasons].sort().join();
  if (isJuvenile === file.isJuvenile && sameReasons) return;
  // A juvenile accused is the juvenile prosecution's, whatever else; then family protection.
  const unitKind = isJuvenile ? 'juvenile' : family.isFamilyProtection ? 'family_protection' : null;
  const unit =
    unitKind && file.institution.kind === 'prosecution_office'
      ? file.institution.units.get(unitKind)
      : undefined;
  if ((isJuvenile || family.isFamilyProtection) && file.confidentiality === 'normal')
    file.confidentiality = 'restricted';
  file.isJuvenile = isJuvenile;
  file.isFamilyProtection = family.isFamilyProtection;
  file.familyProtectionReasons = [...family.reasons];
  file.unitId = unit ?? file.unitId;
}
