import { sql, type Kysely } from 'kysely';
import { dateType, timestampType, withId } from './helpers.js';

/** Patrons, households, and imports with their row-by-row problems. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);

  await withId(db, db.schema.createTable('imports'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('running', 'completed', 'failed', 'interrupted')`),
    )
    // Data rows expected, for progress bars (text formats only; null when unknown).
    .addColumn('estimated_rows', 'integer')
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('missing', 'integer')
    .addColumn('last_row', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('started_at', ts, (c) => c.notNull())
    // Touched after every batch: a running import whose heartbeat stopped has died.
    .addColumn('heartbeat_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await db.schema.createIndex('imports_file_sha256').on('imports').column('file_sha256').execute();

  await withId(db, db.schema.createTable('import_problems'))
    .addColumn('import_id', 'integer', (c) =>
      c.notNull().references('imports.id').onDelete('cascade'),
    )
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('column', 'text')
    .addColumn('value', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('error', 'warning')`))
    .execute();
  await db.schema
    .createIndex('import_problems_import')
    .on('import_problems')
    .columns(['import_id', 'row'])
    .execute();

  await withId(db, db.schema.createTable('import_mappings'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('households'))
    .addColumn('phone_e164', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('patrons'))
    .addColumn('card_number', 'text', (c) => c.notNull().unique())
    .addColumn('external_id', 'text')
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('preferred_name', 'text')
    .addColumn('birth_date', date)
    .addColumn('language', 'text')
    .addColumn('branch', 'text')
    .addColumn('patron_type', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('active', 'expired', 'inactive', 'barred')`),
    )
    .addColumn('expiry_date', date)
    .addColumn('city', 'text')
    .addColumn('region', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    // A patron's numbers and addresses are a short list always read with the patron: JSON arrays
    // (ADR 006). phones: [{ kind, raw, e164, extension, valid }]; emails: ["a@b.c"].
    .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
    // The number a call to this patron dials first; patrons sharing it form a household.
    .addColumn('primary_phone', 'text')
    .addColumn('household_id', 'integer', (c) => c.references('households.id').onDelete('set null'))
    // Set by staff, never by an import: a re-import cannot clear them (TRUST CA-4, DN-1).
    .addColumn('do_not_call_at', ts)
    .addColumn('do_not_email_at', ts)
    .addColumn('deceased_at', ts)
    // Hash of the imported fields: a row that hashes the same is unchanged.
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('last_import_id', 'integer', (c) => c.references('imports.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('patrons_primary_phone')
    .on('patrons')
    .column('primary_phone')
    .execute();
  await db.schema.createIndex('patrons_household').on('patrons').column('household_id').execute();
  await db.schema
    .createIndex('patrons_last_name')
    .on('patrons')
    .columns(['last_name', 'first_name'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['patrons', 'households', 'import_mappings', 'import_problems', 'imports']) {
    await db.schema.dropTable(table).execute();
  }
}
