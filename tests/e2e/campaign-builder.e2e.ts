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
  name: 'Sylvie Gagnon',
  email: 'sylvie@library.test',
  password: 'cedar lighthouse morning 58',
};
const caller = {
  name: 'Omar Haddad',
  email: 'omar@library.test',
  password: 'granite meadow sparrow 31',
};
const campaignName = 'Winter wellness calls';

/** Four patrons of 70 or more (three of 80 or more, two sharing a line) and two younger ones. */
const PATRONS_CSV = [
  'borrowernumber,cardnumber,surname,firstname,dateofbirth,branchcode,categorycode,phone,email,lang',
  '201,23456100001,Lavoie,Marie,1941-03-12,CPL,SENIOR,416-555-0201,marie@example.ca,fr',
  '202,23456100002,Singh,Harjit,1950-07-01,CPL,SENIOR,416-555-0202,,pa',
  '203,23456100003,Okafor,Grace,1938-11-30,MPL,SENIOR,416-555-0205,,en',
  '204,23456100004,Okafor,Daniel,1936-02-14,MPL,SENIOR,416-555-0205,,en',
  '205,23456100005,Roy,Julien,1962-01-01,CPL,ADULT,416-555-0206,,fr',
  '206,23456100006,Chen,Lily,1995-05-05,CPL,ADULT,416-555-0207,,en',
].join('\r\n');

async function stepHeading(page: Page, number: number, title: string) {
  await page.getByRole('heading', { level: 2, name: `Step ${number} of 8: ${title}` }).waitFor();
}

async function saveAndContinue(page: Page) {
  await page.getByRole('button', { name: 'Save and continue' }).click();
}

describe('campaign builder', () => {
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

  it('builds a campaign step by step, launches it, practises it, and shows it to a caller', async () => {
    const watched = await openPage(browser, { locale: 'en-CA' });
    const { page } = watched;
    await setUpFirstAdmin(page, server.setupLink, admin);

    // Patrons and a caller through the API, with the admin's session cookie.
    const imported = await page.request.post(`${server.url}/api/imports`, {
      multipart: {
        file: { name: 'patrons.csv', mimeType: 'text/csv', buffer: Buffer.from(PATRONS_CSV) },
        wait: 'true',
      },
    });
    expect(imported.status()).toBe(200);
    const created = await page.request.post(`${server.url}/api/users`, {
      data: { ...caller, role: 'caller', language: 'en' },
    });
    expect(created.status()).toBe(201);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await page.getByText('No campaigns yet.').waitFor();
    await expectAccessible(page, 'campaign list (empty)');
    await page.getByRole('link', { name: 'New campaign' }).click();

    // 1. Purpose: required fields are refused first, with the summary focused.
    await stepHeading(page, 1, 'Purpose');
    const steps = page.getByRole('navigation', { name: 'Campaign steps' });
    expect(await steps.locator('[aria-current="step"]').textContent()).toContain('Purpose');
    await saveAndContinue(page);
    const summary = page.getByRole('alert').filter({ hasText: 'Please correct the following' });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByLabel('Campaign name').fill(campaignName);
    await page
      .getByLabel('Purpose', { exact: true })
      .fill('Check on older patrons and tell them about home services.');
    await page
      .getByLabel('Legal authority')
      .fill('Library privacy policy, section 4: service contact.');
    await page.getByLabel('Contact for questions').fill('Outreach office, 416-555-0100');
    await expectAccessible(page, 'builder: purpose');
    await saveAndContinue(page);

    // 2. Audience: the live count follows the filters.
    await stepHeading(page, 2, 'Audience');
    expect(page.url()).toMatch(/\/campaigns\/\d+\/edit\?step=audience$/);
    const count = page.locator('.preview__count');
    await count.filter({ hasText: '6 patrons match' }).waitFor();
    await page.getByLabel('Minimum age').fill('70');
    await count.filter({ hasText: '4 patrons match' }).waitFor();
    const facts = page.locator('.preview__facts');
    await expect.poll(() => facts.textContent()).toContain('Households3');
    expect(
      await page
        .getByRole('table', { name: 'First patrons in calling order' })
        .locator('tbody tr')
        .count(),
    ).toBe(4);
    await expectAccessible(page, 'builder: audience');
    await saveAndContinue(page);

    // 3. Priorities: one rule for 80 and over.
    await stepHeading(page, 3, 'Priorities');
    await page.getByRole('button', { name: 'Add a priority rule' }).click();
    const ruleLabel = page.getByLabel('Priority', { exact: true });
    await expect.poll(() => ruleLabel.evaluate((el) => el === document.activeElement)).toBe(true);
    await ruleLabel.fill('80 and over');
    await page.getByLabel('Minimum age').fill('80');
    const byPriority = page.getByRole('table', { name: 'Patrons by priority' });
    await expect
      .poll(() => byPriority.getByRole('row', { name: /80 and over/ }).textContent())
      .toContain('3');
    await expectAccessible(page, 'builder: priorities');
    await saveAndContinue(page);

    // 4. Calling rules: the legal hours are the defaults.
    await stepHeading(page, 4, 'Calling rules');
    expect(await page.getByLabel('Weekdays from').inputValue()).toBe('09:00');
    expect(await page.getByLabel('Weekdays until').inputValue()).toBe('21:30');
    expect(await page.getByLabel('Weekends until').inputValue()).toBe('18:00');
    await page.getByLabel('Attempts allowed').fill('4');
    await page.getByLabel('Only the callers I choose').check();
    await page.getByRole('checkbox', { name: caller.name }).waitFor();
    await page.getByLabel('All callers').check();
    await expectAccessible(page, 'builder: calling rules');
    await saveAndContinue(page);

    // 5. Script: the starter script's branches, then a new script written here.
    await stepHeading(page, 5, 'Script');
    await page.getByLabel('Call script').selectOption({ label: 'Wellness check-in for seniors' });
    const preview = page.getByRole('heading', {
      name: 'Branches of “Wellness check-in for seniors”',
    });
    await preview.waitFor();
    expect(await page.locator('.outline__answers').count()).toBeGreaterThan(0);
    expect(await page.locator('.outline').textContent()).toContain('goes to');
    await page.getByRole('tab', { name: 'French' }).click();
    expect(await page.locator('.outline').getAttribute('class')).toBe('outline');
    await expect.poll(() => page.locator('.outline [lang="fr"]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'builder: script preview');

    await page.getByRole('button', { name: 'Write a new script' }).click();
    await page.getByRole('heading', { level: 3, name: 'New script' }).waitFor();
    await page.getByLabel('Script name').fill('Library card check');
    await page.locator('#editor-en-step-1-title').fill('Card still working?');
    await page
      .locator('#editor-en-step-1-text')
      .fill('Hello {{patron.firstName}}, is your library card still working?');
    await page.locator('#editor-en-step-1-answer-1-label').fill('Yes');
    await page.locator('#editor-en-step-2-title').fill('All good');
    await page.locator('#editor-en-step-2-text').fill('Wonderful. Thank you, and goodbye!');
    await page.getByLabel('Kind of new step').selectOption('end');
    await page.getByRole('button', { name: 'Add a step' }).click();
    await page.locator('#editor-en-step-3-title').fill('Renew the card');
    await page
      .locator('#editor-en-step-3-text')
      .fill('Call us at {{library.callbackNumber}} and we will renew it.');
    await page.getByRole('button', { name: 'Add an answer to Card still working?' }).click();
    await page.locator('#editor-en-step-1-answer-2-label').fill('No');
    await page.locator('#editor-en-step-1-answer-2-next').selectOption('step-3');
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('status').filter({ hasText: 'No problems found.' }).waitFor();
    await expectAccessible(page, 'builder: script editor');
    await page.getByRole('button', { name: 'Save the script' }).click();
    await page.getByRole('heading', { name: 'Branches of “Library card check”' }).waitFor();
    const answers = page.locator('.outline__answers').first();
    expect(await answers.textContent()).toContain('“Yes” → goes to All good');
    expect(await answers.textContent()).toContain('“No” → goes to Renew the card');
    await saveAndContinue(page);

    // 6. Services.
    await stepHeading(page, 6, 'Services');
    await page.getByLabel('Curbside service').check();
    await page.getByLabel('eResources').check();
    await expectAccessible(page, 'builder: services');
    await saveAndContinue(page);

    // 7. Training: the starter training, plus one question of our own.
    await stepHeading(page, 7, 'Training');
    await page.getByRole('button', { name: 'Use the starter training' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The starter training was filled in' })
      .waitFor();
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page
      .locator('[id^="training-faq-"][id$="-question"]')
      .last()
      .fill('Can you bring books to my home?');
    await page
      .locator('[id^="training-faq-"][id$="-answer"]')
      .last()
      .fill('Yes: ask for home delivery and we will arrange it.');
    await expectAccessible(page, 'builder: training');
    await saveAndContinue(page);

    // 8. Review and launch, with a confirmation.
    await stepHeading(page, 8, 'Review and launch');
    await page.getByText('4 patrons match today.').waitFor();
    expect(await page.locator('.summary').textContent()).toContain('Library card check');
    await expectAccessible(page, 'builder: review');
    await page.getByRole('button', { name: 'Launch the campaign' }).click();
    const dialog = page.getByRole('dialog', { name: `Launch “${campaignName}”?` });
    await dialog.waitFor();
    await expectAccessible(page, 'builder: launch confirmation');
    await dialog.getByRole('button', { name: 'Launch now' }).click();

    // The campaign page.
    await page.getByRole('heading', { level: 1, name: campaignName }).waitFor();
    await page.getByRole('status').filter({ hasText: 'launched with 4 patrons' }).waitFor();
    expect(await page.locator('.campaign-facts').textContent()).toContain('Active');
    expect(await page.locator('.campaign-facts').textContent()).toContain(
      '4 patrons on the call list',
    );
    const exportLink = page.getByRole('link', { name: 'Download the campaign file' });
    expect(await exportLink.getAttribute('href')).toMatch(/^\/api\/campaigns\/\d+\/export$/);
    await expectAccessible(page, 'campaign page (admin)');

    // Practice: walk the script with the keyboard.
    await page.getByRole('link', { name: 'Practice' }).click();
    await page.getByRole('heading', { level: 1, name: `Practice: ${campaignName}` }).waitFor();
    await page.getByText('PRACTICE', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Rose Tremblay/ }).waitFor();
    await page.getByText('The script has no French version').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Card still working?' }).waitFor();
    expect(await page.locator('.runner__text').textContent()).toBe(
      'Hello Rose, is your library card still working?',
    );
    await expectAccessible(page, 'practice');
    await page.getByRole('button', { name: 'No', exact: true }).focus();
    await page.keyboard.press('Enter');
    const renew = page.getByRole('heading', { level: 3, name: 'Renew the card' });
    await renew.waitFor();
    await expect.poll(() => renew.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Step 2: Renew the card' }).waitFor();
    await page.getByRole('button', { name: 'Back to the previous step' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Yes', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: 'All good' }).waitFor();
    await page.getByRole('button', { name: 'Next pretend patron' }).click();
    await page.getByRole('heading', { level: 2, name: /Giovanni Russo/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Card still working?' }).waitFor();
    await expectAccessible(page, 'practice (next patron)');

    // The list shows the running campaign.
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    const row = page.getByRole('row', { name: new RegExp(campaignName) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Active');
    await expectAccessible(page, 'campaign list');
    expectNoProblems(watched);
    await watched.close();

    // A caller sees the purpose and training, and cannot edit.
    const callerWatched = await openPage(browser, { locale: 'en-CA' });
    const callerPage = callerWatched.page;
    await callerPage.goto(`${server.url}/sign-in`);
    await callerPage.getByLabel('E-mail address').fill(caller.email);
    await callerPage.getByLabel('Password').fill(caller.password);
    await callerPage.getByRole('button', { name: 'Sign in' }).click();
    await callerPage.getByRole('heading', { level: 1, name: `Welcome, ${caller.name}` }).waitFor();
    await callerPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Campaigns' })
      .click();
    await callerPage.getByRole('link', { name: campaignName }).click();
    await callerPage.getByRole('heading', { level: 1, name: campaignName }).waitFor();
    await callerPage
      .getByText('Check on older patrons and tell them about home services.')
      .waitFor();
    await callerPage.getByText('Outreach office, 416-555-0100').waitFor();
    await callerPage.getByText('Can you bring books to my home?').click();
    await callerPage.getByText('Yes: ask for home delivery and we will arrange it.').waitFor();
    expect(await callerPage.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await callerPage.getByRole('button', { name: 'Pause' }).count()).toBe(0);
    await callerPage.getByRole('link', { name: 'Practice' }).waitFor();
    await expectAccessible(callerPage, 'campaign page (caller)');
    expectNoProblems(callerWatched);
    await callerWatched.close();
  });
});
