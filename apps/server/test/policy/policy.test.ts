import { describe, expect, it } from 'vitest';
import type { Actor, ActiveAssignment } from '../../src/policy/actor';
import { CASE_HANDLING_ROLES, decide, roleScope, scopeFor } from '../../src/policy/policy';

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
  it('lets a permission carried by several roles be held through any of them', () => {
    for (const role of CASE_HANDLING_ROLES) {
      const holder = actor({ role, institutionId: A });
      expect({
        role,
        allowed: decide(holder, 'person.register', { institutionId: null }).allowed,
      }).toEqual({ role, allowed: true });
    }
    const both = actor(
      { role: 'judge', institutionId: A },
      { role: 'prosecutor', institutionId: B },
    );
    expect(scopeFor(both, 'person.read')).toEqual({ national: false, institutionIds: [A, B] });
    expect(roleScope(both, 'judge')).toEqual({ national: false, institutionIds: [A] });
    expect(roleScope(both, ['judge', 'prosecutor'])).toEqual({
      national: false,
      institutionIds: [A, B],
    });
  });

  it('opens the national persons registry to a grant at any institution, and to no other role', () => {
    const clerkB = actor({ role: 'court_clerk', institutionId: B });
    expect(decide(clerkB, 'person.read', { institutionId: null })).toMatchObject({
      allowed: true,
      via: 'institution',
    });
    expect(decide(clerkB, 'person.read', { institutionId: A }).allowed).toBe(true);
    const counsellor = actor({ role: 'child_protection_counsellor', institutionId: A });
    expect(decide(counsellor, 'person.read', { institutionId: null }).allowed).toBe(true);
    expect(decide(counsellor, 'person.read_contact', { institutionId: null }).allowed).toBe(false);
    expect(decide(counsellor, 'person.register', { institutionId: null }).allowed).toBe(false);
    for (const role of ['admin', 'analyst', 'auditor', 'lawyer'] as const) {
      const other = actor({ role, institutionId: null });
      expect({
        role,
        allowed: decide(other, 'person.read', { institutionId: null }).allowed,
      }).toEqual({ role, allowed: false });
    }
    const caseBound = actor({ role: 'prosecutor', grantKind: 'specific', caseId: 'c1' });
    expect(decide(caseBound, 'person.read', { institutionId: null }).allowed).toBe(false);
    const breakGlass = actor({ role: 'prosecutor', grantKind: 'break_glass', institutionId: B });
    expect(decide(breakGlass, 'person.read', { institutionId: null })).toMatchObject({
      allowed: true,
      via: 'break_glass',
    });
  });

  it('keeps calendar administration to national admins for national holidays', () => {
    const adminA = actor({ role: 'admin', institutionId: A });
    expect(decide(adminA, 'calendar.manage', { institutionId: A }).allowed).toBe(true);
    expect(decide(adminA, 'calendar.manage', { institutionId: B }).allowed).toBe(false);
    expect(decide(adminA, 'calendar.manage', { institutionId: null }).allowed).toBe(false);
    const national = actor({ role: 'admin', institutionId: null });
    expect(decide(national, 'calendar.manage', { institutionId: null }).allowed).toBe(true);
    const judge = actor({ role: 'judge', institutionId: A });
    expect(decide(judge, 'calendar.manage', { institutionId: A }).allowed).toBe(false);
  });
});
