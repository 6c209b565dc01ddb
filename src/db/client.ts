import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config/env.js';
import type { Database, Db } from './database.js';

export type Engine = 'sqlite' | 'postgres';

/**
 * SQLite driver whose transactions start with BEGIN IMMEDIATE: a read-then-write transaction
 * (a claim, an upsert) takes the write lock up front instead of failing with SQLITE_BUSY when
 * another process (the CLI, a second server) wrote in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Opens an SQLite file with the settings every connection needs (they are per connection). */
export function openSqlite(file: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

// PostgreSQL values read back in the shapes the app uses on both engines: timestamps as ISO
// strings, dates as YYYY-MM-DD, 64-bit counts as numbers.
type Parser = (value: string) => unknown;
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;
const parsers = new Map<number, Parser>([
  [TIMESTAMPTZ, (value) => new Date(value).toISOString()],
  [TIMESTAMP, (value) => new Date(`${value}Z`).toISOString()],
  [DATE, (value) => value],
  [INT8, (value) => Number(value)],
]);
const defaultParser = pg.types.getTypeParser as (oid: number, format?: string) => Parser;
const pgTypes = {
  getTypeParser: (oid: number, format?: string): Parser =>
    parsers.get(oid) ?? defaultParser(oid, format),
} as pg.CustomTypesConfig;

export interface OpenedDatabase {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

/** Opens the configured database. The caller owns it and must close it. */
export function openDatabase(
  config: DatabaseConfig,
  onPoolError: (error: Error) => void = () => {},
): OpenedDatabase {
  if (config.engine === 'sqlite') {
    const sqlite = openSqlite(config.file, config.synchronous);
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
    return { db, engine: 'sqlite', close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolMax,
    types: pgTypes,
    connectionTimeoutMillis: 5000,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it (RB-7).
  pool.on('error', onPoolError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/** Which engine a Kysely instance (or transaction) talks to. */
export function engineOf(db: { getExecutor(): { readonly adapter: unknown } }): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
