import { sql, type RawBuilder } from 'kysely';
import type { OutboxRow } from '../../db/database.js';
import { recordAudit, recordAudits, type AuditEvent } from '../audit/audit.service.js';
import { inTransaction, type Ctx, type Log } from '../context.js';
import { releaseSend, settleSend } from './outbox.repository.js';
import { suppressAddress } from './suppressions.js';
import type { SendError } from './transport/send-error.js';

/**
 * Recording what the relay answered (TRUST RB-5, RB-6): sent messages become attempts on the
 * patron's campaign record, temporary failures are tried again with backoff, permanent ones are
 * recorded (and a mailbox that does not exist suppressed), and many failures in a row pause the
 * mailing. Answers are written in small batches, one transaction each.
 */

/** Tries before a temporarily failing message is given up. Spread over about four hours. */
export const MAX_TRIES = 8;
/** Failures in a row that pause a campaign's mailing. */
export const PAUSE_AFTER_FAILURES = 10;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 6 * 3600_000;

/** Backoff with jitter: about 1, 2, 4… minutes after the 1st, 2nd, 3rd… try, ±20 %. */
export function retryDelayMs(tries: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, tries - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export interface SettleCounts {
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
}

export type Settlement =
  | { kind: 'sent'; message: OutboxRow; response: string }
  | { kind: 'failed'; message: OutboxRow; failure: SendError }
  | { kind: 'cancelled'; message: OutboxRow; reason: string };

/** How long answers are gathered before they are written together. */
const GATHER_MS = 10;

/**
 * Records the relay's answers in batches: whatever arrived within GATHER_MS goes into one
 * transaction with one audit append. A crash loses at most the answers of one batch; those
 * messages are still `sending` and go again, with the same Message-ID, after their lease.
 */
export class BatchSettler {
  private queue: Settlement[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: Ctx,
    private readonly result: SettleCounts,
    private readonly log: Log,
  ) {}

  add(settlement: Settlement): void {
    this.queue.push(settlement);
    this.timer ??= setTimeout(() => void this.flush(), GATHER_MS);
  }

  /** Writes what is gathered; resolves when every batch so far is written. */
  flush(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue.splice(0);
    this.writing = this.writing.then(async () => {
      if (batch.length === 0) return;
      try {
        await settleBatch(this.ctx, batch, this.result);
      } catch (error) {
        this.log.error(
          { err: error, messages: batch.length },
          'mail worker: could not record answers; the messages go again after their lease',
        );
      }
    });
    return this.writing;
  }
}

async function settleBatch(ctx: Ctx, batch: Settlement[], result: SettleCounts): Promise<void> {
  const counts = { sent: 0, retried: 0, failed: 0, cancelled: 0 };
  await inTransaction(ctx, async (tx) => {
    const sent = batch.flatMap((item) => (item.kind === 'sent' ? [item] : []));
    const events: AuditEvent[] = await markSent(tx, sent);
    counts.sent = sent.length;
    for (const item of batch) {
      if (item.kind === 'sent') continue;
      if (item.kind === 'cancelled') {
        events.push(await cancelMessage(tx, item.message, item.reason));
        counts.cancelled++;
      } else {
        const { retry, event } = await markFailed(tx, item.message, item.failure);
        if (event) events.push(event);
        if (retry) counts.retried++;
        else counts.failed++;
      }
    }
    await recordAudits(tx, events);
  });
  // Counted once the batch is committed.
  result.sent += counts.sent;
  result.retried += counts.retried;
  result.failed += counts.failed;
  result.cancelled += counts.cancelled;
}

async function cancelMessage(tx: Ctx, message: OutboxRow, reason: string): Promise<AuditEvent> {
  await releaseSend(tx.db, message.id);
  await tx.db
    .updateTable('outbox')
    .set({
      state: 'cancelled',
      last_error: reason,
      lease_until: null,
      dedupe_key: null,
      updated_at: tx.now().toISOString(),
    })
    .where('id', '=', message.id)
    .execute();
  return {
    action: 'email.cancel',
    objectType: 'email',
    objectId: message.id,
    details: { reason, patronId: message.patron_id, campaignId: message.campaign_id },
  };
}

/**
 * Records messages the relay accepted, with a handful of statements for the whole batch: each
 * is an attempt on the patron's campaign record (outcome `email_sent`), and a campaign e-mail is
 * the patron's turn in the campaign (done, not called again).
 */
async function markSent(
  tx: Ctx,
  items: Array<{ message: OutboxRow; response: string }>,
): Promise<AuditEvent[]> {
  if (items.length === 0) return [];
  const now = tx.now().toISOString();
  const ids = items.map((i) => i.message.id);
  await tx.db
    .updateTable('mail_sends')
    .set({
      at: now,
      result: 'sent',
      code: 250,
      response: caseById(
        'outbox_id',
        items.map((i) => [i.message.id, sql`${i.response}`]),
      ),
    })
    .where('outbox_id', 'in', ids)
    .where('result', '=', 'pending')
    .execute();
  const attempts = await recordEmailAttempts(
    tx,
    items.map((i) => i.message),
    now,
  );
  await tx.db
    .updateTable('outbox')
    .set({
      state: 'sent',
      sent_at: now,
      lease_until: null,
      last_error: null,
      attempt_id: caseById(
        'id',
        [...attempts].map(([outboxId, attemptId]) => [
          outboxId,
          sql`cast(${attemptId} as integer)`,
        ]),
      ),
      updated_at: now,
    })
    .where('id', 'in', ids)
    .execute();
  const mailings = [
    ...new Set(items.flatMap((i) => (i.message.mailing_id === null ? [] : [i.message.mailing_id]))),
  ];
  if (mailings.length > 0)
    await tx.db
      .updateTable('mailings')
      .set({ failures_in_row: 0 })
      .where('id', 'in', mailings)
      .where('failures_in_row', '>', 0)
      .execute();
  return items.map(({ message }) => ({
    action: 'email.send',
    objectType: 'email',
    objectId: message.id,
    details: { kind: message.kind, patronId: message.patron_id, campaignId: message.campaign_id },
  }));
}

/** `case <column> when id then value … end` (null for ids not listed). */
function caseById(column: string, pairs: Array<[number, RawBuilder<unknown>]>) {
  if (pairs.length === 0) return sql<never>`null`;
  return sql<never>`case ${sql.ref(column)} ${sql.join(
    pairs.map(([id, value]) => sql`when ${id} then ${value}`),
    sql` `,
  )} end`;
}

/** Records a failed try: tried again later, or given up (and the address suppressed if gone). */
async function markFailed(
  tx: Ctx,
  message: OutboxRow,
  failure: SendError,
): Promise<{ retry: boolean; event: AuditEvent | null }> {
  // A relay fault (down, wrong password) is not the message's fault: try again, then pause.
  const retry = (!failure.permanent || failure.relay) && message.tries < MAX_TRIES;
  const now = tx.now();
  const nowIso = now.toISOString();
  await settleSend(tx.db, message.id, nowIso, {
    result: failure.permanent ? 'permanent' : 'temporary',
    code: failure.code,
    response: failure.message,
  });
  await tx.db
    .updateTable('outbox')
    .set({
      state: retry ? 'queued' : failure.suppress ? 'bounced' : 'failed',
      last_error: failure.message,
      lease_until: null,
      next_try_at: retry
        ? new Date(now.getTime() + retryDelayMs(message.tries)).toISOString()
        : message.next_try_at,
      updated_at: nowIso,
    })
    .where('id', '=', message.id)
    .execute();
  if (failure.suppress)
    await suppressAddress(tx, {
      address: message.to_address,
      reason: 'hard_bounce',
      detail: failure.message,
      outboxId: message.id,
    });
  if (message.mailing_id !== null) await countFailure(tx, message.mailing_id, failure);
  return {
    retry,
    event: retry
      ? null
      : {
          action: 'email.fail',
          objectType: 'email',
          objectId: message.id,
          details: { code: failure.code, error: failure.message, tries: message.tries },
        },
  };
}

/** Inserts the attempts of sent messages; returns outbox id → attempt id. */
async function recordEmailAttempts(
  tx: Ctx,
  messages: OutboxRow[],
  now: string,
): Promise<Map<number, number>> {
  const onRecord = messages.filter((m) => m.campaign_id !== null && m.patron_id !== null);
  const linked = new Map<number, number>();
  if (onRecord.length === 0) return linked;
  const key = (campaignId: number | null, patronId: number | null) => `${campaignId}:${patronId}`;
  const listRows = new Map(
    (
      await tx.db
        .selectFrom('call_list')
        .select(['id', 'campaign_id', 'patron_id', 'state'])
        .where('patron_id', 'in', [...new Set(onRecord.map((m) => m.patron_id ?? 0))])
        .where('campaign_id', 'in', [...new Set(onRecord.map((m) => m.campaign_id ?? 0))])
        .execute()
    ).map((r) => [key(r.campaign_id, r.patron_id), r]),
  );
  // One multi-row insert; its returned rows are matched back by (campaign, patron), so a second
  // message to the same patron in the same batch is inserted on its own.
  const first = new Map<string, OutboxRow>();
  const again: OutboxRow[] = [];
  for (const m of onRecord) {
    if (first.has(key(m.campaign_id, m.patron_id))) again.push(m);
    else first.set(key(m.campaign_id, m.patron_id), m);
  }
  const values = (m: OutboxRow) => ({
    campaign_id: m.campaign_id ?? 0,
    call_list_id: listRows.get(key(m.campaign_id, m.patron_id))?.id ?? null,
    patron_id: m.patron_id ?? 0,
    caller_id: m.queued_by,
    channel: 'email' as const,
    outcome: 'email_sent',
    contact: 0,
    started_at: now,
    ended_at: now,
    created_at: now,
  });
  const inserted = await tx.db
    .insertInto('attempts')
    .values([...first.values()].map(values))
    .returning(['id', 'campaign_id', 'patron_id'])
    .execute();
  for (const row of inserted) {
    const message = first.get(key(row.campaign_id, row.patron_id));
    if (message) linked.set(message.id, row.id);
  }
  for (const m of again) {
    const row = await tx.db
      .insertInto('attempts')
      .values(values(m))
      .returning('id')
      .executeTakeFirstOrThrow();
    linked.set(m.id, row.id);
  }
  const done = onRecord.flatMap((m) => {
    const row = listRows.get(key(m.campaign_id, m.patron_id));
    return m.kind === 'campaign' && row && row.state !== 'done' ? [row.id] : [];
  });
  if (done.length > 0)
    await tx.db
      .updateTable('call_list')
      .set({ state: 'done', last_outcome: 'email_sent', last_attempt_at: now, done_at: now })
      .where('id', 'in', [...new Set(done)])
      .execute();
  return linked;
}

/** Counts a failure against the mailing, pausing it after too many in a row (TRUST RB-6). */
async function countFailure(ctx: Ctx, mailingId: number, failure: SendError): Promise<void> {
  const row = await ctx.db
    .updateTable('mailings')
    .set((eb) => ({ failures_in_row: eb('failures_in_row', '+', 1) }))
    .where('id', '=', mailingId)
    .returning(['failures_in_row', 'status', 'campaign_id'])
    .executeTakeFirst();
  if (!row || row.status !== 'sending' || row.failures_in_row < PAUSE_AFTER_FAILURES) return;
  const reason = `${row.failures_in_row} messages in a row failed; last: ${failure.message}`;
  await ctx.db
    .updateTable('mailings')
    .set({ status: 'paused', paused_reason: reason, updated_at: ctx.now().toISOString() })
    .where('id', '=', mailingId)
    .execute();
  await recordAudit(ctx, {
    action: 'mailing.pause',
    objectType: 'mailing',
    objectId: mailingId,
    details: { reason, automatic: true, campaignId: row.campaign_id },
  });
}
