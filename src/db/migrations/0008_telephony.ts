import { sql, type Kysely } from 'kysely';
import { timestampType } from './helpers.js';

/**
 * The built-in softphone: each staff member's SIP account (password sealed by the app, never
 * stored in clear) and what the line said about each phone attempt (the call log).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('sip_accounts')
    .addColumn('user_id', 'integer', (c) =>
      c.primaryKey().references('users.id').onDelete('cascade'),
    )
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('username', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('authorization_user', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('password', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('attempts')
    .addColumn('line_result', 'text', (c) =>
      c.check(
        sql`line_result in ('answered', 'busy', 'no_answer', 'rejected', 'unreachable', 'not_in_service', 'cancelled', 'network')`,
      ),
    )
    .execute();
  await db.schema.alterTable('attempts').addColumn('answered_at', ts).execute();
  await db.schema
    .alterTable('attempts')
    .addColumn('ended_by', 'text', (c) => c.check(sql`ended_by in ('caller', 'patron', 'network')`))
    .execute();
  await db.schema.alterTable('attempts').addColumn('sip_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['sip_reason', 'ended_by', 'answered_at', 'line_result'])
    await db.schema.alterTable('attempts').dropColumn(column).execute();
  await db.schema.dropTable('sip_accounts').execute();
}
