import { z } from 'zod';
import { checkResultsExport, exportCampaignResults } from '../../core/results/export.js';
import { listQuotes, updateQuote } from '../../core/results/quotes.service.js';
import { getImpactReport, updateReportNarrative } from '../../core/results/report.service.js';
import {
  exportResultsQuery,
  impactReportQuery,
  impactReportSchema,
  listQuotesQuery,
  quoteSchema,
  reportNarrativeSchema,
  updateQuoteInput,
  updateReportNarrativeInput,
} from '../../shared/schemas/results.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses } from '../schemas.js';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The impact report and its narrative, the quotes wall, and a campaign's results export. */
export function reportsRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/campaigns/:campaignId/results/export',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: {
        operationId: 'exportCampaignResults',
        tags: ['results'],
        summary:
          'A campaign’s results, one row per patron and attempt, as XLSX (with a Summary sheet) or CSV (formula-safe, streamed, audited)',
        params: z.object({ campaignId: z.coerce.number().int().positive() }),
        querystring: exportResultsQuery,
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const { campaignId } = request.params;
      const ctx = ctxOf(request, deps);
      // Refusals and a missing campaign still get a proper error answer: checked before streaming.
      await checkResultsExport(ctx, campaignId, filter);
      const stamp = ctx.now().toISOString().slice(0, 10);
      void reply
        .type(CONTENT_TYPES[format])
        .header(
          'content-disposition',
          `attachment; filename="campaign-${campaignId}-results-${stamp}.${format}"`,
        )
        .header('cache-control', 'no-store');
      reply.hijack();
      reply.raw.writeHead(200, reply.getHeaders() as Record<string, string>);
      try {
        await exportCampaignResults(ctx, campaignId, format, reply.raw, filter);
      } catch (error) {
        request.log.error({ err: error }, 'campaign results export failed');
        reply.raw.destroy(error instanceof Error ? error : undefined);
      }
    },
  );

  app.get(
    '/api/reports/impact',
    {
      config: { access: ['admin', 'coordinator', 'viewer'] },
      schema: {
        operationId: 'getImpactReport',
        tags: ['results'],
        summary:
          'The impact report of a campaign (or of the whole library): figures, approved quotes, narrative',
        querystring: impactReportQuery,
        response: { 200: impactReportSchema, ...errorResponses },
      },
    },
    async (request) => getImpactReport(ctxOf(request, deps), request.query),
  );

  app.put(
    '/api/reports/impact/narrative',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: {
        operationId: 'updateReportNarrative',
        tags: ['results'],
        summary:
          'Save the narrative of a campaign’s impact report, or of the library-wide one (campaignId null)',
        body: updateReportNarrativeInput,
        response: { 200: reportNarrativeSchema, ...errorResponses },
      },
    },
    async (request) => updateReportNarrative(ctxOf(request, deps), request.body),
  );

  app.get(
    '/api/quotes',
    {
      config: { access: ['admin', 'coordinator', 'viewer'] },
      schema: {
        operationId: 'listQuotes',
        tags: ['results'],
        summary:
          'Quotes, newest first, attributed as the patron allowed: all for moderators, approved ones for viewers (audited)',
        querystring: listQuotesQuery,
        response: { 200: z.object({ items: z.array(quoteSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listQuotes(ctxOf(request, deps), request.query) }),
  );

  app.patch(
    '/api/quotes/:quoteId',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: {
        operationId: 'updateQuote',
        tags: ['results'],
        summary:
          'Approve, hide or set back to pending a quote; one without the patron’s consent cannot be approved',
        params: z.object({ quoteId: z.coerce.number().int().positive() }),
        body: updateQuoteInput,
        response: { 200: quoteSchema, ...errorResponses },
      },
    },
    async (request) => updateQuote(ctxOf(request, deps), request.params.quoteId, request.body),
  );
}
