import { sql, type Kysely } from 'kysely';
import { timestampType, dateType, withId } from './helpers.js';

/** Library settings, the services catalogue, call scripts with kept versions, campaigns and call lists. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('services'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('talking_point', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('scripts'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('default_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // Versions are never changed or deleted: a call keeps the version it started with.
  await withId(db, db.schema.createTable('script_versions'))
    .addColumn('script_id', 'integer', (c) =>
      c.notNull().references('scripts.id').onDelete('cascade'),
    )
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('script_versions_unique', ['script_id', 'language', 'version'])
    .execute();

  await withId(db, db.schema.createTable('campaigns'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_authority', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('starts_on', date)
    .addColumn('ends_on', date)
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('phone', 'email', 'phone_then_email')`),
    )
    .addColumn('email_after_attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('attempt_gap_hours', 'integer', (c) => c.notNull())
    .addColumn('calling_hours', 'text', (c) => c.notNull())
    .addColumn('caller_ids', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('priorities', 'text', (c) => c.notNull())
    .addColumn('script_id', 'integer', (c) => c.references('scripts.id'))
    .addColumn('service_keys', 'text', (c) => c.notNull())
    .addColumn('training', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'active', 'paused', 'closed')`),
    )
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('launched_at', ts)
    .addColumn('closed_at', ts)
    .execute();

  // A campaign's patrons and where each stands. Rows are added at launch and refresh, never removed.
  await withId(db, db.schema.createTable('call_list'))
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('patron_id', 'integer', (c) =>
      c.notNull().references('patrons.id').onDelete('cascade'),
    )
    .addColumn('household_id', 'integer')
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('waiting'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts)
    .addColumn('added_at', ts, (c) => c.notNull())
    .addUniqueConstraint('call_list_unique', ['campaign_id', 'patron_id'])
    .execute();
  // The order patrons are offered in: read in index order, a claim stops after a few rows.
  await db.schema
    .createIndex('call_list_queue')
    .on('call_list')
    .columns(['campaign_id', 'state', 'priority', 'attempts', 'id'])
    .execute();
  await db.schema.createIndex('call_list_patron').on('call_list').column('patron_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'call_list',
    'campaigns',
    'script_versions',
    'scripts',
    'services',
    'settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
