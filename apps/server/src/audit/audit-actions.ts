/**
 * The closed list of audited actions. Adding an action means adding it here with a comment, so an
 * auditor can read this file as the catalogue of what the system records.
 */
export const AUDIT_ACTIONS = {
  // Authentication
  'auth.login':
    'A user logged on (success) or a logon failed (failure: wrong password, locked, disabled).',
  'auth.logout': 'A user ended their session.',
  'auth.lockout': 'An account was locked after too many failed logons.',
  'auth.password_changed': 'A user changed their password; all their sessions were revoked.',
  'auth.mfa_enrolment_started': 'A user asked for a new TOTP secret.',
  'auth.mfa_enabled': 'A user confirmed TOTP enrolment.',
  'auth.mfa_disabled': 'TOTP was removed from an account.',
  // Access control
  'access.denied': 'The policy module refused an action (any route, any object).',
  'access.restricted_read': 'A restricted or sealed record was read.',
  'access.break_glass_used': 'Access was granted through a break-glass assignment.',
  // Organisation
  'institution.created': 'An institution was created.',
  'institution.updated': 'An institution was changed.',
  'region.created': 'A governorate or district was added.',
  'unit.created': 'A unit was added to a prosecution office.',
  'unit.updated': 'A unit was changed.',
  // Accounts and permissions
  'user.created': 'A user account was created.',
  'user.updated': 'A user account was changed (names, institution, e-mail).',
  'user.disabled': 'A user account was disabled; its sessions were revoked.',
  'user.enabled': 'A disabled user account was enabled again.',
  'user.unlocked': 'An administrator cleared a lockout.',
  'user.password_reset': 'An administrator set a new password; all sessions were revoked.',
  'role.granted': 'A role assignment was created.',
  'role.revoked': 'A role assignment was revoked.',
  'role.settings_changed': 'A per-role setting (such as MFA required) was changed.',
  // Files
  'case.registered': 'A file was registered directly (not by referral) and numbered.',
  'case.event':
    'An event was fired on a file (the file changed); details name the event and versions.',
  'case.received':
    "A referred file arrived in the receiving institution's inbox (outbox delivery).",
  'case.accepted': 'A referred file was accepted from the inbox, numbered and assigned.',
  'case.returned': 'A referred file was returned to the sender with a reason.',
  'case.family_protection_changed':
    'A file became (or stopped being) a family protection file after its parties or charges changed; details give the reasons, confidentiality and unit.',
  'case.event_refused':
    'An event the law forbids was attempted and refused (e.g. mediation in violence against women); details name the event and the rule.',
  'case.juvenile_status_changed':
    'A file became (or stopped being) a juvenile file after an age was derived or corrected; details give confidentiality and unit before and after.',
  // Referrals of victims to services (family protection)
  'referral.consent_overridden':
    "A chief prosecutor sent a referral to a service without the victim's consent; details give the file, the victim's party, the service and the written reason.",
  'referral.accepted': 'A service accepted a referral of a victim; details give the feedback.',
  'referral.declined': 'A service declined a referral of a victim; details give the feedback.',
  'referral.closed':
    'A service closed a referral once its work was done; details give the feedback.',
  // Documents and evidence (issue 10)
  'document.version_added':
    'A document was uploaded or generated, or a new version of it; details give the version, SHA-256, size, type and origin.',
  'document.downloaded':
    'A document version was downloaded or previewed (success), or its bytes were missing from the store (failure, BLOB_MISSING).',
  'document.sealed': 'A document was sealed: only the file team and specific grants may open it.',
  'document.disposed':
    'The bytes of a document of a closed file were removed under the retention schedule, on a recorded decision; metadata and hashes stay.',
  'documents.verified':
    "A file's document versions were re-hashed against the store; details count mismatches and missing blobs.",
  'evidence.registered': 'An item was entered in the evidence register of a file (its seizure).',
  'evidence.file_added':
    'A digital evidence file was stored with its SHA-256 (checked against the hash declared at seizure when given).',
  'evidence.custody_transferred': 'An evidence item changed hands (chain of custody).',
  'evidence.disposition':
    'An evidence item was disposed of or returned, on the authorising decision named in details.',
  'evidence.file_downloaded': 'A digital evidence file was downloaded (or its bytes were missing).',
  'evidence.verified':
    "The hashes of a file's digital evidence were recomputed; details list every mismatch and missing file.",
  // Audit itself and operations
  'audit.queried': 'The audit log was queried through the API.',
  'system.demo_seeded': 'Demo data was loaded into an empty database.',
  'system.data_generated':
    'Generated data (qadiya generate) was written straight into the database, with no audit row per file; details give the seed, the sizes and the rows written.',
  'system.restored': 'The database was restored from a backup.',
  // Persons registry
  'person.created': 'A person was registered in the national persons registry.',
  'person.updated':
    'A person record was corrected; a changed date of birth or sex is recorded with before/after.',
  'person.merged':
    'A duplicate person record was merged into another: details name both, the merge, the reason and exactly which parties moved.',
  'person.merge_reverted':
    'A merge was reverted: the same parties moved back and the duplicate record was restored; details give the reason.',
  // Working-day calendars
  'calendar.changed':
    "A holiday was added or removed, or an institution's weekend days were changed.",
  // Statistics
  'statistics.child_population_set':
    "A year's child population figures (the denominator of the per-100,000 juvenile indicators) were replaced; details hold the figures before and after.",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
