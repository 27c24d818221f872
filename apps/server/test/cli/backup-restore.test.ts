import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain';
import { backupCommand, restoreCommand } from '../../src/cli/backup.command';
import { CliError, withMaintenanceDatabase } from '../../src/cli/cli-support';
import { seedDemoCommand } from '../../src/cli/seed-demo.command';
import { DEMO_USERS } from '../../src/demo/demo-users';
import { openDatabase } from '../../src/db/database';
import { pgliteDataDir } from '../../src/runtime';
import { captureOutput, scratchDatabase, type ScratchDatabase } from './cli-test-support';

const engine = process.env.DATABASE_URL ? 'postgresql' : 'pglite';

describe(`qadiya backup and restore (${engine})`, () => {
  let scratch: ScratchDatabase;
  let backupFile: string;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    backupFile = path.join(scratch.dir, 'backups', 'qadiya-1.backup');
    await withMaintenanceDatabase(scratch.config, (handle) =>
      seedDemoCommand(handle.db, captureOutput(), { passwordLog2N: 10 }),
    );
  });
  afterAll(async () => {
    await scratch.dispose();
  });

  it('writes a backup file of the engine in use, and never overwrites one', async () => {
    const out = captureOutput();
    const info = await backupCommand(scratch.config, { out: backupFile }, out);
    expect(info).toMatchObject({
      path: backupFile,
      format: engine === 'pglite' ? 'pglite' : 'pg_dump',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(info.bytes).toBeGreaterThan(1000);
    expect(out.text()).toContain(info.sha256);
    await expect(backupCommand(scratch.config, { out: backupFile }, out)).rejects.toThrow(
      /already exists/,
    );
    // Only the finished file is left behind, no partial one.
    expect(await readdir(path.dirname(backupFile))).toEqual(['qadiya-1.backup']);
  });

  it('restores the data as it was at backup time and records the restore in the audit log', async () => {
    // Damage the database after the backup: remove the prosecutor, add an institution.
    await withMaintenanceDatabase(scratch.config, async ({ db }) => {
      const prosecutor = await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'prosecutor')
        .executeTakeFirstOrThrow();
      await db.deleteFrom('role_assignments').where('user_id', '=', prosecutor.id).execute();
      await db.deleteFrom('users').where('id', '=', prosecutor.id).execute();
      await db
        .insertInto('institutions')
        .values({ code: 'AFTER-BACKUP', kind: 'bar_association', name_ar: 'ب', name_en: 'B' })
        .execute();
      // As if a later migration had run: a new table referring to a restored one.
      await sql`CREATE TABLE later_things (
        id bigint GENERATED ALWAYS AS IDENTITY,
        user_id uuid NOT NULL REFERENCES users (id)
      )`.execute(db);
      await sql`INSERT INTO later_things (user_id) SELECT id FROM users LIMIT 1`.execute(db);
    });

    const out = captureOutput();
    expect(await restoreCommand(scratch.config, { from: backupFile }, out)).toBe(0);
    expect(out.text()).toMatch(/Audit log chain is intact/);

    await withMaintenanceDatabase(scratch.config, async ({ db, kind }) => {
      const usernames = await db.selectFrom('users').select('username').execute();
      expect(usernames.map((u) => u.username)).toContain('prosecutor');
      expect(usernames).toHaveLength(DEMO_USERS.length);
      const late = await db
        .selectFrom('institutions')
        .select('id')
        .where('code', '=', 'AFTER-BACKUP')
        .executeTakeFirst();
      expect(late).toBeUndefined();
      const laterTable = await sql<{ name: string | null }>`
        SELECT to_regclass('public.later_things')::text AS name`.execute(db);
      expect(laterTable.rows[0]?.name).toBeNull();

      const report = await verifyAuditChain(db);
      expect(report).toMatchObject({ isValid: true, lastSeq: 2 });
      const restored = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', 2)
        .executeTakeFirstOrThrow();
      expect(restored).toMatchObject({
        action: 'system.restored',
        actor_username: expect.stringMatching(/^cli:/),
      });
      expect(restored.details).toMatchObject({
        engine: kind,
        backupFile,
        auditChain: { isValid: true, lastSeq: 1 },
      });

      if (kind === 'postgresql') {
        // The restore must not widen the runtime role's rights on the audit log.
        const role = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_roles WHERE rolname = 'qadiya_app'`.execute(db);
        if (role.rows[0]?.n === 1) {
          const rights = await sql<{ canChange: boolean; canInsert: boolean }>`
            SELECT has_table_privilege('qadiya_app', 'audit_log', 'UPDATE,DELETE') AS "canChange",
                   has_table_privilege('qadiya_app', 'audit_log', 'INSERT') AS "canInsert"`.execute(
            db,
          );
          expect(rights.rows[0]).toEqual({ canChange: false, canInsert: true });
        }
      }
    });
    if (engine === 'pglite') {
      const siblings = await readdir(path.dirname(pgliteDataDir(scratch.config)));
      expect(siblings.some((name) => name.startsWith('pglite.before-restore-'))).toBe(true);
    }
  });

  it('refuses a file that is not a backup, and a backup of the other engine', async () => {
    const garbage = path.join(scratch.dir, 'not-a-backup.bin');
    await writeFile(garbage, 'hello');
    await expect(
      restoreCommand(scratch.config, { from: garbage }, captureOutput()),
    ).rejects.toThrow(/is not a Qadiya backup/);
    const otherEngine = path.join(scratch.dir, 'other-engine.bin');
    await writeFile(
      otherEngine,
      engine === 'pglite' ? Buffer.from('PGDMP\x01\x0e') : Buffer.from([0x1f, 0x8b, 0x08, 0]),
    );
    await expect(
      restoreCommand(scratch.config, { from: otherEngine }, captureOutput()),
    ).rejects.toThrow(engine === 'pglite' ? /set DATABASE_URL/ : /unset DATABASE_URL/);
  });

  it.runIf(engine === 'pglite')(
    'refuses to work on an embedded database that is open',
    async () => {
      const dataDir = pgliteDataDir(scratch.config);
      const open = await openDatabase({ pgliteDataDir: dataDir });
      try {
        expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);
        const attempt = backupCommand(
          scratch.config,
          { out: path.join(scratch.dir, 'while-open.tar.gz') },
          captureOutput(),
        );
        await expect(attempt).rejects.toThrow(CliError);
        await expect(attempt).rejects.toThrow(/stop the Qadiya server/);
        await expect(
          restoreCommand(scratch.config, { from: backupFile }, captureOutput()),
        ).rejects.toThrow(/is open/);
        // Every other command refuses too: two processes on one PGlite folder would corrupt it.
        await expect(
          withMaintenanceDatabase(scratch.config, () => Promise.resolve()),
        ).rejects.toThrow(/delete that postmaster.pid file/);
      } finally {
        await open.close();
      }
    },
  );

  it.runIf(engine === 'postgresql')('refuses while other sessions use the database', async () => {
    const other = await openDatabase({ databaseUrl: scratch.config.databaseUrl, poolSize: 1 });
    try {
      await sql`SELECT 1`.execute(other.db);
      await expect(
        restoreCommand(scratch.config, { from: backupFile }, captureOutput()),
      ).rejects.toThrow(/other connection\(s\) to the database are open/);
    } finally {
      await other.close();
    }
  });
});
