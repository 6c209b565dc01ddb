import { z } from 'zod';
import {
  claimNextPatron,
  forceReleaseClaim,
  getCurrentCall,
  releaseClaim,
  renewClaim,
} from '../../core/calling/claims.service.js';
import {
  markDoNotCall,
  reassignCallback,
  recordOutcome,
  scheduleCallback,
} from '../../core/calling/outcomes.service.js';
import { getCampaignProgress } from '../../core/calling/progress.service.js';
import {
  callCardSchema,
  campaignProgressSchema,
  claimNextResultSchema,
  recordOutcomeInput,
  tokenBody,
} from '../../shared/schemas/calls.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses, okSchema } from '../schemas.js';

const callers = ['admin', 'coordinator', 'caller'] as const;
const builders = ['admin', 'coordinator'] as const;
const campaignId = z.object({ campaignId: z.coerce.number().int().positive() });
const claimId = z.object({ claimId: z.coerce.number().int().positive() });
const savedSchema = z.object({ saved: z.literal(true), patrons: z.number().int() });

export function callingRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/campaigns/:campaignId/claims',
    {
      config: { access: callers },
      schema: {
        operationId: 'claimNextPatron',
        tags: ['calling'],
        summary:
          'Take the next patron (or household) to call, as a 5-minute lease; your current one if you hold one',
        params: campaignId,
        response: { 200: claimNextResultSchema, ...errorResponses },
      },
    },
    async (request) => claimNextPatron(ctxOf(request, deps), request.params.campaignId),
  );

  app.get(
    '/api/claims/current',
    {
      config: { access: callers },
      schema: {
        operationId: 'getCurrentCall',
        tags: ['calling'],
        summary: 'The call you hold, if any (after a reload)',
        response: { 200: z.object({ call: callCardSchema.nullable() }), ...errorResponses },
      },
    },
    async (request) => ({ call: await getCurrentCall(ctxOf(request, deps)) }),
  );

  app.post(
    '/api/claims/:claimId/renew',
    {
      config: { access: callers },
      schema: {
        operationId: 'renewClaim',
        tags: ['calling'],
        summary:
          'Keep holding the patron (the screen does it every minute); 409 when the hold was lost',
        params: claimId,
        body: tokenBody,
        response: { 200: z.object({ expiresAt: z.string() }), ...errorResponses },
      },
    },
    async (request) => renewClaim(ctxOf(request, deps), request.params.claimId, request.body.token),
  );

  app.post(
    '/api/claims/:claimId/release',
    {
      config: { access: callers },
      schema: {
        operationId: 'releaseClaim',
        tags: ['calling'],
        summary: 'Give the patron back without recording anything (skip)',
        params: claimId,
        body: tokenBody,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await releaseClaim(ctxOf(request, deps), request.params.claimId, request.body.token);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/claims/:claimId/outcome',
    {
      config: { access: callers },
      schema: {
        operationId: 'recordOutcome',
        tags: ['calling'],
        summary:
          'Record the call: an outcome per person, answers, services, notes, quote, concern, information request; releases the claim',
        params: claimId,
        body: recordOutcomeInput,
        response: { 200: savedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const saved = await recordOutcome(ctxOf(request, deps), request.params.claimId, request.body);
      deps.wakeFollowUps?.();
      return saved;
    },
  );

  app.post(
    '/api/claims/:claimId/callback',
    {
      config: { access: callers },
      schema: {
        operationId: 'scheduleCallback',
        tags: ['calling'],
        summary:
          'Call everyone on this call back at a time, yourself or anyone; releases the claim',
        params: claimId,
        body: tokenBody.extend({
          at: z.iso.datetime(),
          forMe: z.boolean().default(true),
          note: z.string().max(4000).optional(),
        }),
        response: { 200: savedSchema, ...errorResponses },
      },
    },
    async (request) => scheduleCallback(ctxOf(request, deps), request.params.claimId, request.body),
  );

  app.post(
    '/api/claims/:claimId/force-release',
    {
      config: { access: builders },
      schema: {
        operationId: 'releaseStuckClaim',
        tags: ['calling'],
        summary: 'Free a claim a caller left behind',
        params: claimId,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await forceReleaseClaim(ctxOf(request, deps), request.params.claimId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/patrons/:patronId/do-not-call',
    {
      config: { access: callers },
      schema: {
        operationId: 'markDoNotCall',
        tags: ['calling'],
        summary:
          'Never call this patron again, in any campaign (callers: for a patron on the call they hold)',
        params: z.object({ patronId: z.coerce.number().int().positive() }),
        body: z.object({
          claimId: z.number().int().optional(),
          token: z.string().max(100).optional(),
        }),
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await markDoNotCall(ctxOf(request, deps), request.params.patronId, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/call-list/:callListId/callback',
    {
      config: { access: builders },
      schema: {
        operationId: 'reassignCallback',
        tags: ['calling'],
        summary: 'Give a callback to another caller, or to anyone (callerId null)',
        params: z.object({ callListId: z.coerce.number().int().positive() }),
        body: z.object({ callerId: z.number().int().nullable() }),
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await reassignCallback(
        ctxOf(request, deps),
        request.params.callListId,
        request.body.callerId,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/campaigns/:campaignId/progress',
    {
      config: { access: builders },
      schema: {
        operationId: 'getCampaignProgress',
        tags: ['calling'],
        summary: 'Patrons done, in progress, waiting, callbacks due; callers working now',
        params: campaignId,
        response: { 200: campaignProgressSchema, ...errorResponses },
      },
    },
    async (request) => getCampaignProgress(ctxOf(request, deps), request.params.campaignId),
  );

  app.get(
    '/api/campaigns/:campaignId/progress/stream',
    {
      config: { access: builders },
      schema: {
        operationId: 'streamCampaignProgress',
        tags: ['calling'],
        summary: 'The same progress as Server-Sent Events (event: progress), every few seconds',
        params: campaignId,
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, deps);
      const first = await getCampaignProgress(ctx, request.params.campaignId);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-request-id': request.id,
      });
      let last = '';
      const send = (progress: unknown) => {
        const data = JSON.stringify(progress);
        // Only changes are sent; a comment line keeps proxies from closing an idle stream.
        reply.raw.write(data === last ? ': still here\n\n' : `event: progress\ndata: ${data}\n\n`);
        last = data;
      };
      send(first);
      const timer = setInterval(() => {
        getCampaignProgress(ctx, request.params.campaignId).then(send, (error: unknown) => {
          request.log.warn({ err: error }, 'progress stream stopped');
          clearInterval(timer);
          reply.raw.end();
        });
      }, deps.progressIntervalMs ?? 3000);
      request.raw.on('close', () => clearInterval(timer));
    },
  );
}
