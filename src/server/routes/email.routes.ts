import { z } from 'zod';
import { listEmailEvents, receiveWebhookReport } from '../../core/email/bounces.service.js';
import { checkBounceMailbox } from '../../core/email/bounces/mailbox.js';
import {
  changeMailing,
  getCampaignEmailAudience,
  listMailings,
  sendCampaignEmails,
} from '../../core/email/mailings.service.js';
import {
  cancelEmail,
  getMailStatus,
  listOutbox,
  previewEmail,
  sendFollowUpEmail,
  sendTestEmail,
} from '../../core/email/outbox.service.js';
import {
  getMailSettings,
  isBounceWebhookToken,
  loadMailConfig,
  rotateBounceWebhookToken,
  updateMailSettings,
} from '../../core/email/settings.service.js';
import { listSuppressions, removeSuppression } from '../../core/email/suppressions.js';
import {
  createEmailTemplate,
  getEmailTemplate,
  listEmailTemplates,
  updateEmailTemplate,
} from '../../core/email/templates.service.js';
import { createSmtpTransport } from '../../core/email/transport/transport.js';
import { getUnsubscribeInfo, unsubscribe } from '../../core/email/unsubscribe.service.js';
import { AppError, parseInput } from '../../core/errors.js';
import {
  bounceWebhookInput,
  createEmailTemplateInput,
  emailAudienceSchema,
  emailEventSchema,
  emailTemplateSchema,
  listOutboxQuery,
  mailingSchema,
  mailSettingsSchema,
  outboxCountsSchema,
  outboxMessageSchema,
  previewEmailInput,
  renderedEmailSchema,
  sendCampaignEmailsInput,
  sendFollowUpEmailInput,
  suppressionSchema,
  unsubscribeInfoSchema,
  updateEmailTemplateInput,
  updateMailSettingsInput,
} from '../../shared/schemas/email.js';
import type { AppDeps, AppInstance } from '../app.js';
import { anonymousCtxOf, ctxOf } from '../auth.js';
import { errorResponses, okSchema } from '../schemas.js';

const builders = ['admin', 'coordinator'] as const;
const senders = ['admin', 'coordinator', 'caller'] as const;
const templateId = z.object({ templateId: z.coerce.number().int().positive() });
const campaignId = z.object({ campaignId: z.coerce.number().int().positive() });
const mailingId = z.object({ mailingId: z.coerce.number().int().positive() });
const token = z.object({ token: z.string().min(1).max(100) });
const checkResult = z.object({ ok: z.boolean(), message: z.string() });

export function emailRoutes(app: AppInstance, deps: AppDeps): void {
  const mail = deps.mail;

  // One-click unsubscribe posts a form (RFC 8058); bounce reports may arrive as whole messages.
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'message/rfc822', 'message/delivery-status'],
    { parseAs: 'string', bodyLimit: 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/email/status',
    {
      config: { access: senders },
      schema: {
        operationId: 'getMailStatus',
        tags: ['email'],
        summary:
          'Whether mail is sent through a relay or only written to files, and how much waits',
        response: {
          200: z.object({
            mode: z.enum(['log', 'smtp']),
            logDir: z.string().nullable(),
            queued: z.number().int(),
            fromAddress: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => getMailStatus(ctxOf(request, deps), mail),
  );

  app.get(
    '/api/email/templates',
    {
      config: { access: senders },
      schema: {
        operationId: 'listEmailTemplates',
        tags: ['email'],
        summary: 'E-mail templates with their language versions',
        response: { 200: z.object({ items: z.array(emailTemplateSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listEmailTemplates(ctxOf(request, deps)) }),
  );

  app.post(
    '/api/email/templates',
    {
      config: { access: builders },
      schema: {
        operationId: 'createEmailTemplate',
        tags: ['email'],
        summary: 'Create a template (HTML is checked: scripts, styles and events are refused)',
        body: createEmailTemplateInput,
        response: { 201: emailTemplateSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createEmailTemplate(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/api/email/templates/:templateId',
    {
      config: { access: senders },
      schema: {
        operationId: 'getEmailTemplate',
        tags: ['email'],
        summary: 'One template',
        params: templateId,
        response: { 200: emailTemplateSchema, ...errorResponses },
      },
    },
    async (request) => getEmailTemplate(ctxOf(request, deps), request.params.templateId),
  );

  app.patch(
    '/api/email/templates/:templateId',
    {
      config: { access: builders },
      schema: {
        operationId: 'updateEmailTemplate',
        tags: ['email'],
        summary: 'Change a template, its versions, or archive it',
        params: templateId,
        body: updateEmailTemplateInput,
        response: { 200: emailTemplateSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateEmailTemplate(ctxOf(request, deps), request.params.templateId, request.body),
  );

  app.post(
    '/api/email/preview',
    {
      config: { access: builders },
      schema: {
        operationId: 'previewEmail',
        tags: ['email'],
        summary: 'Render a template for a patron or a sample patron, exactly as it would be sent',
        body: previewEmailInput,
        response: { 200: renderedEmailSchema, ...errorResponses },
      },
    },
    async (request) => previewEmail(ctxOf(request, deps), mail, request.body),
  );

  app.post(
    '/api/email/templates/:templateId/test',
    {
      config: { access: builders },
      schema: {
        operationId: 'sendTestEmail',
        tags: ['email'],
        summary: 'Send the template to yourself',
        params: templateId,
        body: z.object({
          language: z
            .string()
            .regex(/^[a-z]{2}$/)
            .optional(),
        }),
        response: { 201: z.object({ toAddress: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await sendTestEmail(
            ctxOf(request, deps),
            mail,
            request.params.templateId,
            request.body.language,
          ),
        ),
  );

  app.get(
    '/api/campaigns/:campaignId/email-audience',
    {
      config: { access: builders },
      schema: {
        operationId: 'getCampaignEmailAudience',
        tags: ['email'],
        summary:
          'Who the campaign’s e-mail step would reach with a template, and who it leaves out',
        params: campaignId,
        querystring: z.object({ templateId: z.coerce.number().int().positive() }),
        response: { 200: emailAudienceSchema, ...errorResponses },
      },
    },
    async (request) =>
      getCampaignEmailAudience(
        ctxOf(request, deps),
        mail,
        request.params.campaignId,
        request.query.templateId,
      ),
  );

  app.get(
    '/api/campaigns/:campaignId/mailings',
    {
      config: { access: builders },
      schema: {
        operationId: 'listMailings',
        tags: ['email'],
        summary: 'The campaign’s e-mail sends, with their delivery counts',
        params: campaignId,
        response: { 200: z.object({ items: z.array(mailingSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listMailings(ctxOf(request, deps), request.params.campaignId),
    }),
  );

  app.post(
    '/api/campaigns/:campaignId/mailings',
    {
      config: { access: builders },
      schema: {
        operationId: 'sendCampaignEmails',
        tags: ['email'],
        summary: 'Queue a template for the campaign’s e-mail audience, now or at a set time',
        params: campaignId,
        body: sendCampaignEmailsInput,
        response: {
          201: z.object({ mailing: mailingSchema, queued: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await sendCampaignEmails(
            ctxOf(request, deps),
            mail,
            request.params.campaignId,
            request.body,
          ),
        ),
  );

  for (const action of ['pause', 'resume', 'cancel'] as const) {
    app.post(
      `/api/mailings/:mailingId/${action}`,
      {
        config: { access: builders },
        schema: {
          operationId: `${action}Mailing`,
          tags: ['email'],
          summary: `${action[0]?.toUpperCase()}${action.slice(1)} a campaign’s e-mail send`,
          params: mailingId,
          response: { 200: mailingSchema, ...errorResponses },
        },
      },
      async (request) =>
        changeMailing(ctxOf(request, deps), mail, request.params.mailingId, action),
    );
  }

  app.post(
    '/api/calling/follow-up-email',
    {
      config: { access: senders },
      schema: {
        operationId: 'sendFollowUpEmail',
        tags: ['email', 'calling'],
        summary: 'Send the patron being called the link(s) they asked for',
        body: sendFollowUpEmailInput,
        response: { 201: outboxMessageSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await sendFollowUpEmail(ctxOf(request, deps), mail, request.body)),
  );

  app.get(
    '/api/email/outbox',
    {
      config: { access: builders },
      schema: {
        operationId: 'listOutbox',
        tags: ['email'],
        summary: 'E-mails and their delivery state, newest first, with counts per state',
        querystring: listOutboxQuery,
        response: {
          200: z.object({ items: z.array(outboxMessageSchema), counts: outboxCountsSchema }),
          ...errorResponses,
        },
      },
    },
    async (request) => listOutbox(ctxOf(request, deps), request.query),
  );

  app.post(
    '/api/email/outbox/:id/cancel',
    {
      config: { access: builders },
      schema: {
        operationId: 'cancelEmail',
        tags: ['email'],
        summary: 'Cancel an e-mail that has not been sent yet',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: outboxMessageSchema, ...errorResponses },
      },
    },
    async (request) => cancelEmail(ctxOf(request, deps), request.params.id),
  );

  app.get(
    '/api/email/suppressions',
    {
      config: { access: builders },
      schema: {
        operationId: 'listSuppressions',
        tags: ['email'],
        summary: 'Addresses that get no mail: unsubscribed, bounced, complained, stopped',
        response: { 200: z.object({ items: z.array(suppressionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listSuppressions(ctxOf(request, deps)) }),
  );

  app.delete(
    '/api/email/suppressions/:address',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'removeSuppression',
        tags: ['email'],
        summary: 'Let mail reach a bounced or manually stopped address again',
        params: z.object({ address: z.string().min(3).max(320) }),
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await removeSuppression(ctxOf(request, deps), request.params.address);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/email/events',
    {
      config: { access: builders },
      schema: {
        operationId: 'listEmailEvents',
        tags: ['email'],
        summary: 'Bounce and complaint reports received, newest first',
        response: { 200: z.object({ items: z.array(emailEventSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listEmailEvents(ctxOf(request, deps)) }),
  );

  app.get(
    '/api/settings/mail',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'getMailSettings',
        tags: ['email', 'settings'],
        summary: 'The mail relay and bounce mailbox settings (passwords never shown)',
        response: { 200: mailSettingsSchema, ...errorResponses },
      },
    },
    async (request) => getMailSettings(ctxOf(request, deps)),
  );

  app.patch(
    '/api/settings/mail',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'updateMailSettings',
        tags: ['email', 'settings'],
        summary: 'Change the mail settings; a password left out is kept, an empty one removed',
        body: updateMailSettingsInput,
        response: { 200: mailSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const settings = await updateMailSettings(ctxOf(request, deps), mail, request.body);
      mail.wake?.();
      return settings;
    },
  );

  app.post(
    '/api/settings/mail/test',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'testMailSettings',
        tags: ['email', 'settings'],
        summary: 'Connect and sign in to the relay with the saved settings',
        response: { 200: checkResult, ...errorResponses },
      },
    },
    async (request) => {
      ctxOf(request, deps);
      const config = await loadMailConfig(deps.db, mail);
      if (config.mode !== 'smtp')
        return { ok: false, message: 'No relay is configured: mail is written to files.' };
      const transport = createSmtpTransport(config);
      try {
        await transport.verify();
        return { ok: true, message: `Connected to ${config.host}:${config.port}` };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      } finally {
        transport.close();
      }
    },
  );

  app.post(
    '/api/settings/mail/bounces/test',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'testBounceMailbox',
        tags: ['email', 'settings'],
        summary: 'Connect and sign in to the bounce mailbox with the saved settings',
        response: { 200: checkResult, ...errorResponses },
      },
    },
    async (request) => {
      ctxOf(request, deps);
      const { bounces } = await loadMailConfig(deps.db, mail);
      try {
        await checkBounceMailbox(bounces);
        return { ok: true, message: `Signed in to ${bounces.host}:${bounces.port}` };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  );

  app.post(
    '/api/settings/mail/webhook-token',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'rotateBounceWebhookToken',
        tags: ['email', 'settings'],
        summary: 'Create a new bounce webhook token (shown once; the old one stops working)',
        response: { 200: z.object({ token: z.string(), url: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      const created = await rotateBounceWebhookToken(ctxOf(request, deps));
      return { token: created, url: `${deps.publicUrl}/api/email/webhooks/bounces` };
    },
  );

  app.post(
    '/api/email/webhooks/bounces',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'receiveBounceReport',
        tags: ['email'],
        summary:
          'Bounce or complaint report from a relay: JSON, or a whole report message (message/rfc822). Authorization: Bearer <token>',
        response: { 202: z.object({ recorded: z.boolean() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const header = request.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (!(await isBounceWebhookToken(deps.db, given)))
        throw new AppError('UNAUTHENTICATED', 'A valid bounce webhook token is required');
      const body =
        typeof request.body === 'string'
          ? request.body
          : parseInput(bounceWebhookInput, request.body ?? {});
      const id = await receiveWebhookReport(anonymousCtxOf(request, deps), body);
      return reply.code(202).send({ recorded: id !== null });
    },
  );

  app.get(
    '/api/public/unsubscribe/:token',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getUnsubscribe',
        tags: ['email'],
        summary: 'What an unsubscribe link is for (masked address, library)',
        params: token,
        response: { 200: unsubscribeInfoSchema, ...errorResponses },
      },
    },
    async (request) => getUnsubscribeInfo(anonymousCtxOf(request, deps), request.params.token),
  );

  app.post(
    '/api/public/unsubscribe/:token',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'unsubscribe',
        tags: ['email'],
        summary: 'Unsubscribe the address an e-mail went to; takes effect at once',
        params: token,
        response: { 200: unsubscribeInfoSchema, ...errorResponses },
      },
    },
    async (request) => unsubscribe(anonymousCtxOf(request, deps), request.params.token, 'page'),
  );

  // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to the link in the header. The same
  // URL opened in a browser (GET) is the bilingual page of the web app.
  app.post(
    '/unsubscribe/:token',
    { config: { access: 'public' }, schema: { hide: true, params: token } },
    async (request, reply) => {
      await unsubscribe(anonymousCtxOf(request, deps), request.params.token, 'one-click');
      return reply.code(200).type('text/plain; charset=utf-8').send('Unsubscribed.\n');
    },
  );
}
