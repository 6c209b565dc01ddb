import type { Db, OutboxRow } from '../../db/database.js';
import type { Ctx, Log } from '../context.js';
import { PollLoop } from '../poll-loop.js';
import { getLibrarySettings } from '../library/library.service.js';
import { pollBounceMailbox } from './bounces.service.js';
import type { MailDeps } from './mail-deps.js';
import { claimDue, type Quota } from './outbox.repository.js';
import { BatchSettler, type SettleCounts } from './settle.js';
import { blockReasons } from './rules.js';
import { loadMailConfig, type MailConfig } from './settings.service.js';
import { createLogTransport, createSmtpTransport } from './transport/transport.js';
import { classifySendError } from './transport/send-error.js';
import type { MailTransport } from './transport/transport.js';

/**
 * The send worker: claims due outbox rows within the relay's quota, checks the rules again, hands
 * each message to the relay with its fixed Message-ID, and records what happened (TRUST RB-5,
 * RB-6). One runs in each app server; leases keep two from sending the same message, and a
 * message whose sender died is sent again when its lease runs out (same Message-ID).
 */

export { MAX_TRIES, PAUSE_AFTER_FAILURES, retryDelayMs } from './settle.js';

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

export interface RunResult extends SettleCounts {
  claimed: number;
  /** The quota is spent: nothing can be sent for this long. */
  quotaWaitMs: number;
}

export class MailWorker {
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly bounceEveryMs: number;
  private current: { key: string; transport: MailTransport } | undefined;
  private readonly loop: PollLoop;
  private lastBouncePoll = 0;

  constructor(private readonly options: WorkerOptions) {
    this.pollMs = options.pollMs ?? 2000;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.bounceEveryMs = options.bounceEveryMs ?? 5 * 60_000;
    this.loop = new PollLoop(
      () => this.round(),
      (error) =>
        this.options.log.error({ err: error }, 'mail worker: a round failed; trying again'),
      this.pollMs,
    );
  }

  private ctx(): Ctx {
    return { db: this.options.db, actor: null, now: this.options.now, log: this.options.log };
  }

  start(): void {
    this.loop.start();
  }

  /** Finishes the messages in flight, then stops. */
  async stop(): Promise<void> {
    await this.loop.stop();
    this.current?.transport.close();
    this.current = undefined;
  }

  /** New mail was queued: look now rather than at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  /** A round, then how long to wait: none while mail is claimed, the quota's wait when spent. */
  private async round(): Promise<number> {
    const result = await this.runOnce();
    await this.maybePollBounces();
    if (result.claimed > 0) return 0;
    if (result.quotaWaitMs > 0) return Math.min(result.quotaWaitMs, 60_000);
    return this.pollMs;
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
      limit: Math.max(10, config.connections * 25),
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
    // Answers are recorded in small batches, one transaction each, rather than one per message:
    // a commit per message would hold up the relay's sockets (SQLite writes block the event loop).
    const settler = new BatchSettler(ctx, result, this.options.log);
    for (const message of messages) {
      const reason = reasons.get(message.id) ?? null;
      if (reason !== null) settler.add({ kind: 'cancelled', message, reason });
    }
    await Promise.all(
      messages.map(async (message) => {
        if ((reasons.get(message.id) ?? null) !== null) return;
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
          settler.add({ kind: 'sent', message, response: sent.response });
        } catch (error) {
          settler.add({ kind: 'failed', message, failure: classifySendError(error) });
        }
      }),
    );
    await settler.flush();
    await this.finishMailings(messages);
    return result;
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
