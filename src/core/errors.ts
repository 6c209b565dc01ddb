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
