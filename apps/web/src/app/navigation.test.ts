import type { Role } from '@qadiya/domain/organisation';
import { describe, expect, it } from 'vitest';
import { visibleEntries } from './navigation';

const holding =
  (...held: Role[]) =>
  (...roles: Role[]) =>
    roles.some((role) => held.includes(role));

const keys = (entries: ReturnType<typeof visibleEntries>) => entries.map((e) => e.key);

describe('the menu', () => {
  it('gives protection service providers their referrals and no file screen', () => {
    const menu = keys(visibleEntries(holding('service_provider')));
    expect(menu).toContain('referrals');
    expect(menu).not.toContain('caseSearch');
    expect(menu).not.toContain('persons');
    expect(menu).not.toContain('familyProtection');
  });

  it('shows the family protection dashboard to analysts, chief prosecutors and the unit only', () => {
    expect(keys(visibleEntries(holding('analyst')))).toContain('familyProtection');
    expect(keys(visibleEntries(holding('chief_prosecutor')))).toContain('familyProtection');
    // A prosecutor of another unit: no; of the family protection unit: yes.
    const prosecutor = holding('prosecutor');
    expect(keys(visibleEntries(prosecutor, () => false))).not.toContain('familyProtection');
    const onFamilyUnit = (roles: readonly Role[], kind: string) =>
      roles.includes('prosecutor') && kind === 'family_protection';
    expect(keys(visibleEntries(prosecutor, onFamilyUnit))).toContain('familyProtection');
    expect(keys(visibleEntries(prosecutor, onFamilyUnit))).not.toContain('referrals');
  });

  it('shows the documents due for disposal to chief prosecutors only', () => {
    expect(keys(visibleEntries(holding('chief_prosecutor')))).toContain('retention');
    for (const role of ['prosecutor', 'judge', 'court_clerk', 'analyst', 'auditor'] as const) {
      expect(keys(visibleEntries(holding(role)))).not.toContain('retention');
    }
  });
});
