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
