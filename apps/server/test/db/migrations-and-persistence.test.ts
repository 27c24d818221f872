import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database';
import { loadMigrations, migrate } from '../../src/db/migrate';
import { sharedTestDatabase } from '../support/database';

describe('migrations', () => {
  it('are numbered, and applying them again changes nothing', async () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const handle = await sharedTestDatabase();
    const again = await migrate(handle);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(migrations.length);
  });

  it('refuse to run when an applied migration was edited afterwards', async () => {
    const handle = await sharedTestDatabase();
    const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(handle, edited)).rejects.toThrow(/was edited after it was applied/);
  });

  it('roll back a failing migration whole and record nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qadiya-mig-'));
    try {
      writeFileSync(
        path.join(dir, '0001_broken.sql'),
        'CREATE TABLE half_done (id int); SELECT no_such_function();',
      );
      const handle = await sharedTestDatabase();
      const broken = loadMigrations(dir).map((m) => ({ ...m, version: 9001 }));
      await expect(migrate(handle, [...loadMigrations(), ...broken])).rejects.toThrow(/failed/);
      const table = await handle.withRawSession((s) =>
        s.query<{ name: string | null }>(`SELECT to_regclass('half_done')::text AS name`),
      );
      expect(table[0]?.name).toBeNull();
      const recorded = await handle.db
        .selectFrom('schema_migrations')
        .select('version')
        .where('version', '=', 9001)
        .execute();
      expect(recorded).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(process.env.DATABASE_URL)('embedded PGlite persistence', () => {
  it('keeps committed data across a restart of the process’s database', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qadiya-data-'));
    const dataDir = path.join(dir, 'pglite');
    mkdirSync(dataDir);
    try {
      const first = await openDatabase({ pgliteDataDir: dataDir });
      await migrate(first);
      await first.db
        .insertInto('regions')
        .values({
          code: 'RAM',
          kind: 'governorate',
          parent_id: null,
          name_ar: 'رام الله والبيرة',
          name_en: 'Ramallah',
        })
        .execute();
      await first.close();

      const second = await openDatabase({ pgliteDataDir: dataDir });
      const rows = await second.db.selectFrom('regions').select(['code', 'name_ar']).execute();
      expect(rows).toEqual([{ code: 'RAM', name_ar: 'رام الله والبيرة' }]);
      expect((await migrate(second)).applied).toEqual([]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
