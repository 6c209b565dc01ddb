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
  name: 'Amira Haddad',
  email: 'amira@library.test',
  password: 'lantern orchard quietly 47',
};
const caller = {
  name: 'Ben Tremblay',
  email: 'ben@library.test',
  password: 'blue heron river walk 19',
};

describe('first run to a second staff member', () => {
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

  it('sets up an admin, adds a caller, works in French and signs the caller in by keyboard', async () => {
    const watched = await openPage(browser, { locale: 'en-CA' });
    const { page } = watched;

    // First run: the link printed at start-up opens the setup form.
    await page.goto(server.setupLink);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Set up Outreach Desk');
    expect(page.url()).not.toContain('token=');
    await expectAccessible(page, 'setup');
    await page.getByLabel('Full name').fill(admin.name);
    await page.getByLabel('E-mail address').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Create account and sign in' }).click();

    // Signed in on the home page, with the admin's navigation.
    await page.getByRole('heading', { level: 1, name: `Welcome, ${admin.name}` }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Home', 'Staff', 'Audit log', 'My settings']) {
      await nav.getByRole('link', { name }).waitFor();
    }
    await expectAccessible(page, 'home (admin)');

    // Staff list.
    await nav.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await page.getByRole('cell', { name: admin.email }).waitFor();
    await expectAccessible(page, 'staff list');

    // Create a caller: a too-short password is refused first, with the error summary focused.
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create a staff account' }).waitFor();
    await page.getByLabel('Full name').fill(caller.name);
    await page.getByLabel('E-mail address').fill(caller.email);
    await page.getByLabel('Role', { exact: true }).selectOption('caller');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Please correct the following' });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const password = page.getByLabel('Password');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const errorText = await page
      .locator(`[id="${describedBy.split(' ').at(-1) ?? ''}"]`)
      .textContent();
    expect(errorText).toContain('Use at least 12 characters.');
    await expectAccessible(page, 'create account with a validation error');
    await password.fill(caller.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `Account created for ${caller.name}` })
      .waitFor();
    await page.getByRole('link', { name: caller.name }).waitFor();

    // My settings: the interface language is saved on the account.
    await nav.getByRole('link', { name: 'My settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'My settings' }).waitFor();
    await page.getByLabel('Interface language').selectOption('fr');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes paramètres' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Vos paramètres sont enregistrés.' })
      .waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page
      .getByRole('navigation', { name: 'Principale' })
      .getByRole('link', { name: 'Personnel' })
      .waitFor();
    await expectAccessible(page, 'settings in French');

    // Sign out: the sign-in page stays in French.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    await page.getByLabel('Courriel').waitFor();
    await expectAccessible(page, 'sign-in');

    // The caller signs in with the keyboard alone.
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let presses = 0; presses < 10 && (await focusedId()) !== 'sign-in-email'; presses++) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedId()).toBe('sign-in-email');
    await page.keyboard.type(caller.email);
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('sign-in-password');
    await page.keyboard.type(caller.password);
    await page.keyboard.press('Enter');

    // The caller's own language (English) takes over, and their navigation has no Staff page.
    await page.getByRole('heading', { level: 1, name: `Welcome, ${caller.name}` }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const callerNav = page.getByRole('navigation', { name: 'Main' });
    await callerNav.getByRole('link', { name: 'My settings' }).waitFor();
    expect(await callerNav.getByRole('link').allTextContents()).toEqual([
      'Home',
      'Calling',
      'My work',
      'My concerns raised',
      'Community services',
      'Campaigns',
      'My settings',
    ]);
    expect(await page.locator('a[href="/staff"]').count()).toBe(0);
    await expectAccessible(page, 'home (caller)');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    expectNoProblems(watched);
    await watched.close();
  });
});
