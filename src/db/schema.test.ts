import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_ENGINE, type TestDatabase } from '../../tests/helpers/db.js';
import type { Db } from './database.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

/**
 * The schema after every migration, as committed text. A migration that changes the schema
 * without its snapshot being updated (`npx vitest run src/db/schema.test.ts -u`, then review the
 * diff) fails here, on each engine.
 */
async function describeSchema(db: Db): Promise<string> {
  if (TEST_ENGINE === 'sqlite') {
    const { rows } = await sql<{ sql: string }>`
      select sql from sqlite_master
      where sql is not null and name not like 'sqlite_%' and name not like 'kysely_%'
      order by type desc, name`.execute(db);
    return rows.map((r) => `${r.sql.replace(/\s+/g, ' ')};`).join('\n');
  }
  const { rows: columns } = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type
      || case when is_nullable = 'NO' then ' not null' else '' end
      || coalesce(' default ' || column_default, '')
      || case when is_identity = 'YES' then ' identity' else '' end as line
    from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely_%'
    order by table_name, ordinal_position`.execute(db);
  const { rows: constraints } = await sql<{ line: string }>`
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as line
    from pg_constraint
    where connamespace = 'public'::regnamespace and conrelid::regclass::text not like 'kysely_%'
    order by conrelid::regclass::text, conname`.execute(db);
  const { rows: indexes } = await sql<{ line: string }>`
    select indexdef as line from pg_indexes
    where schemaname = 'public' and tablename not like 'kysely_%'
    order by tablename, indexname`.execute(db);
  return [...columns, ...constraints, ...indexes].map((r) => r.line).join('\n');
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.destroy());

describe('database schema', () => {
  it('matches the committed snapshot', async () => {
    await expect(`${await describeSchema(t.db)}\n`).toMatchFileSnapshot(
      `./__snapshots__/schema.${TEST_ENGINE}.sql`,
    );
  });

  it('records every migration as applied, and migrating again changes nothing', async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
    const applied = await t.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(applied.map((r) => (r as { name: string }).name).sort()).toEqual(
      Object.keys(migrations).sort(),
    );
  });

  it('rolls every migration back and forward cleanly', async () => {
    const fresh = await createTestDb({ migrate: false });
    try {
      await migrateToLatest(fresh.db);
      const before = await describeSchema(fresh.db);
      for (const name of Object.keys(migrations).reverse()) await migrations[name]!.down!(fresh.db);
      await sql`delete from kysely_migration`.execute(fresh.db);
      await migrateToLatest(fresh.db);
      expect(await describeSchema(fresh.db)).toBe(before);
    } finally {
      await fresh.destroy();
    }
  });
});
