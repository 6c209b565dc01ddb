import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import os from 'node:os';
import path from 'node:path';
import { expect, onTestFailed } from 'vitest';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Chromium from the system (CHROMIUM_PATH overrides); playwright-core launches it with a fresh
 * profile. `extraArgs` adds flags, such as fake media devices for softphone calls.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  problems: string[];
  close: () => Promise<void>;
}

/**
 * Chromium logs every 4xx fetch as "Failed to load resource". For /api/ calls those answers are
 * part of the app's normal flow (not signed in yet, wrong password) and the page shows them
 * properly; anything else logged as an error fails the test.
 */
function isHandledApiAnswer(text: string, url: string): boolean {
  return (
    /^Failed to load resource: the server responded with a status of 4\d\d/.test(text) &&
    new URL(url).pathname.startsWith('/api/')
  );
}

/** A page in its own context, recording console errors and page errors as problems. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    if (url !== '' && isHandledApiAnswer(message.text(), url)) return;
    problems.push(`console.error: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // A failed step leaves a screenshot and what the browser complained about, to see why.
  onTestFailed(async ({ task }) => {
    const file = path.join(os.tmpdir(), `outreach-e2e-${task.name.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.log(`Failure screenshot: ${file}\nAt: ${page.url()}\n${problems.join('\n')}`);
  });
  return { page, problems, close: () => context.close() };
}

export function expectNoProblems(watched: WatchedPage): void {
  expect(watched.problems, 'console errors or page errors').toEqual([]);
}

/** WCAG 2.1 A and AA checks; fails on any serious or critical violation, printing each one. */
export async function expectAccessible(
  page: Page,
  label: string,
  /** Selectors axe cannot enter, such as a sandboxed preview frame (scanned as an element only). */
  exclude: string[] = [],
): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of exclude) builder = builder.exclude(selector);
  const results = await builder.analyze();
  const blocking = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = blocking.map(
    (v) =>
      `[${v.impact ?? '?'}] ${v.id}: ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
  );
  if (report.length > 0) console.log(`Accessibility violations on ${label}:\n${report.join('\n')}`);
  expect(report, `serious or critical axe violations on ${label}`).toEqual([]);
}
