import { z } from 'zod';
import {
  previewAudience,
  previewAudienceInput,
} from '../../core/campaigns/audience-preview.service.js';
import { launchCampaign, refreshCallList } from '../../core/campaigns/call-list.service.js';
import {
  changeCampaignStatus,
  createCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from '../../core/campaigns/campaigns.service.js';
import { exportCampaign, importCampaign } from '../../core/campaigns/sharing.service.js';
import { getCampaignScript } from '../../core/scripts/scripts.service.js';
import { scriptSchema } from '../../shared/schemas/scripts.js';
import {
  audiencePreviewSchema,
  campaignFileSchema,
  campaignSchema,
  campaignSummarySchema,
  createCampaignInput,
  updateCampaignInput,
} from '../../shared/schemas/campaigns.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses } from '../schemas.js';

const campaignId = z.object({ campaignId: z.coerce.number().int().positive() });
const builders = ['admin', 'coordinator'] as const;

export function campaignRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/campaigns',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'listCampaigns',
        tags: ['campaigns'],
        summary: 'Campaign names, states and sizes (callers: the campaigns they may work)',
        response: { 200: z.object({ items: z.array(campaignSummarySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listCampaigns(ctxOf(request, deps)) }),
  );

  app.post(
    '/api/campaigns',
    {
      config: { access: builders },
      schema: {
        operationId: 'createCampaign',
        tags: ['campaigns'],
        summary: 'Create a draft campaign',
        body: createCampaignInput,
        response: { 201: campaignSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCampaign(ctxOf(request, deps), request.body)),
  );

  app.post(
    '/api/campaigns/preview-audience',
    {
      config: { access: builders },
      schema: {
        operationId: 'previewAudience',
        tags: ['campaigns'],
        summary:
          'Count an audience (households, phones, e-mails, by priority) and show the first ten in calling order',
        body: previewAudienceInput,
        response: { 200: audiencePreviewSchema, ...errorResponses },
      },
    },
    async (request) => previewAudience(ctxOf(request, deps), request.body),
  );

  app.post(
    '/api/campaigns/import',
    {
      config: { access: builders },
      schema: {
        operationId: 'importCampaign',
        tags: ['campaigns'],
        summary: 'Create a draft campaign from a shared campaign file',
        body: campaignFileSchema,
        response: { 201: campaignSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await importCampaign(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/api/campaigns/:campaignId',
    {
      config: { access: ['admin', 'coordinator', 'caller'] },
      schema: {
        operationId: 'getCampaign',
        tags: ['campaigns'],
        summary: 'A campaign with its purpose, script, services and training',
        params: campaignId,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    async (request) => getCampaign(ctxOf(request, deps), request.params.campaignId),
  );

  app.get(
    '/api/campaigns/:campaignId/script',
    {
      config: { access: ['admin', 'coordinator', 'caller'] },
      schema: {
        operationId: 'getCampaignScript',
        tags: ['campaigns'],
        summary:
          'The campaign’s call script in every language, for its callers to study and practise',
        params: campaignId,
        response: { 200: z.object({ script: scriptSchema.nullable() }), ...errorResponses },
      },
    },
    async (request) => ({
      script: await getCampaignScript(ctxOf(request, deps), request.params.campaignId),
    }),
  );

  app.patch(
    '/api/campaigns/:campaignId',
    {
      config: { access: builders },
      schema: {
        operationId: 'updateCampaign',
        tags: ['campaigns'],
        summary: 'Change a campaign',
        params: campaignId,
        body: updateCampaignInput,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateCampaign(ctxOf(request, deps), request.params.campaignId, request.body),
  );

  app.post(
    '/api/campaigns/:campaignId/launch',
    {
      config: { access: builders },
      schema: {
        operationId: 'launchCampaign',
        tags: ['campaigns'],
        summary: 'Build the call list from the audience and open the campaign to callers',
        params: campaignId,
        response: { 200: campaignSchema, ...errorResponses },
      },
    },
    async (request) => launchCampaign(ctxOf(request, deps), request.params.campaignId),
  );

  app.post(
    '/api/campaigns/:campaignId/refresh',
    {
      config: { access: builders },
      schema: {
        operationId: 'refreshCallList',
        tags: ['campaigns'],
        summary: 'Add newly matching patrons to a running campaign (nobody is removed)',
        params: campaignId,
        response: {
          200: z.object({ added: z.number().int(), campaign: campaignSchema }),
          ...errorResponses,
        },
      },
    },
    async (request) => refreshCallList(ctxOf(request, deps), request.params.campaignId),
  );

  for (const [action, operationId, summary] of [
    ['pause', 'pauseCampaign', 'Pause a running campaign: callers get no new patrons from it'],
    ['resume', 'resumeCampaign', 'Resume a paused campaign'],
    ['close', 'closeCampaign', 'Close a campaign for good'],
  ] as const) {
    app.post(
      `/api/campaigns/:campaignId/${action}`,
      {
        config: { access: builders },
        schema: {
          operationId,
          tags: ['campaigns'],
          summary,
          params: campaignId,
          response: { 200: campaignSchema, ...errorResponses },
        },
      },
      async (request) =>
        changeCampaignStatus(ctxOf(request, deps), request.params.campaignId, action),
    );
  }

  app.get(
    '/api/campaigns/:campaignId/export',
    {
      config: { access: builders },
      schema: {
        operationId: 'exportCampaign',
        tags: ['campaigns'],
        summary:
          'The campaign as a shareable file: settings, script, services, training — never patrons',
        params: campaignId,
        response: { 200: campaignFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exportCampaign(ctxOf(request, deps), request.params.campaignId);
      return reply
        .header(
          'content-disposition',
          `attachment; filename="campaign-${request.params.campaignId}.json"`,
        )
        .send(file);
    },
  );
}
