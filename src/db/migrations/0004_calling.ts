import { sql, type Kysely } from 'kysely';
import { timestampType, withId } from './helpers.js';

/** Claims (leases on a patron or household), attempts with their outcomes, quotes; call-list state. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .alterTable('users')
    .addColumn('call_scheme', 'text', (c) => c.notNull().defaultTo('tel'))
    .execute();

  for (const [column, type] of [
    ['time_zone', sql`text`],
    ['callback_at', ts],
    ['callback_for', sql`integer`],
    ['last_attempt_at', ts],
    ['last_outcome', sql`text`],
    ['done_at', ts],
  ] as const) {
    await db.schema.alterTable('call_list').addColumn(column, type).execute();
  }

  await db.schema
    .createIndex('call_list_callbacks')
    .on('call_list')
    .columns(['campaign_id', 'callback_at'])
    .execute();

  // One row per unit that can be held — a household (every member, one call) or a lone patron —
  // across all campaigns, so a household is never held by two callers at once. A released or
  // expired lease is taken over by updating the row; the token changes, fencing the old holder.
  await withId(db, db.schema.createTable('claims'))
    .addColumn('unit_key', 'text', (c) => c.notNull().unique())
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('caller_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('claimed_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    // JSON { patronId: scriptVersionId } fixed when the call starts: the call keeps its version.
    .addColumn('script_versions', 'text')
    .execute();
  await db.schema
    .createIndex('claims_caller')
    .on('claims')
    .columns(['caller_id', 'expires_at'])
    .execute();
  await db.schema
    .createIndex('claims_campaign')
    .on('claims')
    .columns(['campaign_id', 'expires_at'])
    .execute();

  await withId(db, db.schema.createTable('attempts'))
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('call_list_id', 'integer', (c) => c.references('call_list.id').onDelete('set null'))
    .addColumn('patron_id', 'integer', (c) =>
      c.notNull().references('patrons.id').onDelete('cascade'),
    )
    .addColumn('caller_id', 'integer', (c) => c.references('users.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('phone', 'email')`))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('contact', 'integer', (c) => c.notNull())
    .addColumn('started_at', ts)
    .addColumn('ended_at', ts)
    .addColumn('script_version_id', 'integer', (c) => c.references('script_versions.id'))
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('services_told', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('services_wanted', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('concern_level', 'text')
    .addColumn('concern_note', 'text')
    .addColumn('info_request', 'text')
    .addColumn('callback_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attempts_campaign')
    .on('attempts')
    .columns(['campaign_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('attempts_patron')
    .on('attempts')
    .columns(['patron_id', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('quotes'))
    .addColumn('attempt_id', 'integer', (c) =>
      c.notNull().references('attempts.id').onDelete('cascade'),
    )
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('patron_id', 'integer', (c) =>
      c.notNull().references('patrons.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('consent', 'integer', (c) => c.notNull())
    .addColumn('attribution', 'text', (c) =>
      c.notNull().check(sql`attribution in ('anonymous', 'first_name', 'full_name')`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'approved', 'hidden')`),
    )
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['quotes', 'attempts', 'claims']) await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('call_list_callbacks').execute();
  for (const column of [
    'done_at',
    'last_outcome',
    'last_attempt_at',
    'callback_for',
    'callback_at',
    'time_zone',
  ]) {
    await db.schema.alterTable('call_list').dropColumn(column).execute();
  }
  await db.schema.alterTable('users').dropColumn('call_scheme').execute();
}
