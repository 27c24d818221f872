-- The president of a court (issue 8): reads the court's performance measures and its files, as a
-- chief prosecutor does for a prosecution office (packages/domain/src/organisation/roles.ts).
ALTER TABLE role_settings DROP CONSTRAINT role_settings_role_check;
ALTER TABLE role_settings ADD CONSTRAINT role_settings_role_check CHECK (role IN ('admin',
  'police_investigator', 'prosecutor', 'chief_prosecutor', 'judge', 'court_clerk',
  'court_president', 'child_protection_counsellor', 'mediator', 'lawyer', 'correction_officer',
  'service_provider', 'analyst', 'auditor'));
ALTER TABLE role_assignments DROP CONSTRAINT role_assignments_role_check;
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_role_check CHECK (role IN ('admin',
  'police_investigator', 'prosecutor', 'chief_prosecutor', 'judge', 'court_clerk',
  'court_president', 'child_protection_counsellor', 'mediator', 'lawyer', 'correction_officer',
  'service_provider', 'analyst', 'auditor'));
