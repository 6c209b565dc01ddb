import { sql } from 'kysely';
import { z } from 'zod';
import type { AppInstance, AppDeps } from '../app.js';
import { errorResponses } from '../schemas.js';

export function healthRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'checkHealth',
        tags: ['system'],
        summary: 'Liveness and database check',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('ok') }),
          ...errorResponses,
        },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch (error) {
        _request.log.error({ err: error }, 'health check: database unreachable');
        return reply.code(503).send({
          error: {
            code: 'SERVICE_UNAVAILABLE',
            message: 'Database unreachable',
            requestId: _request.id,
          },
        });
      }
      return { status: 'ok' as const, database: 'ok' as const };
    },
  );
}
