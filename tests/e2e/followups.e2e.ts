import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../helpers/smtp-sink';
import {
  expectAccessible,
  expectNoProblems,
  launchBrowser,
  openPage,
  startTestServer,
  type TestServer,
} from './harness';
import { setUpFirstAdmin, signIn } from './steps';

const admin = {
  name: 'Nadia Bouchard',
  email: 'nadia@library.test',
  password: 'harbour willow evening 64',
};
const coordinator = {
  name: 'Priya Raman',
  email: 'priya@library.test',
  password: 'meadow copper lantern 58',
};
const caller = {
  name: 'Tom Okonkwo',
  email: 'tom@library.test',
  password: 'orchard pebble lantern 27',
};
const campaignName = 'Winter check-in calls';
const patronName = 'Evelyn Marsh';
const patronAddress = 'evelyn.marsh@example.net';
const concernNote = 'Evelyn has not eaten properly in days and sounded confused; she lives alone.';
const request = 'The link to the large-print e-book collection';
const shared = 'Her name and phone number, and that she needs help with meals.';
const referralTask = 'Check the referral to 211 Ontario worked';
/** Where screenshots of the main screens are kept for people to look at after a run. */
const artefacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');
const shot = (name: string) => ({
  path: path.join(artefacts, `followups-${name}.png`),
  fullPage: true,
});

/** One patron with a phone number (to be called) and an e-mail address (for the link). */
const PATRONS_CSV = [
  'borrowernumber,cardnumber,surname,firstname,dateofbirth,branchcode,categorycode,phone,email,lang',
  `601,23456500001,Marsh,Evelyn,1939-04-22,CPL,SENIOR,416-555-0601,${patronAddress},en`,
].join('\r\n');

/** The local calendar day `days` from now, as a date input holds it (YYYY-MM-DD). */
function dayInput(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first message the sink holds for this address, once it has arrived. */
async function messageTo(sink: SmtpSink, address: string): Promise<SinkMessage> {
  await expect
    .poll(() => sink.messages.some((m) => m.to.includes(address)), { timeout: 30_000 })
    .toBe(true);
  const message = sink.messages.find((m) => m.to.includes(address));
  if (message === undefined) throw new Error(`no message to ${address}`);
  return message;
}

describe('follow-ups', () => {
  let server: TestServer;
  let browser: Browser;
  let sink: SmtpSink;

  beforeAll(async () => {
    fs.mkdirSync(artefacts, { recursive: true });
    sink = await startSmtpSink();
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
    await sink.stop();
  });

  it('hands an urgent concern to the coordinator, who refers, and a link request is closed by e-mail', async () => {
    // The library: an administrator, the mail relay (the sink), a patron, a running phone
    // campaign, a coordinator and a caller.
    const setup = await openPage(browser, { locale: 'en-CA' });
    await setUpFirstAdmin(setup.page, server.setupLink, admin);
    const api = setup.page.request;
    const relay = await api.patch(`${server.url}/api/settings/mail`, {
      data: {
        mode: 'smtp',
        host: '127.0.0.1',
        port: sink.port,
        security: 'none',
        perMinute: 0,
        perDay: 0,
        fromName: 'Maple Hills Public Library',
        fromAddress: 'outreach@library.test',
      },
    });
    expect(relay.status()).toBe(200);
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
        name: campaignName,
        purpose: 'Check on older patrons who live alone.',
        legalAuthority: 'Library privacy policy, section 4: service contact.',
        contact: 'Outreach office, 416-555-0100',
        scriptId: scripts.items[0]?.id,
        serviceKeys: ['digital-card', 'enewsletter'],
        audience: { hasPhone: true },
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
    for (const [who, role] of [
      [coordinator, 'coordinator'],
      [caller, 'caller'],
    ] as const) {
      const user = await api.post(`${server.url}/api/users`, {
        data: { ...who, role, language: 'en' },
      });
      expect(user.status()).toBe(201);
    }
    expectNoProblems(setup);
    await setup.close();

    // The caller reaches Evelyn, hears an urgent concern and a request for a link.
    const calling = await openPage(browser, { locale: 'en-CA' });
    const { page } = calling;
    await signIn(page, server.url, caller);
    await page.goto(`${server.url}/calling`);
    await page.getByRole('heading', { level: 1, name: 'Calling' }).waitFor();
    await page.getByLabel('Campaign you are calling for').selectOption({ label: campaignName });
    await page.getByRole('button', { name: /^Next patron/ }).click();
    await page.locator('#patron-card-title').waitFor();
    expect(await page.locator('#patron-card-title').textContent()).toContain('Evelyn');
    // Referring and regular calls can be started during the call.
    const followUps = page.getByRole('region', { name: 'Follow-ups' });
    await followUps.getByRole('button', { name: 'Refer to a service' }).waitFor();
    // She would like a weekly call: enrolled now, for this caller, on this campaign.
    await followUps.getByRole('button', { name: 'Regular friendly calls' }).click();
    const enrol = page.getByRole('dialog', { name: 'Regular friendly calls' });
    await enrol.getByLabel('How often').selectOption({ label: 'Every week' });
    await enrol.getByLabel('Who calls').selectOption({ label: 'Me' });
    await expect
      .poll(() => enrol.getByLabel('Campaign whose callers make the calls').inputValue())
      .not.toBe('');
    await expectAccessible(page, 'regular friendly calls dialog');
    await enrol.getByRole('button', { name: 'Start regular calls' }).click();
    await followUps
      .getByRole('status')
      .filter({ hasText: /^Regular calls set up: Every week, the first on / })
      .waitFor();

    await page.locator('#outcome-reached').click();
    await expect
      .poll(() => page.locator('#outcome-reached').getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByRole('button', { name: 'Record a wellbeing concern' }).click();
    await page.getByLabel('Urgent — at risk').check();
    // What to do in an emergency, said before anything else.
    await page.getByRole('alert').filter({ hasText: 'In an emergency' }).waitFor();
    await page.getByLabel('What the coordinator should know').fill(concernNote);
    await page.getByRole('button', { name: 'Add an information request' }).click();
    await page.getByLabel('What the patron would like to know').fill(request);
    await page.getByLabel('What it is').selectOption({ label: 'A link to send' });
    await page.getByLabel('Who follows it up').selectOption({ label: 'Me' });
    await expectAccessible(page, 'calling screen with an urgent concern');
    await page.screenshot(shot('calling-concern'));
    await page.getByRole('button', { name: 'Save outcome' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Saved. Press P for the next patron.' })
      .waitFor();
    expectNoProblems(calling);

    // The coordinator is told by e-mail at once, with what the caller wrote and a link.
    const notice = await messageTo(sink, coordinator.email);
    expect(notice.headers.get('subject')).toContain('Urgent wellbeing concern');
    expect(notice.headers.get('subject')).toContain(caller.name);
    const noticeText = (await simpleParser(notice.raw)).text ?? '';
    expect(noticeText).toContain(concernNote);
    const link = new RegExp(`${server.url}/escalations/(\\d+)`).exec(noticeText);
    expect(link).not.toBeNull();
    // Nothing about the patron's phone or address leaves in the e-mail.
    expect(noticeText).not.toContain('555-0601');
    expect(noticeText).not.toContain(patronAddress);
    // Only the coordinator: the administrator is told when there is no coordinator.
    expect(sink.messages.filter((m) => m.to.includes(admin.email))).toEqual([]);

    // In the app: the banner on every page, the badge, the queue and the escalation.
    const desk = await openPage(browser, { locale: 'en-CA' });
    const { page: coord } = desk;
    await signIn(coord, server.url, coordinator);
    const banner = coord.getByRole('region', { name: 'Urgent wellbeing concern' });
    await banner.getByText('An urgent wellbeing concern is waiting for a coordinator.').waitFor();
    // The badge beside "Escalations" is read out after the label.
    await coord.getByRole('link', { name: /^Escalations\s*, 1 waiting, 1 urgent$/ }).waitFor();
    await banner.getByRole('link', { name: 'Open the escalations' }).click();
    await coord.getByRole('heading', { level: 1, name: 'Escalations' }).waitFor();
    await coord.getByText('1 escalation, 1 waiting for a coordinator.').waitFor();
    await expectAccessible(coord, 'escalations');
    await coord.getByRole('link', { name: `Concern about ${patronName}` }).click();
    await coord.getByRole('heading', { level: 1, name: `Concern about ${patronName}` }).waitFor();
    expect(new URL(coord.url()).pathname).toBe(`/escalations/${link?.[1]}`);
    await coord.getByText(concernNote).waitFor();
    const timeline = coord.getByRole('region', { name: 'What happened' });
    await timeline
      .getByText('Coordinators were notified in the app and by e-mail (1 message).')
      .waitFor();
    await expectAccessible(coord, 'escalation');

    await coord.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await coord
      .getByRole('status')
      .filter({ hasText: 'Acknowledged: the reminders have stopped.' })
      .waitFor();
    await timeline.getByText(`${coordinator.name} acknowledged it`).waitFor();
    // Nothing urgent waits any more: the banner goes.
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);

    // The referral needs the patron's consent: the form says so before anything is recorded.
    await coord.getByRole('button', { name: 'Refer to a service' }).click();
    const dialog = coord.getByRole('dialog', { name: 'Refer to a community service' });
    await dialog.getByLabel('Service', { exact: true }).selectOption({ label: '211 Ontario' });
    await dialog.getByLabel('What was shared with the service').fill(shared);
    await dialog.getByLabel('Check that it worked on').fill(dayInput(3));
    await dialog.getByRole('button', { name: 'Record the referral' }).click();
    await dialog
      .getByText('The patron must agree to the referral: tick the box once they have.')
      .first()
      .waitFor();
    await expectAccessible(coord, 'referral form with an error');
    await dialog.getByLabel('The patron agreed to be referred, and to what is shared').check();
    await dialog.getByRole('button', { name: 'Record the referral' }).click();
    await coord
      .getByRole('status')
      .filter({ hasText: /^Referral to 211 Ontario recorded\./ })
      .waitFor();
    await timeline.getByText(`${coordinator.name} referred the patron to 211 Ontario`).waitFor();
    const referrals = coord.getByRole('region', { name: 'Referrals' });
    await referrals.getByText(shared).waitFor();
    await referrals.getByRole('link', { name: /^Check on / }).waitFor();
    await coord.screenshot(shot('escalation-referred'));

    // The caller follows the concern they raised, read-only: what the coordinator did, without the
    // actions, the referral's texts or the patron's contact details (the call is over).
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My concerns raised' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Concerns I raised' }).waitFor();
    await page.getByText('1 concern, 0 waiting for a coordinator.').waitFor();
    await page.getByRole('cell', { name: `Acknowledged by ${coordinator.name}` }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Raised by' }).count()).toBe(0);
    await expectAccessible(page, 'concerns I raised');
    await page.getByRole('link', { name: `Concern about ${patronName}` }).click();
    await page.getByRole('heading', { level: 1, name: `Concern about ${patronName}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/escalations/${link?.[1]}`);
    await page.getByRole('heading', { name: 'What you wrote' }).waitFor();
    await page.getByText(concernNote).waitFor();
    const callerTimeline = page.getByRole('region', { name: 'What happened' });
    await callerTimeline.getByText(`${coordinator.name} acknowledged it`).waitFor();
    await callerTimeline
      .getByText(`${coordinator.name} referred the patron to 211 Ontario`)
      .waitFor();
    const callerReferrals = page.getByRole('region', { name: 'Referrals' });
    await callerReferrals.getByRole('heading', { name: '211 Ontario' }).waitFor();
    await callerReferrals.getByText(/for the coordinators only\.$/).waitFor();
    expect(await callerReferrals.getByText(shared).count()).toBe(0);
    expect(await callerReferrals.getByRole('link').count()).toBe(0);
    const callerMain = page.getByRole('main');
    expect(await callerMain.getByRole('button').count()).toBe(0);
    expect(await callerMain.getByRole('heading', { name: 'What to do' }).count()).toBe(0);
    expect(await callerMain.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await callerMain.textContent()).not.toContain('555-0601');
    await expectAccessible(page, 'escalation (caller who raised it)');
    await page.screenshot(shot('escalation-caller'));

    // The check that the referral worked is on the coordinator's list.
    await coord
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^My work/ })
      .click();
    await coord.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    const myTasks = coord.getByRole('region', { name: 'My tasks' }).first();
    await myTasks.getByRole('link', { name: referralTask }).waitFor();
    await expectAccessible(coord, 'My work (coordinator)');
    await coord.screenshot(shot('my-work-coordinator'));
    await myTasks.getByRole('link', { name: referralTask }).click();
    await coord.getByRole('heading', { level: 1, name: referralTask }).waitFor();
    await coord.getByRole('region', { name: 'Referral', exact: true }).getByText(shared).waitFor();

    // The caller's link request is a task of theirs; sending the e-mail closes it.
    await page.goto(`${server.url}/work`);
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await page.getByRole('link', { name: /^My work\s*, 1 open task$/ }).waitFor();
    const callerTasks = page.getByRole('region', { name: 'My tasks' }).first();
    await callerTasks.getByRole('link', { name: request }).click();
    await page.getByRole('heading', { level: 1, name: request }).waitFor();
    await page.getByText('Link to send').first().waitFor();
    await expectAccessible(page, 'task page');
    await page.getByRole('button', { name: 'Send the link by e-mail' }).click();
    const send = page.getByRole('dialog', { name: 'Send the link by e-mail' });
    await send
      .getByLabel('Template', { exact: true })
      .selectOption({ label: 'The link you asked for' });
    await send.getByLabel('Digital library card').check();
    await expectAccessible(page, 'send the link dialog');
    await send.getByRole('button', { name: 'Send and close the task' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /the task is done\.$/ })
      .waitFor();
    await page.locator('.followup-lead').getByText('Done', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Send the link by e-mail' }).count()).toBe(0);
    await page.screenshot(shot('task-done'));

    const linkMail = await messageTo(sink, patronAddress);
    expect(linkMail.headers.get('subject')).toBe('The link you asked for');
    const linkText = (await simpleParser(linkMail.raw)).text ?? '';
    expect(linkText).toContain('Digital library card');
    await page.getByRole('link', { name: 'Back to My work' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await page.getByText('0 tasks to do, 0 overdue.').first().waitFor();
    // Her weekly call is on the caller's list, and can be changed to monthly.
    const callbacks = page.getByRole('region', { name: 'My callbacks' });
    await callbacks.getByRole('cell', { name: 'Recurring friendly call' }).waitFor();
    const recurringCalls = page.getByRole('region', { name: 'Recurring calls' });
    await recurringCalls.getByRole('cell', { name: 'Every week' }).waitFor();
    await recurringCalls
      .getByRole('button', { name: `Change recurring calls for ${patronName}` })
      .click();
    const change = page.getByRole('dialog', { name: `Change recurring calls for ${patronName}` });
    await change.getByLabel('How often').selectOption({ label: 'Every month' });
    await expectAccessible(page, 'change recurring calls dialog');
    await change.getByRole('button', { name: 'Save the changes' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Recurring calls for ${patronName} changed.` })
      .waitFor();
    await recurringCalls.getByRole('cell', { name: 'Every month' }).waitFor();
    expectNoProblems(calling);

    // The escalation page in French, for a coordinator who works in French.
    await coord.goto(`${server.url}/escalations/${link?.[1]}`);
    await coord.getByRole('heading', { level: 1, name: `Concern about ${patronName}` }).waitFor();
    await coord.getByRole('button', { name: 'Français' }).click();
    await coord.getByRole('heading', { level: 1, name: `Inquiétude pour ${patronName}` }).waitFor();
    await coord.getByRole('heading', { name: 'Ce que l’appelant a écrit' }).waitFor();
    await expectAccessible(coord, 'escalation in French');
    await coord.screenshot(shot('escalation-fr'));
    await coord.getByRole('button', { name: 'English' }).click();
    await coord.getByRole('heading', { level: 1, name: `Concern about ${patronName}` }).waitFor();
    expectNoProblems(desk);

    // What the server holds: one referral, the acknowledged escalation, the check still to do.
    const report = server.cli(['followups', '--json']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({
      tasks: { active: 1 },
      escalations: { waiting: 0, urgentWaiting: 0, acknowledged: 1 },
      recurringCalls: { active: 1 },
      referrals: 1,
    });
    await calling.close();
    await desk.close();
  });
});
