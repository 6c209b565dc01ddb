import { sql } from 'kysely';
import { engineOf } from '../../db/client.js';
import type { Db, OutboxRow } from '../../db/database.js';
import { inTransaction, type Ctx } from '../context.js';

/**
 * Claiming outbox rows for sending, within the relay's quota (TRUST RB-5, PERFORMANCE PA-9).
 *
 * Every hand-over to the relay is a `mail_sends` row reserved when the message is claimed and
 * stamped again when the relay answers. A reservation counts against the quota from then until a
 * full window after the answer, so however slow the relay, no window ever holds more sends than
 * the quota allows.
 */

export interface Quota {
  perMinute: number;
  perDay: number;
}

const WINDOWS = [
  { key: 'perMinute', ms: 60_000 },
  { key: 'perDay', ms: 86_400_000 },
] as const;

/** How many sends the quota allows now, and if none, how long until one is free. */
async function quotaRoom(
  db: Db,
  quota: Quota,
  now: Date,
  leaseMs: number,
): Promise<{ room: number; waitMs: number }> {
  let room = Number.POSITIVE_INFINITY;
  let waitMs = 0;
  for (const window of WINDOWS) {
    const limit = quota[window.key];
    if (limit <= 0) continue;
    const since = new Date(now.getTime() - window.ms).toISOString();
    const inFlightSince = new Date(now.getTime() - Math.max(leaseMs, window.ms)).toISOString();
    const row = await db
      .selectFrom('mail_sends')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.min<string | null>('at').as('oldest'),
      ])
      .where((eb) =>
        eb.or([
          eb('at', '>', since),
          eb.and([eb('result', '=', 'pending'), eb('at', '>', inFlightSince)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    const used = row.n;
    room = Math.min(room, limit - used);
    if (used >= limit && row.oldest !== null) {
      const frees = new Date(row.oldest).getTime() + window.ms - now.getTime();
      waitMs = Math.max(waitMs, frees, 50);
    }
  }
  return { room: Math.max(0, room), waitMs };
}

/**
 * Takes up to `limit` messages that are due (or whose sender crashed: lease expired), marks them
 * `sending` with a lease, and reserves their quota. Messages of a paused or cancelled mailing wait.
 */
export async function claimDue(
  ctx: Ctx,
  options: { limit: number; quota: Quota | null; leaseMs: number },
): Promise<{ messages: OutboxRow[]; quotaWaitMs: number }> {
  return inTransaction(ctx, async ({ db, now: clock }) => {
    // One claimer at a time across app servers, so two cannot both spend the last of the quota.
    if (engineOf(db) === 'postgres') await sql`select pg_advisory_xact_lock(7172002)`.execute(db);
    const now = clock();
    const nowIso = now.toISOString();
    let limit = options.limit;
    let quotaWaitMs = 0;
    if (options.quota !== null) {
      const { room, waitMs } = await quotaRoom(db, options.quota, now, options.leaseMs);
      limit = Math.min(limit, room);
      quotaWaitMs = waitMs;
    }
    if (limit <= 0) return { messages: [], quotaWaitMs };
    const due = await db
      .selectFrom('outbox')
      .leftJoin('mailings', 'mailings.id', 'outbox.mailing_id')
      .select('outbox.id')
      .where((eb) =>
        eb.or([
          eb.and([eb('outbox.state', '=', 'queued'), eb('outbox.next_try_at', '<=', nowIso)]),
          eb.and([eb('outbox.state', '=', 'sending'), eb('outbox.lease_until', '<', nowIso)]),
        ]),
      )
      .where((eb) =>
        eb.or([eb('outbox.mailing_id', 'is', null), eb('mailings.status', '=', 'sending')]),
      )
      .orderBy('outbox.next_try_at')
      .orderBy('outbox.id')
      .limit(limit)
      .execute();
    const ids = due.map((r) => r.id);
    if (ids.length === 0) return { messages: [], quotaWaitMs: 0 };
    // A reservation left pending by a crashed sender: the relay may or may not have the message.
    await db
      .updateTable('mail_sends')
      .set({ result: 'temporary', response: 'interrupted', at: nowIso })
      .where('outbox_id', 'in', ids)
      .where('result', '=', 'pending')
      .execute();
    const messages = await db
      .updateTable('outbox')
      .set((eb) => ({
        state: 'sending',
        lease_until: new Date(now.getTime() + options.leaseMs).toISOString(),
        tries: eb('tries', '+', 1),
        updated_at: nowIso,
      }))
      .where('id', 'in', ids)
      .returningAll()
      .execute();
    await db
      .insertInto('mail_sends')
      .values(ids.map((id) => ({ outbox_id: id, at: nowIso, result: 'pending' as const })))
      .execute();
    messages.sort((a, b) => a.id - b.id);
    return { messages, quotaWaitMs: 0 };
  });
}

/** Stamps a message's reservation with the relay's answer. */
export async function settleSend(
  db: Db,
  outboxId: number,
  at: string,
  result: { result: 'sent' | 'temporary' | 'permanent'; code: number | null; response: string },
): Promise<void> {
  await db
    .updateTable('mail_sends')
    .set({ at, result: result.result, code: result.code, response: result.response })
    .where('outbox_id', '=', outboxId)
    .where('result', '=', 'pending')
    .execute();
}

/** Drops a reservation that never reached the relay (the message was stopped by a rule). */
export async function releaseSend(db: Db, outboxId: number): Promise<void> {
  await db
    .deleteFrom('mail_sends')
    .where('outbox_id', '=', outboxId)
    .where('result', '=', 'pending')
    .execute();
}
