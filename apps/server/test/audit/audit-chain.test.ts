import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAuditHash, GENESIS_HASH } from '../../src/audit/audit-chain';
import { recordAudit, recordAuditAlone, type RequestOrigin } from '../../src/audit/audit-log';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain';
import type { DatabaseHandle } from '../../src/db/database';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';

const origin = (): RequestOrigin => ({
  requestId: 'req-test-1',
  sourceIp: '127.0.0.1',
  occurredAt: new Date(),
});

async function writeRows(handle: DatabaseHandle, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      recordAuditAlone(handle.db, origin(), {
        action: 'user.updated',
        outcome: 'success',
        actor: { userId: null, username: `writer-${i}` },
        object: { type: 'user', id: `u-${i}` },
        details: { index: i, note: 'تعديل', nested: { b: 2, a: 1 } },
      }),
    ),
  );
}

/** Changes audit rows behind the application's back, as an attacker with owner rights could. */
async function tamper(handle: DatabaseHandle, statement: string): Promise<void> {
  await handle.withRawSession((session) =>
    session.exec(
      `ALTER TABLE audit_log DISABLE TRIGGER USER; ${statement}; ALTER TABLE audit_log ENABLE TRIGGER USER;`,
    ),
  );
}

describe('tamper-evident audit log', () => {
  let iso: IsolatedDatabase;
  beforeAll(async () => {
    iso = await isolatedTestDatabase();
  });
  afterAll(async () => {
    await iso.dispose();
  });

  it('keeps a valid, gap-free chain under 40 concurrent writers', async () => {
    await writeRows(iso.handle, 40);
    const report = await verifyAuditChain(iso.handle.db);
    expect(report).toMatchObject({ isValid: true, rowsChecked: 40, lastSeq: 40, problem: null });
    const seqs = await iso.handle.db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('chains rows at commit: nothing waits afterwards, and a rolled-back change leaves no row', async () => {
    const pending = async () =>
      (
        await sql<{ count: number }>`SELECT count(*)::int AS count FROM audit_pending`.execute(
          iso.handle.db,
        )
      ).rows[0]?.count;
    expect(await pending()).toBe(0);
    const before = await iso.handle.db
      .selectFrom('audit_chain_head')
      .selectAll()
      .executeTakeFirstOrThrow();
    await expect(
      iso.handle.db.transaction().execute(async (trx) => {
        await recordAudit(trx, origin(), {
          action: 'user.updated',
          outcome: 'success',
          actor: { userId: null, username: 'rolled-back' },
        });
        throw new Error('the change fails after its audit row was recorded');
      }),
    ).rejects.toThrow(/change fails/);
    expect(await pending()).toBe(0);
    expect(
      await iso.handle.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect(
      await iso.handle.db
        .selectFrom('audit_log')
        .select('seq')
        .where('actor_username', '=', 'rolled-back')
        .execute(),
    ).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the append-only trigger', async () => {
    await expect(
      sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(iso.handle.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(iso.handle.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`TRUNCATE audit_log`.execute(iso.handle.db)).rejects.toThrow(/append-only/);
  });

  it('detects an altered row and names it', async () => {
    await tamper(iso.handle, `UPDATE audit_log SET outcome = 'failure' WHERE seq = 7`);
    const report = await verifyAuditChain(iso.handle.db);
    expect(report.isValid).toBe(false);
    expect(report.problem).toMatchObject({ kind: 'altered', seq: 7 });
    await tamper(iso.handle, `UPDATE audit_log SET outcome = 'success' WHERE seq = 7`);
    expect((await verifyAuditChain(iso.handle.db)).isValid).toBe(true);
  });

  it('detects an altered details payload', async () => {
    await tamper(
      iso.handle,
      `UPDATE audit_log SET details = details || '{"tampered": true}'::jsonb WHERE seq = 3`,
    );
    expect((await verifyAuditChain(iso.handle.db)).problem).toMatchObject({
      kind: 'altered',
      seq: 3,
    });
    await tamper(iso.handle, `UPDATE audit_log SET details = details - 'tampered' WHERE seq = 3`);
    expect((await verifyAuditChain(iso.handle.db)).isValid).toBe(true);
  });

  it('detects a deleted row', async () => {
    await tamper(iso.handle, `DELETE FROM audit_log WHERE seq = 12`);
    const report = await verifyAuditChain(iso.handle.db);
    expect(report.problem).toMatchObject({ kind: 'sequence_gap', seq: 13, expectedSeq: 12 });
  });

  it('detects an inserted row even when it is given a free sequence number', async () => {
    // Re-insert row 12 with forged content: its hash cannot match without recomputing the chain.
    await tamper(
      iso.handle,
      `INSERT INTO audit_log (seq, occurred_at, action, outcome, prev_hash, hash)
       SELECT 12, now(), 'user.updated', 'success', hash, repeat('f', 64) FROM audit_log WHERE seq = 11`,
    );
    const report = await verifyAuditChain(iso.handle.db);
    expect(report.problem).toMatchObject({ kind: 'altered', seq: 12 });
  });

  it('detects rows removed from the end through the chain head', async () => {
    const other = await isolatedTestDatabase();
    try {
      await writeRows(other.handle, 5);
      await tamper(other.handle, `DELETE FROM audit_log WHERE seq = 5`);
      const report = await verifyAuditChain(other.handle.db);
      expect(report.problem).toMatchObject({ kind: 'head_mismatch' });
    } finally {
      await other.dispose();
    }
  });
});

describe('chain versions (migration 0020)', () => {
  /** Rows as the server wrote them before 0020: hashed by formula 1, head moved by the server. */
  async function writeVersionOneRows(handle: DatabaseHandle, count: number): Promise<void> {
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= count; seq += 1) {
      const content = {
        seq,
        occurredAt: new Date(Date.UTC(2026, 0, seq, 9, 30)),
        actorUserId: null,
        actorUsername: 'before-0020',
        action: 'user.updated',
        objectType: 'user',
        objectId: `u-${seq}`,
        institutionId: null,
        outcome: 'success' as const,
        requestId: `req-${seq}`,
        sourceIp: '10.0.0.1',
        details: { seq, note: 'قبل' },
      };
      const hash = computeAuditHash(content, prevHash);
      await handle.withRawSession(async (session) => {
        await session.query(
          `INSERT INTO audit_log (seq, occurred_at, actor_username, action, object_type, object_id,
                                  outcome, request_id, source_ip, details, prev_hash, hash, chain_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, 1)`,
          [
            seq,
            content.occurredAt,
            content.actorUsername,
            content.action,
            content.objectType,
            content.objectId,
            content.outcome,
            content.requestId,
            content.sourceIp,
            JSON.stringify(content.details),
            prevHash,
            hash,
          ],
        );
        await session.query('UPDATE audit_chain_head SET last_seq = $1, last_hash = $2', [
          seq,
          hash,
        ]);
      });
      prevHash = hash;
    }
  }

  it('verifies a log whose older rows use formula 1 and newer rows formula 2, and names a changed version', async () => {
    const iso = await isolatedTestDatabase();
    try {
      await writeVersionOneRows(iso.handle, 3);
      await writeRows(iso.handle, 6);
      const rows = await iso.handle.db
        .selectFrom('audit_log')
        .select(['seq', 'chain_version', 'prev_hash', 'hash'])
        .orderBy('seq')
        .execute();
      expect(rows.map((row) => row.chain_version)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2]);
      // Each row chains to the one before it across the change of formula.
      rows.slice(1).forEach((row, i) => {
        expect(row.prev_hash).toBe(rows[i]?.hash);
      });
      expect(await verifyAuditChain(iso.handle.db)).toMatchObject({
        isValid: true,
        rowsChecked: 9,
        lastSeq: 9,
      });

      // Claiming another formula for a row is a change like any other.
      await tamper(iso.handle, 'UPDATE audit_log SET chain_version = 1 WHERE seq = 5');
      expect((await verifyAuditChain(iso.handle.db)).problem).toMatchObject({
        kind: 'altered',
        seq: 5,
      });
      await tamper(iso.handle, 'UPDATE audit_log SET chain_version = 2 WHERE seq = 5');
      await tamper(iso.handle, 'UPDATE audit_log SET chain_version = 2 WHERE seq = 2');
      expect((await verifyAuditChain(iso.handle.db)).problem).toMatchObject({
        kind: 'altered',
        seq: 2,
      });
    } finally {
      await iso.dispose();
    }
  });
});

describe.runIf(process.env.DATABASE_URL)('the runtime database role on a PostgreSQL server', () => {
  it('may append audit rows but not UPDATE or DELETE them, even with the trigger gone', async () => {
    const { openDatabase } = await import('../../src/db/database');
    const iso = await isolatedTestDatabase();
    const url = new URL(process.env.DATABASE_URL!);
    const owner = iso.handle;
    const dbName = (
      await sql<{ name: string }>`SELECT current_database() AS name`.execute(owner.db)
    ).rows[0]!.name;
    url.pathname = `/${dbName}`;
    const runtime = await openDatabase({
      databaseUrl: url.toString(),
      runtimeRole: 'qadiya_app',
      poolSize: 1,
    });
    try {
      const role = await sql<{ role: string }>`SELECT current_user AS role`.execute(runtime.db);
      expect(role.rows[0]!.role).toBe('qadiya_app');
      await writeRows(runtime, 2);
      await tamper(owner, 'SELECT 1'); // the owner can disable triggers; the runtime role cannot
      await expect(
        runtime.withRawSession((s) => s.exec('ALTER TABLE audit_log DISABLE TRIGGER USER')),
      ).rejects.toThrow(/owner|permission/);
      await expect(
        sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(runtime.db),
      ).rejects.toThrow(/permission denied|append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(runtime.db)).rejects.toThrow(
        /permission denied|append-only/,
      );
      expect((await verifyAuditChain(runtime.db)).isValid).toBe(true);
    } finally {
      await runtime.close();
      await iso.dispose();
    }
  });
});
