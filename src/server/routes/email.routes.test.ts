import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, signInCookie, testMailDeps } from '../../../tests/helpers/http.js';
import { postfixDsn } from '../../core/email/bounces/test-fixtures.js';
import type { CallCard } from '../../shared/schemas/calls.js';
import type { EmailTemplate, Mailing, OutboxMessage } from '../../shared/schemas/email.js';
import type { Role } from '../../shared/roles.js';
import type { AppInstance } from '../app.js';

let t: TestDatabase;
let app: AppInstance;
const cookies = {} as Record<Role, string>;
let campaignId: number;
let woken = 0;

beforeEach(async () => {
  t = await createTestDb();
  woken = 0;
  app = await buildTestApp(
    t.db,
    undefined,
    testMailDeps({
      wake: () => {
        woken++;
      },
    }),
  );
  for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const)
    cookies[role] = await signInCookie(app, (await createStaff(t.db, role)).email);
  await createPatron(t.db, {
    firstName: 'Maria',
    emails: ['maria@example.org', 'maria.work@example.org'],
    emailConsent: 'express',
  });
  campaignId = (
    await launchTestCampaign(testCtx(t.db, await createStaff(t.db, 'coordinator'), testClock()), {
      channel: 'phone_then_email',
    })
  ).id;
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

const call = (
  who: Role | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) =>
  app.inject({
    method,
    url,
    ...(who !== null && { headers: { cookie: cookies[who] } }),
    ...(payload !== undefined && { payload }),
  });

async function templateId(key: string): Promise<number> {
  const row = await t.db
    .selectFrom('email_templates')
    .select('id')
    .where('starter_key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}

const version = {
  language: 'en',
  subject: 'Hello {{patron.firstName}}',
  html: '<p>Hello {{patron.firstName}}, see {{services.list}}</p>',
  text: 'Hello {{patron.firstName}}',
};

describe('e-mail over HTTP', () => {
  it('lets coordinators write templates and refuses script, unknown fields and header breaks', async () => {
    const created = await call('coordinator', 'POST', '/api/email/templates', {
      name: 'Spring news',
      class: 'promotional',
      defaultLanguage: 'en',
      versions: [version],
    });
    expect(created.statusCode).toBe(201);
    const template = created.json<EmailTemplate>();
    expect(template.versions[0]?.subject).toBe('Hello {{patron.firstName}}');

    const bad = await call('coordinator', 'PATCH', `/api/email/templates/${template.id}`, {
      versions: [
        { ...version, html: '<p onclick="x()">Hi {{patron.age}}</p><script>alert(1)</script>' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{
      error: { details: { issues: { path: string; message: string }[] } };
    }>().error.details.issues;
    expect(paths.map((i) => i.path)).toContain('versions.0.html');
    expect(paths.map((i) => i.message).join(' ')).toMatch(/script/);
    expect(paths.map((i) => i.message).join(' ')).toMatch(/patron\.age/);

    const injected = await call('coordinator', 'PATCH', `/api/email/templates/${template.id}`, {
      versions: [{ ...version, subject: 'Hi\r\nBcc: all@example.org' }],
    });
    expect(injected.statusCode).toBe(400);

    expect(
      (
        await call('caller', 'POST', '/api/email/templates', {
          name: 'Caller news',
          class: 'promotional',
          defaultLanguage: 'en',
          versions: [version],
        })
      ).statusCode,
    ).toBe(403);
    const listed = await call('caller', 'GET', '/api/email/templates');
    expect(listed.json<{ items: EmailTemplate[] }>().items.map((i) => i.name)).toContain(
      'Spring news',
    );
  });

  it('previews a template for a sample patron with the unsubscribe footer', async () => {
    const preview = await call('coordinator', 'POST', '/api/email/preview', {
      templateId: await templateId('we-miss-you'),
      language: 'fr',
      campaignId,
    });
    expect(preview.statusCode).toBe(200);
    const body = preview.json<{
      subject: string;
      html: string;
      text: string;
      headers: string[][];
    }>();
    expect(body.html).toContain('lang="fr"');
    expect(body.html).toContain('Alex');
    expect(body.text).toMatch(/désabonner/i);
    expect(body.headers[1]).toEqual(['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click']);
  });

  it('sends the campaign e-mail step and pauses, resumes and cancels it', async () => {
    // Maria was not reached on the last attempt: she is now in the e-mail audience.
    await t.db.updateTable('call_list').set({ state: 'email' }).execute();
    const id = await templateId('sorry-we-missed-you');
    const audience = await call(
      'coordinator',
      'GET',
      `/api/campaigns/${campaignId}/email-audience?templateId=${id}`,
    );
    expect(audience.json()).toEqual({ eligible: 1, alreadySent: 0, suppressed: 0, noConsent: 0 });
    const sent = await call('coordinator', 'POST', `/api/campaigns/${campaignId}/mailings`, {
      templateId: id,
      scheduledAt: '2030-01-01T09:00:00-05:00',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const { mailing, queued } = sent.json<{ mailing: Mailing; queued: number }>();
    expect(queued).toBe(1);
    expect(mailing.counts.queued).toBe(1);
    expect(mailing.scheduledAt).toBe('2030-01-01T14:00:00.000Z');
    expect(woken).toBe(1);
    expect(
      (await call('coordinator', 'POST', `/api/mailings/${mailing.id}/pause`)).json(),
    ).toMatchObject({
      status: 'paused',
    });
    expect(
      (await call('coordinator', 'POST', `/api/mailings/${mailing.id}/pause`)).statusCode,
    ).toBe(409);
    expect(
      (await call('coordinator', 'POST', `/api/mailings/${mailing.id}/resume`)).json(),
    ).toMatchObject({
      status: 'sending',
    });
    const cancelled = await call('coordinator', 'POST', `/api/mailings/${mailing.id}/cancel`);
    expect(cancelled.json<Mailing>().counts).toMatchObject({ queued: 0, cancelled: 1 });
    const outbox = await call('coordinator', 'GET', `/api/email/outbox?campaignId=${campaignId}`);
    expect(outbox.json<{ items: OutboxMessage[] }>().items[0]).toMatchObject({
      state: 'cancelled',
      patronName: 'Maria Test',
      templateName: 'Sorry we missed you',
    });
    expect((await call('caller', 'GET', '/api/email/outbox')).statusCode).toBe(403);
    expect(
      (await call('caller', 'POST', `/api/campaigns/${campaignId}/mailings`, { templateId: id }))
        .statusCode,
    ).toBe(403);
  });

  it('sends a follow-up from the calling screen to the patron held, by masked address', async () => {
    // An earlier e-mail shows in the call history like a call.
    const maria = await t.db.selectFrom('patrons').select('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('attempts')
      .values({
        campaign_id: campaignId,
        patron_id: maria.id,
        caller_id: null,
        channel: 'email',
        outcome: 'email_sent',
        contact: 0,
        created_at: '2026-03-01T15:00:00.000Z',
      })
      .execute();
    const claimed = await call('caller', 'POST', `/api/campaigns/${campaignId}/claims`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    const card = claimed.json<{ call: CallCard }>().call;
    expect(card.history.map((h) => h.outcome)).toEqual(['email_sent']);
    const patron = card.patrons[0]!;
    expect(patron.emails).toEqual(['m•••@example.org', 'm•••@example.org']);
    const sent = await call('caller', 'POST', '/api/calling/follow-up-email', {
      claimToken: card.token,
      patronId: patron.patronId,
      templateId: await templateId('link-you-asked-for'),
      serviceKeys: ['enewsletter'],
      addressIndex: 1,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json<OutboxMessage>()).toMatchObject({
      kind: 'follow_up',
      toAddress: 'maria.work@example.org',
      state: 'queued',
    });
    const row = await t.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.unsubscribe_token).toBeNull();
    expect(JSON.parse(row.headers)).toEqual([['X-Outreach-Message-Id', row.message_id]]);

    // Another caller cannot use the token; a wrong token is refused.
    const stolen = await call('coordinator', 'POST', '/api/calling/follow-up-email', {
      claimToken: card.token,
      patronId: patron.patronId,
      templateId: await templateId('link-you-asked-for'),
    });
    expect(stolen.statusCode).toBe(409);
  });

  it('records consent from a call, from staff, and as the library policy for active cardholders', async () => {
    const patron = await createPatron(t.db, { phone: null, emails: ['no.consent@example.org'] });
    await t.db.updateTable('call_list').set({ state: 'email' }).execute();
    await launchTestCampaign(testCtx(t.db, await createStaff(t.db, 'coordinator'), testClock()), {
      channel: 'email',
      scriptId: null,
    });
    const promo = await templateId('we-miss-you');
    const campaign = await t.db
      .selectFrom('campaigns')
      .select('id')
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    const audience = () =>
      call(
        'coordinator',
        'GET',
        `/api/campaigns/${campaign.id}/email-audience?templateId=${promo}`,
      ).then((r) => r.json<unknown>());
    expect(await audience()).toMatchObject({ eligible: 1, noConsent: 1 });

    // The library's policy: active cardholders have implied consent.
    await call('admin', 'PATCH', '/api/settings/mail', { impliedConsentForActive: true });
    expect(await audience()).toMatchObject({ eligible: 2, noConsent: 0 });
    await call('admin', 'PATCH', '/api/settings/mail', { impliedConsentForActive: false });

    expect(
      (
        await call('caller', 'PUT', `/api/patrons/${patron.id}/email-consent`, {
          emailConsent: 'express',
        })
      ).statusCode,
    ).toBe(403);
    const set = await call('coordinator', 'PUT', `/api/patrons/${patron.id}/email-consent`, {
      emailConsent: 'express',
    });
    expect(set.json()).toEqual({ patronId: patron.id, emailConsent: 'express' });
    expect(await audience()).toMatchObject({ eligible: 2, noConsent: 0 });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'patron.email_consent')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details ?? '{}') as unknown)).toEqual([
      { basis: 'express', source: 'staff' },
    ]);
  });

  it('keeps passwords out of every answer and seals them at rest', async () => {
    const saved = await call('admin', 'PATCH', '/api/settings/mail', {
      mode: 'smtp',
      host: 'smtp.office365.com',
      port: 587,
      security: 'starttls',
      username: 'outreach@library.example.org',
      password: 'hunter2-secret',
      fromAddress: 'outreach@library.example.org',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('hunter2');
    expect(saved.json()).toMatchObject({ passwordSet: true, mode: 'smtp' });
    const stored = await t.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'mail')
      .executeTakeFirstOrThrow();
    expect(stored.value).not.toContain('hunter2');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'mail_settings.update')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('hunter2');
    expect((await call('coordinator', 'GET', '/api/settings/mail')).statusCode).toBe(403);
    const missing = await call('admin', 'PATCH', '/api/settings/mail', { fromAddress: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { message: string } }>().error.message).toMatch(/fromAddress/);
  });

  it('unsubscribes without signing in, by the page and by RFC 8058 one-click', async () => {
    await t.db.updateTable('call_list').set({ state: 'email' }).execute();
    await call('coordinator', 'POST', `/api/campaigns/${campaignId}/mailings`, {
      templateId: await templateId('we-miss-you'),
    });
    const { unsubscribe_token: token } = await t.db
      .selectFrom('outbox')
      .select('unsubscribe_token')
      .executeTakeFirstOrThrow();
    const info = await call(null, 'GET', `/api/public/unsubscribe/${token}`);
    expect(info.json()).toEqual({
      maskedAddress: 'm•••@example.org',
      libraryName: 'Your Public Library',
      language: 'en',
      unsubscribed: false,
    });
    const oneClick = await app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect((await call(null, 'GET', `/api/public/unsubscribe/${token}`)).json()).toMatchObject({
      unsubscribed: true,
    });
    expect(await t.db.selectFrom('outbox').select('state').executeTakeFirst()).toEqual({
      state: 'cancelled',
    });
    expect(
      (await call(null, 'GET', '/api/public/unsubscribe/not-a-real-token-at-all')).statusCode,
    ).toBe(404);
  });

  it('takes bounce reports by webhook only with the token, and suppresses the address', async () => {
    await t.db.updateTable('call_list').set({ state: 'email' }).execute();
    await call('coordinator', 'POST', `/api/campaigns/${campaignId}/mailings`, {
      templateId: await templateId('we-miss-you'),
    });
    const message = await t.db
      .selectFrom('outbox')
      .select(['id', 'message_id'])
      .executeTakeFirstOrThrow();
    await t.db.updateTable('outbox').set({ state: 'sent' }).execute();
    const { token } = (await call('admin', 'POST', '/api/settings/mail/webhook-token')).json<{
      token: string;
    }>();

    const refused = await app.inject({
      method: 'POST',
      url: '/api/email/webhooks/bounces',
      headers: { authorization: 'Bearer wrong' },
      payload: { type: 'hard_bounce', recipient: 'maria@example.org' },
    });
    expect(refused.statusCode).toBe(401);

    const dsn = await app.inject({
      method: 'POST',
      url: '/api/email/webhooks/bounces',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' },
      payload: postfixDsn(message.message_id, 'maria@example.org'),
    });
    expect(dsn.statusCode).toBe(202);
    expect(await t.db.selectFrom('outbox').select('state').executeTakeFirst()).toEqual({
      state: 'bounced',
    });
    const events = await call('coordinator', 'GET', '/api/email/events');
    expect(events.json<{ items: { kind: string; outboxId: number }[] }>().items[0]).toMatchObject({
      kind: 'hard_bounce',
      outboxId: message.id,
    });
    const suppressions = await call('coordinator', 'GET', '/api/email/suppressions');
    expect(
      suppressions.json<{ items: { address: string }[] }>().items.map((s) => s.address),
    ).toEqual(['maria@example.org']);
    // A bounce can be lifted by an admin; an unsubscribe could not.
    expect(
      (await call('coordinator', 'DELETE', '/api/email/suppressions/maria@example.org')).statusCode,
    ).toBe(403);
    expect(
      (await call('admin', 'DELETE', '/api/email/suppressions/maria@example.org')).statusCode,
    ).toBe(200);
  });
});
