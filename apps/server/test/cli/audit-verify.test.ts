import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditAlone } from '../../src/audit/audit-log';
import { GENESIS_HASH } from '../../src/audit/audit-chain';
import { auditVerifyCommand } from '../../src/cli/audit.command';
import type { DatabaseHandle } from '../../src/db/database';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { captureOutput } from './cli-test-support';

/** Changes audit rows behind the application's back, as an attacker with owner rights could. */
async function tamper(handle: DatabaseHandle, statement: string): Promise<void> {
  await handle.withRawSession((session) =>
    session.exec(
      `ALTER TABLE audit_log DISABLE TRIGGER USER; ${statement}; ALTER TABLE audit_log ENABLE TRIGGER USER;`,
    ),
  );
}

async function hashOf(handle: DatabaseHandle, seq: number): Promise<string> {
  const row = await handle.db
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return row.hash;
}

describe('qadiya audit verify', () => {
  let iso: IsolatedDatabase;
  beforeAll(async () => {
    iso = await isolatedTestDatabase();
    for (let i = 1; i <= 6; i += 1) {
      await recordAuditAlone(
        iso.handle.db,
        { requestId: `req-${i}`, sourceIp: '10.0.0.1', occurredAt: new Date() },
        {
          action: 'user.updated',
          outcome: 'success',
          actor: { userId: null, username: 'cli:test' },
        },
      );
    }
  });
  afterAll(async () => {
    await iso.dispose();
  });

  it('reports rows checked, last seq and head hash of an intact chain, exit code 0', async () => {
    const out = captureOutput();
    expect(await auditVerifyCommand(iso.handle.db, {}, out)).toBe(0);
    const head = await hashOf(iso.handle, 6);
    expect(out.lines).toContain('Audit log chain is intact.');
    expect(out.text()).toMatch(/rows checked: 6/);
    expect(out.text()).toMatch(/last seq: +6/);
    expect(out.text()).toContain(head);
    expect(out.errors).toEqual([]);
  });

  it('accepts an expected head recorded earlier, and refuses one that is not in the log', async () => {
    const earlier = await hashOf(iso.handle, 4);
    const found = captureOutput();
    expect(await auditVerifyCommand(iso.handle.db, { expectHead: earlier }, found)).toBe(0);
    expect(found.text()).toMatch(/expected head found at row 4; 2 rows were added since/);
    expect(
      await auditVerifyCommand(iso.handle.db, { expectHead: GENESIS_HASH }, captureOutput()),
    ).toBe(0);

    const missing = captureOutput();
    expect(await auditVerifyCommand(iso.handle.db, { expectHead: 'ab'.repeat(32) }, missing)).toBe(
      1,
    );
    expect(missing.errors.join('\n')).toMatch(/is not in the audit log/);
  });

  it('exits 1 and names the first bad row after tampering', async () => {
    await tamper(iso.handle, `UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = 3`);
    const out = captureOutput();
    expect(await auditVerifyCommand(iso.handle.db, {}, out)).toBe(1);
    expect(out.errors[0]).toBe('Audit log chain is BROKEN at row 3 (altered).');
    expect(out.errors.join('\n')).toMatch(/row 3 was altered/);
    expect(out.errors.join('\n')).toMatch(/last good row: +2/);

    await tamper(iso.handle, `DELETE FROM audit_log WHERE seq = 3`);
    const afterDelete = captureOutput();
    expect(await auditVerifyCommand(iso.handle.db, {}, afterDelete)).toBe(1);
    expect(afterDelete.errors.join('\n')).toMatch(/row 3 is missing/);
  });
});
