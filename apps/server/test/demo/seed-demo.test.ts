import { COURT_LEVELS, INSTITUTION_KINDS, NATIONAL_ROLES, ROLES, UNIT_KINDS } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain';
import { CliError } from '../../src/cli/cli-support';
import { seedDemoCommand } from '../../src/cli/seed-demo.command';
import { prepareDemoAtStartup } from '../../src/demo/demo-startup';
import { startupBanner } from '../../src/demo/demo-logins';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo';
import { systemClock } from '../../src/clock';
import { buildTestApp, type TestApp } from '../support/app';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { bearer, buildUser, loginAs } from '../support/factories';
import { captureOutput } from '../cli/cli-test-support';

describe('demo seed', () => {
  let iso: IsolatedDatabase;
  beforeAll(async () => {
    iso = await isolatedTestDatabase();
    // A database with only an account in it (a first administrator) is not empty either.
    const admin = await buildUser(iso.handle.db);
    const refused = await seedDemo(iso.handle.db, {
      origin: { requestId: null, sourceIp: null, occurredAt: new Date() },
      actor: { userId: null, username: 'cli:test' },
    });
    expect(refused).toEqual({
      isSeeded: false,
      existing: { regions: 0, institutions: 0, users: 1 },
    });
    await iso.handle.db.deleteFrom('users').where('id', '=', admin.id).execute();
    // The start-up path, with the production password cost: what `npm start` does.
    expect(await prepareDemoAtStartup(iso.handle.db, systemClock)).toEqual({
      isDemo: true,
      isSeededNow: true,
    });
  });
  afterAll(async () => {
    await iso.dispose();
  });

  it('creates one active user per role (two prosecutors: general and juvenile unit), each with a fitting assignment', async () => {
    const rows = await iso.handle.db
      .selectFrom('users')
      .innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
      .leftJoin('institutions', 'institutions.id', 'role_assignments.institution_id')
      .leftJoin('institution_units', 'institution_units.id', 'role_assignments.unit_id')
      .select([
        'users.username',
        'users.display_name_ar',
        'users.display_name_en',
        'users.is_active',
        'users.institution_id',
        'role_assignments.role',
        'role_assignments.grant_kind',
        'institutions.kind as institutionKind',
        'institutions.code as institutionCode',
        'institution_units.kind as unitKind',
      ])
      .execute();
    expect(rows.map((r) => r.role).sort()).toEqual([...ROLES, 'prosecutor'].sort());
    const byRole = new Map(rows.filter((r) => r.username !== 'juvenile').map((r) => [r.role, r]));
    expect(rows.find((r) => r.username === 'juvenile')).toMatchObject({
      role: 'prosecutor',
      institutionCode: 'RAM-PRO',
      unitKind: 'juvenile',
    });
    for (const row of rows) {
      expect(row).toMatchObject({ is_active: true, grant_kind: 'standard' });
      expect(row.display_name_ar).toMatch(/[\u0600-\u06FF]/);
      expect(row.display_name_en).toMatch(/^[A-Z][A-Za-z' -]+$/);
      expect(row.institutionKind === null).toBe(NATIONAL_ROLES.includes(row.role));
    }
    expect(byRole.get('prosecutor')).toMatchObject({
      username: 'prosecutor',
      institutionCode: 'RAM-PRO',
      unitKind: 'general',
    });
    expect(byRole.get('police_investigator')?.institutionKind).toBe('police_unit');
    expect(byRole.get('judge')?.institutionKind).toBe('court');
    expect(byRole.get('court_clerk')?.institutionKind).toBe('court');
    expect(byRole.get('child_protection_counsellor')?.institutionKind).toBe('social_services');
    expect(byRole.get('service_provider')).toMatchObject({
      username: 'services',
      institutionCode: 'RAM-MSD',
      institutionKind: 'social_services',
    });
    expect(byRole.get('lawyer')?.institutionKind).toBe('bar_association');
    expect(byRole.get('correction_officer')?.institutionKind).toBe('correction_centre');
  });

  it('creates institutions of every kind, courts of every level and units of every kind', async () => {
    const { db } = iso.handle;
    const institutions = await db.selectFrom('institutions').selectAll().execute();
    expect(new Set(institutions.map((i) => i.kind))).toEqual(new Set(INSTITUTION_KINDS));
    expect(new Set(institutions.flatMap((i) => (i.court_level ? [i.court_level] : [])))).toEqual(
      new Set(COURT_LEVELS),
    );
    expect(institutions.every((i) => i.region_id !== null)).toBe(true);
    const units = await db.selectFrom('institution_units').select('kind').execute();
    expect(new Set(units.map((u) => u.kind))).toEqual(new Set(UNIT_KINDS));
    const regions = await db.selectFrom('regions').select(['code', 'name_ar']).execute();
    expect(regions.map((r) => r.code)).toEqual(
      expect.arrayContaining([
        'JER',
        'RAM',
        'HEB',
        'NAB',
        'BET',
        'JEN',
        'TUL',
        'QAL',
        'SAL',
        'JRH',
        'TUB',
        'GZA',
      ]),
    );
  });

  it('hashes the demo password with scrypt for every account', async () => {
    const admin = await iso.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(admin.password_hash).toMatch(/^scrypt\$15\$/);
    expect(await verifyPassword(DEMO_PASSWORD, admin.password_hash)).toBe(true);
  });

  it('writes one system.demo_seeded audit row, first, on a valid chain', async () => {
    // The demo files that follow are audited by their own use cases (demo-files.test.ts).
    const rows = await iso.handle.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.filter((r) => r.action === 'system.demo_seeded')).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'system.demo_seeded',
      outcome: 'success',
      actor_username: 'system:startup',
    });
    expect(rows[0]?.details).toMatchObject({ users: ROLES.length + 1 });
    expect((await verifyAuditChain(iso.handle.db)).isValid).toBe(true);
  });

  it('refuses a second seed and changes nothing', async () => {
    const auditBefore = await iso.handle.db.selectFrom('audit_log').select('seq').execute();
    const out = captureOutput();
    const attempt = seedDemoCommand(iso.handle.db, out);
    await expect(attempt).rejects.toThrow(CliError);
    await expect(attempt).rejects.toThrow(/database is not empty \(27 institutions, 15 users/);
    expect(await prepareDemoAtStartup(iso.handle.db, systemClock)).toEqual({
      isDemo: true,
      isSeededNow: false,
    });
    const audit = await iso.handle.db.selectFrom('audit_log').select('seq').execute();
    expect(audit).toHaveLength(auditBefore.length);
  });

  it('lets every demo account sign in with the demo password', async () => {
    let t: TestApp | undefined;
    try {
      t = await buildTestApp({ handle: iso.handle });
      for (const username of ['admin', 'prosecutor', 'auditor']) {
        const token = await loginAs(t.app, username, DEMO_PASSWORD);
        const me = await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: bearer(token),
        });
        expect(me.statusCode).toBe(200);
      }
    } finally {
      await t?.app.close();
    }
  });

  it('prints the URL and every demo login at start-up', () => {
    const banner = startupBanner('http://localhost:8080', true);
    expect(banner).toContain('http://localhost:8080');
    for (const username of ['admin', 'prosecutor', 'chief', 'judge', 'auditor']) {
      expect(banner).toMatch(new RegExp(`\\n +${username} +qadiya-demo +`));
    }
    expect(startupBanner('http://localhost:8080', false)).not.toContain(DEMO_PASSWORD);
  });
});
