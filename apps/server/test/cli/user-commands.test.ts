import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain';
import { readPasswordFromStdin } from '../../src/cli/read-password';
import { userCreateCommand, userDisableCommand } from '../../src/cli/user.command';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import type { Services } from '../../src/use-case-context';
import { buildTestApp } from '../support/app';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { buildInstitution, buildSession, loginAs } from '../support/factories';
import { captureOutput } from './cli-test-support';

const PASSWORD = 'first-admin-password';

describe('qadiya user create / disable', () => {
  let iso: IsolatedDatabase;
  let services: Services;
  beforeAll(async () => {
    iso = await isolatedTestDatabase();
    services = { db: iso.handle.db, clock: new ManualClock(), config: loadConfig({}) };
  });
  afterAll(async () => {
    await iso.dispose();
  });

  const base = { nameAr: 'سامي عودة', nameEn: 'Sami Odeh', password: PASSWORD };

  it('creates the first administrator on an empty database, audited as the operator', async () => {
    const out = captureOutput();
    const id = await userCreateCommand(
      services,
      { ...base, username: 'First.Admin', role: 'admin' },
      out,
    );
    expect(out.lines[0]).toMatch(/Created user first\.admin .* role admin, national scope/);
    const assignments = await iso.handle.db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', '=', id)
      .execute();
    expect(assignments).toMatchObject([
      { role: 'admin', grant_kind: 'standard', institution_id: null, granted_by: null },
    ]);
    const audit = await iso.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'actor_username'])
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['user.created', 'role.granted']);
    for (const row of audit) {
      expect(row.actor_user_id).toBeNull();
      expect(row.actor_username).toMatch(/^cli:.+/);
    }
    expect((await verifyAuditChain(iso.handle.db)).isValid).toBe(true);

    // The new administrator can sign in with the password given to the command.
    const t = await buildTestApp({ handle: iso.handle });
    try {
      await expect(loginAs(t.app, 'first.admin', PASSWORD)).resolves.toEqual(expect.any(String));
    } finally {
      await t.app.close();
    }
  });

  it('creates a user at an institution and unit named by code', async () => {
    const office = await buildInstitution(iso.handle.db, { units: ['general', 'juvenile'] });
    const juvenileUnit = office.units.find((u) => u.kind === 'juvenile')!;
    const id = await userCreateCommand(
      services,
      {
        ...base,
        username: 'juvenile.prosecutor',
        role: 'prosecutor',
        institution: office.code.toLowerCase(),
        unit: 'juvenile',
        sex: 'female',
      },
      captureOutput(),
    );
    const user = await iso.handle.db
      .selectFrom('users')
      .innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
      .select(['users.institution_id', 'users.sex', 'role_assignments.unit_id'])
      .where('users.id', '=', id)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ institution_id: office.id, sex: 'female', unit_id: juvenileUnit.id });
  });

  it('refuses bad input with a message for the operator and changes nothing', async () => {
    const before = await iso.handle.db.selectFrom('audit_log').select('seq').execute();
    const attempt = (overrides: Record<string, string>) =>
      userCreateCommand(
        services,
        { ...base, username: 'someone.new', role: 'judge', ...overrides },
        captureOutput(),
      );
    await expect(attempt({ role: 'sheriff' })).rejects.toThrow(/Unknown role "sheriff"/);
    await expect(attempt({ institution: 'NO-SUCH' })).rejects.toThrow(
      /No institution has the code/,
    );
    await expect(attempt({})).rejects.toThrow(/always held at an institution/);
    await expect(attempt({ role: 'admin', password: 'short' })).rejects.toThrow(/at least 10/);
    await expect(attempt({ role: 'admin', username: 'first.admin' })).rejects.toThrow(/taken/);
    const after = await iso.handle.db.selectFrom('audit_log').select('seq').execute();
    expect(after).toHaveLength(before.length);
  });

  it('disables a user, revokes their sessions and audits it', async () => {
    const user = await iso.handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'juvenile.prosecutor')
      .executeTakeFirstOrThrow();
    await buildSession(iso.handle.db, user.id);
    const out = captureOutput();
    await userDisableCommand(services, 'juvenile.prosecutor', 'left the office', out);
    expect(out.lines[0]).toMatch(/Disabled user juvenile\.prosecutor/);
    const row = await iso.handle.db
      .selectFrom('users')
      .select('is_active')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.is_active).toBe(false);
    const open = await iso.handle.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(open).toEqual([]);
    const last = await iso.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'user.disabled', object_id: user.id });
    expect(last.details).toMatchObject({ reason: 'left the office' });
    await expect(userDisableCommand(services, 'nobody.here', 'x', captureOutput())).rejects.toThrow(
      /not found/,
    );
  });

  it('reads the password from the first line of standard input', async () => {
    await expect(
      readPasswordFromStdin(Readable.from(['kalimat-sirr-طويلة\nignored\n'])),
    ).resolves.toBe('kalimat-sirr-طويلة');
    await expect(readPasswordFromStdin(Readable.from(['\n']))).rejects.toThrow(/No password/);
  });
});
