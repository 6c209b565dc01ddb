import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../shared/error-codes.js';

/** Schemas used by many routes. */

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error' });

/** Error responses every operation may give, for the OpenAPI document. */
export const errorResponses = { '4xx': errorSchema, '5xx': errorSchema } as const;

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const okSchema = z.object({ ok: z.literal(true) });
