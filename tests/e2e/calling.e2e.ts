import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoProblems,
  launchBrowser,
  openPage,
  startTestServer,
  type TestServer,
} from './harness';
import { setUpFirstAdmin } from './steps';

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
const campaignName = 'Spring check-in calls';

/** Four patrons: Grace and Daniel share a line (one call for the household). */
const PATRONS_CSV = [
  'borrowernumber,cardnumber,surname,firstname,dateofbirth,branchcode,categorycode,phone,email,lang',
  '301,23456200001,Lavoie,Marie,1941-03-12,CPL,SENIOR,416-555-0301,,en',
  '302,23456200002,Singh,Harjit,1950-07-01,CPL,SENIOR,416-555-0302,,en',
  '303,23456200003,Okafor,Grace,1938-11-30,MPL,SENIOR,416-555-0305,,en',
  '304,23456200004,Okafor,Daniel,1936-02-14,MPL,SENIOR,416-555-0305,,en',
].join('\r\n');

/** What has the keyboard focus, as a person would name it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { id: '', name: '' };
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    const name = el.getAttribute('aria-label') ?? label ?? el.textContent;
    return { id: el.id, name: name.replace(/\s+/g, ' ').trim() };
  });
}

/** Presses Tab until the focused element's name matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp | string, limit = 80) {
  for (let presses = 0; presses < limit; presses++) {
    const { id, name: current } = await focused(page);
    if (typeof name === 'string' ? id === name : name.test(current)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(
    `Tab never reached ${String(name)}; focus is on ${JSON.stringify(await focused(page))}`,
  );
}

async function expectSaved(page: Page) {
  await page
    .getByRole('status')
    .filter({ hasText: 'Saved. Press P for the next patron.' })
    .waitFor();
  await expect.poll(async () => (await focused(page)).name).toMatch(/^Next patron/);
}

async function nextPatron(page: Page) {
  await page.keyboard.press('p');
  const heading = page.locator('#patron-card-title');
  await heading.waitFor();
  await expect.poll(async () => (await focused(page)).id).toBe('patron-card-title');
  return (await heading.textContent()) ?? '';
}

describe('calling', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('calls patrons with the keyboard alone while the coordinator watches live', async () => {
    const coordinator = await openPage(browser, { locale: 'en-CA' });
    const { page: adminPage } = coordinator;
    await setUpFirstAdmin(adminPage, server.setupLink, admin);
    const api = adminPage.request;

    const imported = await api.post(`${server.url}/api/imports`, {
      multipart: {
        file: { name: 'patrons.csv', mimeType: 'text/csv', buffer: Buffer.from(PATRONS_CSV) },
        wait: 'true',
      },
    });
    expect(imported.status()).toBe(200);
    const scripts = (await (await api.get(`${server.url}/api/scripts`)).json()) as {
      items: { id: number; name: string }[];
    };
    const script = scripts.items.find((s) => s.name === 'Wellness check-in for seniors');
    expect(script).toBeDefined();
    const services = (await (await api.get(`${server.url}/api/services`)).json()) as {
      items: { key: string }[];
    };
    expect(services.items.length).toBeGreaterThanOrEqual(6);
    const created = await api.post(`${server.url}/api/campaigns`, {
      data: {
        name: campaignName,
        purpose: 'Check on older patrons and tell them about home services.',
        legalAuthority: 'Library privacy policy, section 4: service contact.',
        contact: 'Outreach office, 416-555-0100',
        scriptId: script?.id,
        serviceKeys: services.items.slice(0, 6).map((s) => s.key),
        // Any hour of the day, so the test passes whenever it runs.
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
    const user = await api.post(`${server.url}/api/users`, {
      data: { ...caller, role: 'caller', language: 'en' },
    });
    expect(user.status()).toBe(201);

    // The coordinator watches the campaign's progress.
    await adminPage.goto(`${server.url}/campaigns/${campaign.id}/progress`);
    await adminPage.getByRole('heading', { level: 1, name: `Progress: ${campaignName}` }).waitFor();
    await adminPage.getByText('Updated live.').waitFor();
    const doneFigure = adminPage.locator('.figure--done dd');
    expect(await doneFigure.textContent()).toBe('0');
    expect(await adminPage.locator('.figure--waiting dd').textContent()).toBe('4');
    await expectAccessible(adminPage, 'progress');

    // The caller signs in and works with the keyboard alone from here on.
    const calling = await openPage(browser, { locale: 'en-CA' });
    const { page } = calling;
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(caller.email);
    await page.getByLabel('Password').fill(caller.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${caller.name}` }).waitFor();

    await tabTo(page, /^Calling$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Calling' }).waitFor();
    expect(await page.getByLabel('Campaign you are calling for').inputValue()).toBe(
      String(campaign.id),
    );
    await page.getByText('Check on older patrons and tell them about home services.').waitFor();
    await page.getByRole('button', { name: /^Next patron/ }).waitFor();
    await expectAccessible(page, 'workspace before a claim');

    // First call: reached, a service told about, a note and a quote with consent.
    await nextPatron(page);
    const dial = page.locator('.dial-main a');
    expect(await dial.getAttribute('href')).toMatch(/^tel:\+1416555030\d$/);
    await tabTo(page, /^Start the call timer$/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Stop the call timer' }).waitFor();
    await expectAccessible(page, 'workspace with a card');

    await tabTo(page, /^Speaking with/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Why you are calling' }).waitFor();
    await tabTo(page, /^Continue$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Yes, go ahead$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Doing well$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Internet at home' }).waitFor();
    await tabTo(page, /^Yes$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: 'Services you can use from home' }).waitFor();
    await tabTo(page, /^Told about/);
    await page.keyboard.press('Space');

    await page.keyboard.press('r');
    await expect
      .poll(() => page.locator('#outcome-reached').getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByRole('status').filter({ hasText: 'Outcome: Reached.' }).waitFor();
    await tabTo(page, 'outcome-note');
    await page.keyboard.type('Doing well; enjoys the large-print books.');
    await tabTo(page, /^Add a quote$/);
    await page.keyboard.press('Enter');
    await tabTo(page, 'outcome-quoteText');
    await page.keyboard.type('These calls make my week.');
    await tabTo(page, 'outcome-quoteConsent');
    await page.keyboard.press('Space');
    await expectAccessible(page, 'workspace with the outcome panel');
    await page.screenshot({ path: '/tmp/calling-workspace-wide.png', fullPage: true });
    await page.keyboard.press('Control+Enter');
    await expectSaved(page);

    // The coordinator's page follows without a reload.
    await expect.poll(() => doneFigure.textContent(), { timeout: 15_000 }).not.toBe('0');

    // Second call: a message left. On a narrow phone the page does not scroll sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    await nextPatron(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await expectAccessible(page, 'workspace at 320 px');
    await page.screenshot({ path: '/tmp/calling-workspace-320.png', fullPage: true });
    await page.keyboard.press('v');
    await page.keyboard.press('Control+Enter');
    await expectSaved(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Third call: call back later, at a time given in the date field.
    await nextPatron(page);
    await page.keyboard.press('c');
    await expect.poll(async () => (await focused(page)).id).toBe('outcome-callbackAt');
    await page.locator('#outcome-callbackAt').fill('2031-05-14T10:30');
    await page.keyboard.press('Control+Enter');
    await expectSaved(page);

    // Nobody left for now: the others wait for a later attempt.
    await page.keyboard.press('p');
    await page.locator('.next-patron .alert').waitFor();

    await expect
      .poll(() => adminPage.locator('.figure--waiting dd').textContent(), { timeout: 15_000 })
      .toBe('0');
    await adminPage.setViewportSize({ width: 320, height: 800 });
    expect(
      await adminPage.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(320);
    await expectAccessible(adminPage, 'progress at 320 px');
    await adminPage.screenshot({ path: '/tmp/calling-progress-320.png', fullPage: true });
    await page.screenshot({ path: '/tmp/calling-workspace-done.png', fullPage: true });

    expectNoProblems(calling);
    expectNoProblems(coordinator);
    await calling.close();
    await coordinator.close();
  });
});
