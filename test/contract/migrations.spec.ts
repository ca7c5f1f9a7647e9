import { dataSourceOptions, runMigrations, schemaDiff } from '@peervisit/platform';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../../apps/api/src/entities';

describe('entities and migrations', () => {
  it('agree: generating a migration on a migrated database would produce nothing', async () => {
    // This file's database is a copy of the template that ran every migration.
    const diff = await schemaDiff(process.env.DATABASE_URL as string, ALL_ENTITIES);
    expect(diff.up).toEqual([]);
  });

  it('every table and column is snake_case', async () => {
    const { DataSource } = await import('typeorm');
    const ds = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
    try {
      const rows: { table_name: string; column_name: string }[] = await ds.query(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
      );
      expect(rows.length).toBeGreaterThan(20);
      expect(rows.filter((r) => !/^[a-z0-9_]+$/.test(r.table_name) || !/^[a-z0-9_]+$/.test(r.column_name))).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('every migration can be undone, and the schema comes back the same when they run again', async () => {
    const url = process.env.DATABASE_URL as string;
    const ds = await new DataSource(dataSourceOptions(url, [], 2)).initialize();
    let undone = 0;
    try {
      while ((await ds.query('SELECT count(*)::int AS n FROM schema_migration'))[0].n > 0) {
        await ds.undoLastMigration({ transaction: 'each' });
        undone++;
      }
      const left = await ds.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration'",
      );
      expect(left).toEqual([]);
    } finally {
      await ds.destroy();
    }
    expect(undone).toBeGreaterThanOrEqual(5);
    expect((await runMigrations(url)).length).toBe(undone);
    expect((await schemaDiff(url, ALL_ENTITIES)).up).toEqual([]);
  });
});
