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

const admin = {
  name: 'Chloé Gagnon',
  email: 'chloe@library.test',
  password: 'pine cone library window 82',
};

describe('sign-in', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    const token = new URL(server.setupLink).hash.replace('#token=', '');
    const response = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, ...admin, language: 'fr' }),
    });
    expect(response.status).toBe(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('speaks the browser language before sign-in and explains a wrong password in it', async () => {
    // 320 CSS pixels wide: the page must reflow without sideways scrolling (WCAG 1.4.10).
    const watched = await openPage(browser, {
      locale: 'fr-CA',
      viewport: { width: 320, height: 640 },
    });
    const { page } = watched;

    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );

    await page.getByLabel('Courriel').fill(admin.email);
    await page.getByLabel('Mot de passe').fill('not the right password at all');
    await page.getByRole('button', { name: 'Se connecter' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Veuillez corriger ce qui suit' });
    await summary.getByText('L’adresse courriel ou le mot de passe est incorrect.').waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Mot de passe').inputValue()).toBe('');
    await expectAccessible(page, 'sign-in with a wrong password');

    // The visible switch changes the language before sign-in.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    expectNoProblems(watched);
    await watched.close();
  });
});
