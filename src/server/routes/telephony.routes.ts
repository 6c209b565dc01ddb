import { z } from 'zod';
import {
  getSipAccount,
  getSoftphoneConfig,
  updateSipAccount,
} from '../../core/telephony/accounts.service.js';
import { dialNumber } from '../../core/telephony/dial.service.js';
import {
  getTelephonySettings,
  updateTelephonySettings,
  webSocketOrigin,
} from '../../core/telephony/settings.service.js';
import {
  dialInput,
  dialResultSchema,
  sipAccountSchema,
  softphoneConfigSchema,
  telephonySettingsSchema,
  updateSipAccountInput,
  updateTelephonySettingsInput,
} from '../../shared/schemas/telephony.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses } from '../schemas.js';

const userIdParam = z.object({ userId: z.coerce.number().int().positive() });
const claimIdParam = z.object({ claimId: z.coerce.number().int().positive() });

/**
 * The built-in softphone: the library's phone system (admins), each staff member's SIP account
 * (the owner, or an admin without the password), the browser's registration details (the owner
 * only) and the dial check before every call.
 */
export function telephonyRoutes(
  app: AppInstance,
  deps: AppDeps,
  /** Told the new settings, so the page's Content-Security-Policy lets the WebSocket through. */
  onSettings: (origin: string | null) => void,
): void {
  const telephony = { sealer: deps.mail.sealer };

  app.get(
    '/api/settings/telephony',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'getTelephonySettings',
        tags: ['telephony'],
        summary: 'The phone system the built-in softphone connects to',
        response: { 200: telephonySettingsSchema, ...errorResponses },
      },
    },
    async (request) => getTelephonySettings(ctxOf(request, deps)),
  );

  app.patch(
    '/api/settings/telephony',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'updateTelephonySettings',
        tags: ['telephony'],
        summary: 'Turn the softphone on or off; WebSocket URL, SIP domain, ICE servers, dial plan',
        body: updateTelephonySettingsInput,
        response: { 200: telephonySettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const saved = await updateTelephonySettings(ctxOf(request, deps), request.body);
      onSettings(webSocketOrigin(saved));
      return saved;
    },
  );

  app.get(
    '/api/me/softphone',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'getSoftphoneConfig',
        tags: ['telephony'],
        summary:
          'What your browser needs to register with the phone system, your password included (audited)',
        response: { 200: softphoneConfigSchema, ...errorResponses },
      },
    },
    async (request) => getSoftphoneConfig(ctxOf(request, deps), telephony),
  );

  app.get(
    '/api/me/sip-account',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'getOwnSipAccount',
        tags: ['telephony'],
        summary: 'Your softphone account (whether a password is set, never the password)',
        response: { 200: sipAccountSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, deps);
      return getSipAccount(ctx, ctx.actor?.id ?? 0);
    },
  );

  app.patch(
    '/api/me/sip-account',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'updateOwnSipAccount',
        tags: ['telephony'],
        summary: 'Set your softphone account, or turn the softphone off for yourself',
        body: updateSipAccountInput,
        response: { 200: sipAccountSchema, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request, deps);
      return updateSipAccount(ctx, telephony, ctx.actor?.id ?? 0, request.body);
    },
  );

  app.get(
    '/api/users/:userId/sip-account',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'getSipAccount',
        tags: ['telephony'],
        summary: 'A staff member’s softphone account (never the password)',
        params: userIdParam,
        response: { 200: sipAccountSchema, ...errorResponses },
      },
    },
    async (request) => getSipAccount(ctxOf(request, deps), request.params.userId),
  );

  app.patch(
    '/api/users/:userId/sip-account',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'updateSipAccount',
        tags: ['telephony'],
        summary: 'Set a staff member’s softphone account or turn the softphone off for them',
        params: userIdParam,
        body: updateSipAccountInput,
        response: { 200: sipAccountSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateSipAccount(ctxOf(request, deps), telephony, request.params.userId, request.body),
  );

  app.post(
    '/api/claims/:claimId/dial',
    {
      config: { access: ['admin', 'coordinator', 'caller'] },
      schema: {
        operationId: 'dialNumber',
        tags: ['telephony', 'calling'],
        summary:
          'Before the softphone calls one of the held call’s numbers: checks the claim, calling hours and the number, and answers what to dial',
        params: claimIdParam,
        body: dialInput,
        response: { 200: dialResultSchema, ...errorResponses },
      },
    },
    async (request) => dialNumber(ctxOf(request, deps), request.params.claimId, request.body),
  );
}
