import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx, type TestClock } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import {
  createPatron,
  createStaff,
  type PatronOverrides,
} from '../../../tests/helpers/factories.js';
import { testMailDeps } from '../../../tests/helpers/http.js';
import type { CreateCampaignInput } from '../../shared/schemas/campaigns.js';
import type { CallCard, Outcome, PatronOutcomeInput } from '../../shared/schemas/calls.js';
import { FIGURE_KEYS, type Figures, type StatsQuery } from '../../shared/schemas/results.js';
import { claimNextPatron } from '../calling/claims.service.js';
import { recordOutcome } from '../calling/outcomes.service.js';
import type { Actor, Ctx } from '../context.js';
import { receiveWebhookReport } from '../email/bounces.service.js';
import type { MailDeps } from '../email/mail-deps.js';
import { sendCampaignEmails } from '../email/mailings.service.js';
import { unsubscribe } from '../email/unsubscribe.service.js';
import { MailWorker } from '../email/worker.js';
import { closeEscalation, listEscalations } from '../followups/escalations.service.js';
import { listReferralServices } from '../followups/directory.service.js';
import { createReferral } from '../followups/referrals.service.js';
import { listTasks, updateTask } from '../followups/tasks.service.js';
import { updateLibrarySettings } from '../library/library.service.js';
import {
  FIGURE_DEFINITIONS,
  addDays,
  dayStart,
  figureScope,
  localDate,
  mondayOf,
  offsetSegments,
  periodOf,
  utcOffsetMinutes,
} from './figures.js';
import { getCampaignStats, getLibraryStats } from './stats.service.js';

/**
 * Figure definitions on crafted histories, built through the real use cases: claimNextPatron +
 * recordOutcome for calls, sendCampaignEmails + the mail worker (log mailer) for e-mails, the
 * bounce webhook and the unsubscribe link for what comes back. Each scenario states its exact
 * figures. Runs on SQLite and PostgreSQL (TEST_DB=postgres).
 */

let t: TestDatabase;
let clock: TestClock;
let coordinator: Ctx;
let admin: Ctx;
let callers: { actor: Actor; ctx: Ctx }[];
let mail: MailDeps;

beforeEach(async () => {
  t = await createTestDb();
  // A Monday, 15:00 UTC = 10:00 in Toronto (the library's default zone).
  clock = testClock('2026-03-02T15:00:00.000Z');
  admin = testCtx(t.db, await createStaff(t.db, 'admin'), clock);
  coordinator = testCtx(t.db, await createStaff(t.db, 'coordinator', { name: 'Cora' }), clock);
  callers = [];
  for (const name of ['Ana Caller', 'Ben Caller']) {
    const actor = await createStaff(t.db, 'caller', { name });
    callers.push({ actor, ctx: testCtx(t.db, actor, clock) });
  }
  mail = testMailDeps();
});
afterEach(() => t.destroy());

const caller = (i: number) => callers[i]!.ctx;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

type PerPatron = Omit<PatronOutcomeInput, 'patronId'>;

/**
 * Claims the next call of the campaign and records it: one outcome for everyone, or per patron.
 * The clock then moves on a minute, as it does while a caller works (two calls by one caller at
 * the very same millisecond would be one call).
 */
async function call(
  who: Ctx,
  campaignId: number,
  outcome: Outcome | ((patron: CallCard['patrons'][number]) => PerPatron),
  options: { callbackAt?: string } = {},
): Promise<CallCard> {
  const result = await claimNextPatron(who, campaignId);
  if (result.status !== 'claimed') throw new Error(`nobody to call: ${JSON.stringify(result)}`);
  const card = result.call;
  await recordOutcome(who, card.claimId, {
    token: card.token,
    callbackAt: options.callbackAt ?? null,
    outcomes: card.patrons.map((p) => ({
      patronId: p.patronId,
      ...(typeof outcome === 'string' ? { outcome } : outcome(p)),
    })),
  });
  clock.advance(60_000);
  return card;
}

async function household(names: string[]): Promise<number[]> {
  const phone = '+19058322281';
  const row = await t.db
    .insertInto('households')
    .values({ phone_e164: phone, created_at: clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const firstName of names)
    ids.push((await createPatron(t.db, { firstName, phone, householdId: row.id })).id);
  return ids;
}

const emailPatron = (overrides: PatronOverrides = {}) =>
  createPatron(t.db, {
    emails: [`p${Math.random().toString(36).slice(2)}@example.org`],
    emailConsent: 'express',
    ...overrides,
  });

async function templateId(): Promise<number> {
  const row = await t.db
    .selectFrom('email_templates')
    .select('id')
    .where('starter_key', '=', 'we-miss-you')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sends the campaign's e-mail step through the real worker, writing .eml files (log mailer). */
async function mailCampaign(campaignId: number): Promise<void> {
  await sendCampaignEmails(coordinator, mail, campaignId, { templateId: await templateId() });
  const worker = new MailWorker({ db: t.db, now: clock.now, log: coordinator.log, mail });
  const result = await worker.runOnce();
  expect(result.failed + result.cancelled).toBe(0);
}

const phoneCampaign = (overrides: Partial<CreateCampaignInput> = {}) =>
  launchTestCampaign(coordinator, overrides);

const stats = (campaignId: number, filter: StatsQuery = {}) =>
  getCampaignStats(coordinator, campaignId, filter);

/** Every figure at zero, with the given ones set: scenarios state every figure they expect. */
function expected(figures: Partial<Figures>): Figures {
  const all = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures;
  return { ...all, reachRate: null, ...figures };
}

describe('figure definitions on crafted histories', () => {
  it('(a) a household call: one call, two patrons called, reached counted per person', async () => {
    await household(['Maria', 'Giovanni']);
    const campaign = await phoneCampaign();
    const card = await call(caller(0), campaign.id, 'reached');
    expect(card.patrons).toHaveLength(2);

    expect((await stats(campaign.id)).figures).toEqual(
      expected({
        audience: 2,
        callsMade: 1,
        patronsCalled: 2,
        patronsReachedByPhone: 2,
        reachRate: 1,
        reached: 2,
        patronsReachedAnyChannel: 2,
      }),
    );
  });

  it('(a′) a household call with different outcomes per person', async () => {
    await household(['Maria', 'Giovanni']);
    const campaign = await phoneCampaign();
    await call(caller(0), campaign.id, (p) => ({
      outcome: p.firstName === 'Maria' ? 'reached' : 'voicemail',
    }));
    expect((await stats(campaign.id)).figures).toMatchObject({
      callsMade: 1,
      patronsCalled: 2,
      reached: 1,
      voicemail: 1,
      patronsReachedByPhone: 1,
      reachRate: 0.5,
    });
  });

  it('(b) a callback then reached: two calls, one patron spoken to', async () => {
    await createPatron(t.db);
    const campaign = await phoneCampaign();
    await call(caller(0), campaign.id, 'callback', {
      callbackAt: new Date(clock.now().getTime() + HOUR).toISOString(),
    });
    expect((await stats(campaign.id)).figures.callbacksDue).toBe(0);
    clock.advance(HOUR + 60_000);
    expect((await stats(campaign.id)).figures.callbacksDue).toBe(1);
    // Closed, the campaign makes no more calls; opened again, the callback is due again.
    await t.db.updateTable('campaigns').set({ status: 'closed' }).execute();
    expect((await stats(campaign.id)).figures.callbacksDue).toBe(0);
    await t.db.updateTable('campaigns').set({ status: 'active' }).execute();
    await call(caller(0), campaign.id, 'reached');

    expect((await stats(campaign.id)).figures).toEqual(
      expected({
        audience: 1,
        callsMade: 2,
        patronsCalled: 1,
        patronsReachedByPhone: 1,
        reachRate: 1,
        reached: 1,
        callbackRequested: 1,
        patronsReachedAnyChannel: 1,
      }),
    );
  });

  it('(c) phone then e-mail: two unanswered calls, then an e-mail that reaches the patron', async () => {
    await emailPatron();
    const campaign = await phoneCampaign({
      channel: 'phone_then_email',
      emailAfterAttempts: 2,
      maxAttempts: 3,
      attemptGapHours: 1,
    });
    await call(caller(0), campaign.id, 'no_answer');
    clock.advance(2 * HOUR);
    await call(caller(1), campaign.id, 'no_answer');
    clock.advance(HOUR);
    await mailCampaign(campaign.id);

    expect((await stats(campaign.id)).figures).toEqual(
      expected({
        audience: 1,
        callsMade: 2,
        patronsCalled: 1,
        patronsReachedByPhone: 0,
        reachRate: 0,
        noAnswer: 2,
        emailsSent: 1,
        emailsDelivered: 1,
        patronsEmailed: 1,
        patronsReachedAnyChannel: 1,
      }),
    );
  });

  it('(d) a bounce: sent, bounced, not delivered, nobody reached', async () => {
    const patron = await emailPatron();
    const campaign = await phoneCampaign({ channel: 'email', scriptId: null });
    await mailCampaign(campaign.id);
    const message = await t.db
      .selectFrom('outbox')
      .select(['message_id', 'to_address'])
      .where('patron_id', '=', patron.id)
      .executeTakeFirstOrThrow();
    clock.advance(HOUR);
    await receiveWebhookReport(admin, {
      type: 'hard_bounce',
      recipient: message.to_address,
      messageId: message.message_id,
    });

    expect((await stats(campaign.id)).figures).toEqual(
      expected({
        audience: 1,
        emailsSent: 1,
        emailsBounced: 1,
        emailsDelivered: 0,
        patronsEmailed: 1,
        patronsReachedAnyChannel: 0,
      }),
    );
  });

  it('(e) a do-not-call: counted, and counts as spoken to', async () => {
    await createPatron(t.db);
    const campaign = await phoneCampaign();
    await call(caller(0), campaign.id, 'do_not_call');
    expect((await stats(campaign.id)).figures).toEqual(
      expected({
        audience: 1,
        callsMade: 1,
        patronsCalled: 1,
        patronsReachedByPhone: 1,
        reachRate: 1,
        doNotCall: 1,
        patronsReachedAnyChannel: 1,
      }),
    );
  });

  it('counts every unanswered and final outcome once per person per call', async () => {
    const outcomes: Outcome[] = [
      'voicemail',
      'busy',
      'wrong_number',
      'not_in_service',
      'declined',
      'deceased',
    ];
    for (let i = 0; i < outcomes.length; i++) await createPatron(t.db);
    const campaign = await phoneCampaign();
    for (const outcome of outcomes) await call(caller(0), campaign.id, outcome);
    expect((await stats(campaign.id)).figures).toEqual(
      expected({
        audience: 6,
        callsMade: 6,
        patronsCalled: 6,
        voicemail: 1,
        busy: 1,
        wrongNumber: 1,
        notInService: 1,
        declined: 1,
        // Declined is spoken to; deceased counts as called but under no outcome figure.
        patronsReachedByPhone: 1,
        reachRate: 1 / 6,
        patronsReachedAnyChannel: 1,
      }),
    );
  });

  it('quotes, concerns and information requests', async () => {
    await createPatron(t.db);
    await createPatron(t.db);
    await createPatron(t.db);
    const campaign = await phoneCampaign();
    await call(caller(0), campaign.id, () => ({
      outcome: 'reached',
      quote: {
        text: 'So nice to hear a friendly voice.',
        consentToPublish: true,
        attribution: 'first_name',
      },
      concern: { level: 'urgent', note: 'Lives alone, no food' },
      informationRequest: 'Large-print books',
    }));
    await call(caller(0), campaign.id, () => ({
      outcome: 'reached',
      quote: { text: 'Thank you!', consentToPublish: false, attribution: 'anonymous' },
      concern: { level: 'more_contact', note: '' },
    }));
    await call(caller(0), campaign.id, 'reached');
    // Approving is quotes.service's use case; set the status directly to keep this test on figures.
    const first = await t.db
      .selectFrom('quotes')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('quotes')
      .set({ status: 'approved' })
      .where('id', '=', first.id)
      .execute();

    expect((await stats(campaign.id)).figures).toMatchObject({
      reached: 3,
      quotesCollected: 2,
      quotesApproved: 1,
      concerns: 2,
      urgentConcerns: 1,
      informationRequests: 1,
      // Each concern is an escalation, each request a task.
      escalationsRaised: 2,
      escalationsOpen: 2,
      tasksCreated: 1,
    });
  });

  it('follow-ups: tasks created, done and overdue; escalations raised and open; referrals', async () => {
    const ids = [(await createPatron(t.db)).id, (await createPatron(t.db)).id];
    const campaign = await phoneCampaign();
    await call(caller(0), campaign.id, () => ({
      outcome: 'reached',
      concern: { level: 'practical_help', note: 'Needs groceries' },
      informationRequest: 'Send the eBook link',
    }));
    await call(caller(0), campaign.id, () => ({
      outcome: 'reached',
      informationRequest: 'Online programs?',
    }));
    const [escalation] = await listEscalations(coordinator);
    const [service] = await listReferralServices(coordinator);
    await createReferral(coordinator, {
      patronId: ids[0] ?? 0,
      serviceId: service?.id ?? 0,
      consent: true,
      followUpAt: '2026-03-20T15:00:00.000Z',
      escalationId: escalation?.id ?? null,
    });
    await closeEscalation(coordinator, escalation?.id ?? 0, { resolution: 'Referred' });
    const tasks = await listTasks(caller(0));
    await updateTask(caller(0), tasks[0]?.id ?? 0, { status: 'done' });
    // Three days on: the second request is overdue; the referral check (due on the 20th) is not.
    clock.advance(3 * DAY);
    expect((await stats(campaign.id)).figures).toMatchObject({
      tasksCreated: 3,
      tasksDone: 1,
      tasksOverdue: 1,
      escalationsRaised: 1,
      escalationsOpen: 0,
      referralsMade: 1,
    });
    // Dated by their own times: nothing in a later week.
    expect(
      (await stats(campaign.id, { from: '2026-03-09', to: '2026-03-15' })).figures,
    ).toMatchObject({
      tasksCreated: 0,
      tasksDone: 0,
      tasksOverdue: 1,
      escalationsRaised: 0,
      referralsMade: 0,
    });
  });

  it('e-mails refused at hand-over count as failed (not sent); unsubscribes count for their campaign', async () => {
    await emailPatron();
    const leaving = await emailPatron();
    const refused = await emailPatron();
    const campaign = await phoneCampaign({ channel: 'email', scriptId: null });
    await mailCampaign(campaign.id);
    // A 550 naming the mailbox at hand-over leaves the message bounced without a sent_at (see
    // MailWorker.markFailed). Sending through a refusing relay is the worker tests' business:
    // here the row is put in that state directly.
    await t.db
      .updateTable('outbox')
      .set({ state: 'bounced', sent_at: null, updated_at: clock.now().toISOString() })
      .where('patron_id', '=', refused.id)
      .execute();
    const token = await t.db
      .selectFrom('outbox')
      .select('unsubscribe_token')
      .where('patron_id', '=', leaving.id)
      .executeTakeFirstOrThrow();
    await unsubscribe(admin, token.unsubscribe_token ?? '', 'one-click');

    const figures = (await stats(campaign.id)).figures;
    expect(figures).toMatchObject({
      emailsSent: 2,
      emailsDelivered: 2,
      emailsBounced: 0,
      emailsFailed: 1,
      unsubscribed: 1,
      patronsEmailed: 2,
      patronsReachedAnyChannel: 2,
    });
  });

  it('never counts staff test messages, and e-mail attempts are not phone calls', async () => {
    await emailPatron();
    const campaign = await phoneCampaign({ channel: 'email', scriptId: null });
    await mailCampaign(campaign.id);
    const attempts = await t.db.selectFrom('attempts').select('channel').execute();
    expect(attempts).toEqual([{ channel: 'email' }]);
    expect((await stats(campaign.id)).figures).toMatchObject({
      callsMade: 0,
      patronsCalled: 0,
      reachRate: null,
      emailsSent: 1,
    });
  });
});

describe('the period', () => {
  it('counts calls by the library’s calendar days, both ends included', async () => {
    for (let i = 0; i < 4; i++) await createPatron(t.db);
    const campaign = await phoneCampaign();
    // Mon 2 March 10:00 Toronto.
    await call(caller(0), campaign.id, 'reached');
    // Mon 2 March 23:30 Toronto = Tue 3 March 04:30 UTC: still the 2nd in the library.
    clock.set('2026-03-03T04:30:00.000Z');
    await call(caller(0), campaign.id, 'voicemail');
    // Tue 3 March 00:30 Toronto.
    clock.set('2026-03-03T05:30:00.000Z');
    await call(caller(0), campaign.id, 'busy');
    // Thu 5 March.
    clock.set('2026-03-05T15:00:00.000Z');
    await call(caller(0), campaign.id, 'reached');

    const on2nd = await stats(campaign.id, { from: '2026-03-02', to: '2026-03-02' });
    expect(on2nd.figures).toMatchObject({ callsMade: 2, reached: 1, voicemail: 1, busy: 0 });
    expect(on2nd.scope).toMatchObject({
      from: '2026-03-02',
      to: '2026-03-02',
      timeZone: 'America/Toronto',
    });
    expect((await stats(campaign.id, { from: '2026-03-03' })).figures).toMatchObject({
      callsMade: 2,
      busy: 1,
      reached: 1,
      // Not limited to the period.
      audience: 4,
    });
    expect((await stats(campaign.id, { to: '2026-03-03' })).figures.callsMade).toBe(3);
    expect((await stats(campaign.id, { from: '2026-03-06' })).figures).toMatchObject({
      callsMade: 0,
      reachRate: null,
      audience: 4,
    });
  });

  it('dates e-mails by acceptance and bounces with the message they belong to', async () => {
    await emailPatron();
    const campaign = await phoneCampaign({ channel: 'email', scriptId: null });
    await mailCampaign(campaign.id);
    const message = await t.db
      .selectFrom('outbox')
      .select(['message_id', 'to_address'])
      .executeTakeFirstOrThrow();
    clock.set('2026-03-04T15:00:00.000Z');
    await receiveWebhookReport(admin, {
      type: 'hard_bounce',
      recipient: message.to_address,
      messageId: message.message_id,
    });
    expect(
      (await stats(campaign.id, { from: '2026-03-02', to: '2026-03-02' })).figures,
    ).toMatchObject({
      emailsSent: 1,
      emailsBounced: 1,
      emailsDelivered: 0,
    });
    expect((await stats(campaign.id, { from: '2026-03-03' })).figures).toMatchObject({
      emailsSent: 0,
      emailsBounced: 0,
    });
  });
});

describe('the scope', () => {
  it('buckets only over the life of the campaigns, however long the period asked for', async () => {
    await createPatron(t.db);
    await phoneCampaign();
    clock.advance(DAY);
    const scope = await figureScope(
      t.db,
      null,
      { from: '2000-01-01', to: '2099-12-31' },
      'America/Toronto',
      clock.now(),
    );
    expect(scope).toMatchObject({
      from: '2000-01-01T05:00:00.000Z',
      until: '2100-01-01T05:00:00.000Z',
      span: { start: '2026-03-02T15:00:00.000Z', end: '2026-03-03T15:00:00.000Z' },
    });
  });
});

describe('services', () => {
  it('counts distinct patrons told about and wanting each service, named in the language asked', async () => {
    for (let i = 0; i < 3; i++) await createPatron(t.db);
    const campaign = await phoneCampaign({
      serviceKeys: ['curbside', 'enewsletter', 'eresources'],
    });
    await call(caller(0), campaign.id, () => ({
      outcome: 'reached',
      servicesToldAbout: ['curbside', 'enewsletter'],
      servicesWanted: ['curbside'],
    }));
    await call(
      caller(0),
      campaign.id,
      () => ({
        outcome: 'callback',
        servicesToldAbout: ['curbside'],
      }),
      { callbackAt: new Date(clock.now().getTime() + HOUR).toISOString() },
    );
    await call(caller(0), campaign.id, () => ({
      outcome: 'reached',
      servicesToldAbout: ['digital-card'],
      servicesWanted: ['digital-card', 'unknown-service'],
    }));
    // The same patron told about curbside again on the callback: still one patron.
    clock.advance(2 * HOUR);
    await call(caller(0), campaign.id, () => ({
      outcome: 'reached',
      servicesToldAbout: ['curbside'],
      servicesWanted: ['curbside'],
    }));

    const english = await stats(campaign.id);
    expect(english.services).toEqual([
      { key: 'enewsletter', name: 'eNewsletter', toldAbout: 1, wanted: 0 },
      { key: 'curbside', name: 'Curbside service', toldAbout: 2, wanted: 2 },
      { key: 'digital-card', name: expect.any(String), toldAbout: 1, wanted: 1 },
      { key: 'eresources', name: expect.any(String), toldAbout: 0, wanted: 0 },
      { key: 'unknown-service', name: 'unknown-service', toldAbout: 0, wanted: 1 },
    ]);
    const french = await stats(campaign.id, { language: 'fr' });
    expect(french.services.slice(0, 2).map((s) => s.name)).toEqual([
      'Infolettre',
      'Cueillette à la porte',
    ]);
  });
});

describe('series', () => {
  it('fills every day of the period with zeros and groups weeks from Monday', async () => {
    await household(['Maria', 'Giovanni']);
    for (let i = 0; i < 3; i++) await createPatron(t.db);
    const campaign = await phoneCampaign();
    // Mon 2 March: the household (one call, two reached) and a voicemail.
    await call(caller(0), campaign.id, 'reached');
    await call(caller(0), campaign.id, 'voicemail');
    // Wed 4 March: a reached.
    clock.set('2026-03-04T15:00:00.000Z');
    await call(caller(1), campaign.id, 'reached');
    // Tue 10 March 00:30 Toronto (EDT since Sunday 8 March) = 04:30 UTC: the 10th on both engines.
    clock.set('2026-03-10T04:30:00.000Z');
    await call(caller(1), campaign.id, 'declined');

    const result = await stats(campaign.id, { from: '2026-03-01', to: '2026-03-10' });
    const point = (date: string, calls: number, patronsReached: number) => ({
      date,
      calls,
      patronsReached,
      emailsSent: 0,
    });
    expect(result.daily).toEqual([
      point('2026-03-01', 0, 0),
      point('2026-03-02', 2, 2),
      point('2026-03-03', 0, 0),
      point('2026-03-04', 1, 1),
      point('2026-03-05', 0, 0),
      point('2026-03-06', 0, 0),
      point('2026-03-07', 0, 0),
      point('2026-03-08', 0, 0),
      point('2026-03-09', 0, 0),
      point('2026-03-10', 1, 1),
    ]);
    expect(result.weekly).toEqual([
      point('2026-02-23', 0, 0),
      point('2026-03-02', 3, 3),
      point('2026-03-09', 1, 1),
    ]);
    expect(result.figures.callsMade).toBe(4);
  });

  it('without a period, runs from the first to the last day with data; e-mails by day sent', async () => {
    await emailPatron({ phone: null });
    await createPatron(t.db);
    const campaign = await phoneCampaign({ channel: 'phone_then_email' });
    clock.set('2026-03-03T15:00:00.000Z');
    await call(caller(0), campaign.id, 'reached');
    clock.set('2026-03-05T15:00:00.000Z');
    await mailCampaign(campaign.id);

    const result = await stats(campaign.id);
    expect(result.daily.map((d) => [d.date, d.calls, d.patronsReached, d.emailsSent])).toEqual([
      ['2026-03-03', 1, 1, 0],
      ['2026-03-04', 0, 0, 0],
      ['2026-03-05', 0, 0, 1],
    ]);
    expect(result.weekly).toEqual([
      { date: '2026-03-02', calls: 1, patronsReached: 1, emailsSent: 1 },
    ]);
  });

  it('is empty with no data and no period; counts a patron once per day and once per week', async () => {
    await createPatron(t.db);
    const campaign = await phoneCampaign({ attemptGapHours: 1 });
    expect(await stats(campaign.id)).toMatchObject({ daily: [], weekly: [] });
    await call(caller(0), campaign.id, 'callback', {
      callbackAt: new Date(clock.now().getTime() + HOUR).toISOString(),
    });
    clock.advance(2 * HOUR);
    await call(caller(0), campaign.id, 'reached');
    const result = await stats(campaign.id);
    expect(result.daily).toEqual([
      { date: '2026-03-02', calls: 2, patronsReached: 1, emailsSent: 0 },
    ]);
    expect(result.weekly).toEqual([
      { date: '2026-03-02', calls: 2, patronsReached: 1, emailsSent: 0 },
    ]);
  });

  it('keeps at most the last 400 days', async () => {
    await createPatron(t.db);
    const campaign = await phoneCampaign();
    const result = await stats(campaign.id, { from: '2025-01-01', to: '2026-03-31' });
    expect(result.daily).toHaveLength(400);
    expect(result.daily[0]?.date).toBe(addDays('2026-03-31', -399));
    expect(result.daily.at(-1)?.date).toBe('2026-03-31');
    expect(result.weekly[0]?.date).toBe(mondayOf(addDays('2026-03-31', -399)));
  });

  it('buckets by the library’s own time zone', async () => {
    await updateLibrarySettings(admin, { timeZone: 'America/Vancouver' });
    await createPatron(t.db);
    const campaign = await phoneCampaign();
    // 05:00 UTC on the 3rd = 21:00 on the 2nd in Vancouver (and 00:00 on the 3rd in Toronto).
    clock.set('2026-03-03T05:00:00.000Z');
    await call(caller(0), campaign.id, 'reached');
    const result = await stats(campaign.id);
    expect(result.scope.timeZone).toBe('America/Vancouver');
    expect(result.daily.map((d) => d.date)).toEqual(['2026-03-02']);
    expect((await stats(campaign.id, { from: '2026-03-03' })).figures.callsMade).toBe(0);
  });
});

describe('per caller', () => {
  it('lists each staff member’s calls, patrons reached and e-mails sent; viewers get none', async () => {
    await household(['Maria', 'Giovanni']);
    await createPatron(t.db);
    await emailPatron({ phone: null });
    const campaign = await phoneCampaign({ channel: 'phone_then_email' });
    const first = await call(caller(0), campaign.id, 'reached');
    expect(first.patrons).toHaveLength(2);
    await call(caller(1), campaign.id, 'voicemail');
    // The coordinator sends the campaign's e-mail step: the e-mail counts for them.
    await mailCampaign(campaign.id);

    const result = await stats(campaign.id);
    expect(result.callers).toEqual([
      {
        callerId: callers[0]!.actor.id,
        name: 'Ana Caller',
        calls: 1,
        patronsReached: 2,
        emailsSent: 0,
      },
      {
        callerId: callers[1]!.actor.id,
        name: 'Ben Caller',
        calls: 1,
        patronsReached: 0,
        emailsSent: 0,
      },
      { callerId: coordinator.actor!.id, name: 'Cora', calls: 0, patronsReached: 0, emailsSent: 1 },
    ]);
    const viewer = testCtx(t.db, await createStaff(t.db, 'viewer'), clock);
    const seen = await getCampaignStats(viewer, campaign.id, {});
    expect(seen.callers).toBeNull();
    expect(seen.figures).toEqual(result.figures);
  });
});

describe('library-wide', () => {
  it('adds up every campaign, counting each patron once', async () => {
    await createPatron(t.db);
    await createPatron(t.db);
    const spring = await phoneCampaign({ name: 'Spring' });
    const summer = await phoneCampaign({ name: 'Summer' });
    await call(caller(0), spring.id, 'reached');
    await call(caller(0), spring.id, 'voicemail');
    await call(caller(1), summer.id, 'reached');

    const a = await stats(spring.id);
    const b = await stats(summer.id);
    expect(a.figures).toMatchObject({ audience: 2, callsMade: 2, patronsCalled: 2, reached: 1 });
    expect(b.figures).toMatchObject({ audience: 2, callsMade: 1, patronsCalled: 1, reached: 1 });

    const library = await getLibraryStats(coordinator, {});
    expect(library.scope).toMatchObject({ campaignId: null, campaignName: null });
    expect(library.figures).toMatchObject({
      audience: 2,
      callsMade: 3,
      reached: 2,
      voicemail: 1,
    });
    // The patron each campaign reached may be the same one or two different ones.
    const reachedIds = await t.db
      .selectFrom('attempts')
      .select('patron_id')
      .where('contact', '=', 1)
      .distinct()
      .execute();
    expect(library.figures.patronsReachedByPhone).toBe(reachedIds.length);
    expect(library.figures.patronsCalled).toBe(2);
    expect(library.callers?.map((c) => [c.name, c.calls])).toEqual([
      ['Ana Caller', 2],
      ['Ben Caller', 1],
    ]);
    expect(library.daily).toEqual([
      { date: '2026-03-02', calls: 3, patronsReached: reachedIds.length, emailsSent: 0 },
    ]);
  });
});

describe('calendar helpers', () => {
  it('turns calendar days into UTC instants at the zone’s day boundaries, across DST', () => {
    expect(dayStart('2026-03-02', 'America/Toronto').toISOString()).toBe(
      '2026-03-02T05:00:00.000Z',
    );
    expect(dayStart('2026-03-09', 'America/Toronto').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    expect(dayStart('2026-03-08', 'America/Toronto').toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(dayStart('2026-11-01', 'America/Toronto').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(dayStart('2026-06-01', 'UTC').toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(periodOf({ from: '2026-03-07', to: '2026-03-08' }, 'America/Toronto')).toEqual({
      from: '2026-03-07T05:00:00.000Z',
      until: '2026-03-09T04:00:00.000Z',
    });
    expect(periodOf({}, 'America/Toronto')).toEqual({ from: null, until: null });
    expect(utcOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'), 'America/St_Johns')).toBe(-150);
    expect(localDate(Date.parse('2026-03-03T04:30:00Z'), 'America/Toronto')).toBe('2026-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('finds the zone’s offset changes to the minute', () => {
    const segments = offsetSegments(
      'America/Toronto',
      Date.parse('2026-01-01T00:00:00Z'),
      Date.parse('2026-12-31T00:00:00Z'),
    );
    expect(
      segments.map((s) => [
        Number.isFinite(s.from) ? new Date(s.from).toISOString() : null,
        s.minutes,
      ]),
    ).toEqual([
      [null, -300],
      ['2026-03-08T07:00:00.000Z', -240],
      ['2026-11-01T06:00:00.000Z', -300],
    ]);
  });
});

describe('docs/reference/figures.md', () => {
  it('defines every figure, with the label the code uses', () => {
    const doc = fs.readFileSync(
      new URL('../../../docs/reference/figures.md', import.meta.url),
      'utf8',
    );
    for (const key of FIGURE_KEYS) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${key}\` |`));
      expect(row, key).toBeDefined();
      expect(row).toContain(`| ${FIGURE_DEFINITIONS[key].label} |`);
    }
  });
});
