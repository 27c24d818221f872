import type { Selectable } from 'kysely';
import type { InstitutionRow, InstitutionUnitTable, RegionTable } from '../db/schema';

export function presentUnit(row: Selectable<InstitutionUnitTable>) {
  return {
    id: row.id,
    institutionId: row.institution_id,
    kind: row.kind,
    nameAr: row.name_ar,
    nameEn: row.name_en,
    isActive: row.is_active,
  };
}

export function presentInstitution(
  row: InstitutionRow,
  units: Selectable<InstitutionUnitTable>[] = [],
) {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    courtLevel: row.court_level,
    regionId: row.region_id,
    nameAr: row.name_ar,
    nameEn: row.name_en,
    isActive: row.is_active,
    version: row.version,
    units: units.filter((u) => u.institution_id === row.id).map(presentUnit),
  };
}

export function presentRegion(row: Selectable<RegionTable>) {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    parentId: row.parent_id,
    nameAr: row.name_ar,
    nameEn: row.name_en,
  };
}
