import { z } from 'zod';
import { listAuditEvents, verifyAuditChain } from '../../core/audit/audit.service.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses, pageOf, pageQuery } from '../schemas.js';

const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actor: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  details: z.unknown(),
  ip: z.string().nullable(),
});

export function auditRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/audit',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'listAuditEvents',
        tags: ['audit'],
        summary: 'The audit log, newest first',
        querystring: pageQuery.extend({
          actorId: z.coerce.number().int().optional(),
          action: z.string().max(100).optional(),
          objectType: z.string().max(100).optional(),
          objectId: z.string().max(100).optional(),
          from: z.iso.datetime().optional(),
          to: z.iso.datetime().optional(),
        }),
        response: { 200: pageOf(auditEntrySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return listAuditEvents(ctxOf(request, deps), filter, { limit, offset });
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'verifyAuditLog',
        tags: ['audit'],
        summary: 'Check the audit log hash chain: any edited or deleted entry breaks it',
        response: {
          200: z.object({ entries: z.number().int(), brokenAt: z.number().int().nullable() }),
          ...errorResponses,
        },
      },
    },
    async () => verifyAuditChain(deps.db),
  );
}
