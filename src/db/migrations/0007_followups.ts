import { sql, type Kysely } from 'kysely';
import { timestampType, withId } from './helpers.js';

/**
 * Follow-ups: teams of staff who can own work, tasks (an information request, a link to send, a
 * referral to check) with notes, wellbeing escalations with the actions taken, the library's
 * directory of community services and the referrals made to them, and recurring friendly calls.
 * Concern and referral texts are sensitive: they are emptied by the retention rules (`purged_at`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .alterTable('services')
    .addColumn('raises_task', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('teams'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('starter_key', 'text', (c) => c.unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user').on('team_members').column('user_id').execute();

  await withId(db, db.schema.createTable('escalations'))
    .addColumn('patron_id', 'integer', (c) =>
      c.notNull().references('patrons.id').onDelete('cascade'),
    )
    .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id').onDelete('set null'))
    .addColumn('attempt_id', 'integer', (c) => c.references('attempts.id').onDelete('set null'))
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('more_contact', 'practical_help', 'urgent')`),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('call', 'missed_calls')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'acknowledged', 'closed')`),
    )
    .addColumn('raised_by', 'integer', (c) => c.references('users.id'))
    .addColumn('raised_at', ts, (c) => c.notNull())
    .addColumn('notified_at', ts)
    .addColumn('notifications', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('acknowledged_at', ts)
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('closed_at', ts)
    .addColumn('resolution', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('purged_at', ts)
    .execute();
  await db.schema
    .createIndex('escalations_status')
    .on('escalations')
    .columns(['status', 'raised_at'])
    .execute();
  await db.schema
    .createIndex('escalations_campaign')
    .on('escalations')
    .columns(['campaign_id', 'raised_at'])
    .execute();
  await db.schema.createIndex('escalations_patron').on('escalations').column('patron_id').execute();

  await withId(db, db.schema.createTable('escalation_actions'))
    .addColumn('escalation_id', 'integer', (c) =>
      c.notNull().references('escalations.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('notified', 'acknowledged', 'action', 'referred', 'reopened', 'closed')`,
        ),
    )
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('escalation_actions_escalation')
    .on('escalation_actions')
    .columns(['escalation_id', 'at'])
    .execute();

  await withId(db, db.schema.createTable('referral_services'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('helps_with', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    // JSON string[] of language codes, or names ("150+ languages").
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('hours', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starter_key', 'text', (c) => c.unique())
    .addColumn('archived_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('tasks'))
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`type in ('information', 'send_link', 'tech_help', 'service_help', 'referral_check', 'other')`,
        ),
    )
    .addColumn('patron_id', 'integer', (c) =>
      c.notNull().references('patrons.id').onDelete('cascade'),
    )
    .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id').onDelete('set null'))
    .addColumn('attempt_id', 'integer', (c) => c.references('attempts.id').onDelete('set null'))
    .addColumn('service_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'in_progress', 'done', 'cancelled')`),
    )
    .addColumn('outbox_id', 'integer', (c) => c.references('outbox.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('closed_at', ts)
    .addColumn('purged_at', ts)
    .execute();
  await db.schema.createIndex('tasks_owner').on('tasks').columns(['owner_id', 'status']).execute();
  await db.schema.createIndex('tasks_team').on('tasks').columns(['team_id', 'status']).execute();
  await db.schema
    .createIndex('tasks_status_due')
    .on('tasks')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema
    .createIndex('tasks_campaign')
    .on('tasks')
    .columns(['campaign_id', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('task_notes'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_notes_task').on('task_notes').column('task_id').execute();

  await withId(db, db.schema.createTable('referrals'))
    .addColumn('patron_id', 'integer', (c) =>
      c.notNull().references('patrons.id').onDelete('cascade'),
    )
    .addColumn('service_id', 'integer', (c) => c.notNull().references('referral_services.id'))
    .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id').onDelete('set null'))
    .addColumn('escalation_id', 'integer', (c) =>
      c.references('escalations.id').onDelete('set null'),
    )
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('consent_at', ts, (c) => c.notNull())
    .addColumn('shared', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('follow_up_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('purged_at', ts)
    .execute();
  await db.schema
    .createIndex('referrals_campaign')
    .on('referrals')
    .columns(['campaign_id', 'created_at'])
    .execute();
  await db.schema.createIndex('referrals_patron').on('referrals').column('patron_id').execute();
  await db.schema
    .createIndex('referrals_escalation')
    .on('referrals')
    .column('escalation_id')
    .execute();

  await withId(db, db.schema.createTable('recurring_calls'))
    .addColumn('patron_id', 'integer', (c) =>
      c.notNull().references('patrons.id').onDelete('cascade'),
    )
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaigns.id').onDelete('cascade'),
    )
    .addColumn('frequency', 'text', (c) =>
      c.notNull().check(sql`frequency in ('weekly', 'fortnightly', 'monthly')`),
    )
    .addColumn('caller_id', 'integer', (c) => c.references('users.id'))
    .addColumn('next_call_at', ts, (c) => c.notNull())
    .addColumn('missed_in_row', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status in ('active', 'paused', 'ended')`),
    )
    .addColumn('ended_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // One live enrolment per patron and campaign; an ended one may be followed by a new one.
  await db.schema
    .createIndex('recurring_calls_patron')
    .on('recurring_calls')
    .columns(['campaign_id', 'patron_id', 'status'])
    .execute();
  await db.schema
    .createIndex('recurring_calls_caller')
    .on('recurring_calls')
    .columns(['caller_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'recurring_calls',
    'referrals',
    'task_notes',
    'tasks',
    'referral_services',
    'escalation_actions',
    'escalations',
    'team_members',
    'teams',
  ])
    await db.schema.dropTable(table).execute();
  await db.schema.alterTable('services').dropColumn('raises_task').execute();
}
