/**
 * The demo organisation: the Palestinian governorates and a justice chain centred on Ramallah,
 * with offices in Nablus, Hebron, Bethlehem, Jenin and Jericho.
 */
import type { CourtLevel, InstitutionKind, UnitKind } from '@qadiya/domain';

export interface DemoRegion {
  code: string;
  nameAr: string;
  nameEn: string;
}

/** The governorates of the West Bank and of the Gaza Strip (Palestinian Central Bureau of Statistics). */
export const DEMO_REGIONS: readonly DemoRegion[] = [
  { code: 'JEN', nameAr: 'جنين', nameEn: 'Jenin' },
  { code: 'TUB', nameAr: 'طوباس', nameEn: 'Tubas' },
  { code: 'TUL', nameAr: 'طولكرم', nameEn: 'Tulkarm' },
  { code: 'NAB', nameAr: 'نابلس', nameEn: 'Nablus' },
  { code: 'QAL', nameAr: 'قلقيلية', nameEn: 'Qalqilya' },
  { code: 'SAL', nameAr: 'سلفيت', nameEn: 'Salfit' },
  { code: 'RAM', nameAr: 'رام الله والبيرة', nameEn: 'Ramallah and al-Bireh' },
  { code: 'JRH', nameAr: 'أريحا والأغوار', nameEn: 'Jericho and al-Aghwar' },
  { code: 'JER', nameAr: 'القدس', nameEn: 'Jerusalem' },
  { code: 'BET', nameAr: 'بيت لحم', nameEn: 'Bethlehem' },
  { code: 'HEB', nameAr: 'الخليل', nameEn: 'Hebron' },
  { code: 'NGZ', nameAr: 'شمال غزة', nameEn: 'North Gaza' },
  { code: 'GZA', nameAr: 'غزة', nameEn: 'Gaza' },
  { code: 'DEB', nameAr: 'دير البلح', nameEn: 'Deir al-Balah' },
  { code: 'KHY', nameAr: 'خان يونس', nameEn: 'Khan Yunis' },
  { code: 'RAF', nameAr: 'رفح', nameEn: 'Rafah' },
];

interface DemoInstitutionBase {
  code: string;
  region: string;
  nameAr: string;
  nameEn: string;
}

/** A court always has a level; a prosecution office may have units; nothing else has either. */
export type DemoInstitution =
  | (DemoInstitutionBase & { kind: 'court'; courtLevel: CourtLevel })
  | (DemoInstitutionBase & { kind: 'prosecution_office'; units: readonly UnitKind[] })
  | (DemoInstitutionBase & { kind: Exclude<InstitutionKind, 'court' | 'prosecution_office'> });

const ALL_UNITS: readonly UnitKind[] = ['general', 'juvenile', 'family_protection', 'cybercrime'];

export const DEMO_INSTITUTIONS: readonly DemoInstitution[] = [
  // Ramallah and al-Bireh: the seat of the High Court, the Court of Appeal and the Grand Felonies Court.
  {
    code: 'RAM-POL',
    kind: 'police_unit',
    region: 'RAM',
    nameAr: 'مديرية شرطة محافظة رام الله والبيرة',
    nameEn: 'Ramallah and al-Bireh Police Directorate',
  },
  {
    code: 'RAM-FJP',
    kind: 'police_unit',
    region: 'RAM',
    nameAr: 'إدارة حماية الأسرة والأحداث - رام الله',
    nameEn: 'Family and Juvenile Protection Police, Ramallah',
  },
  {
    code: 'RAM-PRO',
    kind: 'prosecution_office',
    region: 'RAM',
    nameAr: 'نيابة رام الله',
    nameEn: 'Ramallah Public Prosecution',
    units: ALL_UNITS,
  },
  {
    code: 'RAM-MAG',
    kind: 'court',
    courtLevel: 'magistrate',
    region: 'RAM',
    nameAr: 'محكمة صلح رام الله',
    nameEn: 'Ramallah Magistrate Court',
  },
  {
    code: 'RAM-FI',
    kind: 'court',
    courtLevel: 'first_instance',
    region: 'RAM',
    nameAr: 'محكمة بداية رام الله',
    nameEn: 'Ramallah Court of First Instance',
  },
  {
    code: 'RAM-JUV',
    kind: 'court',
    courtLevel: 'juvenile',
    region: 'RAM',
    nameAr: 'محكمة الأحداث - رام الله',
    nameEn: 'Ramallah Juvenile Court',
  },
  {
    code: 'RAM-APP',
    kind: 'court',
    courtLevel: 'appeal',
    region: 'RAM',
    nameAr: 'محكمة استئناف رام الله',
    nameEn: 'Ramallah Court of Appeal',
  },
  {
    code: 'PS-CAS',
    kind: 'court',
    courtLevel: 'cassation',
    region: 'RAM',
    nameAr: 'محكمة النقض (المحكمة العليا) - رام الله',
    nameEn: 'Court of Cassation (High Court), Ramallah',
  },
  {
    code: 'PS-GF',
    kind: 'court',
    courtLevel: 'grand_felonies',
    region: 'RAM',
    nameAr: 'محكمة الجنايات الكبرى',
    nameEn: 'Grand Felonies Court',
  },
  {
    code: 'RAM-MSD',
    kind: 'social_services',
    region: 'RAM',
    nameAr: 'مديرية التنمية الاجتماعية - رام الله والبيرة',
    nameEn: 'Directorate of Social Development, Ramallah and al-Bireh',
  },
  {
    code: 'PS-BAR',
    kind: 'bar_association',
    region: 'RAM',
    nameAr: 'نقابة المحامين النظاميين الفلسطينيين',
    nameEn: 'Palestinian Bar Association',
  },
  // Nablus
  {
    code: 'NAB-POL',
    kind: 'police_unit',
    region: 'NAB',
    nameAr: 'مديرية شرطة محافظة نابلس',
    nameEn: 'Nablus Police Directorate',
  },
  {
    code: 'NAB-PRO',
    kind: 'prosecution_office',
    region: 'NAB',
    nameAr: 'نيابة نابلس',
    nameEn: 'Nablus Public Prosecution',
    units: ['general', 'juvenile', 'family_protection'],
  },
  {
    code: 'NAB-MAG',
    kind: 'court',
    courtLevel: 'magistrate',
    region: 'NAB',
    nameAr: 'محكمة صلح نابلس',
    nameEn: 'Nablus Magistrate Court',
  },
  {
    code: 'NAB-FI',
    kind: 'court',
    courtLevel: 'first_instance',
    region: 'NAB',
    nameAr: 'محكمة بداية نابلس',
    nameEn: 'Nablus Court of First Instance',
  },
  {
    code: 'NAB-CRC',
    kind: 'correction_centre',
    region: 'NAB',
    nameAr: 'مركز إصلاح وتأهيل الجنيد - نابلس',
    nameEn: 'Juneid Correction and Rehabilitation Centre, Nablus',
  },
  {
    code: 'NAB-MSD',
    kind: 'social_services',
    region: 'NAB',
    nameAr: 'مديرية التنمية الاجتماعية - نابلس',
    nameEn: 'Directorate of Social Development, Nablus',
  },
  // Hebron
  {
    code: 'HEB-POL',
    kind: 'police_unit',
    region: 'HEB',
    nameAr: 'مديرية شرطة محافظة الخليل',
    nameEn: 'Hebron Police Directorate',
  },
  {
    code: 'HEB-PRO',
    kind: 'prosecution_office',
    region: 'HEB',
    nameAr: 'نيابة الخليل',
    nameEn: 'Hebron Public Prosecution',
    units: ['general', 'juvenile', 'family_protection'],
  },
  {
    code: 'HEB-MAG',
    kind: 'court',
    courtLevel: 'magistrate',
    region: 'HEB',
    nameAr: 'محكمة صلح الخليل',
    nameEn: 'Hebron Magistrate Court',
  },
  {
    code: 'HEB-FI',
    kind: 'court',
    courtLevel: 'first_instance',
    region: 'HEB',
    nameAr: 'محكمة بداية الخليل',
    nameEn: 'Hebron Court of First Instance',
  },
  // Bethlehem, Jenin, Jericho
  {
    code: 'BET-POL',
    kind: 'police_unit',
    region: 'BET',
    nameAr: 'مديرية شرطة محافظة بيت لحم',
    nameEn: 'Bethlehem Police Directorate',
  },
  {
    code: 'BET-PRO',
    kind: 'prosecution_office',
    region: 'BET',
    nameAr: 'نيابة بيت لحم',
    nameEn: 'Bethlehem Public Prosecution',
    units: ['general', 'juvenile'],
  },
  {
    code: 'BET-MAG',
    kind: 'court',
    courtLevel: 'magistrate',
    region: 'BET',
    nameAr: 'محكمة صلح بيت لحم',
    nameEn: 'Bethlehem Magistrate Court',
  },
  {
    code: 'JEN-PRO',
    kind: 'prosecution_office',
    region: 'JEN',
    nameAr: 'نيابة جنين',
    nameEn: 'Jenin Public Prosecution',
    units: ['general', 'juvenile'],
  },
  {
    code: 'JEN-MAG',
    kind: 'court',
    courtLevel: 'magistrate',
    region: 'JEN',
    nameAr: 'محكمة صلح جنين',
    nameEn: 'Jenin Magistrate Court',
  },
  {
    code: 'JRH-CRC',
    kind: 'correction_centre',
    region: 'JRH',
    nameAr: 'مركز إصلاح وتأهيل أريحا',
    nameEn: 'Jericho Correction and Rehabilitation Centre',
  },
];
