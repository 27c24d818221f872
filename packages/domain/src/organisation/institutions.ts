/** Kinds of institution in the justice chain (DESIGN.md §1 "Institutions and people"). */
export const INSTITUTION_KINDS = [
  'police_unit',
  'prosecution_office',
  'court',
  'correction_centre',
  'social_services',
  'bar_association',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, { ar: string; en: string }> = {
  police_unit: { ar: 'وحدة شرطة', en: 'Police unit' },
  prosecution_office: { ar: 'نيابة عامة', en: 'Prosecution office' },
  court: { ar: 'محكمة', en: 'Court' },
  correction_centre: { ar: 'مركز إصلاح وتأهيل', en: 'Correction centre' },
  social_services: { ar: 'مديرية التنمية الاجتماعية', en: 'Social services' },
  bar_association: { ar: 'نقابة المحامين', en: 'Bar association' },
};

/** Court levels. Only courts have one, and every court has one. */
export const COURT_LEVELS = [
  'magistrate',
  'first_instance',
  'appeal',
  'cassation',
  'juvenile',
  'grand_felonies',
] as const;
export type CourtLevel = (typeof COURT_LEVELS)[number];

export const COURT_LEVEL_LABELS: Record<CourtLevel, { ar: string; en: string }> = {
  magistrate: { ar: 'صلح', en: 'Magistrate' },
  first_instance: { ar: 'بداية', en: 'First instance' },
  appeal: { ar: 'استئناف', en: 'Appeal' },
  cassation: { ar: 'نقض', en: 'Cassation' },
  juvenile: { ar: 'أحداث', en: 'Juvenile' },
  grand_felonies: { ar: 'جنايات كبرى', en: 'Grand felonies' },
};

/** Specialised units of a prosecution office. */
export const UNIT_KINDS = ['general', 'juvenile', 'family_protection', 'cybercrime'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { ar: string; en: string }> = {
  general: { ar: 'النيابة العامة', en: 'General' },
  juvenile: { ar: 'نيابة الأحداث', en: 'Juvenile' },
  family_protection: { ar: 'نيابة حماية الأسرة', en: 'Family protection' },
  cybercrime: { ar: 'نيابة الجرائم الإلكترونية', en: 'Cybercrime' },
};

/** Which institution kinds may have units. */
export function institutionKindHasUnits(kind: InstitutionKind): boolean {
  return kind === 'prosecution_office';
}

export const REGION_KINDS = ['governorate', 'district'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];
