import type { Browser } from 'playwright-core';
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
  name: 'Chantal Roy',
  email: 'chantal@library.test',
  password: 'maple lantern harbour 82',
};

/**
 * A Koha patron export: row 4 has no card number, Grace's mobile is not a phone number, Grace and
 * Daniel share a home line, and issues_count is circulation (refused).
 */
const KOHA_CSV = [
  'borrowernumber,cardnumber,surname,firstname,dateofbirth,branchcode,categorycode,phone,mobile,email,lang,issues_count',
  '101,23456000001,Lavoie,Marie,1941-03-12,CPL,ADULT,416-555-0101,,marie.lavoie@example.ca,fr,12',
  '102,23456000002,Singh,Harjit,1950-07-01,CPL,SENIOR,416-555-0102 x23,,,pa,3',
  '103,,Nobody,Card,1960-01-01,CPL,ADULT,416-555-0103,,,en,0',
  '104,23456000004,Okafor,Grace,1938-11-30,MPL,SENIOR,416-555-0105,12345,,en,7',
  '105,23456000005,Okafor,Daniel,1936-02-14,MPL,SENIOR,416-555-0105,,,en,1',
].join('\r\n');

describe('patron import', () => {
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

  it('previews a Koha file, runs a dry run, imports it and lists the patrons', async () => {
    const watched = await openPage(browser, { locale: 'en-CA' });
    const { page } = watched;
    await setUpFirstAdmin(page, server.setupLink, admin);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Import patrons' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import patrons' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Recent imports' }).waitFor();
    await page.getByText('No imports yet.').waitFor();
    await expectAccessible(page, 'import (before upload)');

    // An empty file is refused with the server's reason, and the message takes focus.
    await page.getByLabel('Patron file').setInputFiles({
      name: 'empty.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(0),
    });
    const refusal = page.getByRole('alert').filter({ hasText: 'The file could not be used' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('empty.csv: the file is empty');
    await expect.poll(() => refusal.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'import (file refused)');

    // Preview: the layout is recognised and the circulation column refused.
    await page.getByLabel('Patron file').setInputFiles({
      name: 'koha-patrons.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(KOHA_CSV, 'utf8'),
    });
    await page.getByRole('heading', { level: 2, name: '2. Check what was found' }).waitFor();
    expect(await page.locator('.facts').textContent()).toContain('Koha — patron CSV');
    const refused = page.locator('.alert', { hasText: 'Columns refused for privacy' });
    expect(await refused.textContent()).toContain('issues_count');
    const preview = page.getByRole('table', { name: 'First rows as they would be imported' });
    expect(await preview.getByRole('row').count()).toBe(6);
    const noCard = preview.getByRole('row').filter({ hasText: 'Nobody' });
    expect(await noCard.count()).toBe(0);
    expect(await preview.getByRole('row', { name: /^4 / }).textContent()).toContain(
      'no card number',
    );
    const grace = preview.getByRole('row').filter({ hasText: 'Okafor, Grace' });
    expect(await grace.textContent()).toContain('Invalid');
    expect(await grace.textContent()).toContain('+1 416-555-0105');
    const singh = preview.getByRole('row').filter({ hasText: 'Singh, Harjit' });
    expect(await singh.textContent()).toContain('ext. 23');
    expect(await page.getByLabel('Card number', { exact: true }).inputValue()).toBe('cardnumber');
    await expectAccessible(page, 'import (after preview)');

    // Dry run, from the keyboard: nothing saved, the report says what would happen.
    await page.getByRole('button', { name: 'Dry run' }).focus();
    await page.keyboard.press('Enter');
    const status = page.locator('.run .run-status');
    await status.filter({ hasText: 'Dry run finished' }).waitFor();
    expect(await status.textContent()).toContain('4 would be added, 0 updated, 1 rejected');
    const heading = page.getByRole('heading', { level: 2, name: 'Dry run report' });
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const counts = page.locator('.counts');
    expect(await counts.locator('.counts__item--inserted dd').textContent()).toBe('4');
    expect(await counts.locator('.counts__item--rejected dd').textContent()).toBe('1');

    // Then for real, with the same file and columns.
    await page.getByRole('button', { name: 'Import for real' }).click();
    await status.filter({ hasText: 'Import finished' }).waitFor();
    expect(await status.textContent()).toContain('4 added, 0 updated, 1 rejected');
    await page.getByRole('heading', { level: 2, name: 'Import report' }).waitFor();
    const problems = page.getByRole('table', { name: 'Problems found in the file' });
    await problems.waitFor();
    const rejectedRow = problems.getByRole('row').filter({ hasText: 'Rejected' });
    expect(await rejectedRow.first().getByRole('rowheader').textContent()).toBe('4');
    const csv = page.getByRole('link', { name: 'Download problems (CSV)' });
    expect(await csv.getAttribute('href')).toMatch(/^\/api\/imports\/\d+\/problems\.csv$/);
    const history = page.getByRole('table', { name: 'Recent imports' });
    await expect
      .poll(() => history.getByRole('link', { name: 'koha-patrons.csv' }).count())
      .toBe(2);
    await expectAccessible(page, 'import (after report)');

    // The patron list finds the two Okafors, on one phone line.
    await nav.getByRole('link', { name: 'Patrons', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Patrons' }).waitFor();
    await page.getByRole('status').filter({ hasText: '4 patrons' }).waitFor();
    await page.getByLabel('Name, card number, phone or e-mail').fill('Okafor');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '2 patrons' }).waitFor();
    expect(page.url()).toContain('search=Okafor');
    const patrons = page.getByRole('table', { name: 'Patrons' });
    const rows = patrons.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    for (const text of await rows.allTextContents()) expect(text).toContain('Shared line');
    expect(await rows.filter({ hasText: 'Grace' }).textContent()).toContain('12345');
    const csvExport = page.getByRole('link', { name: 'CSV file' });
    expect(await csvExport.getAttribute('href')).toBe(
      '/api/patrons/export?format=csv&search=Okafor',
    );
    await expectAccessible(page, 'patron list');

    // On a narrow screen the table scrolls inside its own labelled, focusable region.
    await page.setViewportSize({ width: 320, height: 720 });
    const region = page.getByRole('region', { name: 'Patrons' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectAccessible(page, 'patron list (320 px)');

    expectNoProblems(watched);
    await watched.close();
  });
});
