import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { setUpFirstAdmin, signIn } from './steps';

const admin = {
  name: 'Nadia Bouchard',
  email: 'nadia@library.test',
  password: 'harbour willow evening 64',
};
/** Where the printed report is kept for people to look at after a run. */
const artefacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results');

describe('results', () => {
  let server: TestServer;
  let browser: Browser;
  let viewerPassword = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    // The demo library: a finished campaign with calls, e-mails, approved quotes and a narrative.
    const demo = server.cli(['demo', '--patrons', '600']);
    expect(demo.code, demo.stderr).toBe(0);
    viewerPassword = /viewer +board@demo\.example\.org +(\S+)/.exec(demo.stdout)?.[1] ?? '';
    expect(viewerPassword).not.toBe('');
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('shows the dashboards and a one-page impact report, prints it, and moderates quotes', async () => {
    const coordinator = await openPage(browser, { locale: 'en-CA' });
    const { page } = coordinator;
    await setUpFirstAdmin(page, server.setupLink, admin);
    const campaigns = (await (await page.request.get(`${server.url}/api/campaigns`)).json()) as {
      items: { id: number; name: string; status: string }[];
    };
    const finished = campaigns.items.find((c) => c.status === 'closed');
    expect(finished?.name).toBe('Spring check-in: 85 and over');

    await page.goto(`${server.url}/results`);
    await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor();
    await page.getByRole('heading', { name: 'Each campaign' }).waitFor();
    await expectAccessible(page, 'library results');

    await page.goto(`${server.url}/campaigns/${finished?.id}/results`);
    await page
      .getByRole('heading', { level: 1, name: 'Results: Spring check-in: 85 and over' })
      .waitFor();
    await page.getByRole('heading', { name: 'Activity by staff member' }).waitFor();
    await page.getByRole('link', { name: 'Download results (Excel)' }).waitFor();
    // Every chart can be read as a table.
    const tables = page.getByRole('button', { name: /Show as table/ });
    expect(await tables.count()).toBeGreaterThanOrEqual(3);
    await tables.first().click();
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page, 'campaign results');

    // The same page in French.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: /^Résultats/ }).waitFor();
    await expectAccessible(page, 'campaign results in French');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /^Results/ }).waitFor();

    // The impact report: headline figures, approved quotes, the narrative; one printed page.
    await page.goto(`${server.url}/reports/impact?campaignId=${finished?.id}`);
    await page.getByRole('heading', { name: 'Achieved outcomes' }).waitFor();
    await page
      .getByText(/five staff working from home/)
      .first()
      .waitFor();
    expect(await page.locator('blockquote').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'impact report');
    fs.mkdirSync(artefacts, { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({
      path: path.join(artefacts, 'impact-report-print.png'),
      fullPage: true,
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    fs.writeFileSync(path.join(artefacts, 'impact-report.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });

    // Quotes: approved ones are copy-ready; a pending one can be approved when consented.
    await page.goto(`${server.url}/quotes`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.locator('blockquote').first().waitFor();
    await expectAccessible(page, 'quotes');
    expectNoProblems(coordinator);

    // A board member sees the figures, never who did what, and cannot download patron rows.
    const board = await openPage(browser, { locale: 'en-CA' });
    await signIn(board.page, server.url, {
      email: 'board@demo.example.org',
      password: viewerPassword,
    });
    await board.page.goto(`${server.url}/campaigns/${finished?.id}/results`);
    await board.page.getByRole('heading', { name: 'Call outcomes' }).waitFor();
    expect(
      await board.page.getByRole('heading', { name: 'Activity by staff member' }).count(),
    ).toBe(0);
    expect(await board.page.getByRole('link', { name: /Download results/ }).count()).toBe(0);
    const exported = await board.page.request.get(
      `${server.url}/api/campaigns/${finished?.id}/results/export?format=csv`,
    );
    expect(exported.status()).toBe(403);
    await board.page.goto(`${server.url}/reports/impact?campaignId=${finished?.id}`);
    await board.page.getByRole('heading', { name: 'Achieved outcomes' }).waitFor();
    expect(await board.page.getByRole('button', { name: /Save/ }).count()).toBe(0);
    await expectAccessible(board.page, 'impact report for a viewer');
    expectNoProblems(board);
  });
});
