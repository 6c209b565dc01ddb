import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx, type TestClock } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, signInCookie, testMailDeps } from '../../../tests/helpers/http.js';
import { closeEscalation } from '../../core/followups/escalations.service.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { CallCard, PatronOutcomeInput } from '../../shared/schemas/calls.js';
import type {
  Escalation,
  EscalationSummary,
  RecurringCalls,
  Referral,
  ReferralService,
  Task,
  TaskSummary,
  Team,
  WorkSummary,
} from '../../shared/schemas/followups.js';
import type { LibrarySettings } from '../../shared/schemas/library.js';
import type { Role } from '../../shared/roles.js';
import { buildApp, type AppInstance } from '../app.js';

type Who = Role | 'callerB';
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ROLES = ['admin', 'coordinator', 'caller', 'viewer'] as const;

let t: TestDatabase;
let app: AppInstance;
let clock: TestClock;
const cookies = {} as Record<Who, string>;
const actors = {} as Record<Who, Actor>;
let coordinator: Ctx;
let campaignId: number;
let rosa: { id: number };

beforeEach(async () => {
  t = await createTestDb();
  // A Monday, 10:00 in Toronto.
  clock = testClock('2026-03-02T15:00:00.000Z');
  app = await buildTestApp(t.db, clock);
  const names: Record<Who, string> = {
    admin: 'Ada Min',
    coordinator: 'Cora Ordinator',
    caller: 'Cal Ler',
    callerB: 'Olive Other',
    viewer: 'Vi Ewer',
  };
  for (const who of ['admin', 'coordinator', 'caller', 'callerB', 'viewer'] as const) {
    const role: Role = who === 'callerB' ? 'caller' : who;
    actors[who] = await createStaff(t.db, role, { name: names[who] });
    cookies[who] = await signInCookie(app, actors[who].email);
  }
  coordinator = testCtx(t.db, actors.coordinator, clock);
  rosa = await createPatron(t.db, {
    firstName: 'Rosa',
    lastName: 'Diaz',
    emails: ['rosa@example.org'],
  });
  campaignId = (await launchTestCampaign(coordinator)).id;
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

const call = (who: Who | null, method: Method, url: string, payload?: object) =>
  app.inject({
    method,
    url,
    ...(who !== null && { headers: { cookie: cookies[who] } }),
    ...(payload !== undefined && { payload }),
  });

/** Calls `url` and returns its JSON body, failing with the body when the status is not 200. */
async function ok<T>(who: Who, method: Method, url: string, payload?: object): Promise<T> {
  const response = await call(who, method, url, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

interface Issue {
  path: string;
  message: string;
}
interface ErrorJson {
  error: { code: string; message: string; details?: { issues?: Issue[]; field?: string } };
}

/**
 * A call made through the API, as the calling screen does it: take the next patron, then record
 * the outcome (with a concern, an information request…). Returns the card of the call.
 */
async function recordCall(
  who: Who,
  outcome: Partial<PatronOutcomeInput> = {},
  target: AppInstance = app,
  cookie: string = cookies[who],
): Promise<CallCard> {
  const claimed = await target.inject({
    method: 'POST',
    url: `/api/campaigns/${campaignId}/claims`,
    headers: { cookie },
  });
  expect(claimed.statusCode, claimed.body).toBe(200);
  const result = claimed.json<{ status: string; call?: CallCard }>();
  if (result.status !== 'claimed' || result.call === undefined)
    throw new Error(`no claim: ${claimed.body}`);
  const card = result.call;
  const patron = card.patrons[0];
  if (!patron) throw new Error('no patron on the call');
  const saved = await target.inject({
    method: 'POST',
    url: `/api/claims/${card.claimId}/outcome`,
    headers: { cookie },
    payload: {
      token: card.token,
      outcomes: [{ patronId: patron.patronId, outcome: 'reached', ...outcome }],
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return card;
}

async function starterServiceId(): Promise<number> {
  const row = await t.db
    .selectFrom('referral_services')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function templateId(key: string): Promise<number> {
  const row = await t.db
    .selectFrom('email_templates')
    .select('id')
    .where('starter_key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The one escalation of the test, as the coordinators' queue lists it. */
async function onlyEscalation(): Promise<EscalationSummary> {
  const [escalation, ...more] = await ok<EscalationSummary[]>(
    'coordinator',
    'GET',
    '/api/escalations',
  );
  expect(more).toEqual([]);
  if (!escalation) throw new Error('no escalation');
  return escalation;
}

/** Role × route for every follow-up route (TRUST SC-5); viewers only see the (empty) work summary. */
describe('role × route matrix for follow-ups', () => {
  /** What every route of the matrix acts on; made afresh for each case. */
  const f = {
    escalationId: 0,
    /** Caller A's information-request task about Rosa (from their call). */
    taskId: 0,
    serviceId: 0,
    recurringId: 0,
    teamId: 0,
    /** A second patron, not enrolled in recurring calls, with a task of caller A's about them. */
    otherPatronId: 0,
    otherTaskId: 0,
    templateId: 0,
  };

  beforeEach(async () => {
    await recordCall('caller', {
      concern: { level: 'practical_help', note: 'Cannot get groceries.' },
      informationRequest: 'How do I renew my card online?',
    });
    f.escalationId = (await onlyEscalation()).id;
    const [task] = await ok<TaskSummary[]>('caller', 'GET', '/api/tasks');
    f.taskId = task?.id ?? 0;
    f.serviceId = await starterServiceId();
    f.recurringId = (
      await ok<RecurringCalls>('coordinator', 'POST', '/api/recurring-calls', {
        patronId: rosa.id,
        campaignId,
        frequency: 'weekly',
        callerId: actors.caller.id,
        firstCallAt: '2026-03-09T15:00:00.000Z',
      })
    ).id;
    const [desk] = await ok<Team[]>('coordinator', 'GET', '/api/teams');
    f.teamId = desk?.id ?? 0;
    f.otherPatronId = (await createPatron(t.db, { firstName: 'Omar' })).id;
    f.otherTaskId = (
      await ok<Task>('coordinator', 'POST', '/api/tasks', {
        type: 'tech_help',
        patronId: f.otherPatronId,
        title: 'Set up the e-book app',
        ownerId: actors.caller.id,
      })
    ).id;
  });

  const routes: {
    name: string;
    method: Method;
    url: () => string;
    payload?: () => object;
    /** What must be true first (the reopen route needs a closed escalation). */
    before?: () => Promise<unknown>;
    allowed: readonly Role[];
  }[] = [
    {
      name: 'getWorkSummary',
      method: 'GET',
      url: () => '/api/work/summary',
      allowed: ROLES,
    },
    {
      name: 'listMyCallbacks',
      method: 'GET',
      url: () => '/api/work/callbacks',
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'listTasks',
      method: 'GET',
      url: () => '/api/tasks?scope=all',
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'createTask',
      method: 'POST',
      url: () => '/api/tasks',
      payload: () => ({
        type: 'information',
        patronId: rosa.id,
        title: 'Large-print books',
        proof: { taskId: f.taskId },
      }),
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'getTask',
      method: 'GET',
      url: () => `/api/tasks/${f.taskId}`,
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'updateTask',
      method: 'PATCH',
      url: () => `/api/tasks/${f.taskId}`,
      payload: () => ({ status: 'in_progress', note: 'Left a message' }),
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'sendTaskEmail',
      method: 'POST',
      url: () => `/api/tasks/${f.taskId}/email`,
      payload: () => ({ templateId: f.templateId, serviceKeys: ['digital-card'] }),
      before: async () => {
        f.templateId = await templateId('link-you-asked-for');
      },
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'listEscalations',
      method: 'GET',
      url: () => '/api/escalations',
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'getEscalation',
      method: 'GET',
      url: () => `/api/escalations/${f.escalationId}`,
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'acknowledgeEscalation',
      method: 'POST',
      url: () => `/api/escalations/${f.escalationId}/acknowledge`,
      payload: () => ({ text: 'Calling her now' }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'addEscalationAction',
      method: 'POST',
      url: () => `/api/escalations/${f.escalationId}/actions`,
      payload: () => ({ text: 'Spoke with her daughter' }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'closeEscalation',
      method: 'POST',
      url: () => `/api/escalations/${f.escalationId}/close`,
      payload: () => ({ resolution: 'Groceries delivered weekly' }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'reopenEscalation',
      method: 'POST',
      url: () => `/api/escalations/${f.escalationId}/reopen`,
      payload: () => ({ text: 'The delivery stopped' }),
      before: () => closeEscalation(coordinator, f.escalationId, { resolution: 'Sorted' }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'listReferralServices',
      method: 'GET',
      url: () => '/api/referral-services?includeArchived=true',
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'createReferralService',
      method: 'POST',
      url: () => '/api/referral-services',
      payload: () => ({ name: 'Meals on Wheels York', website: 'https://meals.example.org' }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'updateReferralService',
      method: 'PUT',
      url: () => `/api/referral-services/${f.serviceId}`,
      payload: () => ({ name: '211 Central', phone: '211' }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'createReferral',
      method: 'POST',
      url: () => '/api/referrals',
      payload: () => ({
        patronId: rosa.id,
        serviceId: f.serviceId,
        consent: true,
        shared: 'Name and phone',
        followUpAt: '2026-03-09T15:00:00.000Z',
        escalationId: f.escalationId,
        proof: { escalationId: f.escalationId },
      }),
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'listReferrals',
      method: 'GET',
      url: () => `/api/referrals?patronId=${rosa.id}`,
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'listRecurringCalls',
      method: 'GET',
      url: () => '/api/recurring-calls?scope=all&status=any',
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'enrolRecurringCalls',
      method: 'POST',
      url: () => '/api/recurring-calls',
      payload: () => ({
        patronId: f.otherPatronId,
        campaignId,
        frequency: 'monthly',
        firstCallAt: '2026-03-10T15:00:00.000Z',
        proof: { taskId: f.otherTaskId },
      }),
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'updateRecurringCalls',
      method: 'PATCH',
      url: () => `/api/recurring-calls/${f.recurringId}`,
      payload: () => ({ frequency: 'fortnightly' }),
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'listTeams',
      method: 'GET',
      url: () => '/api/teams',
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'createTeam',
      method: 'POST',
      url: () => '/api/teams',
      payload: () => ({ name: 'Tech help', memberIds: [actors.caller.id] }),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'updateTeam',
      method: 'PUT',
      url: () => `/api/teams/${f.teamId}`,
      payload: () => ({ name: 'Information desk', memberIds: [actors.callerB.id] }),
      allowed: ['admin', 'coordinator'],
    },
  ];

  it('covers every follow-up route', () => {
    const paths = app.swagger().paths as Record<
      string,
      Record<string, { operationId?: string; tags?: string[] }>
    >;
    const documented = Object.values(paths)
      .flatMap((operations) => Object.values(operations))
      .filter((operation) => operation.tags?.includes('follow-ups'))
      .map((operation) => operation.operationId);
    expect(routes.map((r) => r.name).sort()).toEqual(documented.sort());
  });

  for (const route of routes) {
    for (const role of ROLES) {
      const allowed = route.allowed.includes(role);
      it(`${route.name} is ${allowed ? 'allowed' : 'refused'} for a ${role}`, async () => {
        await route.before?.();
        const response = await call(role, route.method, route.url(), route.payload?.());
        if (allowed) expect(response.statusCode, response.body).toBe(200);
        else {
          expect(response.statusCode, response.body).toBe(403);
          expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
        }
      });
    }
    it(`${route.name} needs a session`, async () => {
      await route.before?.();
      expect((await call(null, route.method, route.url(), route.payload?.())).statusCode).toBe(401);
    });
  }

  it('gives a viewer an empty work summary, and a coordinator the escalations waiting', async () => {
    const zeros: WorkSummary = {
      myTasks: 0,
      myOverdueTasks: 0,
      teamTasks: 0,
      recurringDue: 0,
      escalationsWaiting: 0,
      urgentWaiting: 0,
    };
    expect(await ok<WorkSummary>('viewer', 'GET', '/api/work/summary')).toEqual(zeros);
    expect(await ok<WorkSummary>('coordinator', 'GET', '/api/work/summary')).toMatchObject({
      escalationsWaiting: 1,
      urgentWaiting: 0,
    });
    // Caller A: the information request and the tech-help task; escalations are not theirs to count.
    expect(await ok<WorkSummary>('caller', 'GET', '/api/work/summary')).toEqual({
      ...zeros,
      myTasks: 2,
    });
    clock.advance(7 * DAY);
    // Sessions last an hour idle: sign in again after a week.
    cookies.caller = await signInCookie(app, actors.caller.email);
    expect(await ok<WorkSummary>('caller', 'GET', '/api/work/summary')).toEqual({
      ...zeros,
      myTasks: 2,
      myOverdueTasks: 2,
      recurringDue: 1,
    });
  });

  it('refuses a caller another caller’s recurring calls and giving them to someone else', async () => {
    expect(
      (
        await call('callerB', 'PATCH', `/api/recurring-calls/${f.recurringId}`, {
          status: 'paused',
        })
      ).statusCode,
    ).toBe(403);
    const giveAway = await call('caller', 'PATCH', `/api/recurring-calls/${f.recurringId}`, {
      callerId: actors.callerB.id,
    });
    expect(giveAway.statusCode).toBe(403);
    expect(giveAway.json<ErrorJson>().error.details?.field).toBe('callerId');
    expect(
      (await ok<RecurringCalls[]>('callerB', 'GET', '/api/recurring-calls?scope=all')).length,
    ).toBe(0);
  });
});

describe('who reads the sensitive notes', () => {
  it('shows a concern to the coordinators and the caller who raised it, never to another caller', async () => {
    const note = 'Fell last week, alone, no food in the house.';
    await recordCall('caller', { concern: { level: 'urgent', note } });
    const { id } = await onlyEscalation();

    const seenByCoordinator = await ok<Escalation>('coordinator', 'GET', `/api/escalations/${id}`);
    expect(seenByCoordinator).toMatchObject({
      level: 'urgent',
      status: 'open',
      source: 'call',
      patronId: rosa.id,
      raisedBy: 'Cal Ler',
      note,
      patron: { name: 'Rosa Diaz', emails: ['r•••@example.org'] },
    });
    expect((await ok<Escalation>('caller', 'GET', `/api/escalations/${id}`)).note).toBe(note);

    const refused = await call('callerB', 'GET', `/api/escalations/${id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(refused.body).not.toContain('Fell last week');
    const othersQueue = await call('callerB', 'GET', '/api/escalations?status=any');
    expect(othersQueue.json()).toEqual([]);
    expect(
      (await ok<EscalationSummary[]>('caller', 'GET', '/api/escalations')).map((e) => e.id),
    ).toEqual([id]);
    // Only coordinators act on it.
    expect(
      (await call('caller', 'POST', `/api/escalations/${id}/acknowledge`, { text: '' })).statusCode,
    ).toBe(403);

    // Every read is in the audit log, with who read it; the refused read is not a read.
    const audit = await ok<{ items: { actorId: number | null; objectId: string | null }[] }>(
      'admin',
      'GET',
      `/api/audit?action=escalation.view&objectId=${id}`,
    );
    expect(audit.items.map((e) => e.actorId).sort()).toEqual(
      [actors.coordinator.id, actors.caller.id].sort(),
    );
    const lists = await t.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'escalation.list')
      .execute();
    expect(lists.map((l) => [l.actor_id, JSON.parse(l.details ?? '{}') as unknown])).toEqual(
      expect.arrayContaining([
        [actors.coordinator.id, { escalations: [id] }],
        [actors.caller.id, { escalations: [id] }],
      ]),
    );
    // An empty list shows no patron: nothing to record.
    expect(lists.some((l) => l.actor_id === actors.callerB.id)).toBe(false);
  });

  it('gives a referral’s notes to its author and the owner of its follow-up task, not to the caller who raised the concern', async () => {
    await recordCall('caller', {
      concern: { level: 'practical_help', note: 'Cannot get groceries.' },
    });
    const { id: escalationId } = await onlyEscalation();
    const meals = await ok<ReferralService>('coordinator', 'POST', '/api/referral-services', {
      name: 'Meals on Wheels York',
      helpsWith: 'Hot meals delivered',
      phone: '905-555-0188',
      website: 'https://meals.example.org',
      languages: ['English', 'Italian'],
    });
    const shared = 'Name, address, phone; needs diabetic meals';
    const note = 'Daughter lives in Ottawa';
    const referral = await ok<Referral>('coordinator', 'POST', '/api/referrals', {
      patronId: rosa.id,
      serviceId: meals.id,
      consent: true,
      shared,
      note,
      followUpAt: '2026-03-09T15:00:00.000Z',
      escalationId,
    });
    expect(referral).toMatchObject({
      serviceName: 'Meals on Wheels York',
      escalationId,
      shared,
      note,
      createdBy: 'Cora Ordinator',
    });
    const taskId = referral.taskId ?? 0;

    // The coordinator who made it reads it, on the escalation and on its follow-up task.
    const byCoordinator = await ok<Escalation>(
      'coordinator',
      'GET',
      `/api/escalations/${escalationId}`,
    );
    expect(byCoordinator.referrals).toEqual([expect.objectContaining({ shared, note })]);
    expect(byCoordinator.actions.map((a) => [a.kind, a.text])).toContainEqual([
      'referred',
      'Meals on Wheels York',
    ]);
    expect(await ok<Task>('coordinator', 'GET', `/api/tasks/${taskId}`)).toMatchObject({
      type: 'referral_check',
      owner: { id: actors.coordinator.id },
      referral: { serviceName: 'Meals on Wheels York', shared, note },
    });

    // The follow-up goes to caller B: the task's owner now reads the notes…
    await ok<Task>('coordinator', 'PATCH', `/api/tasks/${taskId}`, {
      ownerId: actors.callerB.id,
    });
    expect((await ok<Task>('callerB', 'GET', `/api/tasks/${taskId}`)).referral).toMatchObject({
      shared,
      note,
    });
    expect(await ok<Referral[]>('callerB', 'GET', `/api/referrals?patronId=${rosa.id}`)).toEqual([
      expect.objectContaining({ id: referral.id, shared, note }),
    ]);
    // …but not the concern itself, which is not theirs.
    expect((await call('callerB', 'GET', `/api/escalations/${escalationId}`)).statusCode).toBe(403);

    // Caller A, who raised the concern, sees that a referral was made, without its notes.
    const byCaller = await ok<Escalation>('caller', 'GET', `/api/escalations/${escalationId}`);
    expect(byCaller.note).toBe('Cannot get groceries.');
    expect(byCaller.referrals).toEqual([
      expect.objectContaining({
        id: referral.id,
        serviceName: 'Meals on Wheels York',
        shared: '',
        note: '',
      }),
    ]);
    expect(JSON.stringify(byCaller)).not.toContain('diabetic');
    // Listed by the escalation they raised: there, still without its notes.
    expect(
      await ok<Referral[]>('caller', 'GET', `/api/referrals?escalationId=${escalationId}`),
    ).toEqual([expect.objectContaining({ id: referral.id, shared: '', note: '' })]);
    expect((await call('caller', 'GET', `/api/tasks/${taskId}`)).statusCode).toBe(403);

    const views = await t.db
      .selectFrom('audit_log')
      .select(['actor_id', 'object_id'])
      .where('action', '=', 'task.view')
      .orderBy('id')
      .execute();
    expect(views).toEqual([
      { actor_id: actors.coordinator.id, object_id: String(taskId) },
      { actor_id: actors.callerB.id, object_id: String(taskId) },
    ]);
  });

  it('keeps a caller’s task from another caller, and audits every read of it', async () => {
    await recordCall('caller', { informationRequest: 'Help me set up the e-book app' });
    const [task] = await ok<TaskSummary[]>('caller', 'GET', '/api/tasks');
    expect(task).toMatchObject({
      type: 'information',
      title: 'Help me set up the e-book app',
      owner: { id: actors.caller.id, name: 'Cal Ler' },
      patronId: rosa.id,
      campaignId,
      status: 'open',
    });
    const id = task?.id ?? 0;
    expect((await ok<Task>('caller', 'GET', `/api/tasks/${id}`)).detail).toBe(
      'Help me set up the e-book app',
    );
    for (const [method, url, payload] of [
      ['GET', `/api/tasks/${id}`, undefined],
      ['PATCH', `/api/tasks/${id}`, { note: 'Mine now' }],
      ['PATCH', `/api/tasks/${id}`, { ownerId: actors.callerB.id }],
      [
        'POST',
        `/api/tasks/${id}/email`,
        { templateId: await templateId('link-you-asked-for'), serviceKeys: ['eresources'] },
      ],
      [
        'POST',
        '/api/tasks',
        { type: 'other', patronId: rosa.id, title: 'Mine', proof: { taskId: id } },
      ],
    ] as const) {
      const response = await call('callerB', method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.body).not.toContain('e-book');
    }
    for (const scope of ['mine', 'team', 'all'])
      expect(await ok<TaskSummary[]>('callerB', 'GET', `/api/tasks?scope=${scope}`)).toEqual([]);
    // A caller cannot hand their task to someone else; a coordinator can.
    const handed = await call('caller', 'PATCH', `/api/tasks/${id}`, {
      ownerId: actors.callerB.id,
    });
    expect(handed.statusCode).toBe(403);
    expect(handed.json<ErrorJson>().error.details?.field).toBe('ownerId');
    await ok<Task>('coordinator', 'GET', `/api/tasks/${id}`);

    const audit = await ok<{
      items: { actorId: number | null; actor: string; objectId: string | null }[];
    }>('admin', 'GET', `/api/audit?action=task.view&objectType=task&objectId=${id}`);
    expect(audit.items.map((e) => e.actorId)).toEqual([actors.coordinator.id, actors.caller.id]);
    expect(audit.items[1]?.actor).toContain('Cal Ler');
    const listed = await t.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'task.list')
      .execute();
    expect(listed.map((l) => l.actor_id)).toEqual([actors.caller.id]);
  });
});

describe('bad input names the field', () => {
  const issuesOf = (body: ErrorJson): Issue[] => body.error.details?.issues ?? [];

  it('refuses a referral without the patron’s consent', async () => {
    const refused = await call('coordinator', 'POST', '/api/referrals', {
      patronId: rosa.id,
      serviceId: await starterServiceId(),
      consent: false,
      followUpAt: '2026-03-09T15:00:00.000Z',
    });
    expect(refused.statusCode).toBe(400);
    const body = refused.json<ErrorJson>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(body)).toEqual([
      { path: 'body.consent', message: 'The patron must agree to the referral' },
    ]);
    expect(await t.db.selectFrom('referrals').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('tasks').select('id').execute()).toEqual([]);
  });

  it('refuses a task change that changes nothing', async () => {
    const task = await ok<Task>('coordinator', 'POST', '/api/tasks', {
      type: 'information',
      patronId: rosa.id,
      title: 'Large-print books',
    });
    const refused = await call('coordinator', 'PATCH', `/api/tasks/${task.id}`, {});
    expect(refused.statusCode).toBe(400);
    const body = refused.json<ErrorJson>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(issuesOf(body).map((i) => i.message)).toEqual(['Nothing to change']);
    const badDate = await call('coordinator', 'PATCH', `/api/tasks/${task.id}`, {
      dueAt: 'next Tuesday',
    });
    expect(badDate.statusCode).toBe(400);
    expect(issuesOf(badDate.json<ErrorJson>()).map((i) => i.path)).toEqual(['body.dueAt']);
  });

  it('refuses recurring calls that start in the past', async () => {
    const refused = await call('coordinator', 'POST', '/api/recurring-calls', {
      patronId: rosa.id,
      campaignId,
      frequency: 'weekly',
      firstCallAt: '2026-03-01T15:00:00.000Z',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The first call must be in the future',
        details: { field: 'firstCallAt' },
      },
    });
    expect(await t.db.selectFrom('recurring_calls').select('id').execute()).toEqual([]);
    const badFrequency = await call('coordinator', 'POST', '/api/recurring-calls', {
      patronId: rosa.id,
      campaignId,
      frequency: 'daily',
      firstCallAt: '2026-03-09T15:00:00.000Z',
    });
    expect(badFrequency.statusCode).toBe(400);
    expect(issuesOf(badFrequency.json<ErrorJson>()).map((i) => i.path)).toEqual(['body.frequency']);
  });

  it('refuses a directory entry whose website is not http(s)', async () => {
    for (const website of ['javascript:alert(1)', 'ftp://meals.example.org', 'meals.example.org']) {
      const refused = await call('coordinator', 'POST', '/api/referral-services', {
        name: 'Meals on Wheels York',
        website,
      });
      expect(refused.statusCode, website).toBe(400);
      const body = refused.json<ErrorJson>();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(issuesOf(body).map((i) => i.path)).toEqual(['body.website']);
    }
    const [service] = await ok<ReferralService[]>('coordinator', 'GET', '/api/referral-services');
    const edited = await call('coordinator', 'PUT', `/api/referral-services/${service?.id ?? 0}`, {
      name: service?.name ?? '',
      website: 'javascript:alert(1)',
    });
    expect(edited.statusCode).toBe(400);
    expect(issuesOf(edited.json<ErrorJson>()).map((i) => i.path)).toEqual(['body.website']);
    const kept = await ok<ReferralService>('coordinator', 'POST', '/api/referral-services', {
      name: 'Meals on Wheels York',
      website: 'https://meals.example.org',
    });
    expect(kept.website).toBe('https://meals.example.org');
    // The same name twice is a conflict on the name.
    const twice = await call('coordinator', 'POST', '/api/referral-services', {
      name: 'Meals on Wheels York',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorJson>().error.details?.field).toBe('name');
  });
});

describe('recording a call', () => {
  it('wakes the follow-ups job so a new concern is notified at once', async () => {
    let woken = 0;
    const waking = await buildApp({
      db: t.db,
      now: clock.now,
      sessions: { idleMinutes: 60, maxHours: 12 },
      secure: false,
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      uploadsDir: path.join(os.tmpdir(), 'od-test-uploads'),
      maxUploadBytes: 5 * 1024 * 1024,
      defaultRegion: 'CA',
      mail: testMailDeps(),
      wakeFollowUps: () => {
        woken++;
      },
    });
    try {
      await waking.ready();
      const cookie = await signInCookie(waking, actors.caller.email);
      expect(woken).toBe(0);
      await recordCall(
        'caller',
        { concern: { level: 'urgent', note: 'Chest pain' } },
        waking,
        cookie,
      );
      expect(woken).toBe(1);
      // A refused outcome (the claim is gone) wakes nothing.
      const again = await waking.inject({
        method: 'POST',
        url: '/api/claims/999999/outcome',
        headers: { cookie },
        payload: {
          token: 'x'.repeat(30),
          outcomes: [{ patronId: rosa.id, outcome: 'reached' }],
        },
      });
      expect(again.statusCode).toBeGreaterThanOrEqual(400);
      expect(woken).toBe(1);
    } finally {
      await waking.close();
    }
  });
});

describe('library settings for follow-ups', () => {
  const followUpSettings = {
    emergencyGuidance: {
      en: 'Call 911, then the branch manager at 905-555-0100.',
      fr: 'Composez le 911, puis la direction de la succursale au 905-555-0100.',
    },
    urgentAcknowledgeMinutes: 15,
    missedCallsBeforeEscalation: 2,
    taskDueDays: 5,
    sensitiveNotesRetentionDays: 730,
  };

  it('round-trips the follow-up settings, and new tasks take the library’s due days', async () => {
    const before = await ok<LibrarySettings>('caller', 'GET', '/api/library');
    expect(before).toMatchObject({
      urgentAcknowledgeMinutes: 30,
      missedCallsBeforeEscalation: 3,
      taskDueDays: 2,
      sensitiveNotesRetentionDays: 365,
    });
    expect(before.emergencyGuidance.en).toMatch(/911/);
    const saved = await ok<LibrarySettings>('admin', 'PATCH', '/api/library', followUpSettings);
    expect(saved).toEqual({ ...before, ...followUpSettings });
    // Every member of staff reads them (the caller's screen shows the emergency guidance).
    for (const role of ROLES)
      expect(await ok<LibrarySettings>(role, 'GET', '/api/library')).toEqual(saved);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'library.update')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(actors.admin.id);
    expect(JSON.parse(audit.details ?? '{}')).toEqual(followUpSettings);

    await recordCall('caller', { informationRequest: 'When is the book club?' });
    const [task] = await ok<TaskSummary[]>('caller', 'GET', '/api/tasks');
    expect(task?.dueAt).toBe(new Date(clock.now().getTime() + 5 * DAY).toISOString());
    // Only admins change them.
    expect(
      (await call('coordinator', 'PATCH', '/api/library', { taskDueDays: 3 })).statusCode,
    ).toBe(403);
  });

  it('refuses out-of-range values and names the field', async () => {
    const cases: [object, string][] = [
      [{ urgentAcknowledgeMinutes: 4 }, 'body.urgentAcknowledgeMinutes'],
      [{ urgentAcknowledgeMinutes: 1441 }, 'body.urgentAcknowledgeMinutes'],
      [{ urgentAcknowledgeMinutes: 12.5 }, 'body.urgentAcknowledgeMinutes'],
      [{ missedCallsBeforeEscalation: 0 }, 'body.missedCallsBeforeEscalation'],
      [{ missedCallsBeforeEscalation: 11 }, 'body.missedCallsBeforeEscalation'],
      [{ taskDueDays: -1 }, 'body.taskDueDays'],
      [{ taskDueDays: 61 }, 'body.taskDueDays'],
      [{ sensitiveNotesRetentionDays: 29 }, 'body.sensitiveNotesRetentionDays'],
      [{ sensitiveNotesRetentionDays: 3651 }, 'body.sensitiveNotesRetentionDays'],
      [{ emergencyGuidance: { en: 'x'.repeat(2001), fr: '' } }, 'body.emergencyGuidance.en'],
      [{ emergencyGuidance: { en: 'Call 911' } }, 'body.emergencyGuidance.fr'],
    ];
    for (const [payload, field] of cases) {
      const refused = await call('admin', 'PATCH', '/api/library', payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      const body = refused.json<ErrorJson>();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(
        body.error.details?.issues?.map((i) => i.path),
        JSON.stringify(payload),
      ).toEqual([field]);
    }
    // Nothing was saved.
    expect(
      await t.db.selectFrom('settings').select('key').where('key', '=', 'library').execute(),
    ).toEqual([]);
  });
});
