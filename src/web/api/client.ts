import { ERROR_CODES, type ErrorCode } from '../../shared/error-codes.js';

/** A field problem reported by the server (VALIDATION_FAILED). */
export interface ApiIssue {
  path: string;
  message: string;
}

/** An error answer from the API, or a network failure (status 0, code SERVICE_UNAVAILABLE). */
export interface ApiError extends Error {
  name: 'ApiError';
  status: number;
  code: ErrorCode;
  details: unknown;
  requestId: string | undefined;
}

export function apiError(
  status: number,
  code: ErrorCode,
  message: string,
  details?: unknown,
  requestId?: string,
): ApiError {
  return Object.assign(new Error(message), {
    name: 'ApiError' as const,
    status,
    code,
    details,
    requestId,
  });
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError';
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** The issues of a VALIDATION_FAILED answer, if any. */
export function issuesOf(error: ApiError): ApiIssue[] {
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is ApiIssue =>
      typeof (i as ApiIssue).path === 'string' && typeof (i as ApiIssue).message === 'string',
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (error !== undefined && isErrorCode(error.code)) {
    const message = typeof error.message === 'string' ? error.message : response.statusText;
    const requestId = typeof error.requestId === 'string' ? error.requestId : undefined;
    return apiError(response.status, error.code, message, error.details, requestId);
  }
  const code: ErrorCode = response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  return apiError(response.status, code, response.statusText);
}

export type QueryValue = string | number | boolean | undefined;

/** `path` with the defined, non-empty values of `query` as its query string. */
export function urlOf(path: string, query?: Record<string, QueryValue>): string {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

/**
 * Calls the API on this origin with the session cookie. Resolves with the parsed JSON body;
 * rejects with an ApiError for any non-2xx answer or when the server cannot be reached.
 */
export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: {
    body?: unknown;
    form?: FormData;
    query?: Record<string, QueryValue>;
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body sets its own multipart content type, boundary included.
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let body: BodyInit | null = null;
  if (options.form !== undefined) body = options.form;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body,
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw apiError(0, 'SERVICE_UNAVAILABLE', 'The server could not be reached');
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body: unknown = {}) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  /** Sends a file with its fields as multipart/form-data. */
  upload: <T>(path: string, form: FormData) => apiRequest<T>('POST', path, { form }),
};
