import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
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

/** Three patrons with e-mail addresses and no phone: the e-mail campaign's whole audience. */
const PATRONS_CSV = [
  'borrowernumber,cardnumber,surname,firstname,dateofbirth,branchcode,categorycode,phone,email,lang',
  '401,23456300001,Lavoie,Marie,1941-03-12,CPL,SENIOR,,marie.lavoie@example.net,fr',
  '402,23456300002,Singh,Harjit,1950-07-01,CPL,SENIOR,,harjit.singh@example.net,en',
  '403,23456300003,Okafor,Grace,1938-11-30,MPL,SENIOR,,grace.okafor@example.net,en',
].join('\r\n');

describe('care e-mails', () => {
  let server: TestServer;
  let browser: Browser;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
    await sink.stop();
  });

  async function setUpRelay(page: Page) {
    await page.goto(`${server.url}/settings/mail`);
    await page.getByRole('heading', { level: 1, name: 'Mail' }).waitFor();
    await page.getByText('Mail is not being sent').first().waitFor();
    await expectAccessible(page, 'mail settings');
    await page.getByLabel('How mail is sent').selectOption('smtp');
    await page.getByLabel('Relay host').fill('127.0.0.1');
    await page.getByLabel('Port').first().fill(String(sink.port));
    await page.getByLabel('Connection security').first().selectOption('none');
    await page.getByLabel('Quota per minute').fill('0');
    await page.getByLabel('Quota per day').fill('0');
    await page.getByLabel('From name').fill('Maple Hills Public Library');
    await page.getByLabel('From address').fill('outreach@library.test');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Mail settings saved.').waitFor();
    await page.getByRole('button', { name: 'Check connection' }).click();
    await page.getByText(/It works/).waitFor();
  }

  it('writes a template, sends a campaign e-mail, and the patron unsubscribes from the message', async () => {
    const coordinator = await openPage(browser, { locale: 'en-CA' });
    const { page } = coordinator;
    await setUpFirstAdmin(page, server.setupLink, admin);
    const api = page.request;
    const imported = await api.post(`${server.url}/api/imports`, {
      multipart: {
        file: { name: 'patrons.csv', mimeType: 'text/csv', buffer: Buffer.from(PATRONS_CSV) },
        wait: 'true',
      },
    });
    expect(imported.status()).toBe(200);

    await setUpRelay(page);

    // Consent is recorded for two of the three: the promotional e-mail reaches only them.
    const patrons = (await (await api.get(`${server.url}/api/patrons?limit=10`)).json()) as {
      items: { id: number; firstName: string }[];
    };
    for (const p of patrons.items.filter((p) => p.firstName !== 'Grace')) {
      const consent = await api.put(`${server.url}/api/patrons/${p.id}/email-consent`, {
        data: { emailConsent: 'express' },
      });
      expect(consent.status()).toBe(200);
    }

    // A new template, written in the editor with its live preview.
    await page.goto(`${server.url}/email/templates`);
    await page.getByRole('heading', { level: 1, name: 'E-mail templates' }).waitFor();
    await page.getByText('We miss you').first().waitFor();
    await expectAccessible(page, 'template list');
    await page.getByRole('link', { name: 'New template' }).click();
    await page.getByRole('heading', { level: 1, name: 'New e-mail template' }).waitFor();
    await page.getByLabel('Template name').fill('Spring news');
    await page.getByLabel('Kind of e-mail').selectOption('promotional');
    await page
      .getByLabel(/^Subject/)
      .first()
      .fill('Spring at the library, {{patron.firstName}}');
    await page
      .getByLabel(/^HTML body/)
      .first()
      .fill('<p>Hello {{patron.firstName}},</p><p>Spring programs start soon.</p>');
    await page
      .getByLabel(/^Plain-text body/)
      .first()
      .fill('Hello {{patron.firstName}},\n\nSpring programs start soon.');
    await page.getByText('Spring at the library, Alex').waitFor();
    await expectAccessible(page, 'template editor with preview', ['iframe']);
    await page.getByRole('button', { name: 'Save the template' }).click();
    await page.getByText('Template “Spring news” saved.').waitFor();

    // The campaign's e-mail step: who it reaches, then send.
    const created = await api.post(`${server.url}/api/campaigns`, {
      data: {
        name: 'Spring news by e-mail',
        purpose: 'Tell patrons about spring programs.',
        legalAuthority: 'Library privacy policy, section 4: service contact.',
        contact: 'Outreach office, 416-555-0100',
        channel: 'email',
      },
    });
    expect(created.status()).toBe(201);
    const campaign = (await created.json()) as { id: number };
    expect((await api.post(`${server.url}/api/campaigns/${campaign.id}/launch`)).status()).toBe(
      200,
    );
    await page.goto(`${server.url}/campaigns/${campaign.id}`);
    await page.getByRole('heading', { level: 2, name: 'E-mails' }).waitFor();
    await page
      .getByLabel('Template', { exact: true })
      .selectOption({ label: 'Spring news (Promotional)' });
    await page.getByRole('button', { name: 'Send to 2 patrons' }).waitFor();
    await expectAccessible(page, 'campaign e-mail step');
    await page.getByRole('button', { name: 'Send to 2 patrons' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
    await page.getByText('2 e-mails queued.').waitFor();

    const received = await sink.waitFor(2, 30_000);
    const marie = received.find((m) => m.to.includes('marie.lavoie@example.net'));
    expect(marie?.headers.get('subject')).toBe('Spring at the library, Marie');
    expect(marie?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    await expect
      .poll(
        async () => (await page.locator('.mailing-counts, table').first().textContent()) ?? '',
        {
          timeout: 20_000,
        },
      )
      .toMatch(/Sent/);

    // Marie clicks the link in her message: a public page, no sign-in.
    const link = /<(http[^>]+\/unsubscribe\/[\w-]+)>/.exec(
      marie?.headers.get('list-unsubscribe') ?? '',
    )?.[1];
    expect(link).toBeDefined();
    const patronView = await openPage(browser, { locale: 'fr-CA' });
    await patronView.page.goto(link ?? '');
    // The template had only an English version, so the page opens in English; Marie switches.
    await patronView.page.getByRole('heading', { level: 1, name: 'Unsubscribe' }).waitFor();
    await patronView.page.getByText('m•••@example.net').first().waitFor();
    await patronView.page.getByRole('button', { name: 'Français' }).click();
    await patronView.page.getByRole('heading', { level: 1, name: 'Désabonnement' }).waitFor();
    await expectAccessible(patronView.page, 'unsubscribe page (French)');
    await patronView.page.getByRole('button', { name: 'Me désabonner' }).click();
    await patronView.page.getByRole('status').filter({ hasText: 'Vous êtes désabonné' }).waitFor();
    expectNoProblems(patronView);
    await patronView.close();

    // The outbox shows what was sent, and the address is left out from now on.
    await page.goto(`${server.url}/email/outbox`);
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await page.getByText('marie.lavoie@example.net').first().waitFor();
    await expectAccessible(page, 'outbox');
    const audience = (await (await api.get(`${server.url}/api/email/suppressions`)).json()) as {
      items: { address: string; reason: string }[];
    };
    expect(audience.items).toEqual([
      expect.objectContaining({ address: 'marie.lavoie@example.net', reason: 'unsubscribed' }),
    ]);
    expectNoProblems(coordinator);
  });

  it('sends the link a patron asked for from the calling screen', async () => {
    const coordinator = await openPage(browser, { locale: 'en-CA' });
    await signIn(coordinator.page, server.url, admin);
    const api = coordinator.page.request;
    const csv = [
      'borrowernumber,cardnumber,surname,firstname,dateofbirth,branchcode,categorycode,phone,email,lang',
      '501,23456400001,Tremblay,Louis,1944-05-02,CPL,SENIOR,416-555-0501,louis.t@example.net,en',
    ].join('\r\n');
    const imported = await api.post(`${server.url}/api/imports`, {
      multipart: {
        file: { name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
        wait: 'true',
      },
    });
    expect(imported.status()).toBe(200);
    const scripts = (await (await api.get(`${server.url}/api/scripts`)).json()) as {
      items: { id: number }[];
    };
    const created = await api.post(`${server.url}/api/campaigns`, {
      data: {
        name: 'Check-in calls',
        purpose: 'Check on patrons.',
        legalAuthority: 'Library privacy policy, section 4: service contact.',
        contact: 'Outreach office, 416-555-0100',
        scriptId: scripts.items[0]?.id,
        serviceKeys: ['digital-card', 'enewsletter'],
        audience: { hasPhone: true },
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
    const caller = {
      name: 'Tom Okonkwo',
      email: 'tom@library.test',
      password: 'orchard pebble lantern 27',
    };
    expect(
      (
        await api.post(`${server.url}/api/users`, {
          data: { ...caller, role: 'caller', language: 'en' },
        })
      ).status(),
    ).toBe(201);

    const calling = await openPage(browser, { locale: 'en-CA' });
    const { page } = calling;
    await signIn(page, server.url, caller);
    await page.goto(`${server.url}/calling`);
    await page.getByRole('heading', { level: 1, name: 'Calling' }).waitFor();
    await page.getByLabel('Campaign you are calling for').selectOption({ label: 'Check-in calls' });
    await page.getByRole('button', { name: /^Next patron/ }).click();
    await page.locator('#patron-card-title').waitFor();
    const before = sink.messages.length;
    await page.getByRole('button', { name: 'Send follow-up e-mail' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Send a follow-up e-mail' }).waitFor();
    await dialog.getByLabel('Digital library card').check();
    await expectAccessible(page, 'follow-up e-mail dialog');
    await dialog.getByRole('button', { name: 'Send the e-mail' }).click();
    await page.getByText('Queued to l•••@example.net.').waitFor();
    const [message] = (await sink.waitFor(before + 1, 30_000)).slice(before);
    expect(message?.to).toEqual(['louis.t@example.net']);
    expect(message?.raw).toMatch(/Digital library card/);
    // A transactional reply: no unsubscribe header.
    expect(message?.headers.get('list-unsubscribe')).toBeUndefined();
    expectNoProblems(calling);
  });
});
