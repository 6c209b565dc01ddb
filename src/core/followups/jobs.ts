import type { Db } from '../../db/database.js';
import type { Ctx, Log } from '../context.js';
import { PollLoop } from '../poll-loop.js';
import { notifyEscalations } from './notifications.js';
import { openLateRecurringCalls } from './recurring-schedule.js';
import { purgeSensitiveNotes } from './retention.js';

/**
 * The follow-ups' background work, in the server: telling coordinators about new escalations and
 * again about urgent ones nobody acknowledged, opening late recurring calls to any caller, and the
 * daily retention purge. Each step is safe to run from several servers at once.
 */

export interface FollowUpJobsOptions {
  db: Db;
  now: () => Date;
  log: Log;
  publicUrl: string;
  /** New notification e-mails were queued: the mail worker sends them now. */
  wakeMail?: () => void;
  /** How often to look (default one minute); `wake()` looks at once. */
  pollMs?: number;
}

export interface FollowUpRound {
  notified: number;
  opened: number;
  purged: number;
}

const DAY_MS = 86_400_000;

export class FollowUpJobs {
  private readonly loop: PollLoop;
  private lastPurge = 0;

  constructor(private readonly options: FollowUpJobsOptions) {
    const pollMs = options.pollMs ?? 60_000;
    this.loop = new PollLoop(
      async () => {
        await this.runOnce();
        return pollMs;
      },
      (error) => this.options.log.error({ err: error }, 'follow-ups: a round failed; trying again'),
      pollMs,
    );
  }

  private ctx(): Ctx {
    return { db: this.options.db, actor: null, now: this.options.now, log: this.options.log };
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Something happened (a concern was recorded): look now rather than at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  /** One round of every job; the purge at most once a day. */
  async runOnce(): Promise<FollowUpRound> {
    const ctx = this.ctx();
    const notified = await notifyEscalations(ctx, this.options.publicUrl);
    const opened = await openLateRecurringCalls(ctx);
    let purged = 0;
    const now = this.options.now().getTime();
    if (now - this.lastPurge >= DAY_MS) {
      const counts = await purgeSensitiveNotes(ctx);
      this.lastPurge = now;
      purged = counts.escalations + counts.referrals + counts.tasks;
    }
    if (notified > 0) this.options.wakeMail?.();
    if (notified + opened + purged > 0)
      this.options.log.info({ notified, opened, purged }, 'follow-ups: round done');
    return { notified, opened, purged };
  }
}
