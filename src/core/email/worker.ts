import type { Db, OutboxRow } from '../../db/database.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx, type Log } from '../context.js';
import { getLibrarySettings } from '../library/library.service.js';
import { pollBounceMailbox } from './bounces.service.js';
import type { MailDeps } from './mail-deps.js';
import { claimDue, releaseSend, settleSend, type Quota } from './outbox.repository.js';
import { blockReasons } from './rules.js';
import { loadMailConfig, type MailConfig } from './settings.service.js';
import { suppressAddress } from './suppressions.js';
import { createLogTransport, createSmtpTransport } from './transport/transport.js';
import { classifySendError, type SendError } from './transport/send-error.js';
import type { MailTransport } from './transport/transport.js';

/**
 * The send worker: claims due outbox rows within the relay's quota, checks the rules again, hands
 * each message to the relay with its fixed Message-ID, and records what happened (TRUST RB-5,
 * RB-6). One runs in each app server; leases keep two from sending the same message, and a
 * message whose sender died is sent again when its lease runs out (same Message-ID).
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

export interface WorkerOptions {
  db: Db;
  now: () => Date;
  log: Log;
  mail: MailDeps;
  /** How often to look for due mail when nothing wakes the worker (default 2 s). */
  pollMs?: number;
  /** How long a claimed message is held before another sender may take it over (default 5 min). */
  leaseMs?: number;
  /** How often to read the bounce mailbox when one is configured (default 5 min). */
  bounceEveryMs?: number;
  /** Replaces the transport built from the settings (tests that stop a send half-way). */
  transport?: (config: MailConfig) => MailTransport;
}

export interface RunResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
  /** The quota is spent: nothing can be sent for this long. */
  quotaWaitMs: number;
}

export class MailWorker {
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly bounceEveryMs: number;
  private current: { key: string; transport: MailTransport } | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private timer: NodeJS.Timeout | undefined;
  private wakeUp: (() => void) | undefined;
  private lastBouncePoll = 0;

  constructor(private readonly options: WorkerOptions) {
    this.pollMs = options.pollMs ?? 2000;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.bounceEveryMs = options.bounceEveryMs ?? 5 * 60_000;
  }

  private ctx(): Ctx {
    return { db: this.options.db, actor: null, now: this.options.now, log: this.options.log };
  }

  private isStopped(): boolean {
    return this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Finishes the messages in flight, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
    this.current?.transport.close();
    this.current = undefined;
  }

  /** New mail was queued: look now rather than at the next poll. */
  wake(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let waitMs = this.pollMs;
      try {
        const result = await this.runOnce();
        if (result.claimed > 0) waitMs = 0;
        else if (result.quotaWaitMs > 0) waitMs = Math.min(result.quotaWaitMs, 60_000);
        await this.maybePollBounces();
      } catch (error) {
        this.options.log.error({ err: error }, 'mail worker: a round failed; trying again');
      }
      if (waitMs > 0 && !this.isStopped()) {
        await new Promise<void>((resolve) => {
          this.wakeUp = resolve;
          this.timer = setTimeout(resolve, waitMs);
        });
        this.wakeUp = undefined;
      }
    }
  }

  private transportFor(config: MailConfig): MailTransport {
    const key = `${config.mode}|${config.updatedAt}`;
    if (this.current?.key !== key) {
      this.current?.transport.close();
      const transport =
        this.options.transport?.(config) ??
        (config.mode === 'smtp'
          ? createSmtpTransport(config)
          : createLogTransport(this.options.mail.logDir));
      this.current = { key, transport };
    }
    return this.current.transport;
  }

  /** One round: claim a batch, send it, record the results. */
  async runOnce(): Promise<RunResult> {
    const ctx = this.ctx();
    const config = await loadMailConfig(ctx.db, this.options.mail);
    const quota: Quota | null =
      config.mode === 'smtp' ? { perMinute: config.perMinute, perDay: config.perDay } : null;
    const { messages, quotaWaitMs } = await claimDue(ctx, {
      limit: Math.max(10, config.connections * 10),
      quota,
      leaseMs: this.leaseMs,
    });
    const result: RunResult = {
      claimed: messages.length,
      sent: 0,
      retried: 0,
      failed: 0,
      cancelled: 0,
      quotaWaitMs,
    };
    if (messages.length === 0) return result;
    const transport = this.transportFor(config);
    const library = await getLibrarySettings(ctx.db);
    const reasons = await blockReasons(ctx.db, messages, config);
    const from = {
      name: config.fromName || library.name,
      address: config.fromAddress || 'outreach@localhost',
    };
    await Promise.all(
      messages.map(async (message) => {
        const reason = reasons.get(message.id) ?? null;
        if (reason !== null) {
          await this.cancel(message, reason);
          result.cancelled++;
          return;
        }
        try {
          const sent = await transport.send({
            messageId: message.message_id,
            from,
            ...(config.replyTo !== '' && { replyTo: config.replyTo }),
            to: message.to_address,
            subject: message.subject,
            html: message.html,
            text: message.text,
            headers: JSON.parse(message.headers) as Array<[string, string]>,
          });
          await this.markSent(message, sent.response);
          result.sent++;
        } catch (error) {
          const failure = classifySendError(error);
          if (await this.markFailed(message, failure)) result.retried++;
          else result.failed++;
        }
      }),
    );
    await this.finishMailings(messages);
    return result;
  }

  private async cancel(message: OutboxRow, reason: string): Promise<void> {
    await inTransaction(this.ctx(), async (tx) => {
      const now = tx.now().toISOString();
      await releaseSend(tx.db, message.id);
      await tx.db
        .updateTable('outbox')
        .set({
          state: 'cancelled',
          last_error: reason,
          lease_until: null,
          dedupe_key: null,
          updated_at: now,
        })
        .where('id', '=', message.id)
        .execute();
      await recordAudit(tx, {
        action: 'email.cancel',
        objectType: 'email',
        objectId: message.id,
        details: { reason, patronId: message.patron_id, campaignId: message.campaign_id },
      });
    });
  }

  private async markSent(message: OutboxRow, response: string): Promise<void> {
    await inTransaction(this.ctx(), async (tx) => {
      const now = tx.now().toISOString();
      await settleSend(tx.db, message.id, now, { result: 'sent', code: 250, response });
      const attemptId = await recordEmailAttempt(tx, message);
      await tx.db
        .updateTable('outbox')
        .set({
          state: 'sent',
          sent_at: now,
          lease_until: null,
          last_error: null,
          attempt_id: attemptId,
          updated_at: now,
        })
        .where('id', '=', message.id)
        .execute();
      if (message.mailing_id !== null)
        await tx.db
          .updateTable('mailings')
          .set({ failures_in_row: 0 })
          .where('id', '=', message.mailing_id)
          .where('failures_in_row', '>', 0)
          .execute();
      await recordAudit(tx, {
        action: 'email.send',
        objectType: 'email',
        objectId: message.id,
        details: {
          kind: message.kind,
          patronId: message.patron_id,
          campaignId: message.campaign_id,
        },
      });
    });
  }

  /** Records a failed try; true when the message will be tried again. */
  private async markFailed(message: OutboxRow, failure: SendError): Promise<boolean> {
    // A relay fault (down, wrong password) is not the message's fault: try again, then pause.
    const retry = (!failure.permanent || failure.relay) && message.tries < MAX_TRIES;
    return inTransaction(this.ctx(), async (tx) => {
      const now = tx.now();
      const nowIso = now.toISOString();
      await settleSend(tx.db, message.id, nowIso, {
        result: failure.permanent ? 'permanent' : 'temporary',
        code: failure.code,
        response: failure.message,
      });
      const state = retry ? 'queued' : failure.suppress ? 'bounced' : 'failed';
      await tx.db
        .updateTable('outbox')
        .set({
          state,
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
      if (!retry)
        await recordAudit(tx, {
          action: 'email.fail',
          objectType: 'email',
          objectId: message.id,
          details: { code: failure.code, error: failure.message, tries: message.tries },
        });
      if (message.mailing_id !== null) await countFailure(tx, message.mailing_id, failure);
      return retry;
    });
  }

  /** Marks mailings done once none of their messages is waiting or on its way. */
  private async finishMailings(messages: OutboxRow[]): Promise<void> {
    const ids = [
      ...new Set(messages.flatMap((m) => (m.mailing_id === null ? [] : [m.mailing_id]))),
    ];
    for (const id of ids) {
      const open = await this.options.db
        .selectFrom('outbox')
        .select('id')
        .where('mailing_id', '=', id)
        .where('state', 'in', ['queued', 'sending'])
        .limit(1)
        .executeTakeFirst();
      if (!open)
        await this.options.db
          .updateTable('mailings')
          .set({ status: 'done', updated_at: this.options.now().toISOString() })
          .where('id', '=', id)
          .where('status', '=', 'sending')
          .execute();
    }
  }

  private async maybePollBounces(): Promise<void> {
    const now = this.options.now().getTime();
    if (now - this.lastBouncePoll < this.bounceEveryMs) return;
    this.lastBouncePoll = now;
    await this.pollBouncesNow();
  }

  /** Reads the bounce mailbox now, if one is configured. */
  async pollBouncesNow(): Promise<void> {
    const config = await loadMailConfig(this.options.db, this.options.mail);
    if (!config.bounces.enabled) return;
    try {
      await pollBounceMailbox(this.ctx(), config.bounces);
    } catch (error) {
      this.options.log.warn({ err: error }, 'mail worker: could not read the bounce mailbox');
    }
  }
}

/** An e-mail is an attempt on the patron's campaign record, like a call (outcome `email_sent`). */
async function recordEmailAttempt(ctx: Ctx, message: OutboxRow): Promise<number | null> {
  if (message.campaign_id === null || message.patron_id === null) return null;
  const now = ctx.now().toISOString();
  const listRow = await ctx.db
    .selectFrom('call_list')
    .select(['id', 'state'])
    .where('campaign_id', '=', message.campaign_id)
    .where('patron_id', '=', message.patron_id)
    .executeTakeFirst();
  const attempt = await ctx.db
    .insertInto('attempts')
    .values({
      campaign_id: message.campaign_id,
      call_list_id: listRow?.id ?? null,
      patron_id: message.patron_id,
      caller_id: message.queued_by,
      channel: 'email',
      outcome: 'email_sent',
      contact: 0,
      started_at: now,
      ended_at: now,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A campaign e-mail is the patron's turn in the campaign: done, not called again.
  if (message.kind === 'campaign' && listRow && listRow.state !== 'done')
    await ctx.db
      .updateTable('call_list')
      .set({ state: 'done', last_outcome: 'email_sent', last_attempt_at: now, done_at: now })
      .where('id', '=', listRow.id)
      .execute();
  return attempt.id;
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
