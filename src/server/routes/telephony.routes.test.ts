import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testCtx } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, signInCookie } from '../../../tests/helpers/http.js';
import type { CallCard } from '../../shared/schemas/calls.js';
import type { Role } from '../../shared/roles.js';
import type {
  SipAccount,
  SoftphoneConfig,
  TelephonySettings,
} from '../../shared/schemas/telephony.js';
import type { AppInstance } from '../app.js';

let t: TestDatabase;
let app: AppInstance;
const cookies = {} as Record<Role | 'otherCaller', string>;
const ids = {} as Record<Role | 'otherCaller', number>;
let campaignId: number;

const PBX = {
  enabled: true,
  webSocketUrl: 'wss://pbx.library.example:8089/ws',
  sipDomain: 'pbx.library.example',
  callerId: '+15195550100',
  iceServers: [{ urls: ['turn:turn.library.example:3478'], username: 'od', credential: 'turnpw' }],
};

beforeEach(async () => {
  t = await createTestDb();
  app = await buildTestApp(t.db);
  for (const who of ['admin', 'coordinator', 'caller', 'viewer', 'otherCaller'] as const) {
    const staff = await createStaff(t.db, who === 'otherCaller' ? 'caller' : who);
    ids[who] = staff.id;
    cookies[who] = await signInCookie(app, staff.email);
  }
  const patron = await createPatron(t.db, { firstName: 'Maria', phone: '+16135550101' });
  // A second number with an extension, as an import gives it.
  await t.db
    .updateTable('patrons')
    .set({
      phones: JSON.stringify([
        { kind: 'home', raw: '613-555-0101', e164: '+16135550101', extension: null, valid: true },
        {
          kind: 'work',
          raw: '613-555-0199 x204',
          e164: '+16135550199',
          extension: '204',
          valid: true,
        },
      ]),
    })
    .where('id', '=', patron.id)
    .execute();
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

type Who = keyof typeof cookies;
const send = (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });

async function claim(who: Who): Promise<CallCard> {
  const response = await send(who, 'POST', `/api/campaigns/${campaignId}/claims`);
  const body = response.json<{ status: string; call: CallCard }>();
  if (body.status !== 'claimed') throw new Error(response.body);
  return body.call;
}

async function softphoneFor(who: Who) {
  expect((await send('admin', 'PATCH', '/api/settings/telephony', PBX)).statusCode).toBe(200);
  const saved = await send(who, 'PATCH', '/api/me/sip-account', {
    username: `ext${ids[who]}`,
    password: 'sip-secret',
  });
  expect(saved.statusCode).toBe(200);
}

async function auditOf(action: string) {
  return t.db
    .selectFrom('audit_log')
    .select(['actor_id', 'object_id', 'details'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe('the phone system settings', () => {
  it('start off, refuse turning on without a WebSocket URL and domain, and save', async () => {
    const initial = (
      await send('admin', 'GET', '/api/settings/telephony')
    ).json<TelephonySettings>();
    expect(initial).toMatchObject({ enabled: false, dtmf: 'rfc2833' });
    const refused = await send('admin', 'PATCH', '/api/settings/telephony', { enabled: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: {
          issues: [
            { path: 'webSocketUrl', message: 'the softphone needs the WebSocket URL' },
            { path: 'sipDomain', message: 'the softphone needs the SIP domain' },
          ],
        },
      },
    });
    const badUrl = await send('admin', 'PATCH', '/api/settings/telephony', {
      webSocketUrl: 'https://pbx.example',
    });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.body).toContain('webSocketUrl');
    const saved = await send('admin', 'PATCH', '/api/settings/telephony', PBX);
    expect(saved.json()).toMatchObject(PBX);
    expect((await send('admin', 'GET', '/api/settings/telephony')).json()).toMatchObject(PBX);
    const [entry] = await auditOf('telephony_settings.update');
    expect(entry?.details).not.toContain('turnpw');
  });

  it('let the page open a WebSocket to the phone system, and nowhere else', async () => {
    const before = (await send('caller', 'GET', '/api/me')).headers['content-security-policy'];
    expect(before).toContain("connect-src 'self' 'self'");
    await send('admin', 'PATCH', '/api/settings/telephony', PBX);
    const after = (await send('caller', 'GET', '/api/me')).headers['content-security-policy'];
    expect(after).toContain("connect-src 'self' wss://pbx.library.example:8089");
    await send('admin', 'PATCH', '/api/settings/telephony', { enabled: false });
    const off = (await send('caller', 'GET', '/api/me')).headers['content-security-policy'];
    expect(off).not.toContain('pbx.library.example');
  });

  for (const role of ['coordinator', 'caller', 'viewer'] as const) {
    it(`are refused to a ${role}`, async () => {
      expect((await send(role, 'GET', '/api/settings/telephony')).statusCode).toBe(403);
      expect((await send(role, 'PATCH', '/api/settings/telephony', PBX)).statusCode).toBe(403);
    });
  }
});

describe('staff SIP accounts', () => {
  it('seal the password, never show it back, and give it only to its owner’s browser', async () => {
    expect((await send('caller', 'GET', '/api/me/softphone')).json()).toEqual({
      available: false,
      reason: 'library_off',
    });
    await send('admin', 'PATCH', '/api/settings/telephony', PBX);
    expect((await send('caller', 'GET', '/api/me/softphone')).json()).toEqual({
      available: false,
      reason: 'no_account',
    });
    const own = await send('caller', 'PATCH', '/api/me/sip-account', {
      username: '2001',
      password: 'sip-secret',
    });
    expect(own.json()).toMatchObject({ enabled: true, username: '2001', passwordSet: true });
    expect(own.body).not.toContain('sip-secret');
    const stored = await t.db
      .selectFrom('sip_accounts')
      .select('password')
      .where('user_id', '=', ids.caller)
      .executeTakeFirstOrThrow();
    expect(stored.password).not.toContain('sip-secret');

    const config = (await send('caller', 'GET', '/api/me/softphone')).json<SoftphoneConfig>();
    expect(config).toMatchObject({
      available: true,
      webSocketUrl: PBX.webSocketUrl,
      username: '2001',
      authorizationUser: '2001',
      password: 'sip-secret',
      callerId: '+15195550100',
      iceServers: PBX.iceServers,
      testTarget: null,
    });
    // The admin sees that a password is set, never what it is; another caller sees nothing.
    const seen = await send('admin', 'GET', `/api/users/${ids.caller}/sip-account`);
    expect(seen.json<SipAccount>()).toMatchObject({ username: '2001', passwordSet: true });
    expect(seen.body).not.toContain('sip-secret');
    expect((await send('admin', 'GET', '/api/me/softphone')).json()).toMatchObject({
      available: false,
    });
    expect(
      (await send('otherCaller', 'GET', `/api/users/${ids.caller}/sip-account`)).statusCode,
    ).toBe(403);

    const reads = await auditOf('sip_account.read');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor_id: ids.caller, object_id: String(ids.caller) });
    const changes = await auditOf('sip_account.update');
    expect(changes.map((c) => c.details)).toEqual([
      JSON.stringify({ fields: ['username', 'password'] }),
    ]);
  });

  it('let an admin set a staff member’s account, and the staff member turn the softphone off', async () => {
    await send('admin', 'PATCH', '/api/settings/telephony', PBX);
    const set = await send('admin', 'PATCH', `/api/users/${ids.caller}/sip-account`, {
      username: '2001',
      authorizationUser: 'auth2001',
      password: 'from-admin',
    });
    expect(set.json()).toMatchObject({
      libraryOffers: true,
      authorizationUser: 'auth2001',
      passwordSet: true,
    });
    expect((await send('caller', 'GET', '/api/me/softphone')).json()).toMatchObject({
      available: true,
      authorizationUser: 'auth2001',
      password: 'from-admin',
    });
    await send('caller', 'PATCH', '/api/me/sip-account', { enabled: false });
    expect((await send('caller', 'GET', '/api/me/softphone')).json()).toEqual({
      available: false,
      reason: 'user_off',
    });
    // The password is kept while off, and removed with an empty one.
    expect((await send('caller', 'GET', '/api/me/sip-account')).json()).toMatchObject({
      enabled: false,
      passwordSet: true,
    });
    const removed = await send('caller', 'PATCH', '/api/me/sip-account', { password: '' });
    expect(removed.json()).toMatchObject({ passwordSet: false });
  });

  it('refuse a user name with characters SIP cannot carry, naming the field', async () => {
    const response = await send('caller', 'PATCH', '/api/me/sip-account', { username: 'a b@c' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { details: { issues: [{ path: 'body.username' }] } },
    });
  });

  it('refuse the admin routes to everyone else', async () => {
    for (const role of ['coordinator', 'caller', 'viewer'] as const) {
      expect(
        (await send(role, 'PATCH', `/api/users/${ids.caller}/sip-account`, { enabled: false }))
          .statusCode,
      ).toBe(403);
    }
  });
});

describe('dialling from the softphone', () => {
  it('answers the dial plan’s target and the extension for the call’s own numbers (audited)', async () => {
    await softphoneFor('caller');
    const call = await claim('caller');
    const home = await send('caller', 'POST', `/api/claims/${call.claimId}/dial`, {
      token: call.token,
      e164: '+16135550101',
    });
    expect(home.json()).toEqual({
      target: 'sip:16135550101@pbx.library.example',
      dialString: '16135550101',
      extension: null,
    });
    await send('admin', 'PATCH', '/api/settings/telephony', {
      dialPlan: {
        format: 'national',
        countryCode: '1',
        internationalPrefix: '011',
        trunkPrefix: '1',
        localAreaCodes: ['613'],
        outsideLinePrefix: '9',
      },
    });
    const work = await send('caller', 'POST', `/api/claims/${call.claimId}/dial`, {
      token: call.token,
      e164: '+16135550199',
    });
    expect(work.json()).toEqual({
      target: 'sip:96135550199@pbx.library.example',
      dialString: '96135550199',
      extension: '204',
    });
    const dials = await auditOf('call.dial');
    expect(dials).toHaveLength(2);
    expect(JSON.parse(dials[1]?.details ?? '{}')).toMatchObject({
      claimId: call.claimId,
      phoneKind: 'work',
    });
  });

  it('refuses a number that is not on the call, outside calling hours, and without the softphone', async () => {
    const call = await claim('caller');
    const dial = (e164: string, token = call.token) =>
      send('caller', 'POST', `/api/claims/${call.claimId}/dial`, { token, e164 });
    const off = await dial('+16135550101');
    expect(off.statusCode).toBe(400);
    expect(off.json()).toMatchObject({ error: { details: { field: 'softphone' } } });
    await softphoneFor('caller');
    const stranger = await dial('+14165550123');
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({ error: { details: { field: 'e164' } } });
    await t.db
      .updateTable('campaigns')
      .set({
        calling_hours: JSON.stringify({
          weekdayStart: '00:00',
          weekdayEnd: '00:00',
          weekendStart: '00:00',
          weekendEnd: '00:00',
        }),
      })
      .where('id', '=', campaignId)
      .execute();
    const closed = await dial('+16135550101');
    expect(closed.statusCode).toBe(400);
    expect(closed.json()).toMatchObject({ error: { details: { field: 'callingHours' } } });
    expect((await dial('+16135550101', 'not-the-token')).statusCode).toBe(409);
    expect(await auditOf('call.dial')).toEqual([]);
  });

  it('refuses a do-not-call patron’s number and someone else’s claim', async () => {
    await softphoneFor('caller');
    await softphoneFor('otherCaller');
    const call = await claim('caller');
    const theirs = await send('otherCaller', 'POST', `/api/claims/${call.claimId}/dial`, {
      token: call.token,
      e164: '+16135550101',
    });
    expect(theirs.statusCode).toBe(409);
    await t.db
      .updateTable('patrons')
      .set({ do_not_call_at: new Date().toISOString() })
      .where('id', '=', call.patrons[0]?.patronId ?? 0)
      .execute();
    const dnc = await send('caller', 'POST', `/api/claims/${call.claimId}/dial`, {
      token: call.token,
      e164: '+16135550101',
    });
    expect(dnc.statusCode).toBe(400);
    expect(
      (
        await send('viewer', 'POST', `/api/claims/${call.claimId}/dial`, {
          token: call.token,
          e164: '+16135550101',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('records what the line said with the attempt, and in the audit log', async () => {
    await softphoneFor('caller');
    const call = await claim('caller');
    const saved = await send('caller', 'POST', `/api/claims/${call.claimId}/outcome`, {
      token: call.token,
      outcomes: [{ patronId: call.patrons[0]?.patronId, outcome: 'reached' }],
      startedAt: '2026-11-30T14:00:00.000Z',
      endedAt: '2026-11-30T14:03:05.000Z',
      line: {
        result: 'answered',
        answeredAt: '2026-11-30T09:00:04-05:00',
        endedBy: 'patron',
        sipReason: 'BYE',
      },
    });
    expect(saved.statusCode).toBe(200);
    const attempt = await t.db
      .selectFrom('attempts')
      .select(['started_at', 'answered_at', 'ended_at', 'line_result', 'ended_by', 'sip_reason'])
      .executeTakeFirstOrThrow();
    expect({
      ...attempt,
      started_at: new Date(attempt.started_at ?? '').toISOString(),
      answered_at: new Date(attempt.answered_at ?? '').toISOString(),
      ended_at: new Date(attempt.ended_at ?? '').toISOString(),
    }).toEqual({
      started_at: '2026-11-30T14:00:00.000Z',
      answered_at: '2026-11-30T14:00:04.000Z',
      ended_at: '2026-11-30T14:03:05.000Z',
      line_result: 'answered',
      ended_by: 'patron',
      sip_reason: 'BYE',
    });
    const [record] = await auditOf('call.record');
    expect(JSON.parse(record?.details ?? '{}')).toMatchObject({
      line: { result: 'answered', endedBy: 'patron' },
    });
  });

  it('refuses a line result it does not know, naming the field', async () => {
    const call = await claim('caller');
    const response = await send('caller', 'POST', `/api/claims/${call.claimId}/outcome`, {
      token: call.token,
      outcomes: [{ patronId: call.patrons[0]?.patronId, outcome: 'reached' }],
      line: { result: 'maybe', answeredAt: null, endedBy: null, sipReason: null },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('line.result');
  });
});
