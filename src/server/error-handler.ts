import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from '../core/errors.js';
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../shared/error-codes.js';

interface Issue {
  path: string;
  message: string;
}

function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Database faults a user can retry once the database is back (RB-7, RB-8). Never shows driver text. */
function databaseFault(error: unknown): { code: ErrorCode; message: string } | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (code === 'SQLITE_FULL')
    return {
      code: 'SERVICE_UNAVAILABLE',
      message: 'The server disk is full; nothing was saved. Tell your administrator.',
    };
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_BUSY' || code === 'SQLITE_READONLY') {
    return {
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database could not save this just now; nothing was saved. Try again.',
    };
  }
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P03',
      '08006',
      '08001',
      '08003',
      '53300',
    ].includes(code)
  ) {
    return {
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database is not reachable just now; nothing was saved. Try again shortly.',
    };
  }
  return undefined;
}

function classify(error: unknown): { code: ErrorCode; message: string; details?: unknown } {
  if (error instanceof AppError)
    return { code: error.code, message: error.message, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      code: 'VALIDATION_FAILED',
      message: 'Some fields are not valid',
      details: {
        issues: error.validation.map((v) => ({
          path: [error.validationContext, v.instancePath.replace(/^\//, '').replaceAll('/', '.')]
            .filter(Boolean)
            .join('.'),
          message: v.message ?? 'is not valid',
        })),
      },
    };
  }
  if (error instanceof ZodError) {
    return {
      code: 'VALIDATION_FAILED',
      message: 'Some fields are not valid',
      details: { issues: zodIssues(error) },
    };
  }
  if (isResponseSerializationError(error))
    return { code: 'INTERNAL', message: 'Something went wrong on the server' };
  const db = databaseFault(error);
  if (db) return db;
  const status = (error as FastifyError).statusCode;
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large' };
  if (status === 415)
    return { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'This content type is not accepted' };
  if (status === 404) return { code: 'NOT_FOUND', message: 'Not found' };
  if (status === 429) return { code: 'TOO_MANY_ATTEMPTS', message: 'Too many requests; slow down' };
  if (status !== undefined && status >= 400 && status < 500) {
    return { code: 'BAD_REQUEST', message: (error as FastifyError).message };
  }
  return { code: 'INTERNAL', message: 'Something went wrong on the server' };
}

/** The one error handler: every failure leaves as `{ error: { code, message, details?, requestId } }`. */
export function errorHandler(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { code, message, details } = classify(error);
  const status = ERROR_CODES[code];
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code }, 'request refused');
  const body: ErrorBody = { error: { code, message, requestId: request.id } };
  if (details !== undefined) body.error.details = details;
  if (code === 'TOO_MANY_ATTEMPTS') {
    const retry = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry !== undefined) void reply.header('retry-after', String(retry));
  }
  return reply.code(status).type('application/json').send(body);
}
