import type { Role } from '@qadiya/domain';

export function presentStaffMember(row: {
  id: string;
  username: string;
  display_name_ar: string;
  display_name_en: string;
}) {
  return {
    userId: row.id,
    username: row.username,
    nameAr: row.display_name_ar,
    nameEn: row.display_name_en,
  };
}

export function presentCaseWorker(row: {
  id: string;
  username: string;
  display_name_ar: string;
  display_name_en: string;
  role: Role;
  institution_id: string;
  institution_code: string;
  institution_name_ar: string;
  institution_name_en: string;
}) {
  return {
    id: row.id,
    username: row.username,
    displayNameAr: row.display_name_ar,
    displayNameEn: row.display_name_en,
    role: row.role,
    institution: {
      id: row.institution_id,
      code: row.institution_code,
      nameAr: row.institution_name_ar,
      nameEn: row.institution_name_en,
    },
  };
}
