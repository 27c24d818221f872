import type { OffenceRow } from './offences.repository';

export function presentOffence(row: OffenceRow) {
  return {
    id: row.id,
    code: row.code,
    lawAr: row.law_ar,
    lawEn: row.law_en,
    article: row.article,
    titleAr: row.title_ar,
    titleEn: row.title_en,
    offenceClass: row.offence_class,
    iccsCategory: row.iccs_category,
    isGbvRelated: row.is_gbv_related,
    isActive: row.is_active,
  };
}
