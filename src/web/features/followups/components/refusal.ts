import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client';
import { errorMessage } from '../../../components/form/errorMessage';

/** Refusals whose reason only the server's words tell (already acknowledged, task closed…). */
const EXPLAINED = new Set(['UNPROCESSABLE', 'CONFLICT']);

/**
 * What to say about a refused follow-up action. A refusal carries the server's own reason, which
 * the error code alone cannot give (its words are English: the API has no reason codes yet);
 * anything else gets the usual text for its code.
 */
export function refusalText(error: unknown, t: TFunction): string {
  if (!isApiError(error) || !EXPLAINED.has(error.code)) return errorMessage(error, t);
  const reason = error.message.trim();
  return reason === '' ? errorMessage(error, t) : t('work.refused', { reason });
}
