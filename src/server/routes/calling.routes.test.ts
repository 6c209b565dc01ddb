import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { testCtx } from '../../../tests/helpers/ctx.js';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, signInCookie } from '../../../tests/helpers/http.js';
import type { CallCard } from '../../shared/schemas/calls.js';
import type { Role } from '../../shared/roles.js';
import type { AppInstance } from '../app.js';

let t: TestDatabase;
let app: AppInstance;
const cookies = {} as Record<Role | 'otherCaller', string>;
let campaignId: number;

beforeEach(async () => {
  t = await createTestDb();
  app = await buildTestApp(t.db);
  for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const) {
    cookies[role] = await signInCookie(app, (await createStaff(t.db, role)).email);
  }
  cookies.otherCaller = await signInCookie(app, (await createStaff(t.db, 'caller')).email);
  await createPatron(t.db, { firstName: 'Maria', emails: ['maria@example.org'] });
  await createPatron(t.db, { firstName: 'Ana' });
  campaignId = (
    await launchTestCampaign(
      testCtx(t.db, await createStaff(t.db, 'coordinator'), {
        now: () => new Date(),
        set() {},
        advance() {},
      }),
    )
  ).id;
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

const post = (who: keyof typeof cookies, url: string, payload: object = {}) =>
  app.inject({ method: 'POST', url, headers: { cookie: cookies[who] }, payload });
const get = (who: keyof typeof cookies, url: string) =>
  app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });

async function claim(who: keyof typeof cookies): Promise<CallCard> {
  const response = await post(who, `/api/campaigns/${campaignId}/claims`);
  const body = response.json<{ status: string; call: CallCard }>();
  if (body.status !== 'claimed') throw new Error(response.body);
  return body.call;
}

describe('calling over HTTP', () => {
  it('claims, renews, records an outcome and then shows progress', async () => {
    const call = await claim('caller');
    expect(call.patrons).toHaveLength(1);
    expect(call.callableNow).toBe(true);
    expect(call.scripts.length).toBeGreaterThan(0);
    const holding = await get('coordinator', `/api/campaigns/${campaignId}/progress`);
    expect(holding.json()).toMatchObject({
      inProgress: 1,
      claims: [{ claimId: call.claimId, patrons: 1 }],
    });
    const renewed = await post('caller', `/api/claims/${call.claimId}/renew`, {
      token: call.token,
    });
    expect(renewed.statusCode).toBe(200);
    const saved = await post('caller', `/api/claims/${call.claimId}/outcome`, {
      token: call.token,
      outcomes: [
        {
          patronId: call.patrons[0]!.patronId,
          outcome: 'reached',
          servicesToldAbout: ['curbside'],
          note: 'Happy to hear from us',
        },
      ],
    });
    expect(saved.json()).toEqual({ saved: true, patrons: 1 });
    const progress = await get('coordinator', `/api/campaigns/${campaignId}/progress`);
    expect(progress.json()).toMatchObject({ total: 2, done: 1, inProgress: 0 });
  });

  it('refuses an outcome with someone else’s claim or a stale token (409), and the patron card to others', async () => {
    const call = await claim('caller');
    const stolen = await post('otherCaller', `/api/claims/${call.claimId}/outcome`, {
      token: call.token,
      outcomes: [{ patronId: call.patrons[0]!.patronId, outcome: 'reached' }],
    });
    expect(stolen.statusCode).toBe(409);
    await post('caller', `/api/claims/${call.claimId}/release`, { token: call.token });
    const late = await post('caller', `/api/claims/${call.claimId}/outcome`, {
      token: call.token,
      outcomes: [{ patronId: call.patrons[0]!.patronId, outcome: 'reached' }],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      error: { code: 'CONFLICT', details: { reason: 'CLAIM_LOST' } },
    });
    expect((await get('caller', '/api/claims/current')).json()).toEqual({ call: null });
  });

  it('gives the held call back after a reload, and releases it on sign-out', async () => {
    const call = await claim('caller');
    expect(
      (await get('caller', '/api/claims/current')).json<{ call: CallCard }>().call.claimId,
    ).toBe(call.claimId);
    await post('caller', '/api/auth/sign-out');
    const other = await claim('otherCaller');
    const second = await claim('coordinator');
    expect([other.patrons[0]!.firstName, second.patrons[0]!.firstName].sort()).toEqual([
      'Ana',
      'Maria',
    ]);
  });

  it('lets a caller mark a patron on their call do-not-call, but not anyone else', async () => {
    const call = await claim('caller');
    const patronId = call.patrons[0]!.patronId;
    expect((await post('otherCaller', `/api/patrons/${patronId}/do-not-call`, {})).statusCode).toBe(
      403,
    );
    expect(
      (
        await post('caller', `/api/patrons/${patronId}/do-not-call`, {
          claimId: call.claimId,
          token: call.token,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('streams progress as server-sent events', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const first = await new Promise<string>((resolve, reject) => {
      const request = http.get(
        {
          host: '127.0.0.1',
          port: address.port,
          path: `/api/campaigns/${campaignId}/progress/stream`,
          headers: { cookie: cookies.coordinator },
        },
        (response) => {
          expect(response.headers['content-type']).toBe('text/event-stream');
          response.setEncoding('utf8');
          response.once('data', (chunk: string) => {
            request.destroy();
            resolve(chunk);
          });
        },
      );
      request.on('error', reject);
    });
    expect(first).toMatch(/^event: progress\ndata: \{.*"total":2/);
  });
});

describe('role × route matrix for calling', () => {
  const routes: {
    name: string;
    run: (who: keyof typeof cookies) => Promise<{ statusCode: number }>;
    allowed: Role[];
  }[] = [
    {
      name: 'claimNextPatron',
      run: (who) => post(who, `/api/campaigns/${campaignId}/claims`),
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'getCurrentCall',
      run: (who) => get(who, '/api/claims/current'),
      allowed: ['admin', 'coordinator', 'caller'],
    },
    {
      name: 'getCampaignProgress',
      run: (who) => get(who, `/api/campaigns/${campaignId}/progress`),
      allowed: ['admin', 'coordinator'],
    },
    {
      name: 'releaseStuckClaim (someone else’s claim)',
      run: async (who) =>
        post(who, `/api/claims/${(await claim('otherCaller')).claimId}/force-release`),
      allowed: ['admin', 'coordinator'],
    },
  ];
  for (const route of routes) {
    for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const) {
      const allowed = route.allowed.includes(role);
      it(`${route.name} is ${allowed ? 'allowed' : 'refused'} for a ${role}`, async () => {
        const response = await route.run(role);
        if (allowed) expect(response.statusCode).toBeLessThan(300);
        else expect(response.statusCode).toBe(403);
      });
    }
  }

  it('refuses a caller the campaigns they are not one of the callers of', async () => {
    await t.db
      .updateTable('campaigns')
      .set({ caller_ids: '[]' })
      .where('id', '=', campaignId)
      .execute();
    expect((await post('caller', `/api/campaigns/${campaignId}/claims`)).statusCode).toBe(403);
  });
});
