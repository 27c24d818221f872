import { describe, expect, it } from 'vitest';
import type { Actor, ActiveAssignment } from '../../src/policy/actor';
import { decide, scopeFor } from '../../src/policy/policy';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

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
      role: 'admin',
      grantKind: 'standard',
      institutionId: A,
      unitId: null,
      caseId: null,
      validUntil: null,
      ...a,
    })),
  };
}

describe('policy module', () => {
  it('lets an institution admin manage its own institution only', () => {
    const admin = actor({ role: 'admin', institutionId: A });
    expect(decide(admin, 'user.manage', { institutionId: A })).toMatchObject({
      allowed: true,
      via: 'institution',
    });
    expect(decide(admin, 'user.manage', { institutionId: B })).toMatchObject({ allowed: false });
    expect(decide(admin, 'user.manage', { institutionId: null })).toMatchObject({ allowed: false });
  });

  it('gives a national admin every institution, and national-only permissions', () => {
    const national = actor({ role: 'admin', institutionId: null });
    expect(decide(national, 'user.manage', { institutionId: B })).toMatchObject({
      allowed: true,
      via: 'national',
    });
    expect(decide(national, 'institution.create', { institutionId: null }).allowed).toBe(true);
    expect(
      decide(actor({ role: 'admin', institutionId: A }), 'institution.create', { institutionId: A })
        .allowed,
    ).toBe(false);
  });

  it('does not let another role stand in for the one a permission needs', () => {
    const prosecutor = actor({ role: 'prosecutor', institutionId: A });
    expect(decide(prosecutor, 'user.read', { institutionId: A }).allowed).toBe(false);
    expect(decide(prosecutor, 'audit.read', { institutionId: A }).allowed).toBe(false);
  });

  it('ignores case-bound and excluded grants for institution-wide permissions', () => {
    const caseBound = actor(
      { role: 'admin', grantKind: 'specific', caseId: 'c1' },
      { role: 'admin', grantKind: 'excluded', caseId: 'c2', institutionId: B },
    );
    expect(decide(caseBound, 'user.manage', { institutionId: A }).allowed).toBe(false);
    expect(scopeFor(caseBound, 'user.read')).toEqual({ national: false, institutionIds: [] });
  });

  it('marks access through a break-glass grant, and prefers a standard grant when both exist', () => {
    const breakGlass = actor({ role: 'auditor', grantKind: 'break_glass', institutionId: B });
    expect(decide(breakGlass, 'audit.read', { institutionId: B })).toMatchObject({
      allowed: true,
      via: 'break_glass',
    });
    const both = actor(
      { role: 'auditor', grantKind: 'break_glass', institutionId: B },
      { role: 'auditor', grantKind: 'standard', institutionId: B },
    );
    expect(decide(both, 'audit.read', { institutionId: B })).toMatchObject({
      allowed: true,
      via: 'institution',
    });
  });

  it('computes the SQL scope from the same grants', () => {
    const multi = actor(
      { role: 'admin', institutionId: A },
      { role: 'admin', institutionId: B },
      { role: 'judge' },
    );
    expect(scopeFor(multi, 'user.read')).toEqual({ national: false, institutionIds: [A, B] });
  });
});
