import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx, type TestClock } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { testMailDeps } from '../../../tests/helpers/http.js';
import { startSmtpSink } from '../../../tests/helpers/smtp-sink.js';
import type { CallCard, PatronOutcomeInput } from '../../shared/schemas/calls.js';
import type { Campaign } from '../../shared/schemas/campaigns.js';
import { claimNextPatron } from '../calling/claims.service.js';
import { markDoNotCall, recordOutcome } from '../calling/outcomes.service.js';
import type { Actor, Ctx } from '../context.js';
import { updateMailSettings } from '../email/settings.service.js';
import { MailWorker } from '../email/worker.js';
import { updateLibrarySettings } from '../library/library.service.js';
import {
  acknowledgeEscalation,
  addEscalationAction,
  closeEscalation,
  getEscalation,
  listEscalations,
  raiseEscalation,
} from './escalations.service.js';
import { notifyEscalations } from './notifications.js';
import { FollowUpJobs } from './jobs.js';
import {
  enrolRecurringCalls,
  listRecurringCalls,
  updateRecurringCalls,
} from './recurring.service.js';
import { nextOccurrence } from './recurring-schedule.js';
import {
  createReferralService,
  listReferralServices,
  updateReferralService,
} from './directory.service.js';
import { createReferral, listReferrals } from './referrals.service.js';
import { purgeSensitiveNotes } from './retention.js';
import { getTask, listTasks, sendTaskEmail, updateTask } from './tasks.service.js';
import { createTeam, ensureStarterTeams, listTeams } from './teams.service.js';
import { getWorkSummary, listMyCallbacks } from './work.service.js';

const PUBLIC_URL = 'http://localhost:3000';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

let t: TestDatabase;
let clock: TestClock;
let admin: Ctx;
let coordinator: Ctx;
let coordinatorActor: Actor;
let callerActor: Actor;
let caller: Ctx;
let otherCaller: Ctx;
let otherCallerActor: Actor;
let campaign: Campaign;

beforeEach(async () => {
  t = await createTestDb();
  // A Monday, 15:00 UTC = 10:00 in Toronto.
  clock = testClock('2026-03-02T15:00:00.000Z');
  admin = testCtx(t.db, await createStaff(t.db, 'admin'), clock);
  coordinatorActor = await createStaff(t.db, 'coordinator', { name: 'Cora Ordinator' });
  coordinator = testCtx(t.db, coordinatorActor, clock);
  callerActor = await createStaff(t.db, 'caller', { name: 'Cal Ler' });
  caller = testCtx(t.db, callerActor, clock);
  otherCallerActor = await createStaff(t.db, 'caller', { name: 'Olive Other' });
  otherCaller = testCtx(t.db, otherCallerActor, clock);
});
afterEach(() => t.destroy());

async function claim(ctx: Ctx): Promise<CallCard> {
  const result = await claimNextPatron(ctx, campaign.id);
  if (result.status !== 'claimed') throw new Error(`no claim: ${JSON.stringify(result)}`);
  return result.call;
}

/** One patron on a launched campaign, and a call to them by `ctx` recorded with `outcome`. */
async function callWith(ctx: Ctx, outcome: Partial<PatronOutcomeInput>): Promise<CallCard> {
  const card = await claim(ctx);
  const patron = card.patrons[0];
  if (!patron) throw new Error('no patron');
  await recordOutcome(ctx, card.claimId, {
    token: card.token,
    outcomes: [{ patronId: patron.patronId, outcome: 'reached', ...outcome }],
  });
  return card;
}

async function onePatronCampaign(overrides: Parameters<typeof createPatron>[1] = {}) {
  const patron = await createPatron(t.db, {
    firstName: 'Rosa',
    lastName: 'Diaz',
    emails: ['rosa@example.org'],
    ...overrides,
  });
  campaign = await launchTestCampaign(coordinator);
  return patron;
}

describe('a call hands on what it heard', () => {
  it('turns an information request into a task for the caller (or a team) and wanted services into tasks', async () => {
    const patron = await onePatronCampaign();
    const [desk] = await listTeams(coordinator);
    await callWith(caller, {
      informationRequest: 'Help me set up the e-book app\nShe has an iPad.',
      servicesWanted: ['eresources', 'curbside'],
    });
    const mine = await listTasks(caller, { scope: 'mine' });
    expect(mine.map((x) => [x.type, x.title])).toEqual([
      ['information', 'Help me set up the e-book app'],
      ['service_help', 'Help with eResources'],
    ]);
    expect(mine[0]).toMatchObject({
      patronId: patron.id,
      owner: { id: callerActor.id },
      campaignId: campaign.id,
      overdue: false,
      status: 'open',
    });
    // Due after the library's default (2 days); overdue once that passes.
    expect(mine[0]?.dueAt).toBe(new Date(clock.now().getTime() + 2 * DAY).toISOString());
    clock.advance(2 * DAY + 1000);
    expect((await listTasks(caller, { overdue: true })).length).toBe(2);
    expect(await getWorkSummary(caller)).toMatchObject({ myTasks: 2, myOverdueTasks: 2 });

    // Given to the information desk instead: nobody owns it until a member takes it.
    await t.db.updateTable('call_list').set({ state: 'waiting', next_attempt_at: null }).execute();
    await t.db
      .insertInto('team_members')
      .values({ team_id: desk?.id ?? 0, user_id: otherCallerActor.id })
      .execute();
    await callWith(caller, {
      informationRequest: 'What programs are online?',
      requestTask: { type: 'information', teamId: desk?.id ?? 0 },
    });
    const teamTasks = await listTasks(otherCaller, { scope: 'team' });
    expect(teamTasks.map((x) => [x.title, x.owner, x.team?.name])).toEqual([
      ['What programs are online?', null, 'Virtual information desk'],
    ]);
    expect((await getWorkSummary(otherCaller)).teamTasks).toBe(1);
    const taken = await updateTask(otherCaller, teamTasks[0]?.id ?? 0, {
      ownerId: otherCallerActor.id,
      status: 'in_progress',
    });
    expect(taken.owner?.id).toBe(otherCallerActor.id);
    // A caller cannot give a task to someone else, nor see a task that is not theirs.
    await expect(
      updateTask(otherCaller, taken.id, { ownerId: callerActor.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const callersTask = mine[0]?.id ?? 0;
    await expect(getTask(otherCaller, callersTask)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Viewing a task is audited.
    await getTask(caller, callersTask);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('action', '=', 'task.view')
      .execute();
    expect(audit).toEqual([{ action: 'task.view', object_id: String(callersTask) }]);
    // Handed on to a team they are not in: saved, and answered as it now stands, though they
    // no longer see it.
    const tech = await createTeam(coordinator, { name: 'Tech help', memberIds: [] });
    const handed = await updateTask(otherCaller, taken.id, { ownerId: null, teamId: tech.id });
    expect(handed).toMatchObject({ owner: null, team: { name: 'Tech help' } });
    await expect(getTask(otherCaller, taken.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('closes a "send the link" task by sending the follow-up e-mail', async () => {
    await onePatronCampaign();
    await callWith(caller, {
      informationRequest: 'Send the digital card link',
      requestTask: { type: 'send_link', teamId: null },
    });
    const [task] = await listTasks(caller);
    const template = await t.db
      .selectFrom('email_templates')
      .select('id')
      .where('starter_key', '=', 'link-you-asked-for')
      .executeTakeFirstOrThrow();
    const done = await sendTaskEmail(caller, testMailDeps(), task?.id ?? 0, {
      templateId: template.id,
      serviceKeys: ['digital-card'],
    });
    expect(done).toMatchObject({ status: 'done', type: 'send_link' });
    expect(done.notes.map((n) => n.text)).toEqual(['E-mail sent to r•••@example.org']);
    const outbox = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({
      id: done.outboxId,
      kind: 'follow_up',
      to_address: 'rosa@example.org',
      campaign_id: campaign.id,
    });
    await expect(
      sendTaskEmail(caller, testMailDeps(), done.id, { templateId: template.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('wellbeing escalations', () => {
  it('tells coordinators at once, e-mails urgent ones, re-notifies until acknowledged', async () => {
    const patron = await onePatronCampaign();
    await callWith(caller, {
      concern: { level: 'urgent', note: 'Fell last week, alone, no food in the house.' },
    });
    const [waiting] = await listEscalations(coordinator);
    expect(waiting).toMatchObject({
      level: 'urgent',
      status: 'open',
      patronId: patron.id,
      raisedBy: 'Cal Ler',
      notifications: 0,
    });
    expect(await getWorkSummary(coordinator)).toMatchObject({
      escalationsWaiting: 1,
      urgentWaiting: 1,
    });
    // The caller sees only the ones they raised; another caller none.
    expect(await listEscalations(caller)).toHaveLength(1);
    expect(await listEscalations(otherCaller)).toHaveLength(0);
    await expect(getEscalation(otherCaller, waiting?.id ?? 0)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    expect(await notifyEscalations(admin, PUBLIC_URL)).toBe(1);
    const firstMail = await t.db.selectFrom('outbox').selectAll().execute();
    expect(firstMail.map((m) => [m.kind, m.to_address, m.patron_id, m.campaign_id])).toEqual([
      ['notification', coordinatorActor.email, null, null],
    ]);
    expect(firstMail[0]?.text).toContain('Fell last week, alone, no food in the house.');
    expect(firstMail[0]?.text).toContain(`${PUBLIC_URL}/escalations/${waiting?.id ?? 0}`);
    // Nothing more until the acknowledgement time has passed.
    expect(await notifyEscalations(admin, PUBLIC_URL)).toBe(0);
    clock.advance(29 * 60_000);
    expect(await notifyEscalations(admin, PUBLIC_URL)).toBe(0);
    clock.advance(60_000);
    expect(await notifyEscalations(admin, PUBLIC_URL)).toBe(1);
    const reminders = await t.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('id', '>', firstMail[0]?.id ?? 0)
      .orderBy('id')
      .execute();
    // Re-notified to the coordinators and the admins.
    expect(reminders.map((r) => r.to_address).sort()).toEqual(
      [coordinatorActor.email, admin.actor?.email].sort(),
    );
    expect(reminders[0]?.subject).toMatch(/^Reminder, not yet acknowledged/);

    const acknowledged = await acknowledgeEscalation(coordinator, waiting?.id ?? 0, {
      text: 'Calling her now',
    });
    expect(acknowledged).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'Cora Ordinator',
    });
    clock.advance(2 * HOUR);
    expect(await notifyEscalations(admin, PUBLIC_URL)).toBe(0);
    await expect(acknowledgeEscalation(coordinator, waiting?.id ?? 0)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await addEscalationAction(coordinator, waiting?.id ?? 0, {
      text: 'Spoke with her daughter; meals arranged.',
    });
    const closed = await closeEscalation(coordinator, waiting?.id ?? 0, {
      resolution: 'Referred to Meals on Wheels; daughter visiting daily.',
    });
    expect(closed.status).toBe('closed');
    expect(closed.actions.map((a) => a.kind)).toEqual([
      'notified',
      'notified',
      'acknowledged',
      'action',
      'closed',
    ]);
    // A caller may not act on escalations.
    await expect(addEscalationAction(caller, closed.id, { text: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lists waiting ones first, urgent first, then oldest first', async () => {
    const patron = await onePatronCampaign();
    const raise = async (level: 'more_contact' | 'practical_help' | 'urgent') => {
      clock.advance(60_000);
      return raiseEscalation(caller, {
        patronId: patron.id,
        campaignId: campaign.id,
        attemptId: null,
        level,
        source: 'call',
        note: level,
      });
    };
    const older = await raise('more_contact');
    const urgentAcknowledged = await raise('urgent');
    const practical = await raise('practical_help');
    const urgent = await raise('urgent');
    await acknowledgeEscalation(coordinator, urgentAcknowledged);
    expect((await listEscalations(coordinator)).map((e) => e.id)).toEqual([
      urgent,
      practical,
      older,
      urgentAcknowledged,
    ]);
    // With a limit, the most pressing are kept.
    expect((await listEscalations(coordinator, { limit: 1 })).map((e) => e.id)).toEqual([urgent]);
  });

  it('notifies a concern that is not urgent in the app only', async () => {
    await onePatronCampaign();
    await callWith(caller, { concern: { level: 'more_contact', note: 'Lonely since her move.' } });
    expect(await notifyEscalations(admin, PUBLIC_URL)).toBe(1);
    expect(await t.db.selectFrom('outbox').select('id').execute()).toEqual([]);
    clock.advance(DAY);
    expect(await notifyEscalations(admin, PUBLIC_URL)).toBe(0);
  });

  it('sends the notice through the real SMTP relay, in the coordinator’s language', async () => {
    const sink = await startSmtpSink();
    try {
      const mail = testMailDeps();
      await updateMailSettings(admin, mail, {
        mode: 'smtp',
        host: sink.host,
        port: sink.port,
        security: 'none',
        fromName: 'Maple Public Library',
        fromAddress: 'outreach@library.example.org',
        perMinute: 0,
        perDay: 0,
        connections: 1,
      });
      await t.db
        .updateTable('users')
        .set({ language: 'fr' })
        .where('id', '=', coordinatorActor.id)
        .execute();
      await onePatronCampaign();
      await callWith(caller, { concern: { level: 'urgent', note: 'Douleur à la poitrine.' } });
      const worker = new MailWorker({ db: t.db, now: clock.now, log: admin.log, mail });
      const jobs = new FollowUpJobs({
        db: t.db,
        now: clock.now,
        log: admin.log,
        publicUrl: PUBLIC_URL,
        wakeMail: () => worker.wake(),
      });
      expect((await jobs.runOnce()).notified).toBe(1);
      await worker.runOnce();
      const [message] = await sink.waitFor(1);
      expect(message?.to).toEqual([coordinatorActor.email]);
      const parsed = await simpleParser(message?.raw ?? '');
      expect(parsed.subject).toBe('Préoccupation urgente pour le bien-être signalée par Cal Ler');
      expect(parsed.text).toContain('Douleur à la poitrine.');
      const row = await t.db.selectFrom('outbox').select('state').executeTakeFirstOrThrow();
      expect(row.state).toBe('sent');
      // Notices are not attempts on the patron's record.
      const attempts = await t.db.selectFrom('attempts').select('outcome').execute();
      expect(attempts.map((a) => a.outcome)).toEqual(['reached']);
    } finally {
      await sink.stop();
    }
  });
});

describe('referrals', () => {
  it('are made with consent, become a follow-up task, and keep their notes private', async () => {
    const patron = await onePatronCampaign();
    await callWith(caller, { concern: { level: 'practical_help', note: 'Cannot get groceries.' } });
    const [escalation] = await listEscalations(coordinator);
    const services = await listReferralServices(caller);
    expect(services.map((s) => s.name)).toEqual([
      '211 Ontario',
      '988 Suicide Crisis Helpline',
      'Seniors Safety Line',
    ]);
    const meals = await createReferralService(coordinator, {
      name: 'Meals on Wheels York',
      helpsWith: 'Hot meals delivered',
      phone: '905-555-0188',
      website: 'https://meals.example.org',
      languages: ['English', 'Italian'],
    });
    await expect(
      createReferralService(coordinator, { name: 'Meals on Wheels York' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      createReferral(coordinator, {
        patronId: patron.id,
        serviceId: meals.id,
        consent: false as unknown as true,
        followUpAt: '2026-03-09T15:00:00.000Z',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const referral = await createReferral(coordinator, {
      patronId: patron.id,
      serviceId: meals.id,
      consent: true,
      shared: 'Name, address, phone; needs diabetic meals',
      note: 'Daughter lives in Ottawa',
      followUpAt: '2026-03-09T15:00:00.000Z',
      escalationId: escalation?.id ?? null,
    });
    expect(referral).toMatchObject({
      serviceName: 'Meals on Wheels York',
      shared: 'Name, address, phone; needs diabetic meals',
    });
    const task = await getTask(coordinator, referral.taskId ?? 0);
    expect(task).toMatchObject({
      type: 'referral_check',
      title: 'Check the referral to Meals on Wheels York worked',
      dueAt: '2026-03-09T15:00:00.000Z',
      owner: { id: coordinatorActor.id },
      referral: { serviceName: 'Meals on Wheels York', note: 'Daughter lives in Ottawa' },
    });
    const withReferral = await getEscalation(coordinator, escalation?.id ?? 0);
    expect(withReferral.actions.map((a) => [a.kind, a.text])).toContainEqual([
      'referred',
      'Meals on Wheels York',
    ]);
    // The caller who raised the concern sees the referral exists, but not its notes.
    const seenByCaller = await getEscalation(caller, escalation?.id ?? 0);
    // Nor the patron's numbers and addresses: those only while on their call.
    expect(seenByCaller.patron).toMatchObject({ name: 'Rosa Diaz', phones: [], emails: [] });
    expect(withReferral.patron.emails).toEqual(['r•••@example.org']);
    expect(seenByCaller.referrals).toEqual([
      expect.objectContaining({ serviceName: 'Meals on Wheels York', shared: '', note: '' }),
    ]);
    // Given to the caller, the follow-up task lets them read them.
    await updateTask(coordinator, task.id, { ownerId: callerActor.id });
    expect((await getTask(caller, task.id)).referral?.shared).toBe(
      'Name, address, phone; needs diabetic meals',
    );
    expect((await listReferrals(caller, { patronId: patron.id }))[0]?.note).toBe(
      'Daughter lives in Ottawa',
    );
    // Another caller sees nothing of it.
    expect(await listReferrals(otherCaller, { patronId: patron.id })).toEqual([]);
    await expect(
      createReferral(otherCaller, {
        patronId: patron.id,
        serviceId: meals.id,
        consent: true,
        followUpAt: '2026-03-09T15:00:00.000Z',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Archived services cannot be referred to.
    await updateReferralService(coordinator, meals.id, { name: meals.name, archived: true });
    await expect(
      createReferral(coordinator, {
        patronId: patron.id,
        serviceId: meals.id,
        consent: true,
        followUpAt: '2026-03-09T15:00:00.000Z',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('recurring friendly calls', () => {
  it('computes the next call at the same local time across a DST change', () => {
    // Sunday 8 March 2026: Toronto moves from -05:00 to -04:00.
    const before = new Date('2026-03-05T15:00:00.000Z'); // Thursday 10:00 EST
    expect(nextOccurrence(before, 'weekly', 'America/Toronto').toISOString()).toBe(
      '2026-03-12T14:00:00.000Z', // Thursday 10:00 EDT
    );
    expect(nextOccurrence(before, 'fortnightly', 'America/Toronto').toISOString()).toBe(
      '2026-03-19T14:00:00.000Z',
    );
    expect(
      nextOccurrence(
        new Date('2026-01-31T15:00:00.000Z'),
        'monthly',
        'America/Toronto',
      ).toISOString(),
    ).toBe('2026-02-28T15:00:00.000Z');
  });

  it('schedules each call for the same caller, lets anyone take a late one, and escalates missed ones', async () => {
    const patron = await onePatronCampaign();
    const card = await claim(caller);
    // Enrolled during the call that found out she would like them.
    const enrolled = await enrolRecurringCalls(caller, {
      patronId: patron.id,
      campaignId: campaign.id,
      frequency: 'weekly',
      firstCallAt: '2026-03-09T15:00:00.000Z',
      proof: { claimId: card.claimId, token: card.token },
    });
    expect(enrolled).toMatchObject({ caller: { id: callerActor.id }, status: 'active' });
    await recordOutcome(caller, card.claimId, {
      token: card.token,
      outcomes: [{ patronId: patron.id, outcome: 'reached' }],
    });
    // The enrolling call does not move the schedule.
    expect((await listRecurringCalls(caller))[0]?.nextCallAt).toBe('2026-03-09T15:00:00.000Z');
    await expect(
      enrolRecurringCalls(coordinator, {
        patronId: patron.id,
        campaignId: campaign.id,
        frequency: 'monthly',
        firstCallAt: '2026-03-10T15:00:00.000Z',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // On the caller's list of callbacks, as a recurring call; on nobody else's.
    expect(await listMyCallbacks(caller)).toEqual([
      expect.objectContaining({
        campaignId: campaign.id,
        patronName: 'Rosa Diaz',
        at: '2026-03-09T15:00:00.000Z',
        due: false,
        recurring: true,
      }),
    ]);
    expect(await listMyCallbacks(otherCaller)).toEqual([]);
    // Not due yet; then due, for the preferred caller only.
    expect((await claimNextPatron(caller, campaign.id)).status).toBe('none');
    clock.set('2026-03-09T15:00:00.000Z');
    expect((await claimNextPatron(otherCaller, campaign.id)).status).toBe('none');
    expect(await getWorkSummary(caller)).toMatchObject({ recurringDue: 1 });
    const due = await claim(caller);
    expect(due.isCallback).toBe(true);
    await recordOutcome(caller, due.claimId, {
      token: due.token,
      outcomes: [{ patronId: patron.id, outcome: 'reached' }],
    });
    expect((await listRecurringCalls(caller))[0]).toMatchObject({
      nextCallAt: '2026-03-16T15:00:00.000Z',
      missedInRow: 0,
    });

    // A day late: anyone may take it.
    clock.set('2026-03-17T15:30:00.000Z');
    const jobs = new FollowUpJobs({
      db: t.db,
      now: clock.now,
      log: admin.log,
      publicUrl: PUBLIC_URL,
    });
    expect((await jobs.runOnce()).opened).toBe(1);
    // Three unanswered in a row raise an escalation (the library's default); the late one went to
    // another caller, the next ones are the preferred caller's again.
    for (const [at, outcome, who] of [
      ['2026-03-17T15:30:00.000Z', 'no_answer', otherCaller],
      ['2026-03-23T15:00:00.000Z', 'voicemail', caller],
      ['2026-03-30T15:00:00.000Z', 'busy', caller],
    ] as const) {
      clock.set(at);
      if (who === caller)
        expect((await claimNextPatron(otherCaller, campaign.id)).status).toBe('none');
      const missed = await claim(who);
      await recordOutcome(who, missed.claimId, {
        token: missed.token,
        outcomes: [{ patronId: patron.id, outcome }],
      });
    }
    const [escalation] = await listEscalations(coordinator);
    expect(escalation).toMatchObject({ source: 'missed_calls', level: 'practical_help' });
    expect((await listRecurringCalls(coordinator, { scope: 'all' }))[0]).toMatchObject({
      missedInRow: 3,
      nextCallAt: '2026-04-06T15:00:00.000Z',
      status: 'active',
    });

    // The preferred caller hands them to anyone: saved, and answered as they now stand.
    const handed = await updateRecurringCalls(caller, enrolled.id, { callerId: null });
    expect(handed.caller).toBeNull();
    await updateRecurringCalls(coordinator, enrolled.id, { callerId: callerActor.id });
    // Paused: off the call list; resumed: the next occurrence still ahead.
    const paused = await updateRecurringCalls(coordinator, enrolled.id, { status: 'paused' });
    expect(paused.status).toBe('paused');
    clock.set('2026-04-08T15:00:00.000Z');
    expect((await claimNextPatron(caller, campaign.id)).status).toBe('none');
    const resumed = await updateRecurringCalls(coordinator, enrolled.id, { status: 'active' });
    expect(resumed).toMatchObject({ nextCallAt: '2026-04-13T15:00:00.000Z', missedInRow: 0 });

    // A number no longer in service ends them.
    clock.set('2026-04-13T15:00:00.000Z');
    const last = await claim(caller);
    await recordOutcome(caller, last.claimId, {
      token: last.token,
      outcomes: [{ patronId: patron.id, outcome: 'not_in_service' }],
    });
    expect(
      (await listRecurringCalls(coordinator, { scope: 'all', status: 'any' }))[0],
    ).toMatchObject({
      status: 'ended',
      endedReason: 'not_in_service',
    });
  });

  it('ends when the patron asks not to be called, whichever campaign the call was on', async () => {
    const patron = await onePatronCampaign();
    const friendly = await launchTestCampaign(coordinator, { name: 'Friendly calls' });
    const enrolled = await enrolRecurringCalls(coordinator, {
      patronId: patron.id,
      campaignId: friendly.id,
      frequency: 'monthly',
      firstCallAt: '2026-03-09T15:00:00.000Z',
    });
    await markDoNotCall(coordinator, patron.id, {});
    expect(
      (await listRecurringCalls(coordinator, { scope: 'all', status: 'any' }))[0],
    ).toMatchObject({
      id: enrolled.id,
      status: 'ended',
      endedReason: 'do_not_call',
    });
  });

  it('refuses enrolment by a caller who is not on the patron’s call', async () => {
    const patron = await onePatronCampaign();
    await expect(
      enrolRecurringCalls(caller, {
        patronId: patron.id,
        campaignId: campaign.id,
        frequency: 'weekly',
        firstCallAt: '2026-03-09T15:00:00.000Z',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('teams', () => {
  it('are kept by coordinators; the information desk ships with the product', async () => {
    await ensureStarterTeams(admin);
    const team = await createTeam(coordinator, {
      name: 'Tech help',
      memberIds: [callerActor.id, otherCallerActor.id],
    });
    expect(team.members.map((m) => m.name)).toEqual(['Cal Ler', 'Olive Other']);
    expect((await listTeams(caller)).map((x) => x.name)).toEqual([
      'Tech help',
      'Virtual information desk',
    ]);
    await expect(createTeam(caller, { name: 'Mine' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('retention of sensitive notes', () => {
  it('empties concern, referral and task notes a year after their case closed, and keeps the counts', async () => {
    const patron = await onePatronCampaign();
    await callWith(caller, {
      concern: { level: 'urgent', note: 'Confused, says her son took her bank card.' },
      informationRequest: 'How to renew online',
    });
    const [escalation] = await listEscalations(coordinator);
    const [service] = await listReferralServices(coordinator);
    const referral = await createReferral(coordinator, {
      patronId: patron.id,
      serviceId: service?.id ?? 0,
      consent: true,
      shared: 'Her story about the bank card',
      followUpAt: '2026-03-09T15:00:00.000Z',
      escalationId: escalation?.id ?? null,
    });
    await closeEscalation(coordinator, escalation?.id ?? 0, { resolution: 'Police informed' });
    await updateTask(coordinator, referral.taskId ?? 0, {
      status: 'done',
      note: 'She called them',
    });
    await updateLibrarySettings(admin, { sensitiveNotesRetentionDays: 365 });

    clock.advance(364 * DAY);
    expect(await purgeSensitiveNotes(admin)).toMatchObject({ escalations: 0, tasks: 0 });
    clock.advance(2 * DAY);
    expect(await purgeSensitiveNotes(admin, { dryRun: true })).toMatchObject({
      escalations: 1,
      referrals: 1,
      tasks: 1,
    });
    expect(await purgeSensitiveNotes(admin)).toMatchObject({
      escalations: 1,
      referrals: 1,
      tasks: 1,
    });
    // The referral check's title named the service: emptied too.
    expect((await getTask(coordinator, referral.taskId ?? 0)).title).toBe('');
    const purged = await getEscalation(coordinator, escalation?.id ?? 0);
    expect(purged).toMatchObject({ note: '', resolution: '' });
    expect(purged.purgedAt).not.toBeNull();
    expect(purged.referrals[0]).toMatchObject({ shared: '', note: '' });
    const attempt = await t.db
      .selectFrom('attempts')
      .select(['concern_level', 'concern_note'])
      .executeTakeFirstOrThrow();
    // The level stays for the counts; the words are gone.
    expect(attempt).toEqual({ concern_level: 'urgent', concern_note: null });
    // The open information-request task is not closed: its words stay.
    const open = await listTasks(caller);
    expect((await getTask(caller, open[0]?.id ?? 0)).detail).toBe('How to renew online');
    await expect(purgeSensitiveNotes(coordinator)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
