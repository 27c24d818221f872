/**
 * One demo account per role. The names are realistic but invented; no real official is named.
 */
import type { Role, UnitKind } from '@qadiya/domain';

export interface DemoUser {
  username: string;
  role: Role;
  nameAr: string;
  nameEn: string;
  sex: 'female' | 'male';
  /** Institution code; null = national scope (admin, auditor, analyst). */
  institution: string | null;
  unit?: UnitKind;
}

/** One demo user per role, all working in or around Ramallah except the correction officer. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'admin',
    role: 'admin',
    nameAr: 'سامي عودة',
    nameEn: 'Sami Odeh',
    sex: 'male',
    institution: null,
  },
  {
    username: 'investigator',
    role: 'police_investigator',
    nameAr: 'أحمد خليل',
    nameEn: 'Ahmad Khalil',
    sex: 'male',
    institution: 'RAM-POL',
  },
  {
    username: 'prosecutor',
    role: 'prosecutor',
    nameAr: 'رنا عبد الله',
    nameEn: 'Rana Abdallah',
    sex: 'female',
    institution: 'RAM-PRO',
    unit: 'general',
  },
  {
    // The juvenile unit's prosecutor (نيابة الأحداث): juvenile files are routed to the unit.
    username: 'juvenile',
    role: 'prosecutor',
    nameAr: 'سلمى عودة',
    nameEn: 'Salma Odeh',
    sex: 'female',
    institution: 'RAM-PRO',
    unit: 'juvenile',
  },
  {
    username: 'chief',
    role: 'chief_prosecutor',
    nameAr: 'محمود الشريف',
    nameEn: 'Mahmoud Al-Sharif',
    sex: 'male',
    institution: 'RAM-PRO',
  },
  {
    username: 'judge',
    role: 'judge',
    nameAr: 'ليلى حمدان',
    nameEn: 'Layla Hamdan',
    sex: 'female',
    institution: 'RAM-MAG',
  },
  {
    username: 'clerk',
    role: 'court_clerk',
    nameAr: 'يوسف نصار',
    nameEn: 'Yousef Nassar',
    sex: 'male',
    institution: 'RAM-MAG',
  },
  {
    username: 'president',
    role: 'court_president',
    nameAr: 'سعاد البرغوثي',
    nameEn: 'Suad Barghouthi',
    sex: 'female',
    institution: 'RAM-MAG',
  },
  {
    username: 'counsellor',
    role: 'child_protection_counsellor',
    nameAr: 'هبة منصور',
    nameEn: 'Heba Mansour',
    sex: 'female',
    institution: 'RAM-MSD',
  },
  {
    username: 'mediator',
    role: 'mediator',
    nameAr: 'خالد عبد الرحمن',
    nameEn: 'Khaled Abdelrahman',
    sex: 'male',
    institution: 'RAM-MSD',
  },
  {
    // A shelter and psychosocial service on the national referral pathway (family protection).
    username: 'services',
    role: 'service_provider',
    nameAr: 'رولا الأطرش',
    nameEn: 'Rula Al-Atrash',
    sex: 'female',
    institution: 'RAM-MSD',
  },
  {
    username: 'lawyer',
    role: 'lawyer',
    nameAr: 'نادية عيسى',
    nameEn: 'Nadia Issa',
    sex: 'female',
    institution: 'PS-BAR',
  },
  {
    username: 'correction',
    role: 'correction_officer',
    nameAr: 'إبراهيم جرادات',
    nameEn: 'Ibrahim Jaradat',
    sex: 'male',
    institution: 'NAB-CRC',
  },
  {
    username: 'analyst',
    role: 'analyst',
    nameAr: 'سلمى قاسم',
    nameEn: 'Salma Qasem',
    sex: 'female',
    institution: null,
  },
  {
    username: 'auditor',
    role: 'auditor',
    nameAr: 'عمر الخطيب',
    nameEn: 'Omar Al-Khatib',
    sex: 'male',
    institution: null,
  },
];
