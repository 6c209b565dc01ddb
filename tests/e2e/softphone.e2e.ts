import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoProblems,
  launchBrowser,
  openPage,
  startTestServer,
  type TestServer,
  type WatchedPage,
} from './harness';
import { sipRigProblem, startSipRig, type SipRig } from './sip/rig';
import { setUpFirstAdmin, signIn } from './steps';

/**
 * The built-in softphone against a real phone system (tests/e2e/sip/rig.ts): Kamailio over WS and
 * WSS, a baresip WebRTC patron that answers by itself, SIPp patrons behind rtpengine (plain RTP,
 * busy, no answer), and the real calling screen in Chromium with a fake microphone. Every wait is
 * on something the line or the page says, never on the clock.
 */

const admin = {
  name: 'Nadia Bouchard',
  email: 'nadia@library.test',
  password: 'harbour willow evening 64',
};
const caller = {
  name: 'Tom Okonkwo',
  email: 'tom@library.test',
  password: 'orchard pebble lantern 27',
};
const secondCaller = {
  name: 'Léa Tremblay',
  email: 'lea@library.test',
  password: 'meadow copper signal 81',
};
const SIP = { username: '2001', password: 'kestrel-73-dune' };
const SECOND_SIP = { username: '2002', password: 'aurora-19-fjord' };

/**
 * Called in this order (import order). The rig's numbers: 0101 and 0105–0107 the WebRTC patron
 * (patrons sharing a number would be one household), 0102 plain RTP through rtpengine, 0103
 * busy, 0104 rings unanswered.
 */
const PATRONS_CSV = [
  'borrowernumber,cardnumber,surname,firstname,dateofbirth,branchcode,categorycode,phone,email,lang',
  '401,23456300001,Adeyemi,Ada,1941-03-12,CPL,SENIOR,613-555-0101 ext. 42,,en',
  '402,23456300002,Bouchard,Ben,1944-05-02,CPL,SENIOR,613-555-0105,,en',
  '403,23456300003,Chen,Chloé,1950-07-01,CPL,SENIOR,613-555-0102,,en',
  '404,23456300004,Das,Dev,1938-11-30,MPL,SENIOR,613-555-0103,,en',
  '405,23456300005,Evans,Eve,1936-02-14,MPL,SENIOR,613-555-0104,,en',
  '406,23456300006,Fox,Fay,1939-09-09,MPL,SENIOR,613-555-0106,,en',
  '407,23456300007,Gill,Gus,1940-10-10,MPL,SENIOR,613-555-0107,,en',
].join('\r\n');

interface CallRecord {
  details: {
    line?: { result: string; answeredAt: string | null; endedBy: string | null };
    startedAt?: string;
    endedAt?: string;
  };
}

/** The calls recorded so far, newest first, as the audit log keeps them (the call log). */
async function callRecords(api: APIRequestContext, url: string): Promise<CallRecord[]> {
  const response = await api.get(`${url}/api/audit?action=call.record&limit=50`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: CallRecord[] }).items;
}

async function expectPhoneReady(page: Page) {
  await page
    .getByRole('status')
    .filter({ hasText: 'Phone ready: calls go from this page.' })
    .waitFor({ timeout: 30_000 });
}

/** Claims the next patron and waits for their card. */
async function nextPatron(page: Page, name: string) {
  await page.getByRole('button', { name: /^Next patron/ }).click();
  await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
}

async function lineSays(page: Page, text: string | RegExp) {
  await page.locator('#line-title').filter({ hasText: text }).waitFor({ timeout: 30_000 });
}

async function saveOutcome(page: Page, outcome: string) {
  await expect
    .poll(() => page.locator(`#outcome-${outcome}`).getAttribute('aria-pressed'))
    .toBe('true');
  await page.getByRole('button', { name: 'Save outcome' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: 'Saved. Press P for the next patron.' })
    .waitFor();
}

describe('the built-in softphone', () => {
  let rig: SipRig;
  let server: TestServer;
  let browser: Browser;
  let coordinator: WatchedPage;
  let calling: WatchedPage;
  let api: APIRequestContext;

  beforeAll(async () => {
    const problem = sipRigProblem();
    if (problem !== null) throw new Error(`The softphone tests cannot run: ${problem}`);
    rig = await startSipRig({ accounts: [SIP, SECOND_SIP] });
    server = await startTestServer();
    browser = await launchBrowser(rig.chromiumArgs);
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
    await rig.stop();
  });

  it('is set up by the admin on the Phone system page', async () => {
    coordinator = await openPage(browser, { locale: 'en-CA' });
    await setUpFirstAdmin(coordinator.page, server.setupLink, admin);
    api = coordinator.page.request;
    const imported = await api.post(`${server.url}/api/imports`, {
      multipart: {
        file: { name: 'patrons.csv', mimeType: 'text/csv', buffer: Buffer.from(PATRONS_CSV) },
        wait: 'true',
      },
    });
    expect(imported.status()).toBe(200);
    const scripts = (await (await api.get(`${server.url}/api/scripts`)).json()) as {
      items: { id: number }[];
    };
    const created = await api.post(`${server.url}/api/campaigns`, {
      data: {
        name: 'Softphone check-in calls',
        purpose: 'Check on older patrons.',
        legalAuthority: 'Library privacy policy, section 4: service contact.',
        contact: 'Outreach office, 613-555-0100',
        scriptId: scripts.items[0]?.id,
        callingHours: {
          weekdayStart: '00:00',
          weekdayEnd: '23:59',
          weekendStart: '00:00',
          weekendEnd: '23:59',
        },
      },
    });
    expect(created.status()).toBe(201);
    const campaign = (await created.json()) as { id: number };
    expect((await api.post(`${server.url}/api/campaigns/${campaign.id}/launch`)).status()).toBe(
      200,
    );
    for (const member of [caller, secondCaller]) {
      const user = await api.post(`${server.url}/api/users`, {
        data: { ...member, role: 'caller', language: 'en' },
      });
      expect(user.status()).toBe(201);
    }
    const { page } = coordinator;
    await page.goto(`${server.url}/settings/telephony`);
    await page.getByRole('heading', { level: 1, name: 'Phone system' }).waitFor();
    await page.getByLabel('Turn on the built-in softphone').check();
    await page.getByLabel('WebSocket URL').fill(rig.wsUrl);
    await page.getByLabel('SIP domain').fill(rig.domain);
    await page.getByLabel('Test number').fill(rig.webrtcPatron.number);
    // The rig's patrons are on "the trunk" as 1 + ten digits: the default national plan.
    await page.getByText('is dialled as 16135550101').first().waitFor();
    await expectAccessible(page, 'phone system settings');
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByRole('status').filter({ hasText: /saved/i }).waitFor();
    const saved = (await (await api.get(`${server.url}/api/settings/telephony`)).json()) as {
      enabled: boolean;
      webSocketUrl: string;
    };
    expect(saved).toMatchObject({ enabled: true, webSocketUrl: rig.wsUrl });
    expectNoProblems(coordinator);
  });

  it('registers with the account the caller enters, and tests their phone', async () => {
    calling = await openPage(browser, { locale: 'en-CA', permissions: ['microphone'] });
    const { page } = calling;
    await signIn(page, server.url, caller);
    await page.goto(`${server.url}/settings`);
    await page.getByRole('heading', { level: 2, name: 'My phone' }).waitFor();
    await page.getByLabel('SIP user name').fill(SIP.username);
    await page.getByLabel('SIP password').fill(SIP.password);
    await page.getByRole('button', { name: 'Save my phone account' }).click();
    await page.getByRole('status').filter({ hasText: 'Your phone account is saved.' }).waitFor();

    rig.webrtcPatron.reset();
    await page.getByRole('button', { name: 'Test my phone' }).click();
    // The library's test number is the WebRTC patron: it answers.
    await rig.webrtcPatron.waitForEstablished();
    await page.getByText(/Phone system: connected/).waitFor({ timeout: 30_000 });
    await page.getByText(/Test call: answered/).waitFor({ timeout: 30_000 });
    await rig.webrtcPatron.waitForClosed();
    await expectAccessible(page, 'my phone after the test');
    expectNoProblems(calling);
  });

  it('calls a patron, dials their extension, records the real times when the patron hangs up', async () => {
    const { page } = calling;
    await page.goto(`${server.url}/calling`);
    await expectPhoneReady(page);
    await nextPatron(page, 'Ada Adeyemi');
    const patron = rig.webrtcPatron;
    patron.reset();
    // The keyboard alone: Tab to the number's call button, Enter.
    const button = page.getByRole('button', { name: 'Call +1 613-555-0101' }).first();
    await button.focus();
    await page.keyboard.press('Enter');
    const established = await patron.waitForEstablished();
    await lineSays(page, 'Connected to +1 613-555-0101');
    await page.getByRole('status').filter({ hasText: 'Connected.' }).waitFor();
    // The extension goes by itself after the library's delay, as keypad tones in the audio.
    await patron.waitForDigits('42');
    await page.getByText('Extension 42 dialled.').waitFor();
    await page.getByRole('button', { name: 'Keypad' }).click();
    await expectAccessible(page, 'workspace during a softphone call');
    await page.getByRole('group', { name: 'Keypad' }).getByRole('button', { name: '#' }).click();
    await patron.waitForDigits('42#');
    // A second call cannot start while this one is up.
    expect(await button.getAttribute('aria-disabled')).toBe('true');

    await patron.hangUp();
    const closed = await patron.waitForClosed();
    await lineSays(page, 'Call with +1 613-555-0101 ended');
    await page.getByText('The patron hung up.').waitFor();
    // The line suggests the outcome; the caller confirms it by saving.
    await saveOutcome(page, 'reached');

    const [record] = await callRecords(api, server.url);
    const line = record?.details.line;
    expect(line).toMatchObject({ result: 'answered', endedBy: 'patron' });
    const recorded =
      new Date(record?.details.endedAt ?? '').getTime() -
      new Date(line?.answeredAt ?? '').getTime();
    const patronSide = closed.at.getTime() - established.getTime();
    expect(Math.abs(recorded - patronSide)).toBeLessThan(1000);
    expectNoProblems(calling);
  });

  it('hangs up from the page, the patron’s phone hears it', async () => {
    const { page } = calling;
    await nextPatron(page, 'Ben Bouchard');
    const patron = rig.webrtcPatron;
    patron.reset();
    await page.getByRole('button', { name: 'Call +1 613-555-0105' }).first().click();
    await patron.waitForEstablished();
    await lineSays(page, 'Connected');
    await page.getByRole('button', { name: 'Mute' }).click();
    expect(await page.getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await page.getByRole('button', { name: 'Hang up' }).click();
    await patron.waitForClosed();
    await page.getByText('You hung up.').waitFor();
    await saveOutcome(page, 'reached');
    const [record] = await callRecords(api, server.url);
    expect(record?.details.line).toMatchObject({ result: 'answered', endedBy: 'caller' });
  });

  it('reaches a plain-RTP phone through rtpengine', async () => {
    const { page } = calling;
    await nextPatron(page, 'Chloé Chen');
    const before = rig.plainPatronCalls();
    await page.getByRole('button', { name: 'Call +1 613-555-0102' }).first().click();
    await lineSays(page, 'Connected to +1 613-555-0102');
    await expect.poll(() => rig.plainPatronCalls()).toBe(before + 1);
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByText('You hung up.').waitFor();
    await saveOutcome(page, 'reached');
  });

  it('hears a busy line and suggests Busy', async () => {
    const { page } = calling;
    await nextPatron(page, 'Dev Das');
    await page.getByRole('button', { name: 'Call +1 613-555-0103' }).first().click();
    await lineSays(page, 'The call to +1 613-555-0103 did not connect');
    await page.getByText('The line is busy.').waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Outcome suggested by the line: Busy.' })
      .waitFor();
    await saveOutcome(page, 'busy');
    const [record] = await callRecords(api, server.url);
    expect(record?.details.line).toMatchObject({ result: 'busy', answeredAt: null });
  });

  it('gives up on a line that only rings, and suggests No answer', async () => {
    const { page } = calling;
    await nextPatron(page, 'Eve Evans');
    await page.getByRole('button', { name: 'Call +1 613-555-0104' }).first().click();
    await lineSays(page, 'Ringing +1 613-555-0104');
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByText('You hung up before anyone answered.').waitFor();
    await saveOutcome(page, 'no_answer');
    const [record] = await callRecords(api, server.url);
    expect(record?.details.line).toMatchObject({ result: 'cancelled', answeredAt: null });
  });

  it('registers again by itself when the phone system restarts, and calls go on', async () => {
    const { page } = calling;
    await rig.restartKamailio();
    await page
      .getByRole('status')
      .filter({ hasText: /Phone (connecting|not connected)/ })
      .waitFor({ timeout: 30_000 });
    await expectPhoneReady(page);
    await nextPatron(page, 'Fay Fox');
    rig.webrtcPatron.reset();
    await page.getByRole('button', { name: 'Call +1 613-555-0106' }).first().click();
    await rig.webrtcPatron.waitForEstablished();
    await lineSays(page, 'Connected');
    await page.getByRole('button', { name: 'Hang up' }).click();
    await rig.webrtcPatron.waitForClosed();
    await saveOutcome(page, 'reached');
  });

  it('hangs up when the caller closes the tab', async () => {
    const { page } = calling;
    await nextPatron(page, 'Gus Gill');
    rig.webrtcPatron.reset();
    await page.getByRole('button', { name: 'Call +1 613-555-0107' }).first().click();
    await rig.webrtcPatron.waitForEstablished();
    await lineSays(page, 'Connected');
    expectNoProblems(calling);
    await page.close();
    await rig.webrtcPatron.waitForClosed();
  });

  it('says so when the phone system refuses the password', async () => {
    const second = await openPage(browser, { locale: 'en-CA', permissions: ['microphone'] });
    const { page } = second;
    await signIn(page, server.url, secondCaller);
    const saved = await page.request.patch(`${server.url}/api/me/sip-account`, {
      data: { username: SECOND_SIP.username, password: 'not-the-password' },
    });
    expect(saved.status()).toBe(200);
    await page.goto(`${server.url}/calling`);
    await page
      .getByRole('status')
      .filter({ hasText: 'The phone system refused your SIP user name or password.' })
      .waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Open your settings' }).waitFor();
    await expectAccessible(page, 'workspace with a refused phone account');
    await second.close();
  });

  it('registers over WSS', async () => {
    const settings = await api.patch(`${server.url}/api/settings/telephony`, {
      data: { webSocketUrl: rig.wssUrl },
    });
    expect(settings.status()).toBe(200);
    // The rig's certificate is made at start and signed by no one.
    const wssBrowser = await launchBrowser([...rig.chromiumArgs, '--ignore-certificate-errors']);
    try {
      const context = await wssBrowser.newContext({
        locale: 'en-CA',
        permissions: ['microphone'],
      });
      const page = await context.newPage();
      await signIn(page, server.url, secondCaller);
      const saved = await page.request.patch(`${server.url}/api/me/sip-account`, {
        data: { password: SECOND_SIP.password },
      });
      expect(saved.status()).toBe(200);
      await page.goto(`${server.url}/calling`);
      await expectPhoneReady(page);
    } finally {
      await wssBrowser.close();
    }
  });
});
