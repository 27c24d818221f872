/**
 * The policy module's two rules for the family protection dashboard, as pure functions: a
 * prosecutor holds `statistics.read_family_protection` only through a grant on the office's family
 * protection unit (analysts and chief prosecutors as for every statistic); and only a standard
 * grant on the family protection unit of every institution counted sees exact figures.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, ActiveAssignment } from '../../src/policy/actor';
import { decide, seesExactFamilyProtectionFigures } from '../../src/policy/policy';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const UNIT_A = '00000000-0000-4000-8000-0000000000fa';
const GENERAL_A = '00000000-0000-4000-8000-00000000000e';
const UNIT_B = '00000000-0000-4000-8000-0000000000fb';

function actor(...assignments: Partial<ActiveAssignment>[]): Actor {
  return {
    userId: 'u',
    username: 'u',
    displayNameAr: 'u',
    displayNameEn: 'u',
    institutionId: A,
    sessionId: 's',
    assignments: assignments.map((a, i) => ({
      id: `g${i}`,
      role: 'prosecutor',
      grantKind: 'standard',
      institutionId: A,
      unitId: null,
      caseId: null,
      validUntil: null,
      ...a,
    })),
  };
}

const PERMISSION = 'statistics.read_family_protection';

describe('reading the family protection dashboard', () => {
  it("lets a prosecutor in through a grant on the office's family protection unit only", () => {
    const onUnit = actor({ role: 'prosecutor', unitId: UNIT_A });
    expect(decide(onUnit, PERMISSION, { institutionId: A, unitId: UNIT_A }).allowed).toBe(true);
    expect(decide(onUnit, PERMISSION, { institutionId: B, unitId: UNIT_B }).allowed).toBe(false);
    expect(decide(onUnit, PERMISSION, { institutionId: A, unitId: null }).allowed).toBe(false);
    const otherUnit = actor({ role: 'prosecutor', unitId: GENERAL_A });
    expect(decide(otherUnit, PERMISSION, { institutionId: A, unitId: UNIT_A }).allowed).toBe(false);
    const wholeOffice = actor({ role: 'prosecutor', unitId: null });
    expect(decide(wholeOffice, PERMISSION, { institutionId: A, unitId: UNIT_A }).allowed).toBe(
      false,
    );
    // The unit rule is this permission's only: the juvenile indicators stay closed to them.
    expect(decide(onUnit, 'statistics.read', { institutionId: A }).allowed).toBe(false);
  });

  it('lets chief prosecutors in at their office, whatever the unit, and analysts anywhere', () => {
    const chief = actor({ role: 'chief_prosecutor', unitId: null });
    expect(decide(chief, PERMISSION, { institutionId: A, unitId: UNIT_A }).allowed).toBe(true);
    expect(decide(chief, PERMISSION, { institutionId: B, unitId: UNIT_B }).allowed).toBe(false);
    const analyst = actor({ role: 'analyst', institutionId: null });
    expect(decide(analyst, PERMISSION, { institutionId: null })).toMatchObject({
      allowed: true,
      via: 'national',
    });
    expect(decide(analyst, PERMISSION, { institutionId: B, unitId: UNIT_B }).allowed).toBe(true);
  });
});

describe('exact family protection figures', () => {
  const officeA = { institutionId: A, familyUnitId: UNIT_A };
  const officeB = { institutionId: B, familyUnitId: UNIT_B };

  it('are for standard grants on the family protection unit of every institution counted', () => {
    const prosecutor = actor({ role: 'prosecutor', unitId: UNIT_A });
    expect(seesExactFamilyProtectionFigures(prosecutor, [officeA])).toBe(true);
    expect(seesExactFamilyProtectionFigures(prosecutor, [officeA, officeB])).toBe(false);
    const both = actor(
      { role: 'chief_prosecutor', unitId: UNIT_A },
      { role: 'prosecutor', institutionId: B, unitId: UNIT_B },
    );
    expect(seesExactFamilyProtectionFigures(both, [officeA, officeB])).toBe(true);
  });

  it('are not for the whole office, another unit, break-glass, analysts, or the whole country', () => {
    const cases: Partial<ActiveAssignment>[] = [
      { role: 'chief_prosecutor', unitId: null },
      { role: 'prosecutor', unitId: GENERAL_A },
      { role: 'prosecutor', unitId: UNIT_A, grantKind: 'break_glass' },
      { role: 'judge', unitId: UNIT_A },
      { role: 'analyst', institutionId: null },
    ];
    for (const grant of cases) {
      expect(seesExactFamilyProtectionFigures(actor(grant), [officeA]), JSON.stringify(grant)).toBe(
        false,
      );
    }
    expect(
      seesExactFamilyProtectionFigures(actor({ role: 'prosecutor', unitId: UNIT_A }), []),
    ).toBe(false);
    // An office without a family protection unit has no members to see it exact.
    expect(
      seesExactFamilyProtectionFigures(actor({ role: 'chief_prosecutor', unitId: null }), [
        { institutionId: A, familyUnitId: null },
      ]),
    ).toBe(false);
  });
});
