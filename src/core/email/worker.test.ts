import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx, type TestClock } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { testMailDeps } from '../../../tests/helpers/http.js';
import { startSmtpSink, type SmtpSink } from '../../../tests/helpers/smtp-sink.js';
import type { Ctx } from '../context.js';
import type { MailDeps } from './mail-deps.js';
import { changeMailing, getCampaignEmailAudience, sendCampaignEmails } from './mailings.service.js';
import { updateMailSettings } from './settings.service.js';
import { suppressAddress } from './suppressions.js';
import { createSmtpTransport, type MailTransport } from './transport/transport.js';
import { unsubscribe } from './unsubscribe.service.js';
import { MAX_TRIES, MailWorker, PAUSE_AFTER_FAILURES, type WorkerOptions } from './worker.js';

let t: TestDatabase;
let sink: SmtpSink;
let clock: TestClock;
let ctx: Ctx;
let mail: MailDeps;

beforeEach(async () => {
  t = await createTestDb();
  sink = await startSmtpSink();
  clock = testClock('2026-03-02T15:00:00.000Z');
  const admin = await createStaff(t.db, 'admin');
  ctx = testCtx(t.db, admin, clock);
  mail = testMailDeps();
  await relay({});
});

afterEach(async () => {
  await sink.stop();
  await t.destroy();
});

/** Points the mail settings at the in-process SMTP server. */
async function relay(changes: { perMinute?: number; perDay?: number; connections?: number }) {
  await updateMailSettings(ctx, mail, {
    mode: 'smtp',
    host: sink.host,
    port: sink.port,
    security: 'none',
    fromName: 'Maple Public Library',
    fromAddress: 'outreach@library.example.org',
    perMinute: 0,
    perDay: 0,
    connections: 3,
    ...changes,
  });
}

function worker(options: Partial<WorkerOptions> = {}): MailWorker {
  return new MailWorker({ db: t.db, now: clock.now, log: ctx.log, mail, ...options });
}

/** An e-mail campaign over `count` consenting patrons, and its first mailing. */
async function emailCampaign(count: number, patronOverrides = {}) {
  for (let i = 0; i < count; i++)
    await createPatron(t.db, {
      phone: null,
      emails: [`patron${i}@example.org`],
      emailConsent: 'express',
      ...patronOverrides,
    });
  const campaign = await launchTestCampaign(ctx, { channel: 'email', scriptId: null });
  const template = await t.db
    .selectFrom('email_templates')
    .select('id')
    .where('starter_key', '=', 'we-miss-you')
    .executeTakeFirstOrThrow();
  return { campaign, templateId: template.id };
}

async function states() {
  const rows = await t.db.selectFrom('outbox').select('state').execute();
  return rows.reduce<Record<string, number>>(
    (acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }),
    {},
  );
}

describe('the send worker', () => {
  it('sends a campaign mailing with fixed Message-IDs, one-click unsubscribe headers, and records attempts', async () => {
    const { campaign, templateId } = await emailCampaign(3);
    expect(await getCampaignEmailAudience(ctx, mail, campaign.id, templateId)).toEqual({
      eligible: 3,
      alreadySent: 0,
      suppressed: 0,
      noConsent: 0,
    });
    const { queued } = await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    expect(queued).toBe(3);
    const ids = (await t.db.selectFrom('outbox').select('message_id').execute()).map(
      (r) => r.message_id,
    );

    const result = await worker().runOnce();
    expect(result).toMatchObject({ claimed: 3, sent: 3 });
    const received = await sink.waitFor(3);
    expect(received.map((m) => m.messageId).sort()).toEqual([...ids].sort());
    const first = received[0]!;
    expect(first.headers.get('list-unsubscribe')).toMatch(
      /^<http:\/\/localhost:3000\/unsubscribe\/[\w-]+>$/,
    );
    expect(first.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(first.raw).toContain('multipart/alternative');

    expect(await states()).toEqual({ sent: 3 });
    const attempts = await t.db.selectFrom('attempts').selectAll().execute();
    expect(attempts).toHaveLength(3);
    expect(attempts.every((a) => a.channel === 'email' && a.outcome === 'email_sent')).toBe(true);
    const list = await t.db.selectFrom('call_list').select('state').execute();
    expect(list.every((r) => r.state === 'done')).toBe(true);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'email.send')
      .execute();
    expect(audit).toHaveLength(3);
    // Sending again reaches nobody twice.
    expect(await getCampaignEmailAudience(ctx, mail, campaign.id, templateId)).toMatchObject({
      eligible: 0,
      alreadySent: 0,
    });
  });

  it('never exceeds the relay quota in any minute, and uses it fully while mail waits', async () => {
    await relay({ perMinute: 4, perDay: 10 });
    const { campaign, templateId } = await emailCampaign(12);
    await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    const w = worker();

    expect((await w.runOnce()).sent).toBe(4);
    const spent = await w.runOnce();
    expect(spent.claimed).toBe(0);
    expect(spent.quotaWaitMs).toBeGreaterThan(55_000);
    clock.advance(30_000);
    expect((await w.runOnce()).claimed).toBe(0);
    clock.advance(30_001);
    expect((await w.runOnce()).sent).toBe(4);
    clock.advance(60_001);
    // The day's quota (10) leaves room for 2 more.
    expect((await w.runOnce()).sent).toBe(2);
    clock.advance(3600_000);
    expect((await w.runOnce()).claimed).toBe(0);
    clock.advance(86_400_000);
    expect((await w.runOnce()).sent).toBe(2);
    expect(sink.messages).toHaveLength(12);
  });

  it('retries temporary failures with backoff and records permanent ones without retrying', async () => {
    const { campaign, templateId } = await emailCampaign(3);
    await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    sink.failRecipient('patron0@example.org', { kind: 'reply', code: 451, at: 'rcpt' });
    sink.failRecipient('patron1@example.org', {
      kind: 'reply',
      code: 550,
      message: '5.1.1 User unknown',
      at: 'rcpt',
    });
    sink.failRecipient('patron2@example.org', { kind: 'reply', code: 554, at: 'data' });
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ claimed: 3, retried: 1, failed: 2 });
    const rows = await t.db.selectFrom('outbox').selectAll().orderBy('to_address').execute();
    expect(rows.map((r) => r.state)).toEqual(['queued', 'bounced', 'failed']);
    expect(Date.parse(rows[0]!.next_try_at) - clock.now().getTime()).toBeGreaterThanOrEqual(48_000);
    // The unknown mailbox is suppressed for good; the 554 is not.
    const suppressed = await t.db.selectFrom('email_suppressions').select('address').execute();
    expect(suppressed.map((s) => s.address)).toEqual(['patron1@example.org']);

    expect((await w.runOnce()).claimed).toBe(0);
    sink.clearFaults();
    clock.advance(10 * 60_000);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await states()).toEqual({ sent: 1, bounced: 1, failed: 1 });
  });

  it('gives a message up after the last try', async () => {
    const { campaign, templateId } = await emailCampaign(1);
    await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    sink.failRecipient('patron0@example.org', { kind: 'reply', code: 452, at: 'rcpt' });
    const w = worker();
    for (let i = 0; i < MAX_TRIES; i++) {
      expect((await w.runOnce()).claimed).toBe(1);
      clock.advance(7 * 3600_000);
    }
    expect(await states()).toEqual({ failed: 1 });
    expect((await w.runOnce()).claimed).toBe(0);
  });

  it('pauses the mailing after many failures in a row, and resumes', async () => {
    const { campaign, templateId } = await emailCampaign(PAUSE_AFTER_FAILURES + 5);
    const { mailing } = await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    sink.failNext({ kind: 'reply', code: 554 }, 1000);
    await worker().runOnce();
    const paused = await t.db
      .selectFrom('mailings')
      .selectAll()
      .where('id', '=', mailing.id)
      .executeTakeFirstOrThrow();
    expect(paused.status).toBe('paused');
    expect(paused.paused_reason).toMatch(/in a row failed/);
    // Nothing more is claimed while paused, whatever is due.
    await t.db
      .updateTable('outbox')
      .set({ state: 'queued' })
      .where('state', '=', 'failed')
      .execute();
    expect((await worker().runOnce()).claimed).toBe(0);
    sink.clearFaults();
    await changeMailing(ctx, mail, mailing.id, 'resume');
    expect((await worker().runOnce()).sent).toBe(PAUSE_AFTER_FAILURES + 5);
  });

  it('treats a connection dropped mid-message as temporary', async () => {
    const { campaign, templateId } = await emailCampaign(1);
    await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    sink.failNext({ kind: 'drop' });
    expect(await worker().runOnce()).toMatchObject({ retried: 1 });
    expect(await states()).toEqual({ queued: 1 });
  });

  it('checks the rules again at send time: unsubscribed, do-not-e-mail, consent withdrawn', async () => {
    const { campaign, templateId } = await emailCampaign(4);
    await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    const patrons = await t.db
      .selectFrom('patrons')
      .select(['id', 'emails'])
      .orderBy('id')
      .execute();
    await t.db
      .updateTable('patrons')
      .set({ do_not_email_at: clock.now().toISOString() })
      .where('id', '=', patrons[1]!.id)
      .execute();
    await t.db
      .updateTable('patrons')
      .set({ email_consent: null })
      .where('id', '=', patrons[2]!.id)
      .execute();
    // Suppressed after queueing: cancelled at once, before the worker even looks (CA-2).
    const { cancelled } = await suppressAddress(ctx, {
      address: 'PATRON0@example.org',
      reason: 'unsubscribed',
    });
    expect(cancelled).toBe(1);
    expect(await worker().runOnce()).toMatchObject({ claimed: 3, sent: 1, cancelled: 2 });
    const rows = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'state', 'last_error'])
      .orderBy('to_address')
      .execute();
    expect(rows).toEqual([
      { to_address: 'patron0@example.org', state: 'cancelled', last_error: 'address unsubscribed' },
      {
        to_address: 'patron1@example.org',
        state: 'cancelled',
        last_error: 'patron asked not to be e-mailed',
      },
      {
        to_address: 'patron2@example.org',
        state: 'cancelled',
        last_error: 'no consent for promotional e-mail',
      },
      { to_address: 'patron3@example.org', state: 'sent', last_error: null },
    ]);
    expect(sink.messages.map((m) => m.to)).toEqual([['patron3@example.org']]);
  });

  it('leaves promotional mail out of the audience without consent, and counts who is left out', async () => {
    await createPatron(t.db, { phone: null, emails: ['a@example.org'], emailConsent: null });
    await createPatron(t.db, { phone: null, emails: ['b@example.org'], emailConsent: 'implied' });
    const { campaign, templateId } = await emailCampaign(0);
    await suppressAddress(ctx, { address: 'b@example.org', reason: 'hard_bounce' });
    expect(await getCampaignEmailAudience(ctx, mail, campaign.id, templateId)).toEqual({
      eligible: 0,
      alreadySent: 0,
      suppressed: 1,
      noConsent: 1,
    });
    await expect(sendCampaignEmails(ctx, mail, campaign.id, { templateId })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
    });
  });

  it('an unsubscribe link from a received message cancels the queued mail to that address', async () => {
    const { campaign, templateId } = await emailCampaign(1);
    await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    await worker().runOnce();
    const [received] = await sink.waitFor(1);
    // A second mailing queued before the patron clicks.
    const other = await t.db
      .selectFrom('email_templates')
      .select('id')
      .where('starter_key', '=', 'sorry-we-missed-you')
      .executeTakeFirstOrThrow();
    await t.db.updateTable('call_list').set({ state: 'waiting' }).execute();
    await sendCampaignEmails(ctx, mail, campaign.id, { templateId: other.id });
    const token = /\/unsubscribe\/([\w-]+)>/.exec(
      received!.headers.get('list-unsubscribe') ?? '',
    )?.[1];
    expect(token).toBeDefined();
    expect(received!.raw).toContain(`/unsubscribe/${token}`);
    const info = await unsubscribe(testCtx(t.db, null, clock), token!, 'one-click');
    expect(info).toMatchObject({ unsubscribed: true, maskedAddress: 'p•••@example.org' });
    expect(await states()).toEqual({ sent: 1, cancelled: 1 });
    expect((await worker().runOnce()).claimed).toBe(0);
  });

  it('after a crash mid-batch, resends only what was in flight, with the same Message-ID', async () => {
    const { campaign, templateId } = await emailCampaign(6);
    await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    // A transport that delivers two messages, then the process "dies" while the rest are in flight.
    let delivered = 0;
    const real = createSmtpTransport({
      host: sink.host,
      port: sink.port,
      security: 'none',
      username: '',
      password: '',
      connections: 1,
    });
    const dying: MailTransport = {
      kind: 'smtp',
      verify: () => real.verify(),
      close: () => real.close(),
      async send(message) {
        if (delivered >= 2) {
          // Reaches the relay, but the worker never learns it: the answer is lost with the process.
          await real.send(message);
          return new Promise<never>(() => {});
        }
        delivered++;
        return real.send(message);
      },
    };
    const crashed = worker({ transport: () => dying, leaseMs: 60_000 });
    void crashed.runOnce();
    await sink.waitFor(6);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await states()).toEqual({ sent: 2, sending: 4 });
    real.close();

    clock.advance(61_000);
    const recovered = await worker().runOnce();
    expect(recovered).toMatchObject({ claimed: 4, sent: 4 });
    expect(await states()).toEqual({ sent: 6 });
    // Duplicates are bounded by the four in flight and carry the same Message-ID.
    const counts = new Map<string, number>();
    for (const m of sink.messages)
      counts.set(m.messageId ?? '', (counts.get(m.messageId ?? '') ?? 0) + 1);
    expect(sink.messages).toHaveLength(10);
    expect([...counts.values()].sort()).toEqual([1, 1, 2, 2, 2, 2]);
  });

  it('without a relay, writes each message as an .eml file (the log mailer)', async () => {
    await updateMailSettings(ctx, mail, { mode: 'log' });
    const { campaign, templateId } = await emailCampaign(1);
    await sendCampaignEmails(ctx, mail, campaign.id, { templateId });
    expect((await worker().runOnce()).sent).toBe(1);
    expect(sink.messages).toHaveLength(0);
    const row = await t.db.selectFrom('mail_sends').select('response').executeTakeFirstOrThrow();
    expect(row.response).toMatch(/logged to .*\.eml/);
  });
});
