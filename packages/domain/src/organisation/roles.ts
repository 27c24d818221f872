/**
 * The roles of the justice chain (DESIGN.md §1). A role is granted to a user through a role
 * assignment (role × institution × optional unit / case / validity window).
 */
export const ROLES = [
  'admin',
  'police_investigator',
  'prosecutor',
  'chief_prosecutor',
  'judge',
  'court_clerk',
  /** The president of a court: steers it by its figures and reads its files (not restricted ones). */
  'court_president',
  'child_protection_counsellor',
  'mediator',
  'lawyer',
  'correction_officer',
  /** Staff of a service on the national referral pathway (shelter, health, psychosocial…). */
  'service_provider',
  'analyst',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may hold a national assignment (no institution): they oversee the whole system. */
export const NATIONAL_ROLES: readonly Role[] = ['admin', 'auditor', 'analyst'];

export const ROLE_LABELS: Record<Role, { ar: string; en: string }> = {
  admin: { ar: 'مدير النظام', en: 'Administrator' },
  police_investigator: { ar: 'محقق شرطة', en: 'Police investigator' },
  prosecutor: { ar: 'وكيل نيابة', en: 'Prosecutor' },
  chief_prosecutor: { ar: 'رئيس نيابة', en: 'Chief prosecutor' },
  judge: { ar: 'قاضٍ', en: 'Judge' },
  court_clerk: { ar: 'كاتب محكمة', en: 'Court clerk' },
  court_president: { ar: 'رئيس محكمة', en: 'Court president' },
  child_protection_counsellor: { ar: 'مرشد حماية الطفولة', en: 'Child protection counsellor' },
  mediator: { ar: 'وسيط', en: 'Mediator' },
  lawyer: { ar: 'محامٍ', en: 'Lawyer' },
  correction_officer: { ar: 'ضابط مركز إصلاح وتأهيل', en: 'Correction officer' },
  service_provider: { ar: 'مقدم خدمات الحماية', en: 'Protection service provider' },
  analyst: { ar: 'محلل إحصائي', en: 'Analyst' },
  auditor: { ar: 'مدقق', en: 'Auditor' },
};

/**
 * How a role assignment grants (or withholds) access.
 * - standard: the role at an institution (and optionally a unit);
 * - specific: the role for one case only;
 * - excluded: recusal or conflict of interest; hides that case from the user whatever else they hold;
 * - break_glass: temporary emergency access; needs a written reason and an expiry, and every use is audited.
 */
export const GRANT_KINDS = ['standard', 'specific', 'excluded', 'break_glass'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

/** The longest a break-glass grant may last. Emergency access is meant to be short. */
export const BREAK_GLASS_MAX_HOURS = 72;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
