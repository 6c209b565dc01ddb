import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Engine } from '../../src/db/client.js';
import type { Db } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * The engine this test run uses: TEST_DB=postgres runs every service and route test on PostgreSQL
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test); anything else on SQLite.
 */
export const TEST_ENGINE: Engine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const PG_ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  db: Db;
  engine: Engine;
  /** How to open this same database again (for a second app server or a CLI child process). */
  url: string;
  destroy(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(statement: string): Promise<void> {
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: PG_ADMIN_URL, max: 1 }) }),
  });
  try {
    await sql.raw(statement).execute(admin);
  } finally {
    await admin.destroy();
  }
}

/** A fresh, migrated database of its own: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (TEST_ENGINE === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-test-'));
    const file = path.join(dir, 'outreach.db');
    const opened = openDatabase({ engine: 'sqlite', file, synchronous: 'FULL' });
    if (migrate) await migrateToLatest(opened.db);
    return {
      db: opened.db,
      engine: 'sqlite',
      url: `sqlite:${file}`,
      destroy: async () => {
        await opened.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `od_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = withDatabaseName(PG_ADMIN_URL, name);
  const opened = openDatabase({ engine: 'postgres', url, poolMax: 10 });
  if (migrate) await migrateToLatest(opened.db);
  return {
    db: opened.db,
    engine: 'postgres',
    url,
    destroy: async () => {
      await opened.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
