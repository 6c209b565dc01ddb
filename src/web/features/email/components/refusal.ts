import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client';
import { errorMessage } from '../../../components/form/errorMessage';

/** Refusals whose reason only the server's words tell (nobody to e-mail, campaign not running…). */
const EXPLAINED = new Set(['UNPROCESSABLE', 'CONFLICT']);

/**
 * What to say about a failed e-mail request. A refusal carries the server's own reason, which
 * the error code alone cannot give (its words are English: the API has no reason codes yet); a
 * lost call says so plainly.
 */
export function refusalText(error: unknown, t: TFunction): string {
  if (!isApiError(error) || !EXPLAINED.has(error.code)) return errorMessage(error, t);
  const details = error.details as { reason?: unknown } | undefined;
  if (details?.reason === 'CLAIM_LOST') return t('email.refusal.claimLost');
  const reason = error.message.trim();
  return reason === '' ? errorMessage(error, t) : t('email.refusal.reason', { reason });
}
