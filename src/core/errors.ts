import type { z } from 'zod';
import type { ErrorCode } from '../shared/error-codes.js';

/**
 * The one error type business code throws. The server maps `code` to an HTTP status
 * (src/shared/error-codes.ts); the CLI prints `message`. Never put driver messages in it.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string | number): AppError =>
  new AppError('NOT_FOUND', `${what} ${id} was not found`, { what, id });

export const forbidden = (message = 'You are not allowed to do this'): AppError =>
  new AppError('FORBIDDEN', message);

/**
 * Validates input at a use case's edge. A failure becomes VALIDATION_FAILED naming each field, so
 * the API, the CLI and the web form all say the same thing.
 */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues
    .map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`))
    .join('; ');
  throw new AppError('VALIDATION_FAILED', summary, { issues });
}
