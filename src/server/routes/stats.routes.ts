import { z } from 'zod';
import { getCampaignStats, getLibraryStats } from '../../core/results/stats.service.js';
import { statsQuerySchema, statsSchema } from '../../shared/schemas/results.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses } from '../schemas.js';

/** Readers of the results: callers cannot; viewers get aggregates only (no per-staff activity). */
const readers = ['admin', 'coordinator', 'viewer'] as const;
const campaignId = z.object({ campaignId: z.coerce.number().int().positive() });

export function statsRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/campaigns/:campaignId/stats',
    {
      config: { access: readers },
      schema: {
        operationId: 'getCampaignStats',
        tags: ['results'],
        summary:
          'A campaign’s figures over calendar days in the library’s time zone (see docs/reference/figures.md)',
        params: campaignId,
        querystring: statsQuerySchema,
        response: { 200: statsSchema, ...errorResponses },
      },
    },
    async (request) =>
      getCampaignStats(ctxOf(request, deps), request.params.campaignId, request.query),
  );

  app.get(
    '/api/stats',
    {
      config: { access: readers },
      schema: {
        operationId: 'getLibraryStats',
        tags: ['results'],
        summary: 'The same figures over every campaign of the library',
        querystring: statsQuerySchema,
        response: { 200: statsSchema, ...errorResponses },
      },
    },
    async (request) => getLibraryStats(ctxOf(request, deps), request.query),
  );
}
