import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * Column helpers shared by migrations so both engines get the same schema in their own dialect.
 * Migrations import nothing else from the app: they must keep working as the app changes.
 */

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** ISO-8601 UTC timestamp: `timestamptz` in PostgreSQL, `text` in SQLite. */
export function timestampType(db: Kysely<unknown>) {
  return isPostgres(db) ? sql`timestamptz` : sql`text`;
}

/** Calendar date (YYYY-MM-DD): `date` in PostgreSQL, `text` in SQLite. */
export function dateType(db: Kysely<unknown>) {
  return isPostgres(db) ? sql`date` : sql`text`;
}

/** Adds an auto-incrementing integer primary key named `id`. */
export function withId<T extends string>(
  db: Kysely<unknown>,
  table: CreateTableBuilder<T>,
): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
