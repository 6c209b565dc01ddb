import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface StaffMember {
  name: string;
  email: string;
  password: string;
}

/** First run: opens the setup link and creates the first administrator, who is then signed in. */
export async function setUpFirstAdmin(page: Page, setupLink: string, admin: StaffMember) {
  await page.goto(setupLink);
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Set up Outreach Desk');
  await page.getByLabel('Full name').fill(admin.name);
  await page.getByLabel('E-mail address').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Create account and sign in' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${admin.name}` }).waitFor();
}

/** Signs a staff member in from the sign-in page and waits for their home page. */
export async function signIn(
  page: Page,
  baseUrl: string,
  who: Pick<StaffMember, 'email' | 'password'>,
) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
}
