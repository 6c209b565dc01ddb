import type { Kysely } from 'kysely';
import { timestampType, withId } from './helpers.js';

/**
 * Results: the coordinator's short narrative for an impact report, one per scope — a campaign
 * (`campaign:<id>`) or the whole library (`library`); quotes found by campaign, newest first (the
 * quotes wall and the report's four), and by attempt (the results export).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);

  await withId(db, db.schema.createTable('report_narratives'))
    .addColumn('scope_key', 'text', (c) => c.notNull().unique())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex('quotes_campaign')
    .on('quotes')
    .columns(['campaign_id', 'created_at'])
    .execute();
  await db.schema.createIndex('quotes_attempt').on('quotes').column('attempt_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('quotes_attempt').execute();
  await db.schema.dropIndex('quotes_campaign').execute();
  await db.schema.dropTable('report_narratives').execute();
}
