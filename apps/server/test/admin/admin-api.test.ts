import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import {
  buildBareCase,
  buildInstitution,
  buildUser,
  signedInUser,
  uniqueSuffix,
} from '../support/factories';

describe('admin API: institutions, users and role assignments', () => {
  let t: TestApp;
  let officeA: Awaited<ReturnType<typeof buildInstitution>>;
  let officeB: Awaited<ReturnType<typeof buildInstitution>>;
  let national: Awaited<ReturnType<typeof signedInUser>>;
  let adminA: Awaited<ReturnType<typeof signedInUser>>;

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.handle.db;
    officeA = await buildInstitution(db, { units: ['general', 'juvenile'] });
    officeB = await buildInstitution(db, { units: ['general'] });
    national = await signedInUser(db, { grants: [{ role: 'admin', institutionId: null }] });
    adminA = await signedInUser(db, {
      institutionId: officeA.id,
      grants: [{ role: 'admin', institutionId: officeA.id }],
    });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const call = (
    headers: Record<string, string>,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  describe('institutions', () => {
    it('lets a national admin create a court, and requires its level', async () => {
      const code = `C-${uniqueSuffix().toUpperCase()}`;
      const missingLevel = await call(national.headers, 'POST', '/admin/institutions', {
        code,
        kind: 'court',
        nameAr: 'محكمة صلح',
        nameEn: 'Magistrate court',
      });
      expect(missingLevel.statusCode).toBe(400);
      expect(missingLevel.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [{ field: 'courtLevel' }] },
      });

      const created = await call(national.headers, 'POST', '/admin/institutions', {
        code,
        kind: 'court',
        courtLevel: 'magistrate',
        nameAr: 'محكمة صلح',
        nameEn: 'Magistrate court',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        code,
        kind: 'court',
        courtLevel: 'magistrate',
        units: [],
        version: 1,
      });

      const duplicate = await call(national.headers, 'POST', '/admin/institutions', {
        code,
        kind: 'court',
        courtLevel: 'magistrate',
        nameAr: 'x',
        nameEn: 'x',
      });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().error.code).toBe('ALREADY_EXISTS');

      const unitOnCourt = await call(
        national.headers,
        'POST',
        `/admin/institutions/${created.json().id}/units`,
        {
          kind: 'juvenile',
        },
      );
      expect(unitOnCourt.statusCode).toBe(409);
    });

    it('creates a prosecution office with its general unit and adds specialised units', async () => {
      const created = await call(national.headers, 'POST', '/admin/institutions', {
        code: `P-${uniqueSuffix().toUpperCase()}`,
        kind: 'prosecution_office',
        nameAr: 'نيابة',
        nameEn: 'Prosecution',
      });
      expect(created.json().units.map((u: { kind: string }) => u.kind)).toEqual(['general']);
      const unit = await call(
        national.headers,
        'POST',
        `/admin/institutions/${created.json().id}/units`,
        {
          kind: 'family_protection',
        },
      );
      expect(unit.statusCode).toBe(201);
      expect(unit.json()).toMatchObject({
        kind: 'family_protection',
        nameAr: 'نيابة حماية الأسرة',
      });
      const again = await call(
        national.headers,
        'POST',
        `/admin/institutions/${created.json().id}/units`,
        {
          kind: 'family_protection',
        },
      );
      expect(again.statusCode).toBe(409);
    });

    it('refuses an institution admin creating institutions', async () => {
      const response = await call(adminA.headers, 'POST', '/admin/institutions', {
        code: `X-${uniqueSuffix().toUpperCase()}`,
        kind: 'police_unit',
        nameAr: 'شرطة',
        nameEn: 'Police',
      });
      expect(response.statusCode).toBe(403);
    });

    it('detects a stale version: of two concurrent edits at one version, exactly one wins', async () => {
      const responses = await Promise.all(
        ['أ', 'ب', 'ج', 'د', 'ه'].map((name) =>
          call(adminA.headers, 'PATCH', `/admin/institutions/${officeA.id}`, {
            version: 1,
            nameAr: `نيابة ${name}`,
          }),
        ),
      );
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409]);
      const stale = responses.find((r) => r.statusCode === 409)!;
      expect(stale.json().error).toMatchObject({
        code: 'STALE_VERSION',
        details: { currentVersion: 2 },
      });
    });

    it('lists the directory to any signed-in user', async () => {
      const judge = await signedInUser(t.handle.db, {
        grants: [{ role: 'judge', institutionId: officeB.id }],
      });
      const response = await call(judge.headers, 'GET', `/institutions?q=${officeA.code}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        total: 1,
        items: [{ id: officeA.id, units: [{}, {}] }],
      });
    });
  });

  describe('users across institutions', () => {
    it('refuses an admin of one institution any access to another institution’s users, and audits it', async () => {
      const userB = await buildUser(t.handle.db, { institutionId: officeB.id });
      const read = await call(adminA.headers, 'GET', `/admin/users/${userB.id}`);
      expect(read.statusCode).toBe(403);
      expect(read.json().error.code).toBe('FORBIDDEN');
      const edit = await call(adminA.headers, 'PATCH', `/admin/users/${userB.id}`, {
        version: 1,
        displayNameEn: 'x',
      });
      expect(edit.statusCode).toBe(403);
      const disable = await call(adminA.headers, 'POST', `/admin/users/${userB.id}/disable`, {
        reason: 'x',
      });
      expect(disable.statusCode).toBe(403);
      const grant = await call(
        adminA.headers,
        'POST',
        `/admin/users/${userB.id}/role-assignments`,
        {
          role: 'prosecutor',
          institutionId: officeB.id,
        },
      );
      expect(grant.statusCode).toBe(403);

      const denied = await t.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'access.denied')
        .where('object_id', '=', userB.id)
        .execute();
      expect(denied.length).toBe(4);
      expect(denied[0]).toMatchObject({
        actor_user_id: adminA.user.id,
        outcome: 'denied',
        institution_id: officeB.id,
      });
      const unchanged = await t.handle.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', userB.id)
        .executeTakeFirstOrThrow();
      expect(unchanged).toMatchObject({ is_active: true, version: 1 });
    });

    it('filters the user list in SQL to the admin’s institutions', async () => {
      const inA = await buildUser(t.handle.db, { institutionId: officeA.id });
      const inB = await buildUser(t.handle.db, { institutionId: officeB.id });
      const listA = await call(adminA.headers, 'GET', '/admin/users?limit=500');
      const idsA = listA.json().items.map((u: { id: string }) => u.id);
      expect(idsA).toContain(inA.id);
      expect(idsA).not.toContain(inB.id);
      expect(
        listA.json().items.every((u: { institutionId: string }) => u.institutionId === officeA.id),
      ).toBe(true);
      const search = await call(national.headers, 'GET', `/admin/users?q=${inB.username}`);
      expect(search.json()).toMatchObject({ total: 1, items: [{ id: inB.id }] });
    });

    it('creates a user with roles, hides secrets, and refuses a taken username and a weak password', async () => {
      const username = `new.${uniqueSuffix()}`;
      const body = {
        username,
        password: 'a-long-enough-passphrase',
        displayNameAr: 'ليلى حداد',
        displayNameEn: 'Layla Haddad',
        sex: 'female',
        institutionId: officeA.id,
        roles: [{ role: 'prosecutor', institutionId: officeA.id, unitId: officeA.units[1]!.id }],
      };
      const created = await call(adminA.headers, 'POST', '/admin/users', body);
      expect(created.statusCode).toBe(201);
      expect(created.json().user).toMatchObject({ username, isActive: true, hasTotp: false });
      expect(created.body).not.toMatch(/scrypt|password_hash|totp_secret/);
      expect(created.json().assignments).toMatchObject([
        { role: 'prosecutor', grantKind: 'standard', unitId: officeA.units[1]!.id },
      ]);
      expect((await call(adminA.headers, 'POST', '/admin/users', body)).statusCode).toBe(409);
      const weak = await call(adminA.headers, 'POST', '/admin/users', {
        ...body,
        username: `w.${uniqueSuffix()}`,
        password: 'short',
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.details.issues[0].field).toBe('password');
      const unknownField = await call(adminA.headers, 'POST', '/admin/users', {
        ...body,
        isAdmin: true,
      });
      expect(unknownField.statusCode).toBe(400);
      expect(unknownField.json().error.message).toContain('isAdmin');
    });

    it('revokes every session of a disabled user, and a reset password revokes them too', async () => {
      const target = await signedInUser(t.handle.db, {
        institutionId: officeA.id,
        grants: [{ role: 'court_clerk', institutionId: officeA.id }],
      });
      expect((await call(target.headers, 'GET', '/institutions')).statusCode).toBe(200);
      const disabled = await call(
        adminA.headers,
        'POST',
        `/admin/users/${target.user.id}/disable`,
        { reason: 'left the service' },
      );
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json().isActive).toBe(false);
      expect((await call(target.headers, 'GET', '/institutions')).statusCode).toBe(401);
      const sessions = await t.handle.db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', target.user.id)
        .execute();
      expect(sessions.every((s) => s.revoke_reason === 'account_disabled')).toBe(true);

      const other = await signedInUser(t.handle.db, { institutionId: officeA.id });
      const reset = await call(
        adminA.headers,
        'POST',
        `/admin/users/${other.user.id}/reset-password`,
        {
          newPassword: 'another-long-passphrase',
        },
      );
      expect(reset.statusCode).toBe(200);
      expect((await call(other.headers, 'GET', '/institutions')).statusCode).toBe(401);
    });

    it('does not let an admin disable their own account', async () => {
      const response = await call(
        adminA.headers,
        'POST',
        `/admin/users/${adminA.user.id}/disable`,
        { reason: 'x' },
      );
      expect(response.statusCode).toBe(409);
    });
  });

  describe('role assignments', () => {
    it('enforces the rules of each grant kind with errors naming the field', async () => {
      const user = await buildUser(t.handle.db, { institutionId: officeA.id });
      const grant = (body: object) =>
        call(adminA.headers, 'POST', `/admin/users/${user.id}/role-assignments`, body);
      const field = async (body: object) => {
        const response = await grant(body);
        expect(response.statusCode).toBe(400);
        return response.json().error.details.issues[0].field as string;
      };
      const soon = new Date(Date.now() + 3_600_000).toISOString();
      expect(
        await field({
          role: 'prosecutor',
          institutionId: officeA.id,
          grantKind: 'break_glass',
          validUntil: soon,
        }),
      ).toBe('reason');
      expect(
        await field({
          role: 'prosecutor',
          institutionId: officeA.id,
          grantKind: 'break_glass',
          reason: 'urgent',
        }),
      ).toBe('validUntil');
      expect(
        await field({
          role: 'prosecutor',
          institutionId: officeA.id,
          grantKind: 'break_glass',
          reason: 'urgent',
          validUntil: new Date(Date.now() + 100 * 3_600_000).toISOString(),
        }),
      ).toBe('validUntil');
      expect(
        await field({
          role: 'judge',
          institutionId: officeA.id,
          grantKind: 'excluded',
          reason: 'relative',
        }),
      ).toBe('caseId');
      expect(
        await field({
          role: 'prosecutor',
          institutionId: officeA.id,
          unitId: officeB.units[0]!.id,
        }),
      ).toBe('unitId');
      expect(
        await field({ role: 'prosecutor', institutionId: officeA.id, grantKind: 'sideways' }),
      ).toBe('grantKind');

      const ok = await grant({
        role: 'prosecutor',
        institutionId: officeA.id,
        grantKind: 'break_glass',
        reason: 'night duty',
        validUntil: soon,
      });
      expect(ok.statusCode).toBe(201);
      const file = await buildBareCase(t.handle.db, officeA.id);
      const elsewhere = await buildBareCase(t.handle.db, officeB.id);
      expect(
        await field({
          role: 'prosecutor',
          institutionId: officeA.id,
          grantKind: 'excluded',
          caseId: elsewhere.id,
          reason: 'x',
        }),
      ).toBe('institutionId');
      expect(
        await field({
          role: 'prosecutor',
          institutionId: officeA.id,
          grantKind: 'specific',
          caseId: '6d5f2c1a-0b9e-4f3a-8c7d-1e2f3a4b5c6d',
        }),
      ).toBe('caseId');
      const recusal = await grant({
        role: 'prosecutor',
        institutionId: officeA.id,
        grantKind: 'excluded',
        caseId: file.id,
        reason: 'the accused is a relative',
      });
      expect(recusal.statusCode).toBe(201);
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select(['details'])
        .where('action', '=', 'role.granted')
        .where('object_id', '=', recusal.json().id)
        .executeTakeFirstOrThrow();
      expect(audit.details).toMatchObject({
        grantKind: 'excluded',
        reason: 'the accused is a relative',
      });
    });

    it('keeps national assignments for admin, auditor and analyst, and for national admins only', async () => {
      const user = await buildUser(t.handle.db, { institutionId: officeA.id });
      const url = `/admin/users/${user.id}/role-assignments`;
      expect(
        (await call(national.headers, 'POST', url, { role: 'prosecutor', institutionId: null }))
          .statusCode,
      ).toBe(400);
      expect(
        (await call(adminA.headers, 'POST', url, { role: 'auditor', institutionId: null }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call(national.headers, 'POST', url, { role: 'auditor', institutionId: null }))
          .statusCode,
      ).toBe(201);
    });

    it('forbids changing one’s own assignments', async () => {
      const response = await call(
        adminA.headers,
        'POST',
        `/admin/users/${adminA.user.id}/role-assignments`,
        {
          role: 'auditor',
          institutionId: officeA.id,
        },
      );
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('SELF_GRANT_FORBIDDEN');
    });

    it('takes effect at once when revoked, and expired grants give nothing', async () => {
      const helper = await signedInUser(t.handle.db, { institutionId: officeA.id });
      const granted = await call(
        adminA.headers,
        'POST',
        `/admin/users/${helper.user.id}/role-assignments`,
        {
          role: 'admin',
          institutionId: officeA.id,
        },
      );
      expect((await call(helper.headers, 'GET', '/admin/users')).statusCode).toBe(200);
      const revoke = await call(
        national.headers,
        'POST',
        `/admin/role-assignments/${granted.json().id}/revoke`,
        { reason: 'moved' },
      );
      expect(revoke.statusCode).toBe(200);
      expect(revoke.json()).toMatchObject({ revokeReason: 'moved' });
      expect((await call(helper.headers, 'GET', '/admin/users')).statusCode).toBe(403);
      expect(
        (
          await call(
            national.headers,
            'POST',
            `/admin/role-assignments/${granted.json().id}/revoke`,
            { reason: 'x' },
          )
        ).statusCode,
      ).toBe(409);

      const expired = await signedInUser(t.handle.db, {
        grants: [
          {
            role: 'admin',
            institutionId: officeA.id,
            validFrom: new Date(Date.now() - 7_200_000),
            validUntil: new Date(Date.now() - 3_600_000),
          },
        ],
      });
      expect(
        (await call(expired.headers, 'GET', `/admin/users/${adminA.user.id}`)).statusCode,
      ).toBe(403);
    });

    it('lets national admins require MFA per role', async () => {
      expect(
        (await call(adminA.headers, 'PUT', '/admin/role-settings/judge', { requiresMfa: true }))
          .statusCode,
      ).toBe(403);
      const response = await call(national.headers, 'PUT', '/admin/role-settings/mediator', {
        requiresMfa: true,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toContainEqual({
        role: 'mediator',
        requiresMfa: true,
        isMfaForcedByConfig: false,
      });
      await call(national.headers, 'PUT', '/admin/role-settings/mediator', { requiresMfa: false });
      expect(
        (await call(national.headers, 'PUT', '/admin/role-settings/wizard', { requiresMfa: true }))
          .statusCode,
      ).toBe(400);
    });
  });

  describe('audit log API', () => {
    it('shows auditors their scope only and refuses everyone else', async () => {
      const nationalAuditor = await signedInUser(t.handle.db, {
        grants: [{ role: 'auditor', institutionId: null }],
      });
      const auditorB = await signedInUser(t.handle.db, {
        grants: [{ role: 'auditor', institutionId: officeB.id }],
      });
      const all = await call(nationalAuditor.headers, 'GET', '/audit-log?limit=50');
      expect(all.statusCode).toBe(200);
      expect(all.json().items.length).toBeGreaterThan(0);

      const scoped = await call(auditorB.headers, 'GET', '/audit-log?limit=1000');
      expect(scoped.statusCode).toBe(200);
      expect(
        scoped
          .json()
          .items.every((row: { institutionId: string }) => row.institutionId === officeB.id),
      ).toBe(true);
      expect(
        (await call(auditorB.headers, 'GET', `/audit-log?institutionId=${officeA.id}`)).statusCode,
      ).toBe(403);

      expect((await call(adminA.headers, 'GET', '/audit-log')).statusCode).toBe(403);
      expect((await call(auditorB.headers, 'GET', '/audit-log/verification')).statusCode).toBe(403);
      const verification = await call(nationalAuditor.headers, 'GET', '/audit-log/verification');
      expect(verification.json()).toMatchObject({ isValid: true, problem: null });
    });
  });
});
