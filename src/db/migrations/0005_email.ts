import { sql, type Kysely } from 'kysely';
import { timestampType, withId } from './helpers.js';

/**
 * Care e-mails: templates with a version per language, campaign mailings, the outbox (one row per
 * message, written with its final Message-ID before it is sent), every SMTP try (the relay quota
 * is counted from them), suppressed addresses, delivery reports; e-mail consent on patrons.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .alterTable('patrons')
    .addColumn('email_consent', 'text', (c) =>
      c.check(sql`email_consent in ('express', 'implied')`),
    )
    .execute();
  await db.schema.alterTable('patrons').addColumn('email_consent_at', ts).execute();

  await withId(db, db.schema.createTable('email_templates'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('class', 'text', (c) =>
      c.notNull().check(sql`class in ('transactional', 'promotional')`),
    )
    .addColumn('purpose', 'text', (c) =>
      c.notNull().check(sql`purpose in ('general', 'missed_you', 'follow_up')`),
    )
    .addColumn('default_language', 'text', (c) => c.notNull())
    .addColumn('starter_key', 'text', (c) => c.unique())
    .addColumn('archived_at', ts)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('email_template_versions'))
    .addColumn('template_id', 'integer', (c) =>
      c.notNull().references('email_templates.id').onDelete('cascade'),
    )
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('email_template_versions_unique', ['template_id', 'language'])
    .execute();

  // A campaign's e-mail step: one template sent to the campaign's e-mail audience from a time on.
  await withId(db, db.schema.createTable('mailings'))
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('template_id', 'integer', (c) => c.notNull().references('email_templates.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('sending', 'paused', 'done', 'cancelled')`),
    )
    .addColumn('scheduled_at', ts, (c) => c.notNull())
    .addColumn('paused_reason', 'text')
    .addColumn('failures_in_row', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mailings_campaign').on('mailings').column('campaign_id').execute();

  await withId(db, db.schema.createTable('outbox'))
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('campaign', 'follow_up', 'test', 'notification')`),
    )
    // One campaign message per patron and template: enqueueing twice is a no-op.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id').onDelete('set null'))
    .addColumn('mailing_id', 'integer', (c) => c.references('mailings.id').onDelete('set null'))
    .addColumn('patron_id', 'integer', (c) => c.references('patrons.id').onDelete('set null'))
    .addColumn('template_id', 'integer', (c) =>
      c.references('email_templates.id').onDelete('set null'),
    )
    .addColumn('attempt_id', 'integer', (c) => c.references('attempts.id').onDelete('set null'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('class', 'text', (c) =>
      c.notNull().check(sql`class in ('transactional', 'promotional')`),
    )
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // JSON [[name, value]]: List-Unsubscribe and the like, fixed when the message is written.
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('unsubscribe_token', 'text', (c) => c.unique())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(sql`state in ('queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled')`),
    )
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_try_at', ts, (c) => c.notNull())
    .addColumn('lease_until', ts)
    .addColumn('last_error', 'text')
    .addColumn('queued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('sent_at', ts)
    .execute();
  await db.schema
    .createIndex('outbox_due')
    .on('outbox')
    .columns(['state', 'next_try_at'])
    .execute();
  await db.schema
    .createIndex('outbox_campaign')
    .on('outbox')
    .columns(['campaign_id', 'patron_id'])
    .execute();
  await db.schema
    .createIndex('outbox_patron')
    .on('outbox')
    .columns(['patron_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('outbox_mailing')
    .on('outbox')
    .columns(['mailing_id', 'state'])
    .execute();
  await db.schema.createIndex('outbox_address').on('outbox').column('to_address').execute();

  // Every hand-over to the relay, reserved before it starts: the relay quota is counted here.
  await withId(db, db.schema.createTable('mail_sends'))
    .addColumn('outbox_id', 'integer', (c) =>
      c.notNull().references('outbox.id').onDelete('cascade'),
    )
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('result', 'text', (c) =>
      c.notNull().check(sql`result in ('pending', 'sent', 'temporary', 'permanent')`),
    )
    .addColumn('code', 'integer')
    .addColumn('response', 'text')
    .execute();
  await db.schema.createIndex('mail_sends_at').on('mail_sends').column('at').execute();
  await db.schema.createIndex('mail_sends_outbox').on('mail_sends').column('outbox_id').execute();

  // Addresses that must never get mail again, whoever holds them (TRUST CA-4): kept by address,
  // so deleting a list or re-importing a patron never re-subscribes anyone.
  await db.schema
    .createTable('email_suppressions')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ('unsubscribed', 'hard_bounce', 'complaint', 'manual')`),
    )
    .addColumn('detail', 'text')
    .addColumn('outbox_id', 'integer', (c) => c.references('outbox.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();

  // Delivery reports read from the bounce mailbox or posted to the webhook, with the raw evidence.
  await withId(db, db.schema.createTable('email_events'))
    .addColumn('outbox_id', 'integer', (c) => c.references('outbox.id').onDelete('set null'))
    .addColumn('message_id', 'text')
    .addColumn('address', 'text')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('hard_bounce', 'soft_bounce', 'complaint', 'auto_reply', 'unknown')`),
    )
    .addColumn('status', 'text')
    .addColumn('diagnostic', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('imap', 'webhook')`))
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('received_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_events_outbox')
    .on('email_events')
    .column('outbox_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'email_events',
    'email_suppressions',
    'mail_sends',
    'outbox',
    'mailings',
    'email_template_versions',
    'email_templates',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('patrons').dropColumn('email_consent_at').execute();
  await db.schema.alterTable('patrons').dropColumn('email_consent').execute();
}
