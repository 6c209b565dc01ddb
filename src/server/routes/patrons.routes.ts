import { z } from 'zod';
import { EXPORT_FORMATS, exportPatrons } from '../../core/patrons/patrons.export.js';
import { setEmailConsent } from '../../core/email/consent.service.js';
import { listPatrons } from '../../core/patrons/patrons.service.js';
import { patronFilterSchema, patronSchema } from '../../shared/schemas/patrons.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses, pageOf, pageQuery } from '../schemas.js';

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function patronRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/patrons',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: {
        operationId: 'listPatrons',
        tags: ['patrons'],
        summary: 'Patrons by name, with search and filters (audited)',
        querystring: pageQuery.extend(patronFilterSchema.shape),
        response: { 200: pageOf(patronSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listPatrons(ctxOf(request, deps), filter, { limit, offset });
    },
  );

  app.put(
    '/api/patrons/:patronId/email-consent',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: {
        operationId: 'setEmailConsent',
        tags: ['patrons', 'email'],
        summary: 'Record or withdraw a patron’s consent to promotional e-mail (audited)',
        params: z.object({ patronId: z.coerce.number().int().positive() }),
        body: z.object({ emailConsent: z.enum(['express', 'implied']).nullable() }),
        response: {
          200: z.object({
            patronId: z.number().int(),
            emailConsent: z.enum(['express', 'implied']).nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      setEmailConsent(ctxOf(request, deps), request.params.patronId, request.body.emailConsent),
  );

  app.get(
    '/api/patrons/export',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: {
        operationId: 'exportPatrons',
        tags: ['patrons'],
        summary:
          'Every patron matching the filters as JSON, CSV or XLSX (formula-safe, streamed, audited)',
        querystring: patronFilterSchema.extend({ format: z.enum(EXPORT_FORMATS).default('csv') }),
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const ctx = ctxOf(request, deps);
      const stamp = ctx.now().toISOString().slice(0, 10);
      void reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="patrons-${stamp}.${format}"`)
        .header('cache-control', 'no-store');
      reply.hijack();
      reply.raw.writeHead(200, reply.getHeaders() as Record<string, string>);
      try {
        await exportPatrons(ctx, reply.raw, format, filter);
      } catch (error) {
        request.log.error({ err: error }, 'patron export failed');
        reply.raw.destroy(error instanceof Error ? error : undefined);
      }
    },
  );
}
