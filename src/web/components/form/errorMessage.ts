import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';

/** Seconds to whole minutes for people; never "0 minutes". */
function minutesOf(seconds: unknown): number {
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

/**
 * What to tell the user about a failed request, in their language. Server messages are English
 * fallbacks for logs, so the text comes from the code; a server fault adds its request id for
 * the administrator.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.INTERNAL');
  if (error.code === 'TOO_MANY_ATTEMPTS') {
    const retry = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    return t('errors.TOO_MANY_ATTEMPTS', { count: minutesOf(retry) });
  }
  const text = t(`errors.${error.code}`);
  if (error.status >= 500 && error.requestId !== undefined) {
    return `${text} ${t('errors.reference', { requestId: error.requestId })}`;
  }
  return text;
}
